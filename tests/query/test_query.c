/* test_query.c - the read layer against the real scratch PostgreSQL ($CL_TEST_DSN): parsers, filter resolution
 * (ambiguous last 4, shared labels, category trees), keyset pages and cursors, per-currency totals, summary, labels. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "query/query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char g_dsn[1024];
static char g_dbname[64];
static db_conn *g_c;

static const char *test_dsn(void)
{
    const char *d = getenv("CL_TEST_DSN");
    if (!d || !*d) {
        fprintf(stderr, "CL_TEST_DSN is not set (run through tests/run)\n");
        exit(1);
    }
    return d;
}

/* Four cards (two end in 1111; two share the label Home), Dining under a
 * new parent Food, rows of several kinds in USD and SGD. */
static const char fixture[] =
    "SELECT analytics.ensure_partitions('2024-01-01', '2024-12-31');"
    "INSERT INTO analytics.cards (issuer, card_last4, label) VALUES"
    " ('chase', '1111', NULL), ('amex_us', '1111', NULL), ('dbs', '2222', 'Home'), ('citi', '3333', 'home');"
    "INSERT INTO analytics.categories (name) VALUES ('Food');"
    "UPDATE analytics.categories SET parent_id = (SELECT id FROM analytics.categories WHERE name = 'Food')"
    " WHERE name = 'Dining';"
    "INSERT INTO analytics.merchants (name, category_id) VALUES"
    " ('BLUE CAFE', (SELECT id FROM analytics.categories WHERE name = 'Dining')), ('HARDWARE 100%', NULL);"
    "INSERT INTO raw.source_files (sha256, path, size_bytes, status)"
    " SELECT encode(sha256(c.issuer::bytea), 'hex'), '/s/' || c.issuer || '.pdf', 1, 'done' FROM analytics.cards c;"
    "INSERT INTO raw.statements (source_file_id, issuer, card_last4, period_start, period_end, currency, reconciled)"
    " SELECT f.id, c.issuer, c.card_last4, '2024-01-01', '2024-12-31', CASE c.issuer WHEN 'dbs' THEN 'SGD' ELSE 'USD' END,"
    "        c.issuer <> 'citi'"
    " FROM analytics.cards c JOIN raw.source_files f ON f.path = '/s/' || c.issuer || '.pdf';"
    "INSERT INTO analytics.transactions (card_id, statement_id, transaction_date, posting_date, description, merchant_id,"
    "                                    category_id, amount, currency, fingerprint, kind)"
    " SELECT c.id, s.id, d, d, v.descr, m.id, m.category_id, v.amount, s.currency, c.issuer || v.n || d, v.kind"
    " FROM analytics.cards c JOIN raw.statements s ON s.issuer = c.issuer AND s.card_last4 = c.card_last4"
    " CROSS JOIN generate_series(date '2024-01-05', date '2024-12-05', interval '1 month') AS g(ts)"
    " CROSS JOIN LATERAL (SELECT g.ts::date AS d) dd"
    " CROSS JOIN (VALUES (1, 'BLUE CAFE 12', 'BLUE CAFE', -12.50, 'purchase'), (2, 'HARDWARE 100% OFF', 'HARDWARE 100%', -80.00, 'purchase'),"
    "                    (3, 'BLUE CAFE REFUND', 'BLUE CAFE', 2.50, 'refund'), (4, 'PAYMENT THANK YOU', NULL, 100.00, 'payment'),"
    "                    (5, 'LATE FEE', NULL, -25.00, 'fee')) AS v(n, descr, merchant, amount, kind)"
    " LEFT JOIN analytics.merchants m ON m.name = v.merchant;"
    "SELECT analytics.refresh_summaries();";

static int group_setup(void **state)
{
    (void)state;
    snprintf(g_dbname, sizeof g_dbname, "t_query_%d", (int)getpid());
    snprintf(g_dsn, sizeof g_dsn, "%s dbname=%s", test_dsn(), g_dbname);
    cl_err err = {0};
    db_conn *a = db_open(test_dsn(), DB_RAW, &err);
    if (!a)
        return fprintf(stderr, "%s\n", err.msg), -1;
    char sql[256];
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s", g_dbname);
    db_exec(a, sql, 0, NULL, &err);
    snprintf(sql, sizeof sql, "CREATE DATABASE %s", g_dbname);
    long rc = db_exec(a, sql, 0, NULL, &err);
    db_close(a);
    if (rc < 0)
        return -1;
    g_c = db_open(g_dsn, DB_MIGRATE, &err);
    if (!g_c)
        return fprintf(stderr, "%s\n", err.msg), -1;
    return db_exec(g_c, fixture, 0, NULL, &err) < 0 ? (fprintf(stderr, "%s\n", err.msg), -1) : 0;
}

