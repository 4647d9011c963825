/* test_ingest.c - merchant names, fingerprints, the file walk, and the
 * storage SQL (src/ingest/store.c) against the scratch PostgreSQL with
 * statements built in C. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "bank/statement.h"
#include "common/hash.h"
#include "common/util.h"
#include "db/db.h"
#include "ingest/store.h"
#include "ingest/normalize.h"
#include "ingest/walk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- merchant names ------------------------------------------------------------- */

static void expect_merchant(const char *desc, const char *want)
{
    char out[INGEST_MERCHANT_MAX];
    ingest_merchant_name(desc, out, sizeof out);
    if (strcmp(out, want) != 0)
        fail_msg("merchant of \"%s\": got \"%s\", want \"%s\"", desc, out, want);
}

static void test_merchant_names(void **state)
{
    (void)state;
    expect_merchant("SQ *BLUE BOTTLE COFFEE", "BLUE BOTTLE COFFEE");
    expect_merchant("TST* SUMMIT PIZZA PORTLAND OR", "SUMMIT PIZZA");
    expect_merchant("PAYPAL *CEDAR BOOKSHOP", "CEDAR BOOKSHOP");
    expect_merchant("SP LUNA OUTFITTERS", "LUNA OUTFITTERS");
    expect_merchant("AMZN Mktp US*2K4L93JX0", "AMZN MKTP");
    expect_merchant("BLUE BOTTLE COFFEE #1234 PORTLAND OR", "BLUE BOTTLE COFFEE");
    expect_merchant("MAPLE GROCERS 482913 DENVER CO", "MAPLE GROCERS");
    expect_merchant("HARBOR DINER SAN DIEGO CA", "HARBOR DINER");
    expect_merchant("7-ELEVEN 38291 DALLAS TX", "7-ELEVEN");
    expect_merchant("Trader Joe's #552  Boston MA", "TRADER JOES");
    expect_merchant("NETFLIX.COM", "NETFLIX");
    expect_merchant("UBER   *TRIP HELP.UBER.COM", "UBER");
    expect_merchant("NORTHWIND AIRLINES TKT 0123456789 PASSENGER SMITH/JOHN", "NORTHWIND AIRLINES TKT");
    expect_merchant("KESTREL CAFE KUALA LUMPUR", "KESTREL CAFE");
    expect_merchant("PAYMENT - THANK YOU", "PAYMENT THANK YOU");
    expect_merchant("INTEREST CHARGE ON PURCHASES", "INTEREST CHARGE ON PURCHASES");
    /* A lone city or code is the name itself. */
    expect_merchant("PORTLAND", "PORTLAND");
    expect_merchant("  ", "");
    expect_merchant("123456", "");
    /* Long names are cut at a word. */
    char long_desc[400] = "";
    for (int i = 0; i < 40; i++)
        strcat(long_desc, "MERCHANT ");
    char out[INGEST_MERCHANT_MAX];
    ingest_merchant_name(long_desc, out, sizeof out);
    assert_true(strlen(out) < INGEST_MERCHANT_MAX);
    assert_int_not_equal(out[strlen(out) - 1], ' ');
}

static void test_fingerprint_text(void **state)
{
    (void)state;
    char out[64];
    ingest_fingerprint_text("  Blue\tBottle   coffee ", out, sizeof out);
    assert_string_equal(out, "BLUE BOTTLE COFFEE");
    ingest_fingerprint_text("", out, sizeof out);
    assert_string_equal(out, "");
}

/* ---- statements built in C ----------------------------------------------------- */

static cl_date d(const char *iso) { return cl_date_parse_iso(iso); }

static void add_txn(bank_statement *s, const char *date, const char *desc, cl_money amount)
{
    bank_txn *t = bank_statement_add_txn(s);
    t->date = d(date);
    t->description = xstrdup(desc);
    t->amount = amount;
    snprintf(t->currency, sizeof t->currency, "USD");
    t->page = 1;
    t->line = (int)s->n_txns + 10;
    t->raw_date = xstrdup(date + 5);
    t->raw_description = xstrdup(desc);
    char a[32];
    t->raw_amount = xstrdup(cl_money_format(-amount, a));
}

/* A January statement: two identical coffees on one day, a refund, a
 * payment, and a purchase posted a day after it was made. */
