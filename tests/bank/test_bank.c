/* test_bank.c - amounts, date formats, year resolution, profile files
 * (errors with line numbers), detection, and extraction features on small
 * statements written to page_*.txt directories. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "bank/amount.h"
#include "bank/bank.h"
#include "bank/datefmt.h"
#include "common/util.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* --- helpers --------------------------------------------------------- */

static char tmp_root[256];

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* A page directory holding the given pages; returns its path (static). */
static const char *pages_dir(const char *name, const char *page1, const char *page2)
{
    static char dir[512];
    snprintf(dir, sizeof dir, "%s/%s", tmp_root, name);
    mkdir(dir, 0755);
    char path[600];
    snprintf(path, sizeof path, "%s/page_01.txt", dir);
    write_file(path, page1);
    if (page2) {
        snprintf(path, sizeof path, "%s/page_02.txt", dir);
        write_file(path, page2);
    }
    return dir;
}

static pdf_text *load_pages(const char *name, const char *page1, const char *page2)
{
    pdf_text *doc = NULL;
    cl_err err = {0};
    assert_int_equal(pdf_text_load_pages_dir(pages_dir(name, page1, page2), NULL, &doc, &err), 0);
    return doc;
}

static bank_profile *profile_from(const char *text)
{
    cl_err err = {0};
    bank_profile *p = bank_profile_parse(text, strlen(text), "test.profile", &err);
    if (!p)
        fail_msg("profile: %s", err.msg);
    return p;
}

static char *iso(cl_date d, char buf[11])
{
    return cl_date_format(d, buf);
}

/* --- amounts ----------------------------------------------------------- */

static void check_amount(const char *s, char dec, cl_money cents, bank_mark mark, const char *cur)
{
    bank_amount a;
    if (!bank_amount_parse(s, strlen(s), dec, &a))
        fail_msg("'%s' did not parse", s);
    assert_int_equal(a.cents, cents);
    assert_int_equal(a.mark, mark);
    assert_string_equal(a.currency, cur);
}

static void test_amounts(void **state)
{
    (void)state;
    check_amount("1,234.56", '.', 123456, BANK_MARK_NONE, "");
    check_amount("-1,234.56", '.', 123456, BANK_MARK_MINUS, "");
    check_amount("(1,234.56)", '.', 123456, BANK_MARK_PARENS, "");
    check_amount("1,234.56 CR", '.', 123456, BANK_MARK_CR, "");
    check_amount("1,234.56CR", '.', 123456, BANK_MARK_CR, "");
    check_amount("60.00cr", '.', 6000, BANK_MARK_CR, "");
    check_amount("45.10 DR", '.', 4510, BANK_MARK_DR, "");
    check_amount("$1,234.56", '.', 123456, BANK_MARK_NONE, "");
    check_amount("-$400.00", '.', 40000, BANK_MARK_MINUS, "");
    check_amount("S$27.00", '.', 2700, BANK_MARK_NONE, "SGD");
    check_amount("+80.00", '.', 8000, BANK_MARK_PLUS, "");
    check_amount("RM 1,200.00", '.', 120000, BANK_MARK_NONE, "MYR");
    check_amount("1,234.56-", '.', 123456, BANK_MARK_MINUS, "");
    check_amount("  12.5 ", '.', 1250, BANK_MARK_NONE, "");
    check_amount("1,234,567.89", '.', 123456789, BANK_MARK_NONE, "");
    check_amount("0.07", '.', 7, BANK_MARK_NONE, "");
    check_amount("1.234,56", ',', 123456, BANK_MARK_NONE, "");
    check_amount("-1.234,56", ',', 123456, BANK_MARK_MINUS, "");
    check_amount("1 234,56", ',', 123456, BANK_MARK_NONE, "");
    check_amount("\xe2\x82\xac" "12,00", ',', 1200, BANK_MARK_NONE, "EUR");
    const char *bad[] = {"", "abc", "1,23.45", "12.345", "(12.00", "12.00 CRX", "1.234,56", "--5.00", "5.00 6.00"};
    for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
        bank_amount a;
        if (bank_amount_parse(bad[i], strlen(bad[i]), '.', &a))
            fail_msg("'%s' should not parse", bad[i]);
    }
    bank_amount a;
    assert_true(bank_amount_parse("(5.00)", 6, '.', &a));
    assert_int_equal(bank_amount_as_printed(&a), -500);
    assert_true(bank_amount_parse("5.00 DR", 7, '.', &a));
    assert_int_equal(bank_amount_as_printed(&a), 500);
    assert_int_equal(bank_mark_parse(" CR ", 4), BANK_MARK_CR);
    const char *cur[][2] = {{"S$", "SGD"}, {"usd", "USD"}, {"RM", "MYR"}, {"CANADIAN DOLLAR", "CAD"},
                            {"Euro", "EUR"}, {"POUND  STERLING", "GBP"}, {"U.S. DOLLAR", "USD"},
                            {"$", ""}, {"DOLLAR", ""}, {"HONG KONG DOLLAR ", "HKD"}};
    for (size_t i = 0; i < ARRAY_LEN(cur); i++) {
        char iso[4];
        bank_currency_from_symbol(cur[i][0], strlen(cur[i][0]), iso);
        assert_string_equal(iso, cur[i][1]);
    }
    assert_int_equal(bank_mark_parse("x", 1), BANK_MARK_NONE);
}