static int group_teardown(void **state)
{
    (void)state;
    db_close(g_c);
    cl_err err = {0};
    db_conn *a = db_open(test_dsn(), DB_RAW, &err);
    if (!a)
        return -1;
    char sql[256];
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s WITH (FORCE)", g_dbname);
    db_exec(a, sql, 0, NULL, &err);
    db_close(a);
    return 0;
}

static void test_parsers(void **state)
{
    (void)state;
    int m;
    char buf[8];
    assert_true(q_month_parse("2024-02", &m));
    assert_int_equal(q_month_year(m), 2024);
    assert_int_equal(q_month_mon(m), 2);
    assert_string_equal(q_month_format(m + 11, buf), "2025-01");
    assert_false(q_month_parse("2024-13", &m));
    assert_false(q_month_parse("2024-1", &m));
    assert_false(q_month_parse("2024-01-01", &m));
    for (q_by by = Q_BY_MONTH; by <= Q_BY_KIND; by++) {
        q_by back;
        assert_true(q_by_parse(q_by_name(by), &back));
        assert_int_equal(back, by);
        assert_non_null(strstr(q_by_names(), q_by_name(by)));
    }
    q_by by;
    assert_false(q_by_parse("Month", &by));
    q_sort s;
    assert_true(q_sort_parse("amount", &s) && s == Q_SORT_AMOUNT);
    assert_false(q_sort_parse("size", &s));
}

static int report(q_filter *f, q_by by, q_report **r, cl_err *err) { return q_report_run(g_c, f, by, 0, r, err); }

static void test_card_resolution(void **state)
{
    (void)state;
    q_filter f;
    q_report *r;
    cl_err err = {0};
    q_filter_init(&f);
    f.cards[f.ncards++] = "1111";
    assert_int_not_equal(report(&f, Q_BY_CARD, &r, &err), 0);
    assert_int_equal(err.code, CL_E_USAGE);
    assert_true(strncmp(err.msg, "card '1111': 2 cards end in 1111", 32) == 0);
    f.cards[0] = "CHASE:1111";      /* the issuer in any case */
    assert_int_equal(report(&f, Q_BY_CARD, &r, &err), 0);
    assert_int_equal(r->nrows, 1);
    assert_string_equal(r->rows[0].key, "chase:1111");
    q_report_free(r);
    f.cards[0] = "HOME";            /* a shared label selects both cards */
    assert_int_equal(report(&f, Q_BY_CARD, &r, &err), 0);
    assert_int_equal(r->nrows, 2);
    assert_int_equal(r->ntotals, 2);    /* SGD and USD, never summed */
    assert_string_equal(r->totals[0].currency, "SGD");
    assert_string_equal(r->totals[1].currency, "USD");
    q_report_free(r);
    f.cards[0] = "nope";
    assert_int_not_equal(report(&f, Q_BY_CARD, &r, &err), 0);
    assert_true(strncmp(err.msg, "card 'nope': no card has that label", 35) == 0);
}

static void test_figures_and_kinds(void **state)
{
    (void)state;
    q_filter f;
    q_report *r;
    cl_err err = {0};
    q_filter_init(&f);
    f.cards[f.ncards++] = "chase:1111";
    assert_int_equal(report(&f, Q_BY_MONTH, &r, &err), 0);
    assert_int_equal(r->nrows, 12);
    /* a month: 12.50 + 80.00 + 25.00 - 2.50 spend, 2.50 refunds, 100.00 payments, 5 rows */
    assert_string_equal(r->rows[0].key, "2024-01");
    assert_int_equal(r->rows[0].spend, 11500);
    assert_int_equal(r->rows[0].refunds, 250);
    assert_int_equal(r->rows[0].payments, 10000);
    assert_int_equal(r->rows[0].transactions, 5);
    assert_int_equal(r->totals[0].spend, 12 * 11500);
    q_report_free(r);
    f.kinds[f.nkinds++] = "FEE";
    assert_int_equal(report(&f, Q_BY_KIND, &r, &err), 0);
    assert_int_equal(r->nrows, 1);
    assert_string_equal(r->rows[0].key, "fee");
    q_report_free(r);
    f.kinds[0] = "shopping";
    assert_int_not_equal(report(&f, Q_BY_KIND, &r, &err), 0);
    assert_true(strncmp(err.msg, "kind 'shopping'", 15) == 0);
}

