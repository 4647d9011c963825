/* amount.c - parsing printed amounts into exact cents plus a sign marker. */
#include "amount.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static bool is_group_sep(char c, char decimal)
{
    return decimal == ',' ? (c == '.' || c == ' ' || c == '\'') : (c == ',' || c == '\'');
}

/* Currency prefix: up to 3 letters and/or one symbol ($, £, €, ¥, ₹).
 * Returns the bytes consumed. */
static size_t scan_currency(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && i < 3 && isalpha((unsigned char)s[i]))
        i++;
    if (i < n && s[i] == '$')
        return i + 1;
    static const char *const symbols[] = {"\xc2\xa3", "\xe2\x82\xac", "\xc2\xa5", "\xe2\x82\xb9"};
    for (size_t k = 0; k < sizeof symbols / sizeof *symbols; k++) {
        size_t len = strlen(symbols[k]);
        if (i + len <= n && memcmp(s + i, symbols[k], len) == 0)
            return i + len;
    }
    return i;
}

/* Currency names as statements print them ("CANADIAN DOLLAR", "EURO",
 * "POUND STERLING"), upper case, dots dropped, single spaces. */
static const struct {
    const char *name, *iso;
} currency_names[] = {
    {"EURO", "EUR"}, {"EUROS", "EUR"}, {"US DOLLAR", "USD"}, {"UNITED STATES DOLLAR", "USD"},
    {"CANADIAN DOLLAR", "CAD"}, {"AUSTRALIAN DOLLAR", "AUD"}, {"NEW ZEALAND DOLLAR", "NZD"},
    {"HONG KONG DOLLAR", "HKD"}, {"SINGAPORE DOLLAR", "SGD"}, {"TAIWAN DOLLAR", "TWD"},
    {"NEW TAIWAN DOLLAR", "TWD"}, {"POUND STERLING", "GBP"}, {"BRITISH POUND", "GBP"},
    {"BRITISH POUND STERLING", "GBP"}, {"SWISS FRANC", "CHF"}, {"JAPANESE YEN", "JPY"}, {"YEN", "JPY"},
    {"MEXICAN PESO", "MXN"}, {"PHILIPPINE PESO", "PHP"}, {"INDIAN RUPEE", "INR"},
    {"INDONESIAN RUPIAH", "IDR"}, {"MALAYSIAN RINGGIT", "MYR"}, {"RINGGIT", "MYR"}, {"THAI BAHT", "THB"},
    {"KOREAN WON", "KRW"}, {"SOUTH KOREAN WON", "KRW"}, {"CHINESE YUAN", "CNY"}, {"YUAN RENMINBI", "CNY"},
    {"CHINESE YUAN RENMINBI", "CNY"}, {"SWEDISH KRONA", "SEK"}, {"NORWEGIAN KRONE", "NOK"},
    {"DANISH KRONE", "DKK"}, {"POLISH ZLOTY", "PLN"}, {"CZECH KORUNA", "CZK"}, {"HUNGARIAN FORINT", "HUF"},
    {"TURKISH LIRA", "TRY"}, {"ISRAELI SHEKEL", "ILS"}, {"NEW ISRAELI SHEQEL", "ILS"},
    {"SOUTH AFRICAN RAND", "ZAR"}, {"BRAZILIAN REAL", "BRL"}, {"UAE DIRHAM", "AED"},
    {"SAUDI RIYAL", "SAR"}, {"VIETNAMESE DONG", "VND"}, {"ICELANDIC KRONA", "ISK"},
};

static bool currency_by_name(const char *s, size_t n, char out[4])
{
    char norm[48];
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < sizeof norm; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '.')
            continue;
        if (isspace(c)) {
            if (k && norm[k - 1] != ' ')
                norm[k++] = ' ';
        } else if (isalpha(c)) {
            norm[k++] = (char)toupper(c);
        } else {
            return false;
        }
    }
    while (k && norm[k - 1] == ' ')
        k--;
    norm[k] = '\0';
    for (size_t i = 0; i < sizeof currency_names / sizeof *currency_names; i++)
        if (!strcmp(norm, currency_names[i].name)) {
            memcpy(out, currency_names[i].iso, 4);
            return true;
        }
    return false;
}

void bank_currency_from_symbol(const char *s, size_t n, char out[4])
{
    static const struct {
        const char *sym, *iso;
    } map[] = {
        {"S$", "SGD"}, {"SGD", "SGD"}, {"US$", "USD"}, {"RM", "MYR"}, {"HK$", "HKD"},
        {"A$", "AUD"}, {"AU$", "AUD"}, {"C$", "CAD"}, {"CA$", "CAD"}, {"NZ$", "NZD"},
        {"\xc2\xa3", "GBP"}, {"\xe2\x82\xac", "EUR"}, {"\xc2\xa5", "JPY"}, {"\xe2\x82\xb9", "INR"},
    };
    out[0] = '\0';
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    for (size_t k = 0; k < sizeof map / sizeof *map; k++)
        if (strlen(map[k].sym) == n && strncasecmp(map[k].sym, s, n) == 0) {
            memcpy(out, map[k].iso, 4);
            return;
        }
    if (n == 3 && isalpha((unsigned char)s[0]) && isalpha((unsigned char)s[1]) && isalpha((unsigned char)s[2])) {
        for (int k = 0; k < 3; k++)
            out[k] = (char)toupper((unsigned char)s[k]);
        out[3] = '\0';
        return;
    }
    currency_by_name(s, n, out);
}