/* --- dates ------------------------------------------------------------- */

static void check_date(const char *fmt, const char *s, int y, int m, int d)
{
    bank_datefmt f;
    assert_true(bank_datefmt_compile(fmt, &f));
    int yy, mm, dd;
    if (!bank_datefmt_parse(&f, s, strlen(s), &yy, &mm, &dd))
        fail_msg("'%s' with '%s' did not parse", s, fmt);
    assert_int_equal(yy, y);
    assert_int_equal(mm, m);
    assert_int_equal(dd, d);
}

static void test_date_formats(void **state)
{
    (void)state;
    check_date("DD MMM", "05 Nov", 0, 11, 5);
    check_date("DD MMM", "5 NOVEMBER", 0, 11, 5);
    check_date("DD MMM YY", "08 Nov 24", 2024, 11, 8);
    check_date("MMM DD, YYYY", "March 12, 2022", 2022, 3, 12);
    check_date("MMM DD", "Sept 3", 0, 9, 3);
    check_date("DD.MM.YY", "05.01.25", 2025, 1, 5);
    check_date("MM/DD", "07/26", 0, 7, 26);
    check_date("DD/MM", "26/07", 0, 7, 26);
    check_date("DD-MM-YYYY", "01-09-2023", 2023, 9, 1);
    check_date("YYYY-MM-DD", "2024-02-29", 2024, 2, 29);
    check_date("DDMMM", "03JAN", 0, 1, 3);
    check_date("DD MMM", "29 Feb", 0, 2, 29);
    bank_datefmt f;
    int y, m, d;
    assert_true(bank_datefmt_compile("DD/MM", &f));
    assert_false(bank_datefmt_parse(&f, "31/02", 5, &y, &m, &d));
    assert_false(bank_datefmt_parse(&f, "07/26", 5, &y, &m, &d));
    assert_false(bank_datefmt_parse(&f, "07/06/24", 8, &y, &m, &d));
    assert_true(bank_datefmt_compile("YYYY-MM-DD", &f));
    assert_false(bank_datefmt_parse(&f, "2023-02-29", 10, &y, &m, &d));
    assert_false(bank_datefmt_compile("XX/MM", &f));
    assert_false(bank_datefmt_compile("MM/YYYY", &f));
    assert_int_equal(bank_month_from_name("Sep.", 4), 9);
    assert_int_equal(bank_month_from_name("Mayo", 4), 0);
}

static void check_resolve(int m, int d, const char *lo, const char *hi, const char *want)
{
    char buf[11];
    cl_date got = bank_date_resolve(m, d, lo ? cl_date_parse_iso(lo) : CL_DATE_NONE, cl_date_parse_iso(hi));
    assert_string_equal(iso(got, buf), want);
}

static void test_year_resolution(void **state)
{
    (void)state;
    /* A December purchase on a January statement. */
    check_resolve(12, 25, NULL, "2025-01-20", "2024-12-25");
    check_resolve(1, 5, NULL, "2025-01-20", "2025-01-05");
    check_resolve(12, 20, "2024-12-15", "2025-01-14", "2024-12-20");
    check_resolve(1, 2, "2024-12-15", "2025-01-14", "2025-01-02");
    /* Older than the period, still the closest year. */
    check_resolve(10, 14, NULL, "2023-11-20", "2023-10-14");
    check_resolve(7, 2, NULL, "2023-09-01", "2023-07-02");
    /* Slightly after the statement date stays in its year. */
    check_resolve(1, 22, NULL, "2025-01-20", "2025-01-22");
    /* 29 February only exists in leap years. */
    check_resolve(2, 29, NULL, "2024-03-10", "2024-02-29");
    check_resolve(2, 29, NULL, "2025-03-10", "2024-02-29");
    char buf[11];
    assert_string_equal(iso(bank_date_resolve(1, 1, CL_DATE_NONE, CL_DATE_NONE), buf), "");
}

