/* test_db.c - the db layer against the real scratch PostgreSQL ($CL_TEST_DSN):
 * connecting, parameters, NULLs, COPY escaping and errors, transactions,
 * partitions, summary views, --no-migrate, connection errors, DSN choice. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char g_dsn[1024];    /* a fresh database for this run */
static char g_dbname[64];

static const char *test_dsn(void)
{
    const char *d = getenv("CL_TEST_DSN");
    if (!d || !*d) {
        fprintf(stderr, "CL_TEST_DSN is not set (run through tests/run)\n");
        exit(1);
    }
    return d;
}

static db_conn *admin(void)
{
    cl_err err = {0};
    db_conn *c = db_open(test_dsn(), DB_RAW, &err);
    if (!c)
        fprintf(stderr, "%s\n", err.msg);
    return c;
}

static int group_setup(void **state)
{
    (void)state;
    snprintf(g_dbname, sizeof g_dbname, "t_unit_%d", (int)getpid());
    snprintf(g_dsn, sizeof g_dsn, "%s dbname=%s", test_dsn(), g_dbname);
    db_conn *c = admin();
    if (!c)
        return -1;
    char sql[256];
    cl_err err = {0};
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s", g_dbname);
    db_exec(c, sql, 0, NULL, &err);
    snprintf(sql, sizeof sql, "CREATE DATABASE %s", g_dbname);
    long rc = db_exec(c, sql, 0, NULL, &err);
    db_close(c);
    return rc < 0 ? -1 : 0;
}

static int group_teardown(void **state)
{
    (void)state;
    db_conn *c = admin();
    if (!c)
        return -1;
    char sql[256];
    cl_err err = {0};
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s WITH (FORCE)", g_dbname);
    db_exec(c, sql, 0, NULL, &err);
    db_close(c);
    return 0;
}

static db_conn *open_test(void)
{
    cl_err err = {0};
    db_conn *c = db_open(g_dsn, DB_MIGRATE, &err);
    if (!c)
        fail_msg("db_open: %s", err.msg);
    return c;
}

static long count(db_conn *c, const char *sql)
{
    cl_err err = {0};
    char *v = NULL;
    if (db_query_value(c, sql, 0, NULL, &v, &err) < 0)
        fail_msg("%s: %s", sql, err.msg);
    long n = v ? atol(v) : -1;
    free(v);
    return n;
}

static void test_no_migrate_refuses_old_schema(void **state)
{
    (void)state;
    cl_err err = {0};
    /* The database is still empty: --no-migrate must not touch it. */
    db_conn *c = db_open(g_dsn, DB_NO_MIGRATE, &err);
    assert_null(c);
    assert_int_equal(err.code, CL_E_SCHEMA);
    assert_non_null(strstr(err.msg, "version 0"));
    assert_int_equal(cl_err_exit_code(&err), 4);
}

static void test_open_migrates_and_sets_session(void **state)
{
    (void)state;
    db_conn *c = open_test();
    int v = -1;
    cl_err err = {0};
    assert_int_equal(db_schema_version(c, &v, &err), 0);
    assert_int_equal(v, db_schema_head_version());
    assert_true(v >= 1);
    char *s = NULL;
    assert_int_equal(db_query_value(c, "SHOW jit", 0, NULL, &s, &err), 0);
    assert_string_equal(s, "off");
    free(s);
    assert_int_equal(db_query_value(c, "SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()",
                                    0, NULL, &s, &err), 0);
    assert_string_equal(s, "cardledger");
    free(s);
    assert_int_equal(db_query_value(c, "SELECT pg_backend_pid()::text", 0, NULL, &s, &err), 0);
    assert_int_equal(atoi(s), db_backend_pid(c));
    free(s);
    assert_true(db_server_version(c) >= 150000);
    assert_false(db_conn_is_embedded(c));
    /* A second open finds nothing to do and the same version. */
    db_close(c);
    c = open_test();
    /* (versions may leave gaps: compare the newest, and each recorded once) */
    assert_int_equal(count(c, "SELECT max(version) FROM cardledger.schema_migrations"), db_schema_head_version());
    assert_int_equal(count(c, "SELECT count(*) - count(DISTINCT version) FROM cardledger.schema_migrations"), 0);
    /* Now --no-migrate is happy too. */
    db_close(c);
    c = db_open(g_dsn, DB_NO_MIGRATE, &err);
    assert_non_null(c);
    db_close(c);
}

