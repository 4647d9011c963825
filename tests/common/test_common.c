/* test_common.c - dates, money, redaction, strings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "common/cardmask.h"
#include "common/date.h"
#include "common/hash.h"
#include "common/log.h"
#include "common/money.h"
#include "common/path.h"
#include "common/json.h"
#include "common/sbuf.h"
#include "common/util.h"

#include <stdio.h>
#include <string.h>

static void test_date_roundtrip(void **state)
{
    (void)state;
    char buf[11];
    assert_int_equal(cl_date_from_ymd(1970, 1, 1), 0);
    assert_string_equal(cl_date_format(cl_date_from_ymd(2024, 2, 29), buf), "2024-02-29");
    assert_int_equal(cl_date_from_ymd(2023, 2, 29), CL_DATE_NONE);
    assert_int_equal(cl_date_from_ymd(2025, 1, 1) - cl_date_from_ymd(2024, 12, 31), 1);
    for (cl_date d = cl_date_from_ymd(1999, 1, 1); d < cl_date_from_ymd(2031, 1, 1); d += 13) {
        int y, m, day;
        cl_date_to_ymd(d, &y, &m, &day);
        assert_int_equal(cl_date_from_ymd(y, m, day), d);
    }
    assert_int_equal(cl_date_parse_iso("2024-12-31"), cl_date_from_ymd(2024, 12, 31));
    assert_int_equal(cl_date_parse_iso("2024-13-01"), CL_DATE_NONE);
    assert_int_equal(cl_date_parse_iso("2024-1-01"), CL_DATE_NONE);
}

static void test_money(void **state)
{
    (void)state;
    char buf[32];
    cl_money m;
    assert_true(cl_money_parse("1234.56", &m));
    assert_int_equal(m, 123456);
    assert_true(cl_money_parse("-0.5", &m));
    assert_int_equal(m, -50);
    assert_true(cl_money_parse("12", &m));
    assert_int_equal(m, 1200);
    assert_false(cl_money_parse("1.234", &m));
    assert_false(cl_money_parse("1,234.00", &m));
    assert_false(cl_money_parse("", &m));
    assert_string_equal(cl_money_format(-123456, buf), "-1234.56");
    assert_string_equal(cl_money_format(5, buf), "0.05");
    assert_string_equal(cl_money_format(0, buf), "0.00");
}

static void test_redact(void **state)
{
    (void)state;
    char out[256];
    /* A Luhn-valid card number keeps its last 4 digits; the layout stays. */
    assert_string_equal(log_redact("card 4111 1111 1111 1111 seen", out, sizeof out),
                        "card XXXX XXXX XXXX 1111 seen");
    assert_string_equal(log_redact("4111-1111-1111-1111", out, sizeof out), "XXXX-XXXX-XXXX-1111");
    /* Not Luhn-valid, or too short: left alone. */
    assert_string_equal(log_redact("ref 4111111111111112", out, sizeof out), "ref 4111111111111112");
    assert_string_equal(log_redact("amount 1234.56", out, sizeof out), "amount 1234.56");
    /* Whatever stands around it (issue 13): a letter, another digit group,
     * double and mixed separators. */
    assert_string_equal(log_redact("x4147201118415678.pdf", out, sizeof out), "xXXXXXXXXXXXX5678.pdf");
    assert_string_equal(log_redact("4147 2011 1841 5678 12 2023.pdf", out, sizeof out),
                        "XXXX XXXX XXXX 5678 12 2023.pdf");
    assert_string_equal(log_redact("ab4111111111111111cd", out, sizeof out), "abXXXXXXXXXXXX1111cd");
    assert_string_equal(log_redact("4147  2011 -1841--5678", out, sizeof out), "XXXX  XXXX -XXXX--5678");
    /* Three blanks end a run: two numbers side by side stay two. */
    assert_string_equal(log_redact("4147 2011 1841 5678   4111 1111 1111 1111", out, sizeof out),
                        "XXXX XXXX XXXX 5678   XXXX XXXX XXXX 1111");
    assert_string_equal(log_redact("host = x password = S3cret dbname=y", out, sizeof out),
                        "host = x password = *** dbname=y");
    assert_string_equal(log_redact("host=x password=s3cret dbname=y", out, sizeof out),
                        "host=x password=*** dbname=y");
    assert_string_equal(log_redact("postgresql://bob:hunter2@db:5432/x", out, sizeof out),
                        "postgresql://bob:***@db:5432/x");
    assert_string_equal(log_redact("postgresql://bob@db/x", out, sizeof out), "postgresql://bob@db/x");
}