/* --- profile files ------------------------------------------------------ */

static void check_profile_error(const char *text, const char *want)
{
    cl_err err = {0};
    bank_profile *p = bank_profile_parse(text, strlen(text), "x.profile", &err);
    if (p) {
        bank_profile_free(p);
        fail_msg("profile should not parse (want '%s')", want);
    }
    if (!strstr(err.msg, want))
        fail_msg("message '%s' lacks '%s'", err.msg, want);
}

#define MINIMAL_LINE "line = ^(?<date>\\S+)\\s+(?<description>.+?)\\s{2,}(?<amount>%AMOUNT%)$\n"

static void test_profile_errors(void **state)
{
    (void)state;
    check_profile_error("[profile]\nid = x\nbogus = 1\n", "x.profile:3: unknown key 'bogus' in [profile]");
    check_profile_error("[profile]\nid = x\n[transactions]\nline = (unclosed\n", "x.profile:4: bad regex");
    check_profile_error("[profile]\nid = x\n[transactions]\nline = ^(?<date>\\S+) (?<amount>\\S+)$\n",
                        "x.profile:4: line needs a named group (?<description>...)");
    check_profile_error("[profile]\nid = x\n\n[nonsense]\n", "x.profile:4: unknown section [nonsense]");
    check_profile_error("[profile]\nid = x\n[transactions]\nignore += foo\n", "x.profile:4: '+=' is only for summary");
    check_profile_error("[transactions]\n" MINIMAL_LINE, "x.profile: missing 'id'");
    check_profile_error("[profile]\nid = x\n", "no transaction 'line' pattern");
    check_profile_error("[profile]\nid = x\n[transactions]\ndate_format = QQ/MM\n", "x.profile:4: bad date format");
    check_profile_error("[profile]\nid = x\n[transactions]\nignore = %NOPE%\n", "x.profile:4: unknown macro %NOPE%");
    check_profile_error("[profile]\nid = x\n[detect]\nphrase = heavy foo\n", "x.profile:4: expected 'WEIGHT REGEX'");
    check_profile_error("[profile]\nid = Bad-Id\n", "x.profile:2: id 'Bad-Id' must be");
    check_profile_error("[profile]\nid = x\n[summary]\nnew_balance = Total\n",
                        "x.profile:4: new_balance needs a named group (?<amount>...)");
    check_profile_error("id = x\n", "x.profile:1: 'id' before any [section]");
    check_profile_error("[profile]\nid = x\nno equals sign here\n", "x.profile:3: expected 'key = value'");
    check_profile_error("[profile]\nid = x\n[transactions]\n" MINIMAL_LINE "[section pay]\nsign = credit\n",
                        "x.profile:5: [section pay] has no 'start' pattern");
    check_profile_error("[profile]\nid = x\n[fields]\nstatement_date.above = x\n", "unknown key 'statement_date.above'");
}

static void test_profile_verbatim_and_macros(void **state)
{
    (void)state;
    /* '#' and ';' inside values are part of the regex; comments are whole
     * lines only; macros expand, profile macros before built-ins. */
    const char *text = "# comment\n"
                       "; another comment\n"
                       "[profile]\n"
                       "id = t1\n"
                       "[macros]\n"
                       "D = \\d\\d/\\d\\d\n"
                       "[transactions]\n"
                       "line = ^(?<date>%D%) #(?<description>[^;]+);\\s+(?<amount>%AMOUNT%)   \n"
                       "date_format = DD/MM\n";
    bank_profile *p = profile_from(text);
    assert_string_equal(p->issuer, "t1");
    assert_int_equal(p->line.n, 1);
    assert_string_equal(p->line.v[0].src, "^(?<date>%D%) #(?<description>[^;]+);\\s+(?<amount>%AMOUNT%)");
    assert_int_equal(p->line.v[0].line, 8);
    pcre2_match_data *md = bank_rx_match_data();
    const char *s = "01/02 #COFFEE; S$4.50";
    assert_true(bank_rx_match(&p->line.v[0], s, strlen(s), 0, md));
    size_t off, len;
    assert_true(bank_rx_group(&p->line.v[0], md, BG_DESCRIPTION, &off, &len));
    assert_int_equal(len, 6);
    assert_true(bank_rx_group(&p->line.v[0], md, BG_AMOUNT, &off, &len));
    assert_memory_equal(s + off, "S$4.50", 6);
    pcre2_match_data_free(md);
    assert_int_equal(p->n_txn_dates, 1);
    bank_profile_free(p);
}

/* --- detection and the registry ---------------------------------------- */