static void test_params_and_nulls(void **state)
{
    (void)state;
    db_conn *c = open_test();
    cl_err err = {0};
    const char *p[] = {"it's; DROP TABLE x --", NULL, "42"};
    db_result *r = db_query(c, "SELECT $1::text AS a, $2::text AS b, $3::int + 1 AS c", 3, p, &err);
    assert_non_null(r);
    assert_int_equal(db_nrows(r), 1);
    assert_int_equal(db_ncols(r), 3);
    assert_string_equal(db_value(r, 0, 0), "it's; DROP TABLE x --");
    assert_null(db_value(r, 0, 1));
    assert_true(db_isnull(r, 0, 1));
    assert_false(db_isnull(r, 0, 0));
    assert_string_equal(db_value(r, 0, db_colnum(r, "c")), "43");
    assert_int_equal(db_colnum(r, "nope"), -1);
    assert_null(db_value(r, 5, 0));     /* out of range: NULL, not a crash */
    db_result_free(r);

    assert_int_equal(db_exec(c, "CREATE TEMP TABLE t (n int)", 0, NULL, &err), 0);
    assert_int_equal(db_exec(c, "INSERT INTO t SELECT generate_series(1, 5)", 0, NULL, &err), 5);
    const char *lim[] = {"3"};
    assert_int_equal(db_exec(c, "DELETE FROM t WHERE n <= $1", 1, lim, &err), 3);
    char *v = (char *)"sentinel";
    assert_int_equal(db_query_value(c, "SELECT n FROM t WHERE n > 100", 0, NULL, &v, &err), 0);
    assert_null(v);
    db_close(c);
}

static void test_errors_carry_sqlstate(void **state)
{
    (void)state;
    db_conn *c = open_test();
    cl_err err = {0};
    assert_int_equal(db_exec(c, "CREATE TEMP TABLE u (k int PRIMARY KEY)", 0, NULL, &err), 0);
    assert_int_equal(db_exec(c, "INSERT INTO u VALUES (1)", 0, NULL, &err), 1);
    assert_int_equal(db_exec(c, "INSERT INTO u VALUES (1)", 0, NULL, &err), -1);
    assert_int_equal(err.code, CL_E_FAILED);
    assert_string_equal(db_last_sqlstate(c), "23505");
    assert_non_null(strstr(err.msg, "duplicate key"));
    assert_non_null(strstr(err.msg, "INSERT INTO u"));
    assert_null(strchr(err.msg, '\n'));
    assert_null(db_query(c, "SELEKT 1", 0, NULL, &err));
    assert_string_equal(db_last_sqlstate(c), "42601");
    /* The connection is still usable. */
    assert_int_equal(count(c, "SELECT 7"), 7);
    assert_string_equal(db_last_sqlstate(c), "");
    db_close(c);
}

static void test_transactions(void **state)
{
    (void)state;
    db_conn *c = open_test();
    cl_err err = {0};
    assert_int_equal(db_exec(c, "CREATE TEMP TABLE tx (n int)", 0, NULL, &err), 0);
    assert_int_equal(db_begin(c, &err), 0);
    assert_int_equal(db_exec(c, "INSERT INTO tx VALUES (1)", 0, NULL, &err), 1);
    db_rollback(c);
    assert_int_equal(count(c, "SELECT count(*) FROM tx"), 0);
    assert_int_equal(db_begin(c, &err), 0);
    assert_int_equal(db_exec(c, "INSERT INTO tx VALUES (2)", 0, NULL, &err), 1);
    assert_int_equal(db_commit(c, &err), 0);
    assert_int_equal(count(c, "SELECT sum(n) FROM tx"), 2);
    db_rollback(c);     /* outside a transaction: harmless */
    /* A failed statement aborts the transaction; rollback recovers it. */
    assert_int_equal(db_begin(c, &err), 0);
    assert_int_equal(db_exec(c, "SELECT 1/0", 0, NULL, &err), -1);
    assert_int_equal(db_exec(c, "SELECT 1", 0, NULL, &err), -1);
    assert_string_equal(db_last_sqlstate(c), "25P02");
    db_rollback(c);
    assert_int_equal(count(c, "SELECT 1"), 1);
    db_close(c);
}