static void test_category_tree(void **state)
{
    (void)state;
    q_filter f;
    q_report *r;
    cl_err err = {0};
    q_filter_init(&f);
    f.cards[f.ncards++] = "chase:1111";
    f.categories[f.ncategories++] = "food";     /* the parent includes Dining */
    assert_int_equal(report(&f, Q_BY_CATEGORY, &r, &err), 0);
    assert_int_equal(r->nrows, 1);
    assert_string_equal(r->rows[0].key, "Dining");
    assert_int_equal(r->rows[0].transactions, 24);
    q_report_free(r);
    f.categories[0] = "Uncategorized";
    assert_int_equal(report(&f, Q_BY_CATEGORY, &r, &err), 0);
    assert_int_equal(r->nrows, 1);
    assert_string_equal(r->rows[0].key, "Uncategorized");
    assert_int_equal(r->rows[0].transactions, 36);
    q_report_free(r);
}

static void test_pages_walk_every_row_once(void **state)
{
    (void)state;
    for (q_sort sort = Q_SORT_DATE; sort <= Q_SORT_AMOUNT; sort++) {
        q_filter f;
        q_filter_init(&f);
        q_txn_opts o = {.sort = sort, .limit = 7};
        char *cursor = NULL;
        int total = 0, pages = 0;
        long long seen[400];
        cl_money last = INT64_MAX;
        do {
            q_txn_page *p;
            cl_err err = {0};
            o.cursor = cursor;
            assert_int_equal(q_transactions(g_c, &f, &o, &p, &err), 0);
            for (int i = 0; i < p->nrows; i++) {
                for (int j = 0; j < total; j++)
                    assert_true(seen[j] != p->rows[i].id);
                seen[total++] = p->rows[i].id;
                cl_money size = p->rows[i].amount < 0 ? -p->rows[i].amount : p->rows[i].amount;
                if (sort == Q_SORT_AMOUNT)
                    assert_true(size <= last);
                last = size;
            }
            free(cursor);
            cursor = p->next_cursor ? strdup(p->next_cursor) : NULL;
            pages++;
            q_txn_page_free(p);
        } while (cursor && pages < 100);
        assert_int_equal(total, 4 * 12 * 5);
        assert_int_equal(pages, (total + 6) / 7);
    }
}

static void test_bad_cursors_and_limits(void **state)
{
    (void)state;
    q_filter f;
    q_filter_init(&f);
    const char *bad[] = {"x", "d:2024-13-01:5", "d:2024-01-01:", "d:2024-01-01:5x", "a:2024-01-01:5",
                         "d:2024-01-01:5;DROP TABLE x"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        q_txn_opts o = {.sort = Q_SORT_DATE, .cursor = bad[i]};
        q_txn_page *p;
        cl_err err = {0};
        assert_int_not_equal(q_transactions(g_c, &f, &o, &p, &err), 0);
        assert_int_equal(err.code, CL_E_USAGE);
        assert_true(strncmp(err.msg, "cursor", 6) == 0);
    }
    q_txn_opts o = {.sort = Q_SORT_AMOUNT, .cursor = "d:2024-01-01:5"};    /* a date cursor for amounts */
    q_txn_page *p;
    cl_err err = {0};
    assert_int_not_equal(q_transactions(g_c, &f, &o, &p, &err), 0);
    o = (q_txn_opts){.limit = 10001};
    assert_int_not_equal(q_transactions(g_c, &f, &o, &p, &err), 0);
    assert_true(strncmp(err.msg, "limit", 5) == 0);
}

