/* test_web.c - the web layer's pieces that need no server: the listen
 * address, loopback, the token file; and statements prepared once per
 * connection (db_set_prepare) against the real scratch PostgreSQL,
 * including what happens when the server forgets them as a transaction
 * pooler makes it do. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db/db.h"
#include "web/web.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void test_parse_listen(void **state)
{
    (void)state;
    cl_err err = {0};
    web_config c = {0};
    assert_int_equal(web_parse_listen("127.0.0.1:8080", &c, &err), 0);
    assert_string_equal(c.host, "127.0.0.1");
    assert_int_equal(c.port, 8080);
    assert_int_equal(web_parse_listen("0.0.0.0:0", &c, &err), 0);
    assert_string_equal(c.host, "0.0.0.0");
    assert_int_equal(c.port, 0);
    assert_int_equal(web_parse_listen("[::1]:9000", &c, &err), 0);
    assert_string_equal(c.host, "::1");
    assert_int_equal(c.port, 9000);
    assert_int_equal(web_parse_listen("localhost:1", &c, &err), 0);
    assert_string_equal(c.host, "localhost");
    assert_int_equal(web_parse_listen("8081", &c, &err), 0);
    assert_string_equal(c.host, "127.0.0.1");
    assert_int_equal(c.port, 8081);
    const char *bad[] = {"127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:-1", "127.0.0.1:80x", ":8080",
                         "::1:8080", "[::1]8080", "[::1", "host:port"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cl_err e = {0};
        assert_int_not_equal(web_parse_listen(bad[i], &c, &e), 0);
        assert_non_null(strstr(e.msg, "--listen"));
    }
}

static void test_loopback(void **state)
{
    (void)state;
    assert_true(web_is_loopback("127.0.0.1"));
    assert_true(web_is_loopback("127.1.2.3"));
    assert_true(web_is_loopback("::1"));
    assert_true(web_is_loopback("localhost"));
    assert_false(web_is_loopback("0.0.0.0"));
    assert_false(web_is_loopback("192.168.1.10"));
    assert_false(web_is_loopback("::"));
    assert_false(web_is_loopback("128.0.0.1"));
    assert_false(web_is_loopback("localhost.example.com"));
}

static char *write_file(const char *text, mode_t mode)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/cl-test-token.XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    chmod(path, mode);
    return path;
}

static void test_token_file(void **state)
{
    (void)state;
    cl_err err = {0};
    char *tok = NULL;
    char *p = write_file("0123456789abcdef0123\n", 0600);
    assert_int_equal(web_read_token_file(p, &tok, &err), 0);
    assert_string_equal(tok, "0123456789abcdef0123");
    free(tok);
    chmod(p, 0640);
    assert_int_not_equal(web_read_token_file(p, &tok, &err), 0);
    assert_null(tok);
    assert_non_null(strstr(err.msg, "chmod 600"));
    unlink(p);
    p = write_file("short\n", 0600);
    assert_int_not_equal(web_read_token_file(p, &tok, &err), 0);
    assert_non_null(strstr(err.msg, "at least 16"));
    unlink(p);
    p = write_file("0123456789abcdef\nsecond line\n", 0600);
    assert_int_not_equal(web_read_token_file(p, &tok, &err), 0);
    unlink(p);
    assert_int_not_equal(web_read_token_file("/nonexistent/token", &tok, &err), 0);
    assert_non_null(strstr(err.msg, "/nonexistent/token"));
}

static int count_prepared(db_conn *c)
{
    char *v = NULL;
    cl_err err = {0};
    assert_int_equal(db_query_value(c, "SELECT count(*) FROM pg_prepared_statements", 0, NULL, &v, &err), 0);
    int n = atoi(v);
    free(v);
    return n;
}

static void test_prepared_once(void **state)
{
    (void)state;
    const char *dsn = getenv("CL_TEST_DSN");
    if (!dsn) {
        fprintf(stderr, "CL_TEST_DSN is not set (run through tests/run)\n");
        fail();
    }
    cl_err err = {0};
    db_conn *c = db_open(dsn, DB_RAW, &err);
    assert_non_null(c);
    db_set_prepare(c, true);
    const char *sql = "SELECT $1::int * 2";
    for (int i = 0; i < 5; i++) {
        char arg[8], *v = NULL;
        snprintf(arg, sizeof arg, "%d", i);
        const char *p[] = {arg};
        assert_int_equal(db_query_value(c, sql, 1, p, &v, &err), 0);
        assert_int_equal(atoi(v), 2 * i);
        free(v);
    }
    assert_int_equal(count_prepared(c), 1);     /* prepared once, run five times */
    const char *p2[] = {"7"};
    char *v = NULL;
    assert_int_equal(db_query_value(c, "SELECT $1::int + 1", 1, p2, &v, &err), 0);
    assert_string_equal(v, "8");
    free(v);
    assert_int_equal(count_prepared(c), 2);

    /* The server forgets them (a pooler handed us another session): the
     * statement fails as lost, once; preparing is off from then on. */
    assert_true(db_exec(c, "DEALLOCATE ALL", 0, NULL, &err) >= 0);
    assert_int_not_equal(db_query_value(c, sql, 1, p2, &v, &err), 0);
    assert_true(db_prepare_lost(c));
    assert_string_equal(db_last_sqlstate(c), "26000");
    assert_int_equal(db_query_value(c, sql, 1, p2, &v, &err), 0);
    assert_string_equal(v, "14");
    free(v);
    assert_false(db_prepare_lost(c));
    assert_int_equal(count_prepared(c), 0);
    db_close(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_listen),
        cmocka_unit_test(test_loopback),
        cmocka_unit_test(test_token_file),
        cmocka_unit_test(test_prepared_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