static bank_statement *statement(const char *issuer, const char *last4, const char *end)
{
    bank_statement *s = bank_statement_new();
    snprintf(s->issuer, sizeof s->issuer, "%s", issuer);
    snprintf(s->account_last4, sizeof s->account_last4, "%s", last4);
    snprintf(s->currency, sizeof s->currency, "USD");
    s->period_end = d(end);
    s->period_start = s->period_end - 30;
    s->statement_date = s->period_end;
    s->pages = 2;
    add_txn(s, "2024-01-05", "SQ *BLUE BOTTLE COFFEE PORTLAND OR", -475);
    add_txn(s, "2024-01-05", "SQ *BLUE BOTTLE COFFEE PORTLAND OR", -475);
    add_txn(s, "2024-01-03", "MAPLE GROCERS #12 DENVER CO", -8812);
    add_txn(s, "2024-01-09", "PAYMENT THANK YOU", 50000);
    add_txn(s, "2024-01-10", "CEDAR HARDWARE", -1999);
    s->txns[s->n_txns - 1].posted_date = d("2024-01-11");
    s->summary.previous_balance = (bank_opt_money){true, 100000};
    s->summary.new_balance = (bank_opt_money){true, 100000 - 475 * 2 - 8812 - 1999 + 50000};
    s->reconciled = true;
    s->reconcile_known = true;
    return s;
}

static void test_rows(void **state)
{
    (void)state;
    bank_statement *s = statement("chase", "4242", "2024-01-31");
    ingest_rows r;
    ingest_rows_build(s, &r);
    assert_int_equal(r.n, 5);
    /* Sorted by posting date; the hardware purchase posts on the 11th. */
    for (size_t i = 1; i < r.n; i++)
        assert_true(r.rows[i - 1].posting_date <= r.rows[i].posting_date);
    assert_int_equal(r.min_posting, d("2024-01-03"));
    assert_int_equal(r.max_posting, d("2024-01-11"));
    /* Identical coffees: distinct fingerprints, every fingerprint unique. */
    for (size_t i = 0; i < r.n; i++)
        for (size_t j = i + 1; j < r.n; j++)
            assert_string_not_equal(r.rows[i].fingerprint, r.rows[j].fingerprint);
    /* Statement order (seq) is kept for the raw tier. */
    int seen = 0;
    for (size_t i = 0; i < r.n; i++)
        seen |= 1 << r.rows[i].seq;
    assert_int_equal(seen, 0x3e);
    /* The same statement read again gives the same fingerprints. */
    bank_statement *s2 = statement("chase", "4242", "2024-01-31");
    ingest_rows r2;
    ingest_rows_build(s2, &r2);
    for (size_t i = 0; i < r.n; i++)
        assert_string_equal(r.rows[i].fingerprint, r2.rows[i].fingerprint);
    /* Another card: other fingerprints. */
    bank_statement *s3 = statement("chase", "1111", "2024-01-31");
    ingest_rows r3;
    ingest_rows_build(s3, &r3);
    assert_string_not_equal(r.rows[0].fingerprint, r3.rows[0].fingerprint);
    ingest_rows_free(&r);
    ingest_rows_free(&r2);
    ingest_rows_free(&r3);
    bank_statement_free(s);
    bank_statement_free(s2);
    bank_statement_free(s3);
}

/* ---- the walk ------------------------------------------------------------------ */

static char g_tmp[512];

static void touch(const char *rel)
{
    char p[700];
    snprintf(p, sizeof p, "%s/%s", g_tmp, rel);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs("%PDF-1.4\n", f);
    fclose(f);
}

static void mk(const char *rel)
{
    char p[700];
    snprintf(p, sizeof p, "%s/%s", g_tmp, rel);
    assert_int_equal(mkdir(p, 0755), 0);
}