static void test_copy_roundtrip(void **state)
{
    (void)state;
    db_conn *c = open_test();
    cl_err err = {0};
    assert_int_equal(db_exec(c, "CREATE TEMP TABLE cp (id int, s text)", 0, NULL, &err), 0);
    static const char *const tricky[] = {
        "plain", "tab\there", "new\nline", "cr\rret", "back\\slash", "\\N", "", "café ☕ 日本",
        "\\.", "trailing\\",
    };
    const int n = (int)(sizeof tricky / sizeof *tricky);
    assert_int_equal(db_copy_begin(c, "COPY cp (id, s) FROM STDIN", &err), 0);
    /* Another statement during COPY is refused, not sent. */
    assert_int_equal(db_exec(c, "SELECT 1", 0, NULL, &err), -1);
    char id[16];
    for (int i = 0; i < n; i++) {
        snprintf(id, sizeof id, "%d", i);
        const char *row[] = {id, tricky[i]};
        assert_int_equal(db_copy_row(c, 2, row, &err), 0);
    }
    const char *nullrow[] = {"99", NULL};
    assert_int_equal(db_copy_row(c, 2, nullrow, &err), 0);
    /* Enough rows to cross the batching threshold several times. */
    static char big[3000];
    memset(big, 'x', sizeof big - 1);
    for (int i = 100; i < 400; i++) {
        snprintf(id, sizeof id, "%d", i);
        const char *row[] = {id, big};
        assert_int_equal(db_copy_row(c, 2, row, &err), 0);
    }
    assert_int_equal(db_copy_end(c, &err), n + 1 + 300);
    for (int i = 0; i < n; i++) {
        snprintf(id, sizeof id, "%d", i);
        const char *p[] = {id};
        char *v = NULL;
        assert_int_equal(db_query_value(c, "SELECT s FROM cp WHERE id = $1", 1, p, &v, &err), 0);
        assert_non_null(v);
        assert_string_equal(v, tricky[i]);
        free(v);
    }
    assert_int_equal(count(c, "SELECT count(*) FROM cp WHERE id = 99 AND s IS NULL"), 1);
    assert_int_equal(count(c, "SELECT count(*) FROM cp WHERE length(s) = 2999"), 300);
    db_close(c);
}

static void test_copy_errors(void **state)
{
    (void)state;
    db_conn *c = open_test();
    cl_err err = {0};
    assert_int_equal(db_exec(c, "CREATE TEMP TABLE ce (n int NOT NULL)", 0, NULL, &err), 0);
    assert_int_equal(db_copy_begin(c, "COPY nosuch FROM STDIN", &err), -1);
    assert_non_null(strstr(err.msg, "nosuch"));
    assert_int_equal(db_copy_begin(c, "COPY ce (n) FROM STDIN", &err), 0);
    const char *ok[] = {"1"}, *bad[] = {NULL};
    assert_int_equal(db_copy_row(c, 1, ok, &err), 0);
    assert_int_equal(db_copy_row(c, 1, bad, &err), 0);
    assert_int_equal(db_copy_end(c, &err), -1);
    assert_non_null(strstr(err.msg, "null value"));
    assert_int_equal(count(c, "SELECT count(*) FROM ce"), 0);
    /* Abort keeps nothing and leaves the connection usable. */
    assert_int_equal(db_copy_begin(c, "COPY ce (n) FROM STDIN", &err), 0);
    assert_int_equal(db_copy_row(c, 1, ok, &err), 0);
    db_copy_abort(c, "test");
    assert_int_equal(count(c, "SELECT count(*) FROM ce"), 0);
    assert_int_equal(db_copy_row(c, 1, ok, &err), -1);
    assert_int_equal(db_copy_end(c, &err), -1);
    db_close(c);
}