static void test_detection(void **state)
{
    (void)state;
    char udir[512];
    snprintf(udir, sizeof udir, "%s/userbanks", tmp_root);
    mkdir(udir, 0755);
    bank_registry *reg;
    cl_err err = {0};
    assert_int_equal(bank_registry_load(udir, &reg, &err), 0);
    assert_non_null(bank_registry_find(reg, "dbs"));
    assert_non_null(bank_registry_find(reg, "generic"));
    assert_string_equal(bank_registry_find(reg, "dbs")->source, "built-in");

    bank_detection det;
    pdf_text *doc = load_pages("det1", "   DBS Cards Marina P.O. Box 999\nDBS VISA CARD NO.: 4111 2222 3333 4444\n", NULL);
    bank_detect(reg, doc, &det);
    assert_non_null(det.profile);
    assert_string_equal(det.profile->id, "dbs");
    assert_false(det.ambiguous);
    pdf_text_free(doc);

    /* A payment to another bank in a DBS statement does not change it. */
    doc = load_pages("det2", "DBS Cards\nCARD NO.: 4111 2222 3333 4444\n01 NOV  PAYMENT FROM OCBC   10.00\n", NULL);
    bank_detect(reg, doc, &det);
    assert_string_equal(det.profile->id, "dbs");
    pdf_text_free(doc);

    doc = load_pages("det3", "Nothing bank-like here\n", NULL);
    bank_detect(reg, doc, &det);
    assert_null(det.profile);
    bank_statement *st = NULL;
    assert_int_equal(bank_parse_doc(reg, doc, NULL, &st, &err), -1);
    assert_non_null(strstr(err.msg, "no statement recognized"));
    pdf_text_free(doc);
    bank_registry_free(reg);

    /* Two user profiles scoring the same: ambiguous, reported as such. A
     * user profile with a built-in id replaces it. */
    char path[600];
    snprintf(path, sizeof path, "%s/zebra1.profile", udir);
    write_file(path, "[profile]\nid = zebra_one\n[detect]\nrequire = ZEBRA BANK\n[transactions]\n" MINIMAL_LINE);
    snprintf(path, sizeof path, "%s/zebra2.profile", udir);
    write_file(path, "[profile]\nid = zebra_two\n[detect]\nrequire = ZEBRA\n[transactions]\n" MINIMAL_LINE);
    snprintf(path, sizeof path, "%s/mydbs.profile", udir);
    write_file(path, "[profile]\nid = dbs\nissuer = My DBS\n[detect]\nrequire = DBS\n[transactions]\n" MINIMAL_LINE);
    assert_int_equal(bank_registry_load(udir, &reg, &err), 0);
    assert_string_equal(bank_registry_find(reg, "dbs")->issuer, "My DBS");
    assert_non_null(strstr(bank_registry_find(reg, "dbs")->source, "mydbs.profile"));
    doc = load_pages("det4", "ZEBRA BANK statement\n01/02 COFFEE  4.50\n", NULL);
    bank_detect(reg, doc, &det);
    assert_true(det.ambiguous);
    assert_int_equal(bank_parse_doc(reg, doc, NULL, &st, &err), -1);
    assert_non_null(strstr(err.msg, "ambiguous"));
    assert_non_null(strstr(err.msg, "zebra_one"));
    bank_parse_opts po = {.profile_id = "zebra_two"};
    assert_int_equal(bank_parse_doc(reg, doc, &po, &st, &err), 0);
    assert_string_equal(st->issuer, "zebra_two");
    bank_statement_free(st);
    po.profile_id = "nope";
    assert_int_equal(bank_parse_doc(reg, doc, &po, &st, &err), -1);
    assert_non_null(strstr(err.msg, "unknown profile 'nope'"));
    pdf_text_free(doc);
    bank_registry_free(reg);

    /* A broken user profile fails the load with its file and line. */
    snprintf(path, sizeof path, "%s/broken.profile", udir);
    write_file(path, "[profile]\nid = broken\n[transactions]\nline = (\n");
    assert_int_equal(bank_registry_load(udir, &reg, &err), -1);
    assert_non_null(strstr(err.msg, "broken.profile:4: bad regex"));
    unlink(path);
}

/* --- extraction --------------------------------------------------------- */