static void test_walk(void **state)
{
    (void)state;
    const char *base = getenv("CL_TEST_TMP");
    snprintf(g_tmp, sizeof g_tmp, "%s/walk.%d", base ? base : "/tmp", (int)getpid());
    assert_int_equal(mkdir(g_tmp, 0755), 0);
    mk("a");
    mk("a/b");
    mk(".hidden");
    touch("a/one.pdf");
    touch("a/TWO.PDF");
    touch("a/b/three.pdf");
    touch("a/notes.txt");
    touch("a/.secret.pdf");
    touch(".hidden/four.pdf");
    char link[700], target[700];
    /* A loop back to the top and a second way into a/b. */
    snprintf(link, sizeof link, "%s/a/b/loop", g_tmp);
    assert_int_equal(symlink(g_tmp, link), 0);
    snprintf(link, sizeof link, "%s/b-again", g_tmp);
    snprintf(target, sizeof target, "%s/a/b", g_tmp);
    assert_int_equal(symlink(target, link), 0);
    snprintf(link, sizeof link, "%s/a/linked.pdf", g_tmp);
    snprintf(target, sizeof target, "%s/a/one.pdf", g_tmp);
    assert_int_equal(symlink(target, link), 0);

    char *paths[] = {g_tmp};
    ingest_walk *w = ingest_walk_new(paths, 1);
    assert_non_null(w);
    int n = 0, three = 0;
    const ingest_walk_item *it;
    char order[4][700];
    while ((it = ingest_walk_next(w)) != NULL) {
        const char *p = it->path;
        assert_null(it->error);
        assert_true(p[0] == '/');   /* absolute */
        if (n < 4)
            snprintf(order[n], sizeof order[n], "%s", strrchr(p, '/') + 1);
        n++;
        three += strstr(p, "three.pdf") != NULL;
        assert_null(strstr(p, "hidden"));
        assert_null(strstr(p, "secret"));
    }
    /* one, TWO, three (once, whatever the links), linked.pdf */
    assert_int_equal(n, 4);
    assert_int_equal(three, 1);
    /* in name order: a/ (TWO.PDF, b/three.pdf, linked.pdf, one.pdf); b-again was seen */
    assert_string_equal(order[0], "TWO.PDF");
    assert_string_equal(order[1], "three.pdf");
    assert_string_equal(order[2], "linked.pdf");
    assert_string_equal(order[3], "one.pdf");
    /* notes.txt, .secret.pdf, .hidden */
    assert_int_equal(ingest_walk_skipped(w), 3);
    ingest_walk_free(w);

    /* A file named on the command line is taken whatever its name. */
    char txt[700];
    snprintf(txt, sizeof txt, "%s/a/notes.txt", g_tmp);
    char *one[] = {txt};
    w = ingest_walk_new(one, 1);
    it = ingest_walk_next(w);
    assert_non_null(it);
    assert_null(it->error);
    assert_null(ingest_walk_next(w));
    ingest_walk_free(w);

    /* A missing path is one error item, and the walk goes on. */
    char *missing[] = {"/nonexistent/cardledger", txt};
    w = ingest_walk_new(missing, 2);
    it = ingest_walk_next(w);
    assert_non_null(it);
    assert_non_null(it->error);
    assert_non_null(strstr(it->error, "No such file"));
    it = ingest_walk_next(w);
    assert_non_null(it);
    assert_null(it->error);
    assert_null(ingest_walk_next(w));
    ingest_walk_free(w);
}

/* ---- storage against PostgreSQL ------------------------------------------------ */

static char g_dsn[1024];

static int setup_db(void **state)
{
    (void)state;
    const char *base = getenv("CL_TEST_DSN");
    if (!base)
        return 0;
    cl_err err = {0};
    db_conn *c = db_open(base, DB_RAW, &err);
    if (!c)
        return -1;
    char name[64], sql[200];
    snprintf(name, sizeof name, "t_store_%d", (int)getpid());
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s", name);
    db_exec(c, sql, 0, NULL, &err);
    snprintf(sql, sizeof sql, "CREATE DATABASE %s", name);
    int rc = db_exec(c, sql, 0, NULL, &err) < 0 ? -1 : 0;
    db_close(c);
    snprintf(g_dsn, sizeof g_dsn, "%s dbname=%s", base, name);
    return rc;
}

static long long q_int(db_conn *c, const char *sql)
{
    cl_err err = {0};
    char *v = NULL;
    if (db_query_value(c, sql, 0, NULL, &v, &err) < 0)
        fail_msg("%s: %s", sql, err.msg);
    long long n = v ? strtoll(v, NULL, 10) : -1;
    free(v);
    return n;
}

static char *q_str(db_conn *c, const char *sql)
{
    cl_err err = {0};
    char *v = NULL;
    if (db_query_value(c, sql, 0, NULL, &v, &err) < 0)
        fail_msg("%s: %s", sql, err.msg);
    return v;
}

static void register_fake(db_conn *c, const char *tag, int n, db_register_counts *rc)
{
    db_file_entry e[8];
    char paths[8][96];
    for (int i = 0; i < n; i++) {
        char text[64];
        snprintf(text, sizeof text, "%s-%d", tag, i);
        cl_sha256_buf(text, strlen(text), e[i].sha256);
        snprintf(paths[i], sizeof paths[i], "/data/%s.pdf", text);
        e[i].path = paths[i];
        e[i].size = 100 + i;
        e[i].mtime = 1700000000;
    }
    cl_err err = {0};
    if (db_register_files(c, e, n, rc, &err) < 0)
        fail_msg("register: %s", err.msg);
}

static db_conn *g_c, *g_ddl;

/* Claim the next file and store s in it (expect_rc: what the store
 * returns; a failure marks the file failed). */