/* Digits with grouping and decimals. Returns bytes consumed, 0 on error. */
static size_t scan_number(const char *s, size_t n, char decimal, cl_money *out)
{
    size_t i = 0;
    int64_t whole = 0;
    int ndig = 0, group = 0;
    bool grouped = false;
    while (i < n) {
        char c = s[i];
        if (isdigit((unsigned char)c)) {
            if (++ndig > 15)
                return 0;
            whole = whole * 10 + (c - '0');
            group++;
            i++;
        } else if (is_group_sep(c, decimal) && i + 1 < n && isdigit((unsigned char)s[i + 1]) && ndig > 0) {
            /* Groups after a separator are exactly three digits; the first
             * group is one to three digits. */
            if ((grouped && group != 3) || (!grouped && group > 3))
                return 0;
            size_t k = i + 1;
            while (k < n && isdigit((unsigned char)s[k]))
                k++;
            if (k - (i + 1) != 3)
                break;  /* "12 34" with ' ' grouping: not part of the number */
            grouped = true;
            group = 0;
            i++;
        } else {
            break;
        }
    }
    if (ndig == 0 || (grouped && group != 3))
        return 0;
    int64_t frac = 0;
    if (i < n && s[i] == decimal && i + 1 < n && isdigit((unsigned char)s[i + 1])) {
        i++;
        int fd = 0;
        while (i < n && isdigit((unsigned char)s[i])) {
            if (++fd > 2)
                return 0;
            frac = frac * 10 + (s[i] - '0');
            i++;
        }
        if (fd == 1)
            frac *= 10;
    }
    *out = whole * 100 + frac;
    return i;
}

static size_t skip_space(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

bool bank_amount_parse(const char *s, size_t n, char decimal, bank_amount *out)
{
    memset(out, 0, sizeof *out);
    size_t i = skip_space(s, n, 0);
    while (n > i && isspace((unsigned char)s[n - 1]))
        n--;
    bool parens = false;
    bank_mark mark = BANK_MARK_NONE;
    for (;;) {
        if (i < n && (s[i] == '-' || s[i] == '+') && mark == BANK_MARK_NONE) {
            mark = s[i] == '-' ? BANK_MARK_MINUS : BANK_MARK_PLUS;
            i = skip_space(s, n, i + 1);
        } else if (i < n && s[i] == '(' && !parens) {
            parens = true;
            i = skip_space(s, n, i + 1);
        } else {
            break;
        }
    }
    size_t cur = scan_currency(s + i, n - i);
    if (cur) {
        bank_currency_from_symbol(s + i, cur, out->currency);
        i = skip_space(s, n, i + cur);
        if (i < n && s[i] == '-' && mark == BANK_MARK_NONE) {
            mark = BANK_MARK_MINUS;
            i = skip_space(s, n, i + 1);
        }
    }
    cl_money v;
    size_t used = scan_number(s + i, n - i, decimal, &v);
    if (!used)
        return false;
    i += used;
    if (parens) {
        i = skip_space(s, n, i);
        if (i >= n || s[i] != ')')
            return false;
        i++;
        if (mark == BANK_MARK_NONE)
            mark = BANK_MARK_PARENS;
    }
    if (i < n && (s[i] == '-' || s[i] == '+') && mark == BANK_MARK_NONE) {
        /* A trailing sign ("8.00-", "480.00+"). */
        mark = s[i] == '-' ? BANK_MARK_MINUS : BANK_MARK_PLUS;
        i++;
    } else {
        size_t k = skip_space(s, n, i);
        if (k + 2 <= n && mark == BANK_MARK_NONE) {
            bank_mark m = bank_mark_parse(s + k, 2);
            if ((m == BANK_MARK_CR || m == BANK_MARK_DR) &&
                (k + 2 == n || !isalnum((unsigned char)s[k + 2]))) {
                mark = m;
                i = k + 2;
            }
        }
    }
    /* A currency symbol or code after the number ("12,50 EUR"). */
    size_t k = skip_space(s, n, i);
    size_t cur2 = k < n ? scan_currency(s + k, n - k) : 0;
    if (cur2 && k + cur2 == n) {
        /* The codes and symbols %AMOUNT% takes after a number (rx.c). */
        static const char suffixes[] = " EUR USD GBP CHF SEK NOK DKK PLN CZK HUF SGD MYR HKD AUD CAD ";
        char iso[4], key[6];
        bank_currency_from_symbol(s + k, cur2, iso);
        snprintf(key, sizeof key, " %s ", iso);
        bool symbol = !isalpha((unsigned char)s[k]);
        if ((iso[0] && (symbol || strstr(suffixes, key))) || (symbol && s[k + cur2 - 1] == '$')) {
            if (!out->currency[0])
                memcpy(out->currency, iso, 4);
            i = n;
        }
    }
    if (skip_space(s, n, i) != n)
        return false;
    out->cents = v;
    out->mark = mark;
    return true;
}

bank_mark bank_mark_parse(const char *s, size_t n)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (n == 2 && strncasecmp(s, "CR", 2) == 0)
        return BANK_MARK_CR;
    if (n == 2 && strncasecmp(s, "DR", 2) == 0)
        return BANK_MARK_DR;
    if (n == 1 && *s == '-')
        return BANK_MARK_MINUS;
    if (n == 1 && *s == '+')
        return BANK_MARK_PLUS;
    if ((n == 1 && *s == '(') || (n == 2 && s[0] == '(' && s[1] == ')'))
        return BANK_MARK_PARENS;
    return BANK_MARK_NONE;
}

cl_money bank_amount_as_printed(const bank_amount *a)
{
    bool neg = a->mark == BANK_MARK_MINUS || a->mark == BANK_MARK_PARENS || a->mark == BANK_MARK_CR;
    return neg ? -a->cents : a->cents;
}

const char *bank_mark_name(bank_mark m)
{
    static const char *const names[] = {"none", "minus", "plus", "parens", "cr", "dr"};
    return (unsigned)m < sizeof names / sizeof *names ? names[m] : "?";
}