static const char *feature_profile =
    "[profile]\n"
    "id = feat\n"
    "currency = EUR\n"
    "[fields]\n"
    "statement_date = Statement Date (?<date>\\d\\d %MONTH% \\d{4})\n"
    "card = Card ending (?<last4>\\d{4})\n"
    "[summary]\n"
    "previous_balance.below = (?<label>Previous Balance)\n"
    "payments_and_credits.below = (?<label>Payments)\n"
    "payments_and_credits.below += (?<label>Credits)\n"
    "purchases.below = (?<label>Purchases)\n"
    "new_balance.below = (?<label>New Balance)\n"
    "[transactions]\n"
    "line = ^\\s*(?<date>\\d\\d %MONTH%)\\s{2,}(?<description>\\S.*?)\\s{2,}(?<amount>%AMOUNT%)\\s*$\n"
    "date_format = DD MMM\n"
    "sign_below = yes\n"
    "continuation = aligned\n"
    "continuation_exclude = ^\\s*REF:\n"
    "drop = Ref \\d+\n"
    "ignore = ^\\s*Page \\d+\n"
    "[section refunds]\n"
    "start = ^\\s*REFUNDS\\s*$\n"
    "sign = credit\n"
    "[section rates]\n"
    "start = ^\\s*INTEREST RATES\\s*$\n"
    "ignore = yes\n";

static const char *feature_page1 =
    "Statement Date 15 Jan 2025          Card ending 4242\n"
    "  Previous Balance    Payments   Credits   Purchases    New Balance\n"
    "\n"
    "        100.00          50.00      5.00       75.00       120.00\n"
    "\n"
    "28 Dec   COFFEE SHOP                      20.00\n"
    "         LONDON GB\n"
    "03 Jan   PAYMENT THANK YOU                50.00\n"
    "         REF: 998877                      CR\n"
    "Page 1\n";

static const char *feature_page2 =
    "10 Jan   BOOKS  Ref 123456                55.00\n"
    "REFUNDS\n"
    "12 Jan   BOOKS RETURNED                    5.00\n"
    "INTEREST RATES\n"
    "01 Jan   PURCHASES 24.99%                  0.00\n";

static void test_extract_features(void **state)
{
    (void)state;
    bank_profile *p = profile_from(feature_profile);
    pdf_text *doc = load_pages("feat", feature_page1, feature_page2);
    bank_statement *st = bank_extract(p, doc, NULL);
    char buf[11], m[32];
    assert_string_equal(st->account_last4, "4242");
    assert_string_equal(st->currency, "EUR");
    assert_string_equal(iso(st->statement_date, buf), "2025-01-15");
    assert_true(st->summary.previous_balance.present);
    assert_int_equal(st->summary.previous_balance.value, 10000);
    assert_int_equal(st->summary.payments_and_credits.value, 5500);
    assert_int_equal(st->summary.purchases.value, 7500);
    assert_int_equal(st->summary.new_balance.value, 12000);
    assert_false(st->summary.fees.present);
    assert_int_equal(st->n_txns, 4);
    /* December purchase on a January statement; continuation appended. */
    assert_string_equal(iso(st->txns[0].date, buf), "2024-12-28");
    assert_string_equal(st->txns[0].description, "COFFEE SHOP LONDON GB");
    assert_string_equal(cl_money_format(st->txns[0].amount, m), "-20.00");
    /* CR under the amount; the REF line is not appended. */
    assert_string_equal(st->txns[1].description, "PAYMENT THANK YOU");
    assert_string_equal(cl_money_format(st->txns[1].amount, m), "50.00");
    /* Dropped column; page 2 line 1. */
    assert_string_equal(st->txns[2].description, "BOOKS");
    assert_int_equal(st->txns[2].page, 2);
    assert_int_equal(st->txns[2].line, 1);
    /* The refunds section makes an unsigned amount a credit; the rates
     * section is ignored. */
    assert_string_equal(cl_money_format(st->txns[3].amount, m), "5.00");
    /* 100 - 120 = -20 = -20 + 50 - 55 + 5 */
    assert_true(st->reconciled);
    assert_true(st->reconcile_known);
    assert_int_equal(st->reconcile_difference, 0);
    assert_int_equal(st->n_warnings, 0);
    bank_statement_free(st);
    pdf_text_free(doc);

    /* The same statement with one amount changed no longer reconciles but
     * is still returned, with the difference and a warning. */
    char *changed = xstrdup(feature_page2);
    memcpy(strstr(changed, "55.00"), "65.00", 5);
    doc = load_pages("feat2", feature_page1, changed);
    st = bank_extract(p, doc, NULL);
    assert_int_equal(st->n_txns, 4);
    assert_false(st->reconciled);
    assert_int_equal(st->reconcile_difference, -1000);
    assert_int_equal(st->n_warnings, 1);
    assert_non_null(strstr(st->warnings[0], "does not reconcile"));
    bank_statement_free(st);
    pdf_text_free(doc);
    free(changed);
    bank_profile_free(p);
}