/* One statement's worth of analytics rows, for the partition tests. */
static void seed(db_conn *c)
{
    cl_err err = {0};
    const char *sql =
        "INSERT INTO raw.source_files (sha256, path, size_bytes) VALUES (repeat('b', 64), '/x.pdf', 10);"
        "INSERT INTO raw.statements (source_file_id, issuer, card_last4, period_start, period_end) "
        "  SELECT id, 'chase', '4242', '2021-12-01', '2022-01-31' FROM raw.source_files;"
        "INSERT INTO analytics.cards (issuer, card_last4) VALUES ('chase', '4242');"
        "INSERT INTO analytics.categories (name) VALUES ('Groceries') ON CONFLICT (name) DO NOTHING;";
    if (db_exec(c, sql, 0, NULL, &err) < 0)
        fail_msg("seed: %s", err.msg);
}

static void add_txn(db_conn *c, const char *date, const char *amount, const char *category,
                    const char *fingerprint)
{
    cl_err err = {0};
    const char *p[] = {date, amount, category, fingerprint};
    long n = db_exec(c,
                     "INSERT INTO analytics.transactions (card_id, statement_id, posting_date, description, "
                     " category_id, amount, currency, fingerprint, kind) "
                     "SELECT (SELECT id FROM analytics.cards), (SELECT id FROM raw.statements), $1, 'SHOP', "
                     " (SELECT id FROM analytics.categories WHERE name = $3), $2, 'USD', $4, "
                     " CASE WHEN $2::numeric > 0 THEN 'refund' ELSE 'purchase' END "
                     "ON CONFLICT (fingerprint, posting_date) DO NOTHING",
                     4, p, &err);
    if (n < 0)
        fail_msg("insert: %s", err.msg);
}

static void test_partitions_and_summaries(void **state)
{
    (void)state;
    db_conn *c = open_test();
    cl_err err = {0};
    seed(c);
    const char *range[] = {"2021-12-15", "2022-01-20"};
    assert_int_equal(count(c, "SELECT analytics.ensure_partitions('2021-12-15', '2022-01-20')"), 2);
    char *v = NULL;
    assert_int_equal(db_query_value(c, "SELECT analytics.ensure_partitions($1, $2)", 2, range, &v, &err), 0);
    assert_string_equal(v, "0");    /* idempotent */
    free(v);
    assert_int_equal(count(c, "SELECT count(*) FROM pg_inherits WHERE inhparent = 'analytics.transactions'::regclass"), 3);

    add_txn(c, "2021-12-20", "-10.00", "Groceries", "a");
    add_txn(c, "2022-01-05", "-2.50", NULL, "b");
    add_txn(c, "2022-01-05", "-2.50", NULL, "b");   /* same fingerprint and day: ignored */
    add_txn(c, "2022-01-06", "-2.50", NULL, "b");   /* same fingerprint, other day: a row */
    add_txn(c, "2022-01-07", "100.00", NULL, "c");
    add_txn(c, "2030-06-01", "-1.00", NULL, "d");   /* no partition yet: default */
    assert_int_equal(count(c, "SELECT count(*) FROM analytics.transactions"), 5);
    assert_int_equal(count(c, "SELECT count(*) FROM analytics.transactions_y2022"), 3);
    assert_int_equal(count(c, "SELECT count(*) FROM analytics.transactions_default"), 1);
    /* Creating that year's partition moves the row out of the default. */
    assert_int_equal(count(c, "SELECT analytics.ensure_partitions('2030-01-01', '2030-12-31')"), 1);
    assert_int_equal(count(c, "SELECT count(*) FROM analytics.transactions_default"), 0);
    assert_int_equal(count(c, "SELECT count(*) FROM analytics.transactions_y2030"), 1);
    assert_int_equal(count(c, "SELECT count(*) FROM analytics.transactions WHERE fingerprint = 'd'"), 1);
    assert_int_equal(db_exec(c, "SELECT analytics.ensure_partitions('2022-02-01', '2021-01-01')", 0, NULL, &err), -1);

    /* The summaries rebuild (twice: idempotent) and add up, NULL category included. */
    assert_int_equal(db_exec(c, "SELECT analytics.refresh_summaries()", 0, NULL, &err), 1);
    assert_int_equal(db_exec(c, "SELECT analytics.refresh_summaries()", 0, NULL, &err), 1);
    assert_int_equal(count(c, "SELECT (sum(spend) * 100)::int FROM analytics.spend_by_month_card_category "
                              "WHERE month = '2022-01-01' AND category_id IS NULL"), 500);
    assert_int_equal(count(c, "SELECT (sum(credits) * 100)::int FROM analytics.spend_by_month_card_category "
                              "WHERE month = '2022-01-01' AND category_id IS NULL"), 10000);
    assert_int_equal(count(c, "SELECT txn_count FROM analytics.spend_by_month_card_category m "
                              "JOIN analytics.categories g ON g.id = m.category_id WHERE g.name = 'Groceries'"), 1);
    assert_int_equal(count(c, "SELECT count(*) FROM analytics.spend_by_month_card_category "
                              "WHERE month = '2022-01-01' AND category_id IS NULL"), 2);  /* purchase, refund */
    assert_int_equal(count(c, "SELECT count(*) FROM analytics.spend_by_day_card_category"), 5);
    assert_int_equal(count(c, "SELECT sum(txn_count) FROM analytics.spend_by_month_merchant"), 5);
    /* Deleting the statement removes its transactions (re-processing). */
    assert_int_equal(db_exec(c, "DELETE FROM raw.statements", 0, NULL, &err), 1);
    assert_int_equal(count(c, "SELECT count(*) FROM analytics.transactions"), 0);
    db_close(c);
}