static ingest_store_result store(bank_statement *s, int expect_rc, char *errmsg)
{
    cl_err err = {0};
    ingest_rows r;
    ingest_rows_build(s, &r);
    /* Partitions first, on the other connection (as a worker does). */
    if (r.n && db_ensure_partitions(g_ddl, r.min_posting, r.max_posting, &err) < 0)
        fail_msg("partitions: %s", err.msg);
    db_claim f;
    assert_int_equal(db_claim_next(g_c, &f, &err), 1);
    const char *pages[] = {"page one\n  text\twith tab", "page two \\ backslash"};
    ingest_statement_in in = {.st = s, .page_text = pages, .n_pages = 2, .rows = r.rows,
                          .n_rows = r.n, .parser_version = "test", .run_id = 0};
    ingest_store_result res;
    int rc = ingest_store_statement(g_c, &f, &in, &res, &err);
    if (rc != expect_rc)
        fail_msg("store: rc %d: %s", rc, err.msg);
    if (errmsg)
        snprintf(errmsg, 1024, "%s", err.msg);
    if (rc == 0)
        assert_int_equal(db_claim_finish(g_c, &err), 0);
    else
        assert_int_equal(db_claim_fail(g_c, &f, 0, err.msg, &err), 0);
    ingest_rows_free(&r);
    db_claim_clear(&f);
    return res;
}