static const char *account_page =
    "Statement Date 31 Mar 2024\n"
    "Date      Description                 Amount       Balance\n"
    "          Balance brought forward                  1,000.00\n"
    "02 Mar    SALARY ACME LTD           2,500.00       3,500.00\n"
    "05 Mar    RENT MARCH                1,200.00       2,300.00\n"
    "09 Mar    GROCER                       45.60       2,254.40\n"
    "          Closing balance                          2,254.40\n";

static const char *columns_page =
    "Statement Date 31 Mar 2024\n"
    "Date      Description               Withdrawals      Deposits        Balance\n"
    "02 Mar    SALARY ACME LTD                            2,500.00       3,500.00\n"
    "05 Mar    RENT MARCH                   1,200.00                     2,300.00\n"
    "09 Mar    GROCER                          45.60                     2,254.40\n";

static const char *fcy_page =
    "Statement Date 31 Mar 2024\n"
    "Date      Description                 Amount in FCY   Amount\n"
    "02 Mar    HOTEL PARIS                     100.00      147.25\n"
    "04 Mar    TAXI TOKYO                                   13.50\n"
    "          JPY 1,480.00\n"
    "          New balance                                 160.75\n";

static void test_generic_balance_column(void **state)
{
    (void)state;
    bank_registry *reg;
    cl_err err = {0};
    assert_int_equal(bank_registry_load(tmp_root, &reg, &err), 0);
    const bank_profile *g = bank_registry_find(reg, "generic");
    assert_non_null(g);
    /* A running balance under a "Balance" header is never the amount; its
     * movement gives the sign. */
    pdf_text *doc = load_pages("acct", account_page, NULL);
    bank_statement *st = bank_extract(g, doc, NULL);
    char m[32];
    assert_int_equal(st->n_txns, 3);
    assert_string_equal(cl_money_format(st->txns[0].amount, m), "2500.00");
    assert_string_equal(cl_money_format(st->txns[1].amount, m), "-1200.00");
    assert_string_equal(cl_money_format(st->txns[2].amount, m), "-45.60");
    assert_true(st->txns[2].has_balance);
    assert_int_equal(st->txns[2].balance, 225440);
    assert_true(st->reconciled);
    bank_statement_free(st);
    pdf_text_free(doc);
    /* Separate withdrawal and deposit columns give the sign even without a
     * brought-forward balance. */
    doc = load_pages("columns", columns_page, NULL);
    st = bank_extract(g, doc, NULL);
    assert_int_equal(st->n_txns, 3);
    assert_string_equal(cl_money_format(st->txns[0].amount, m), "2500.00");
    assert_string_equal(cl_money_format(st->txns[1].amount, m), "-1200.00");
    assert_string_equal(cl_money_format(st->txns[2].amount, m), "-45.60");
    assert_int_equal(st->txns[1].balance, 230000);
    bank_statement_free(st);
    pdf_text_free(doc);
    /* Two amounts without a balance header: foreign, then local. */
    doc = load_pages("fcy", fcy_page, NULL);
    st = bank_extract(g, doc, NULL);
    assert_int_equal(st->n_txns, 2);
    assert_string_equal(cl_money_format(st->txns[0].amount, m), "-147.25");
    assert_true(st->txns[0].has_foreign);
    assert_string_equal(cl_money_format(st->txns[0].foreign_amount, m), "-100.00");
    /* A foreign amount on the line under the transaction. */
    assert_string_equal(st->txns[1].description, "TAXI TOKYO");
    assert_string_equal(cl_money_format(st->txns[1].foreign_amount, m), "-1480.00");
    assert_string_equal(st->txns[1].foreign_currency, "JPY");
    assert_true(st->reconciled);
    bank_statement_free(st);
    pdf_text_free(doc);
    bank_registry_free(reg);
}

static const char *us_page =
    "Closing Date 01/05/2024\n"
    "Previous Balance                 100.00\n"
    "New Balance                      110.00\n"
    "12/28     DINER NEW YORK NY                 30.00\n"
    "01/03     PAYMENT - THANK YOU              -20.00\n";

/* 01/05/2024 alone could be 1 May: the rows print 12/28, so month first. */
static void test_month_first_dates(void **state)
{
    (void)state;
    bank_registry *reg;
    cl_err err = {0};
    assert_int_equal(bank_registry_load(tmp_root, &reg, &err), 0);
    pdf_text *doc = load_pages("us", us_page, NULL);
    bank_statement *st = bank_extract(bank_registry_find(reg, "generic"), doc, NULL);
    char buf[11];
    assert_string_equal(iso(st->statement_date, buf), "2024-01-05");
    assert_int_equal(st->n_txns, 2);
    assert_string_equal(iso(st->txns[0].date, buf), "2023-12-28");
    assert_string_equal(iso(st->txns[1].date, buf), "2024-01-03");
    assert_true(st->reconciled);
    bank_statement_free(st);
    pdf_text_free(doc);
    bank_registry_free(reg);
}