static void test_search_is_literal(void **state)
{
    (void)state;
    q_filter f;
    q_filter_init(&f);
    f.search = "100%";
    q_txn_opts o = {.limit = 1000};
    q_txn_page *p;
    cl_err err = {0};
    assert_int_equal(q_transactions(g_c, &f, &o, &p, &err), 0);
    assert_int_equal(p->nrows, 48);
    for (int i = 0; i < p->nrows; i++)
        assert_non_null(strstr(p->rows[i].description, "100%"));
    q_txn_page_free(p);
    f.search = "_";     /* no description holds an underscore */
    assert_int_equal(q_transactions(g_c, &f, &o, &p, &err), 0);
    assert_int_equal(p->nrows, 0);
    assert_null(p->next_cursor);
    q_txn_page_free(p);
    f.search = NULL;
    f.has_min = true, f.min = 8000;     /* |amount| >= 80.00: the hardware and the payments */
    assert_int_equal(q_transactions(g_c, &f, &o, &p, &err), 0);
    assert_int_equal(p->nrows, 96);
    q_txn_page_free(p);
}

static void test_summary_cards_and_labels(void **state)
{
    (void)state;
    q_filter f;
    q_filter_init(&f);
    f.from = cl_date_from_ymd(2024, 3, 1);
    f.to = cl_date_from_ymd(2024, 3, 31);
    q_summary *s;
    cl_err err = {0};
    assert_int_equal(q_summary_run(g_c, &f, &s, &err), 0);
    assert_int_equal(s->cards, 4);
    assert_int_equal(s->first, cl_date_from_ymd(2024, 3, 5));
    assert_int_equal(s->last, cl_date_from_ymd(2024, 3, 5));
    assert_int_equal(s->ntotals, 2);
    assert_int_equal(s->statements, 0);     /* the statements end on 31 Dec */
    q_summary_free(s);
    q_filter_init(&f);
    assert_int_equal(q_summary_run(g_c, &f, &s, &err), 0);
    assert_int_equal(s->statements, 4);
    assert_int_equal(s->unreconciled, 1);
    q_summary_free(s);

    assert_int_not_equal(q_card_set_label(g_c, "chase:1111", "4242", &err), 0);
    assert_int_not_equal(q_card_set_label(g_c, "chase:1111", "a:b", &err), 0);
    assert_int_not_equal(q_card_set_label(g_c, "home", "Both", &err), 0);  /* names two cards */
    assert_int_equal(q_card_set_label(g_c, "chase:1111", "Travel", &err), 0);
    q_card *cards;
    int n;
    assert_int_equal(q_cards_list(g_c, &cards, &n, &err), 0);
    assert_int_equal(n, 4);
    assert_string_equal(cards[1].issuer, "chase");
    assert_string_equal(cards[1].label, "Travel");
    assert_int_equal(cards[1].transactions, 60);
    assert_int_equal(cards[1].statements, 1);
    assert_string_equal(cards[1].currencies, "USD");
    q_cards_free(cards, n);
    assert_int_equal(q_card_set_label(g_c, "travel", "", &err), 0);
    assert_int_equal(q_cards_list(g_c, &cards, &n, &err), 0);
    assert_null(cards[1].label);
    q_cards_free(cards, n);

    q_kind *kinds;
    assert_int_equal(q_kinds_list(g_c, &kinds, &n, &err), 0);
    assert_int_equal(n, 11);
    q_kinds_free(kinds, n);
    q_category *cats;
    assert_int_equal(q_categories_list(g_c, &cats, &n, &err), 0);
    bool dining_under_food = false;
    for (int i = 0; i < n; i++)
        if (strcmp(cats[i].name, "Dining") == 0)
            dining_under_food = cats[i].parent && strcmp(cats[i].parent, "Food") == 0;
    assert_true(dining_under_food);
    q_categories_free(cats, n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parsers),
        cmocka_unit_test(test_card_resolution),
        cmocka_unit_test(test_figures_and_kinds),
        cmocka_unit_test(test_category_tree),
        cmocka_unit_test(test_pages_walk_every_row_once),
        cmocka_unit_test(test_bad_cursors_and_limits),
        cmocka_unit_test(test_search_is_literal),
        cmocka_unit_test(test_summary_cards_and_labels),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