static void test_store(void **state)
{
    (void)state;
    if (!g_dsn[0])
        skip();
    cl_err err = {0};
    g_c = db_open(g_dsn, DB_MIGRATE, &err);
    if (!g_c)
        fail_msg("%s", err.msg);
    g_ddl = db_open(g_dsn, DB_RAW, &err);
    assert_non_null(g_ddl);

    db_register_counts rc = {0};
    register_fake(g_c, "a", 4, &rc);
    assert_int_equal(rc.new_files, 4);
    assert_int_equal(rc.known, 0);
    /* The same contents again (and one new): known, paths recorded. */
    memset(&rc, 0, sizeof rc);
    register_fake(g_c, "a", 5, &rc);
    assert_int_equal(rc.new_files, 1);
    assert_int_equal(rc.known, 4);
    assert_int_equal(q_int(g_c, "SELECT count(*) FROM raw.source_files WHERE status = 'pending'"), 5);

    /* File 1: the statement, rows sorted, identical coffees both kept. */
    bank_statement *s = statement("chase", "4242", "2024-01-31");
    ingest_store_result res = store(s, 0, NULL);
    assert_false(res.duplicate);
    assert_int_equal(res.inserted, 5);
    assert_int_equal(res.present, 0);
    assert_int_equal(q_int(g_c, "SELECT count(*) FROM analytics.transactions"), 5);
    assert_int_equal(q_int(g_c, "SELECT count(*) FROM analytics.transactions WHERE amount = -4.75"), 2);
    assert_int_equal(q_int(g_c, "SELECT count(*) FROM raw.transaction_lines"), 5);
    assert_int_equal(q_int(g_c, "SELECT count(*) FROM raw.pages"), 2);
    char *page = q_str(g_c, "SELECT layout_text FROM raw.pages WHERE page_no = 1");
    assert_string_equal(page, "page one\n  text\twith tab");
    free(page);
    assert_int_equal(q_int(g_c, "SELECT count(*) FROM raw.source_files WHERE status = 'done'"), 1);
    /* Posting date: the posted date when printed, else the date. */
    assert_int_equal(q_int(g_c, "SELECT count(*) FROM analytics.transactions WHERE "
                                "posting_date = '2024-01-11' AND transaction_date = '2024-01-10'"), 1);
    /* Merchants normalized and categorized by the rules. */
    char *cat = q_str(g_c, "SELECT c.name FROM analytics.merchants m JOIN analytics.categories c "
                           "ON c.id = m.category_id WHERE m.name = 'BLUE BOTTLE COFFEE'");
    assert_string_equal(cat, "Dining");
    free(cat);
    cat = q_str(g_c, "SELECT c.name FROM analytics.transactions t JOIN analytics.categories c "
                     "ON c.id = t.category_id WHERE t.amount = 500.00");
    assert_string_equal(cat, "Payments");
    free(cat);
    assert_int_equal(q_int(g_c, "SELECT count(*) FROM analytics.transactions_y2024"), 5);

    /* File 2 holds the same statement (a re-saved copy): a duplicate. */
    bank_statement *s2 = statement("chase", "4242", "2024-01-31");
    res = store(s2, 0, NULL);
    assert_true(res.duplicate);
    assert_int_equal(q_int(g_c, "SELECT count(*) FROM raw.source_files f JOIN raw.source_files o "
                                "ON o.id = f.duplicate_of WHERE f.status = 'duplicate' AND o.status = 'done'"), 1);
    assert_int_equal(q_int(g_c, "SELECT count(*) FROM analytics.transactions"), 5);

    /* File 3: same rows under another period end: every row present. */
    bank_statement *s3 = statement("chase", "4242", "2024-02-01");
    res = store(s3, 0, NULL);
    assert_false(res.duplicate);
    assert_int_equal(res.inserted, 0);
    assert_int_equal(res.present, 5);

    /* File 4: no card number: failed with the reason, nothing written. */
    bank_statement *s4 = statement("chase", "", "2024-03-31");
    char msg[1024];
    store(s4, -1, msg);
    assert_non_null(strstr(msg, "card"));
    char *last = q_str(g_c, "SELECT last_error || ' ' || attempts FROM raw.source_files WHERE status = 'failed'");
    assert_non_null(strstr(last, "no card number"));
    assert_non_null(strstr(last, " 1"));
    free(last);
    assert_int_equal(q_int(g_c, "SELECT count(*) FROM raw.statements"), 2);

    /* SKIP LOCKED: a second session does not get the claimed file. */
    db_claim f1, f2;
    assert_int_equal(db_claim_next(g_c, &f1, &err), 1);
    assert_int_equal(db_claim_next(g_ddl, &f2, &err), 0);
    /* Another session marks it failed once the claim is released. */
    db_claim_release(g_c);
    assert_int_equal(db_mark_file_failed(g_ddl, f1.file_id, 0, "worker crashed", false, &err), 1);
    assert_int_equal(q_int(g_c, "SELECT attempts FROM raw.source_files WHERE status = 'pending'"), 1);
    assert_int_equal(db_mark_file_failed(g_ddl, f1.file_id, 0, "worker crashed", true, &err), 1);
    assert_int_equal(db_mark_file_failed(g_ddl, f1.file_id, 0, "again", true, &err), 0);
    db_claim_clear(&f1);
    assert_int_equal(db_claim_next(g_c, &f1, &err), 0);

    /* --retry-failed puts both failed files back. */
    long n = 0;
    assert_int_equal(db_requeue_failed(g_c, &n, &err), 0);
    assert_int_equal(n, 2);
    assert_int_equal(db_count_pending(g_c, &n, &err), 0);
    assert_int_equal(n, 2);

    /* Runs are recorded. */
    long long run = 0;
    assert_int_equal(db_run_start(g_c, "host", 1, 2, "test", "/data", &run, &err), 0);
    db_run_stats st = {.files_found = 5, .txns_inserted = 5, .elapsed_ms = 10};
    assert_int_equal(db_run_finish(g_c, run, "done", &st, NULL, &err), 0);
    assert_int_equal(q_int(g_c, "SELECT files_found FROM raw.ingest_runs WHERE status = 'done'"), 5);
    /* The summaries followed every stored row, and a full rebuild agrees. */
    assert_int_equal(q_int(g_c, "SELECT sum(txn_count) FROM analytics.spend_by_month_card_category"), 5);
    assert_int_equal(q_int(g_c, "SELECT sum(txn_count) FROM analytics.spend_by_day_card_category"), 5);
    assert_int_equal(q_int(g_c, "SELECT sum(txn_count) FROM analytics.spend_by_month_merchant"), 5);
    assert_int_equal(q_int(g_c, "SELECT (sum(spend) * 100)::bigint FROM analytics.spend_by_month_card_category"),
                     475 * 2 + 8812 + 1999);
    assert_int_equal(q_int(g_c, "SELECT count(*) FROM analytics.spend_by_day_card_category "
                                "WHERE day = '2024-01-05' AND txn_count = 2"), 1);
    assert_int_equal(db_refresh_summaries(g_c, &err), 0);
    assert_int_equal(q_int(g_c, "SELECT sum(txn_count) FROM analytics.spend_by_month_card_category"), 5);
    assert_int_equal(q_int(g_c, "SELECT sum(txn_count) FROM analytics.spend_by_month_merchant"), 5);

    bank_statement_free(s);
    bank_statement_free(s2);
    bank_statement_free(s3);
    bank_statement_free(s4);
    db_close(g_ddl);
    db_close(g_c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_merchant_names),
        cmocka_unit_test(test_fingerprint_text),
        cmocka_unit_test(test_rows),
        cmocka_unit_test(test_walk),
        cmocka_unit_test_setup(test_store, setup_db),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