static void test_output(void **state)
{
    (void)state;
    bank_profile *p = profile_from(feature_profile);
    pdf_text *doc = load_pages("out", feature_page1, feature_page2);
    bank_statement *st = bank_extract(p, doc, NULL);
    st->file = xstrdup("dir/with,comma");
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    bank_statement_write_json(st, f);
    fclose(f);
    /* Field order as documented, amounts as strings, null where absent. */
    const char *order[] = {"\"file\"", "\"sha256\"", "\"pages\":2", "\"issuer\":\"feat\"",
                           "\"account_last4\":\"4242\"", "\"currency\":\"EUR\"",
                           "\"statement_date\":\"2025-01-15\"", "\"period_start\":null",
                           "\"period_end\":\"2025-01-15\"", "\"previous_balance\":\"100.00\"",
                           "\"fees\":null", "\"new_balance\":\"120.00\"", "\"reconciled\":true",
                           "\"reconcile_difference\":\"0.00\"", "\"date\":\"2024-12-28\"", "\"posted_date\":null",
                           "\"amount\":\"-20.00\"", "\"foreign_amount\":null", "\"page\":1", "\"line\":6",
                           "\"warnings\":[]"};
    const char *at = buf;
    for (size_t i = 0; i < ARRAY_LEN(order); i++) {
        const char *hit = strstr(at, order[i]);
        if (!hit)
            fail_msg("%s missing or out of order in %s", order[i], buf);
        at = hit;
    }
    assert_int_equal(buf[len - 1], '\n');
    assert_null(strchr(buf, '\n') + 1 == buf + len ? NULL : "more than one line");
    free(buf);
    f = open_memstream(&buf, &len);
    bank_csv_write_header(f);
    bank_statement_write_csv(st, f);
    fclose(f);
    assert_non_null(strstr(buf, "file,issuer,account_last4,statement_date,date,posted_date,description,amount"));
    assert_non_null(strstr(buf, "\"dir/with,comma\",feat,4242,2025-01-15,2024-12-28,,COFFEE SHOP LONDON GB,-20.00,EUR,,,1,6,purchase\r\n"));
    free(buf);
    /* Bytes that are not UTF-8 never lose a field. */
    free(st->txns[0].description);
    st->txns[0].description = xstrdup("CAF\xe9 ROMA");
    f = open_memstream(&buf, &len);
    bank_statement_write_json(st, f);
    fclose(f);
    assert_non_null(strstr(buf, "\"description\":\"CAF? ROMA\""));
    free(buf);
    bank_statement_free(st);
    pdf_text_free(doc);
    bank_profile_free(p);
}

/* One registry shared by threads: the first uses of a profile (its lazy
 * JIT compilation) race, and every thread still gets the same statement. */
typedef struct thread_job {
    const bank_registry *reg;
    const pdf_text *doc;
    size_t n_txns;
    cl_money sum;
    bool reconciled;
} thread_job;

static void *parse_thread(void *arg)
{
    thread_job *j = arg;
    for (int round = 0; round < 5; round++) {
        bank_statement *st = NULL;
        cl_err err = {0};
        bank_parse_opts po = {.profile_id = round % 2 ? "generic" : NULL};
        if (bank_parse_doc(j->reg, j->doc, &po, &st, &err) != 0)
            return NULL;
        j->n_txns = st->n_txns;
        j->sum = 0;
        for (size_t i = 0; i < st->n_txns; i++)
            j->sum += st->txns[i].amount;
        j->reconciled = st->reconciled;
        bank_statement_free(st);
    }
    return NULL;
}

