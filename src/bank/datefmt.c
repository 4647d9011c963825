/* datefmt.c - date format matching and year resolution. */
#include "datefmt.h"

#include <ctype.h>
#include <string.h>

/* Month names and abbreviations in English, French, German, Dutch, Spanish,
 * Italian, Portuguese and Malay, lower case (UTF-8). Keep in step with
 * MONTH_RX (rx.c). */
static const char *const month_names[12][14] = {
    {"jan", "january", "janvier", "janv", "januar", "januari", "enero", "ene", "gennaio", "gen", "janeiro"},
    {"feb", "february", "f\xc3\xa9vrier", "fevrier", "f\xc3\xa9vr", "fevr", "f\xc3\xa9v", "fev", "februar",
     "februari", "febrero", "febbraio", "fevereiro"},
    {"mar", "march", "mars", "m\xc3\xa4rz", "maerz", "mrz", "m\xc3\xa4r", "maart", "mrt", "marzo", "mar\xc3\xa7o",
     "marco", "mac"},
    {"apr", "april", "avril", "avr", "abril", "abr", "aprile"},
    {"may", "mai", "mei", "mayo", "maggio", "mag", "maio"},
    {"jun", "june", "juin", "juni", "junio", "giugno", "giu", "junho"},
    {"jul", "july", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho", "julai"},
    {"aug", "august", "ao\xc3\xbbt", "aout", "augustus", "agosto", "ago", "ogos"},
    {"sep", "sept", "september", "septembre", "septiembre", "settembre", "set", "setembro"},
    {"oct", "october", "octobre", "oktober", "okt", "octubre", "ottobre", "ott", "outubro", "out"},
    {"nov", "november", "novembre", "noviembre", "novembro"},
    {"dec", "december", "d\xc3\xa9" "cembre", "decembre", "d\xc3\xa9" "c", "dezember", "dez", "diciembre", "dic",
     "dicembre", "dezembro", "disember", "dis"},
};

int bank_month_from_name(const char *s, size_t n)
{
    if (n < 3)
        return 0;
    char low[16];
    if (n >= sizeof low)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        /* Latin-1 capitals in UTF-8 (C3 80..9E) fold to their small letters. */
        if (i > 0 && (unsigned char)s[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E)
            c += 0x20;
        low[i] = (char)tolower(c);
    }
    low[n] = '\0';
    if (n > 3 && low[n - 1] == '.')
        low[--n] = '\0';
    for (int m = 0; m < 12; m++)
        for (int k = 0; k < 14 && month_names[m][k]; k++)
            if (!strcmp(low, month_names[m][k]))
                return m + 1;
    return 0;
}

static bool starts(const char *p, const char *tok)
{
    return strncmp(p, tok, strlen(tok)) == 0;
}

/* Token codes; any other byte of tok[] is a literal character. */
enum { T_YEAR4 = 1, T_YEAR2, T_MONTH_NAME, T_MONTH, T_DAY, T_SPACE };

bool bank_datefmt_compile(const char *spec, bank_datefmt *out)
{
    size_t len = strlen(spec);
    if (len == 0 || len >= BANK_DATEFMT_MAX)
        return false;
    bool day = false, mon = false, year = false;
    int n = 0;
    for (const char *p = spec; *p;) {
        unsigned char t;
        if (starts(p, "YYYY")) {
            t = T_YEAR4, year = true, p += 4;
        } else if (starts(p, "YY")) {
            t = T_YEAR2, year = true, p += 2;
        } else if (starts(p, "MMM")) {
            t = T_MONTH_NAME, mon = true, p += 3;
        } else if (*p == 'M') {
            t = T_MONTH, mon = true, p += p[1] == 'M' ? 2 : 1;
        } else if (*p == 'D') {
            t = T_DAY, day = true, p += p[1] == 'D' ? 2 : 1;
        } else if (isalnum((unsigned char)*p) || (unsigned char)*p < ' ') {
            return false;
        } else {
            t = *p == ' ' ? T_SPACE : (unsigned char)*p;
            p++;
        }
        out->tok[n++] = t;
    }
    if (!day || !mon)
        return false;
    memcpy(out->spec, spec, len + 1);
    out->has_year = year;
    out->n_tok = n;
    return true;
}

int bank_datefmt_order(const bank_datefmt *f)
{
    for (int k = 0; k < f->n_tok; k++) {
        if (f->tok[k] == T_DAY)
            return 1;
        if (f->tok[k] == T_MONTH)
            return 2;
        if (f->tok[k] == T_MONTH_NAME || f->tok[k] == T_YEAR4 || f->tok[k] == T_YEAR2)
            return 0;
    }
    return 0;
}

bool bank_datefmt_may_fit(const bank_datefmt *f, const char *s)
{
    while (*s == ' ')
        s++;
    bool alpha = isalpha((unsigned char)*s);
    if (alpha != (f->tok[0] == T_MONTH_NAME))
        return false;
    /* The first separator of s against the first literal of f. */
    const char *p = s;
    while (*p && isalnum((unsigned char)*p))
        p++;
    for (int k = 0; k < f->n_tok; k++)
        if (f->tok[k] > T_SPACE || f->tok[k] == T_SPACE)
            return *p == (f->tok[k] == T_SPACE ? ' ' : (char)f->tok[k]) || (f->tok[k] == T_SPACE && !*p);
    return !*p;
}

/* Up to max digits (at least min) at s[*i]. */
static bool take_digits(const char *s, size_t n, size_t *i, int min, int max, int *out)
{
    int v = 0, k = 0;
    while (*i < n && k < max && isdigit((unsigned char)s[*i])) {
        v = v * 10 + (s[*i] - '0');
        (*i)++, k++;
    }
    if (k < min)
        return false;
    *out = v;
    return true;
}

bool bank_datefmt_parse(const bank_datefmt *f, const char *s, size_t n, int *y, int *m, int *d)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    int yy = 0, mm = 0, dd = 0;
    size_t i = 0;
    for (int k = 0; k < f->n_tok; k++) {
        switch (f->tok[k]) {
        case T_YEAR4:
            if (!take_digits(s, n, &i, 4, 4, &yy))
                return false;
            break;
        case T_YEAR2:
            if (!take_digits(s, n, &i, 2, 2, &yy))
                return false;
            yy += 2000;
            break;
        case T_MONTH_NAME: {
            size_t st = i;
            while (i < n && (isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80 || (s[i] == '.' && i > st)))
                i++;
            if (!(mm = bank_month_from_name(s + st, i - st)))
                return false;
            break;
        }
        case T_MONTH:
        case T_DAY:
            if (!take_digits(s, n, &i, 1, 2, f->tok[k] == T_MONTH ? &mm : &dd))
                return false;
            break;
        case T_SPACE:
            if (i >= n || !isspace((unsigned char)s[i]))
                return false;
            while (i < n && isspace((unsigned char)s[i]))
                i++;
            break;
        default:
            if (i >= n || (unsigned char)s[i] != f->tok[k])
                return false;
            i++;
        }
    }
    if (i != n || mm < 1 || mm > 12 || dd < 1 || dd > 31)
        return false;
    if (yy && !cl_date_valid_ymd(yy, mm, dd))
        return false;
    if (!yy && dd > cl_days_in_month(2000, mm))    /* 2000 is a leap year: 29/02 allowed */
        return false;
    *y = yy, *m = mm, *d = dd;
    return true;
}

static long dist_to(cl_date x, cl_date lo, cl_date hi)
{
    if (x < lo)
        return (long)lo - x;
    if (x > hi)
        return (long)x - hi;
    return 0;
}

cl_date bank_date_resolve(int m, int d, cl_date lo, cl_date hi)
{
    if (hi == CL_DATE_NONE)
        return CL_DATE_NONE;
    if (lo == CL_DATE_NONE || lo > hi)
        lo = hi - 31;
    int y, mm, dd;
    cl_date_to_ymd(hi, &y, &mm, &dd);
    cl_date best = CL_DATE_NONE;
    long best_dist = 0;
    for (int cy = y - 1; cy <= y + 1; cy++) {
        cl_date c = cl_date_from_ymd(cy, m, d);
        if (c == CL_DATE_NONE)
            continue;
        long dist = dist_to(c, lo, hi);
        if (best == CL_DATE_NONE || dist < best_dist)
            best = c, best_dist = dist;
    }
    return best;
}