/* Every 13-19 digit Luhn-valid run, masked in place, whatever surrounds it. */
static void test_card_mask(void **state)
{
    (void)state;
    /* Luhn-valid numbers of every length 13..19 in every grouping style. */
    static const char *const valid[] = {"4222222222222", "378282246310005", "4111111111111111",
                                        "6011000990139424", "3530111333300000", "4000056655665556",
                                        "62222222222222228", "622222222222222229",
                                        "6222222222222222222"};
    for (size_t k = 0; k < sizeof valid / sizeof *valid; k++) {
        char t[128];
        snprintf(t, sizeof t, "Card no.%s\tdue", valid[k]);
        size_t at = 0;
        assert_true(cl_card_find(t, strlen(t), &at));
        assert_int_equal(at, 8);
        assert_int_equal(cl_card_mask_str(t), 1);
        assert_false(cl_card_find(t, strlen(t), NULL));
        size_t n = strlen(valid[k]);
        assert_memory_equal(t + 8 + n - 4, valid[k] + n - 4, 4);
        assert_int_equal(t[8 + n - 5], 'X');
    }
    char a[] = "Ending 5678: 4147-2011 1841  5678, next 4147201118415678";
    assert_int_equal(cl_card_mask_str(a), 2);
    assert_string_equal(a, "Ending 5678: XXXX-XXXX XXXX  5678, next XXXXXXXXXXXX5678");
    /* Not a card: 12 digits, a failed check, a 20-digit run. */
    char b[] = "411111111111 4111111111111112 41111111111111111111";
    assert_int_equal(cl_card_mask_str(b), 0);
    /* A number ends the text. */
    char c[] = "4111 1111 1111 1111";
    assert_int_equal(cl_card_mask(c, strlen(c)), 1);
    assert_string_equal(c, "XXXX XXXX XXXX 1111");
    assert_true(cl_luhn_ok("79927398713", 11));
    assert_false(cl_luhn_ok("79927398710", 11));
}

static void test_sbuf_and_strings(void **state)
{
    (void)state;
    sbuf b = {0};
    assert_string_equal(sbuf_str(&b), "");
    for (int i = 0; i < 1000; i++)
        sbuf_printf(&b, "%d,", i);
    assert_true(util_starts_with(sbuf_str(&b), "0,1,2,"));
    char *s = sbuf_detach(&b);
    assert_int_equal(b.len, 0);
    free(s);
    char t[] = "  a \t b\n\nc  ";
    assert_string_equal(util_collapse_space(t), "a b c");
    char hex[CL_SHA256_HEX];
    cl_sha256_buf("abc", 3, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

/* JSON string literals: escapes, non-ASCII as \uXXXX (a surrogate pair
 * beyond U+FFFF) or as UTF-8, invalid bytes as '?'. */
/* Paths are bytes: the escaped form is UTF-8, printable and round-trips. */
static void test_path_escape(void **state)
{
    (void)state;
    const char *cases[] = {"/plain/path.pdf", "/caf\xc3\xa9.pdf", "bad\xff.pdf", "back\\slash\\x41",
                           "new\nline\ttab", "\x7f\xc2\x80\xed\xa0\x80", "\\xZZ", ""};
    const char *want[] = {"/plain/path.pdf", "/caf\xc3\xa9.pdf", "bad\\xFF.pdf", "back\\\\slash\\\\x41",
                          "new\\x0Aline\\x09tab", "\\x7F\\xC2\\x80\\xED\\xA0\\x80", "\\\\xZZ", ""};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *e = path_escape(cases[i]);
        assert_string_equal(e, want[i]);
        unsigned cp;
        for (const char *p = e; *p; p += util_utf8_decode(p, &cp))
            assert_true(util_utf8_decode(p, &cp) > 0 && cp >= 0x20);
        char *u = path_unescape(e);
        assert_string_equal(u, cases[i]);
        assert_int_equal(path_is_plain(cases[i]), strcmp(e, cases[i]) == 0);
        free(u);
        free(e);
    }
    /* a stored path from before escaping, with a lone backslash, still works */
    char *u = path_unescape("C:\\dir\\q");
    assert_string_equal(u, "C:\\dir\\q");
    free(u);
}

static void test_json_string(void **state)
{
    (void)state;
    const char *in = "a\"b\\c\n\t\x01 CAF\xc3\x89 \xf0\x9f\x98\x80 \xe9 \xc0\xaf \xed\xa0\x80.";
    sbuf b = {0};
    cl_json_string(&b, in, true);
    assert_string_equal(sbuf_str(&b), "\"a\\\"b\\\\c\\n\\t\\u0001 CAF\\u00C9 \\uD83D\\uDE00 ? ?? ???.\"");
    sbuf_truncate(&b, 0);
    cl_json_string(&b, in, false);
    assert_string_equal(sbuf_str(&b), "\"a\\\"b\\\\c\\n\\t\\u0001 CAF\xc3\x89 \xf0\x9f\x98\x80 ? ?? ???.\"");
    sbuf_truncate(&b, 0);
    cl_json_string(&b, "", true);
    assert_string_equal(sbuf_str(&b), "\"\"");
    sbuf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_roundtrip),
        cmocka_unit_test(test_money),
        cmocka_unit_test(test_redact),
        cmocka_unit_test(test_card_mask),
        cmocka_unit_test(test_sbuf_and_strings),
        cmocka_unit_test(test_json_string),
        cmocka_unit_test(test_path_escape),
    };
    return cmocka_run_group_tests_name("common", tests, NULL, NULL);
}