static void test_connection_error_is_one_redacted_line(void **state)
{
    (void)state;
    cl_err err = {0};
    db_conn *c = db_open("host=/nonexistent/dir user=u password=s3cret dbname=x", 0, &err);
    assert_null(c);
    assert_int_equal(err.code, CL_E_DB);
    assert_int_equal(cl_err_exit_code(&err), 3);
    assert_null(strstr(err.msg, "s3cret"));
    assert_non_null(strstr(err.msg, "password=***"));
    assert_non_null(strstr(err.msg, "/nonexistent/dir"));
    assert_null(strchr(err.msg, '\n'));
    c = db_open("postgresql://bob:hunter2@127.0.0.1:1/cards", 0, &err);
    assert_null(c);
    assert_int_equal(err.code, CL_E_DB);
    assert_null(strstr(err.msg, "hunter2"));
    assert_non_null(strstr(err.msg, "bob:***@"));
    assert_non_null(strstr(err.msg, "refused"));
}

static void test_dsn_precedence(void **state)
{
    (void)state;
    cl_err err = {0};
    char *dsn = NULL;
    bool embedded = true;
    setenv("CARDLEDGER_DB", "dbname=from_cardledger_db", 1);
    setenv("DATABASE_URL", "postgresql:///from_database_url", 1);
    assert_int_equal(db_resolve_dsn("dbname=from_cli", &dsn, &embedded, &err), 0);
    assert_string_equal(dsn, "dbname=from_cli");
    assert_false(embedded);
    free(dsn);
    assert_int_equal(db_resolve_dsn(NULL, &dsn, &embedded, &err), 0);
    assert_string_equal(dsn, "dbname=from_cardledger_db");
    free(dsn);
    unsetenv("CARDLEDGER_DB");
    assert_int_equal(db_resolve_dsn("", &dsn, &embedded, &err), 0);
    assert_string_equal(dsn, "postgresql:///from_database_url");
    free(dsn);
    unsetenv("DATABASE_URL");
    setenv("PGSERVICE", "mine", 1);
    assert_int_equal(db_resolve_dsn(NULL, &dsn, &embedded, &err), 0);
    assert_string_equal(dsn, "");   /* libpq's defaults */
    assert_false(embedded);
    free(dsn);
    unsetenv("PGSERVICE");
    setenv("CARDLEDGER_HOME", "/tmp/cardledger-unit-home", 1);
    assert_int_equal(db_resolve_dsn(NULL, &dsn, &embedded, &err), 0);
    assert_true(embedded);
    assert_non_null(strstr(dsn, "host='/tmp/cardledger-unit-home/pg'"));
    free(dsn);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_migrate_refuses_old_schema),
        cmocka_unit_test(test_open_migrates_and_sets_session),
        cmocka_unit_test(test_params_and_nulls),
        cmocka_unit_test(test_errors_carry_sqlstate),
        cmocka_unit_test(test_transactions),
        cmocka_unit_test(test_copy_roundtrip),
        cmocka_unit_test(test_copy_errors),
        cmocka_unit_test(test_partitions_and_summaries),
        cmocka_unit_test(test_connection_error_is_one_redacted_line),
        cmocka_unit_test(test_dsn_precedence),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