static void test_threads(void **state)
{
    (void)state;
    bank_registry *reg;
    cl_err err = {0};
    assert_int_equal(bank_registry_load(tmp_root, &reg, &err), 0);
    pdf_text *doc = load_pages("threads", feature_page1, feature_page2);
    pthread_t t[4];
    thread_job jobs[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (thread_job){.reg = reg, .doc = doc};
        assert_int_equal(pthread_create(&t[i], NULL, parse_thread, &jobs[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        assert_true(jobs[i].n_txns > 0);
        assert_int_equal(jobs[i].n_txns, jobs[0].n_txns);
        assert_int_equal(jobs[i].sum, jobs[0].sum);
    }
    pdf_text_free(doc);
    bank_registry_free(reg);
}

static int setup(void **state)
{
    (void)state;
    const char *t = getenv("CL_TEST_TMP");
    snprintf(tmp_root, sizeof tmp_root, "%s/test_bank.XXXXXX", t && *t ? t : "/tmp");
    return mkdtemp(tmp_root) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp_root);
    return system(cmd) == 0 ? 0 : -1;
}

/* Kinds: the section first, then keyword rules, then the sign. */
static void test_kinds(void **state)
{
    (void)state;
    assert_int_equal(bank_kind_of_section("payments"), BANK_KIND_PAYMENT);
    assert_int_equal(bank_kind_of_section("cash_advances"), BANK_KIND_CASH_ADVANCE);
    assert_int_equal(bank_kind_of_section("transactions"), BANK_KIND_UNSET);
    assert_int_equal(bank_kind_of_section(NULL), BANK_KIND_UNSET);
    /* A payments section also holds merchants' refunds. */
    assert_int_equal(bank_kind_classify(BANK_KIND_PAYMENT, true, false, "AUTOPAY 240115"), BANK_KIND_PAYMENT);
    assert_int_equal(bank_kind_classify(BANK_KIND_PAYMENT, true, false, "AMAZON MKTPLACE"), BANK_KIND_REFUND);
    assert_int_equal(bank_kind_classify(BANK_KIND_PURCHASE, true, false, "TARGET 00123"), BANK_KIND_REFUND);
    assert_int_equal(bank_kind_classify(BANK_KIND_PURCHASE, false, false, "LATE FEE"), BANK_KIND_FEE);
    assert_int_equal(bank_kind_classify(BANK_KIND_FEE, true, false, "FEE REVERSAL"), BANK_KIND_FEE);
    assert_int_equal(bank_kind_classify(BANK_KIND_INTEREST, false, false, "PURCHASES"), BANK_KIND_INTEREST);
    /* No section: keywords at word boundaries, then the sign. */
    assert_int_equal(bank_kind_classify(BANK_KIND_UNSET, true, false, "Payment Thank You - Web"), BANK_KIND_PAYMENT);
    assert_int_equal(bank_kind_classify(BANK_KIND_UNSET, false, false, "PAYMENTECH MERCHANT"), BANK_KIND_PURCHASE);
    assert_int_equal(bank_kind_classify(BANK_KIND_UNSET, false, false, "INTEREST CHARGE ON PURCHASES"),
                     BANK_KIND_INTEREST);
    assert_int_equal(bank_kind_classify(BANK_KIND_UNSET, false, false, "CASH ADVANCE ATM 0042"),
                     BANK_KIND_CASH_ADVANCE);
    assert_int_equal(bank_kind_classify(BANK_KIND_UNSET, true, false, "COFFEE FEELGOOD"), BANK_KIND_REFUND);
    /* Plural and Malaysian wordings (Maybank, Standard Chartered). */
    assert_int_equal(bank_kind_classify(BANK_KIND_UNSET, false, false, "FINANCE CHARGES"), BANK_KIND_INTEREST);
    assert_int_equal(bank_kind_classify(BANK_KIND_UNSET, false, false, "LATE PAYMENT CHARGE"), BANK_KIND_FEE);
    /* Accounts: deposits and withdrawals; a card payment is a transfer. */
    assert_int_equal(bank_kind_classify(BANK_KIND_UNSET, true, true, "PAYROLL ACME"), BANK_KIND_DEPOSIT);
    assert_int_equal(bank_kind_classify(BANK_KIND_UNSET, false, true, "SAFEWAY 1234"), BANK_KIND_WITHDRAWAL);
    assert_int_equal(bank_kind_classify(BANK_KIND_UNSET, false, true, "CHASE CARD PAYMENT"), BANK_KIND_TRANSFER);
    assert_int_equal(bank_kind_classify(BANK_KIND_UNSET, false, true, "MONTHLY SERVICE FEE"), BANK_KIND_FEE);
    for (int k = BANK_KIND_UNSET + 1; k < BANK_KIND_N; k++)
        assert_int_equal(bank_kind_parse(bank_kind_name((bank_kind)k)), k);
    assert_string_equal(bank_kind_name(BANK_KIND_UNSET), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_amounts),
        cmocka_unit_test(test_date_formats),
        cmocka_unit_test(test_year_resolution),
        cmocka_unit_test(test_profile_errors),
        cmocka_unit_test(test_profile_verbatim_and_macros),
        cmocka_unit_test(test_detection),
        cmocka_unit_test(test_extract_features),
        cmocka_unit_test(test_generic_balance_column),
        cmocka_unit_test(test_month_first_dates),
        cmocka_unit_test(test_output),
        cmocka_unit_test(test_threads),
        cmocka_unit_test(test_kinds),
    };
    return cmocka_run_group_tests_name("bank", tests, setup, teardown);
}
