/* test_msg.c - the worker's status messages (src/ingest/msg.c): every kind
 * survives encoding and decoding with its named fields, text fields are
 * made safe for the line protocol, and malformed lines are refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ingest/msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Encodes m, checks the line is one line, decodes it into out. */
static void roundtrip(const ingest_msg *m, ingest_msg *out, sbuf *line)
{
    ingest_msg_encode(m, line);
    assert_true(line->len > 0);
    assert_int_equal(line->p[line->len - 1], '\n');
    assert_null(memchr(line->p, '\n', line->len - 1));
    char *text = strndup(line->p, line->len - 1);
    assert_int_equal(ingest_msg_decode(text, out), 0);
    free(text);
}

static void test_ready_idle_fatal(void **state)
{
    (void)state;
    ingest_msg out;
    sbuf line = {0};
    roundtrip(&(ingest_msg){.type = INGEST_MSG_READY, .backend_pid = 48213}, &out, &line);
    assert_string_equal(line.p, "R\t48213\n");
    assert_int_equal(out.type, INGEST_MSG_READY);
    assert_int_equal(out.backend_pid, 48213);

    sbuf_truncate(&line, 0);
    roundtrip(&(ingest_msg){.type = INGEST_MSG_IDLE}, &out, &line);
    assert_string_equal(line.p, "I\n");
    assert_int_equal(out.type, INGEST_MSG_IDLE);

    sbuf_truncate(&line, 0);
    ingest_msg e = {.type = INGEST_MSG_FATAL, .exit_code = 3};
    snprintf(e.error, sizeof e.error, "connection lost:\tserver closed\nthe connection");
    roundtrip(&e, &out, &line);
    assert_int_equal(out.type, INGEST_MSG_FATAL);
    assert_int_equal(out.exit_code, 3);
    assert_string_equal(out.error, "connection lost: server closed the connection");
    sbuf_free(&line);
}

static void test_start(void **state)
{
    (void)state;
    ingest_msg m = {.type = INGEST_MSG_START, .file_id = 9007199254740993LL}, out;
    snprintf(m.sha256, sizeof m.sha256, "%064d", 7);
    snprintf(m.path, sizeof m.path, "/data/statements/2024 jan\t(copy).pdf");
    sbuf line = {0};
    roundtrip(&m, &out, &line);
    assert_int_equal(out.type, INGEST_MSG_START);
    assert_true(out.file_id == 9007199254740993LL);
    assert_string_equal(out.sha256, m.sha256);
    assert_string_equal(out.path, "/data/statements/2024 jan (copy).pdf");

    /* The longest path a message carries arrives whole; a longer one cut. */
    sbuf_truncate(&line, 0);
    memset(m.path, 'p', sizeof m.path - 1);
    m.path[sizeof m.path - 1] = '\0';
    roundtrip(&m, &out, &line);
    assert_int_equal(strlen(out.path), sizeof out.path - 1);
    sbuf_free(&line);
}

static void test_done(void **state)
{
    (void)state;
    static const ingest_outcome all[] = {INGEST_STORED, INGEST_DUPLICATE, INGEST_FAILED, INGEST_RETRY};
    static const char *const names[] = {"stored", "duplicate", "failed", "retry"};
    for (size_t i = 0; i < 4; i++) {
        ingest_msg m = {.type = INGEST_MSG_DONE, .file_id = 41, .outcome = all[i], .pages = 3,
                        .txns = 120, .inserted = 118, .present = 2, .reconciled = i % 2 == 0,
                        .ms = 1234.4},
                   out;
        snprintf(m.profile, sizeof m.profile, "chase");
        if (all[i] == INGEST_FAILED)
            snprintf(m.error, sizeof m.error, "x.pdf: not a PDF");
        sbuf line = {0};
        roundtrip(&m, &out, &line);
        assert_string_equal(ingest_outcome_name(all[i]), names[i]);
        assert_int_equal(out.type, INGEST_MSG_DONE);
        assert_true(out.file_id == 41);
        assert_int_equal(out.outcome, all[i]);
        assert_string_equal(out.profile, "chase");
        assert_int_equal(out.pages, 3);
        assert_int_equal(out.txns, 120);
        assert_int_equal(out.inserted, 118);
        assert_int_equal(out.present, 2);
        assert_int_equal(out.reconciled, i % 2 == 0);
        assert_true(out.ms == 1234.0);
        assert_string_equal(out.error, m.error);
        sbuf_free(&line);
    }
}

static void test_malformed(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "",
        "Q\t1",                                         /* unknown kind */
        "RR\t1",
        "R",                                            /* missing field */
        "R\t",
        "R\t12x",                                       /* not a number */
        "R\t99999999999",                               /* out of range */
        "R\t1\t2",                                      /* a field too many */
        "I\t",
        "S\t1\tabc",
        "S\t-4\tabc\t/x.pdf",
        /* Not what the encoder writes: a sha256 that is not 64 hex digits, a line break. */
        "S\t1\t" "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg" "\t/x.pdf",
        "S\t1\t" "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" "\t/x\n.pdf",
        "E\t3\tdisk\rfull",
        "S\t1\t" "0123456789012345678901234567890123456789012345678901234567890123456789" "\t/x.pdf",
        "D\t1\tstored\tchase\t1\t2\t2\t0\t1\t10",       /* no error field */
        "D\t1\tlost\tchase\t1\t2\t2\t0\t1\t10\t",       /* unknown outcome */
        "D\t1\tstored\tchase\t1\t2\t2\t0\t2\t10\t",     /* reconciled is 0 or 1 */
        "D\t1\tstored\tchase\t1\t2\t2\t0\t1\t-5\t",
        "D\t1\tstored\tchase\t1\t2\t2\t0\t1\t10\t\textra",
        "E\tthree\tlost",
        "E\t3",
    };
    ingest_msg m;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (ingest_msg_decode(bad[i], &m) == 0)
            fail_msg("accepted malformed message \"%s\"", bad[i]);
    assert_int_equal(ingest_msg_decode("D\t1\tstored\tchase\t1\t2\t2\t0\t1\t10\t", &m), 0);
    assert_string_equal(m.error, "");
    /* A profile longer than its buffer is refused, not cut silently. */
    char line[256];
    snprintf(line, sizeof line, "D\t1\tstored\t%0100d\t1\t2\t2\t0\t1\t10\t", 0);
    assert_int_equal(ingest_msg_decode(line, &m), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ready_idle_fatal),
        cmocka_unit_test(test_start),
        cmocka_unit_test(test_done),
        cmocka_unit_test(test_malformed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
