/* normalize.c - merchant names, fingerprints and row order for ingest. */
#include "normalize.h"

#include "common/hash.h"
#include "common/sbuf.h"
#include "common/util.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- merchant names -------------------------------------------------------- */

#define MAX_TOKENS 32

/* Card processors that put their own short name before a '*' (or a space). */
static const char *const processors[] = {
    "SQ", "TST", "PAYPAL", "PP", "SP", "PY", "IC", "DD", "WPY", "FS", "EB", "CKE", "BT", "GOOGLE",
    "APL", "ZTL", "SMK",
};
/* Without a '*', only these unambiguous ones are taken as a prefix. */
static const char *const bare_processors[] = {"SQ", "TST", "SP", "PAYPAL"};

static const char *const region_codes[] = {
    /* US states, DC, PR */
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
    "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
    "VA", "WA", "WV", "WI", "WY", "DC", "PR",
    /* countries, ISO 3166 alpha-2 and alpha-3 */
    "US", "USA", "GB", "GBR", "UK", "FR", "FRA", "DE", "DEU", "IE", "IRL", "IT", "ITA", "PT",
    "PRT", "ES", "ESP", "NL", "NLD", "BE", "BEL", "CH", "CHE", "AT", "AUT", "SE", "SWE", "NO",
    "NOR", "DK", "DNK", "FI", "FIN", "CAN", "AU", "AUS", "NZ", "NZL", "MX", "MEX", "HK", "HKG",
    "SG", "SGP", "MY", "MYS", "JP", "JPN", "CN", "CHN", "KR", "KOR", "IND", "TH", "THA", "IDN",
    "PH", "PHL", "VN", "VNM", "AE", "ARE", "BR", "BRA",
};

/* Company and web suffixes that are not part of the name people use. */
static const char *const suffixes[] = {"COM", "NET", "ORG", "INC", "LLC", "LTD", "CORP", "PTE",
                                       "BHD", "SDN", "PLC", "GMBH"};

/* Cities often printed after the merchant (a trailing match is removed). */
static const char *const cities[] = {
    "NEW YORK", "LOS ANGELES", "CHICAGO", "HOUSTON", "PHOENIX", "PHILADELPHIA", "SAN ANTONIO",
    "SAN DIEGO", "DALLAS", "SAN JOSE", "AUSTIN", "JACKSONVILLE", "SAN FRANCISCO", "COLUMBUS",
    "FORT WORTH", "INDIANAPOLIS", "CHARLOTTE", "SEATTLE", "DENVER", "WASHINGTON", "BOSTON",
    "NASHVILLE", "DETROIT", "PORTLAND", "LAS VEGAS", "MEMPHIS", "LOUISVILLE", "BALTIMORE",
    "MILWAUKEE", "ALBUQUERQUE", "TUCSON", "FRESNO", "SACRAMENTO", "ATLANTA", "MIAMI", "OAKLAND",
    "MINNEAPOLIS", "TAMPA", "NEW ORLEANS", "CLEVELAND", "RALEIGH", "OMAHA", "BOISE", "RICHMOND",
    "BUFFALO", "SAVANNAH", "ANCHORAGE", "HONOLULU", "MADISON", "BROOKLYN", "PITTSBURGH",
    "CINCINNATI", "ST LOUIS", "SALT LAKE CITY", "ORLANDO", "KANSAS CITY", "SINGAPORE",
    "KUALA LUMPUR", "SHAH ALAM", "PETALING JAYA", "PENANG", "JOHOR BAHRU", "IPOH", "MELAKA",
    "LONDON", "EDINBURGH", "MANCHESTER", "PARIS", "BERLIN", "MUNICH", "DUBLIN", "ROME", "MILAN",
    "LISBON", "MADRID", "BARCELONA", "AMSTERDAM", "BRUSSELS", "ZURICH", "GENEVA", "VIENNA",
    "TORONTO", "VANCOUVER", "MONTREAL", "SYDNEY", "MELBOURNE", "AUCKLAND", "MEXICO CITY",
    "HONG KONG", "TOKYO", "BANGKOK", "JAKARTA", "DUBAI",
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The lists above, sorted once, for binary search (every transaction looks
 * up several words). */
typedef struct word_set {
    const char **v;
    size_t n;
} word_set;

static word_set g_processors, g_bare, g_regions, g_suffixes, g_cities;

static void set_init(word_set *s, const char *const *list, size_t n)
{
    s->v = xmalloc(n * sizeof *s->v);
    memcpy(s->v, list, n * sizeof *s->v);
    s->n = n;
    qsort(s->v, n, sizeof *s->v, cmp_str);
}

static void sets_init(void)
{
    if (g_regions.v)
        return;
    set_init(&g_processors, processors, ARRAY_LEN(processors));
    set_init(&g_bare, bare_processors, ARRAY_LEN(bare_processors));
    set_init(&g_regions, region_codes, ARRAY_LEN(region_codes));
    set_init(&g_suffixes, suffixes, ARRAY_LEN(suffixes));
    set_init(&g_cities, cities, ARRAY_LEN(cities));
}

static bool in_set(const char *tok, const word_set *s)
{
    return bsearch(&tok, s->v, s->n, sizeof *s->v, cmp_str) != NULL;
}

/* Upper-case a description into w: letters, digits, '&', '-', '*' and
 * non-ASCII bytes stay; apostrophes vanish ("JOE'S" -> "JOES"); anything
 * else separates words. */
static void clean(const char *in, char *w, size_t wsz)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)in; *p && n + 1 < wsz; p++) {
        unsigned char ch = *p;
        if (ch == '\'')
            continue;
        if (ch >= 0x80 || isalnum(ch) || ch == '&' || ch == '-' || ch == '*')
            w[n++] = (char)toupper(ch);
        else
            w[n++] = ' ';
    }
    w[n] = '\0';
}

/* The processor-prefix rule: "SQ *BLUE CAFE" -> "BLUE CAFE",
 * "AMZN MKTP US*2K4L93" -> "AMZN MKTP US". Works in place. */
static char *strip_star(char *w)
{
    char *star = strchr(w, '*');
    if (!star)
        return w;
    char left[64];
    size_t k = 0;
    for (const char *p = w; p < star && k + 1 < sizeof left; p++)
        if (*p != ' ')
            left[k++] = *p;
    left[k] = '\0';
    char *rest = star + 1;
    for (char *p = rest; *p; p++)
        if (*p == '*')
            *p = ' ';
    if (!k || in_set(left, &g_processors))
        return rest;
    *star = '\0';
    return w;
}

static int split(char *s, char **tok, int max)
{
    int n = 0;
    for (char *save = NULL, *t = strtok_r(s, " ", &save); t && n < max; t = strtok_r(NULL, " ", &save)) {
        while (*t == '-')
            t++;
        size_t len = strlen(t);
        while (len && t[len - 1] == '-')
            t[--len] = '\0';
        if (*t)
            tok[n++] = t;
    }
    return n;
}

/* A reference number, not a word: only digits, or two or more digits. */
static bool is_reference(const char *t)
{
    int digits = 0, letters = 0;
    for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
        if (isdigit(*p))
            digits++;
        else if (isalpha(*p) || *p >= 0x80)
            letters++;
    }
    return digits > 0 && (letters == 0 || digits >= 2);
}

/* Number of trailing tokens of tok[0..n) that spell a known city (0: none). */
static int city_tail(char **tok, int n)
{
    for (int len = 3; len >= 1; len--) {
        if (len >= n)
            continue;
        char buf[64] = "";
        for (int i = n - len; i < n; i++) {
            if (i > n - len)
                strncat(buf, " ", sizeof buf - strlen(buf) - 1);
            strncat(buf, tok[i], sizeof buf - strlen(buf) - 1);
        }
        if (in_set(buf, &g_cities))
            return len;
    }
    return 0;
}

void ingest_merchant_name(const char *description, char *out, size_t outsz)
{
    sets_init();
    char w[512];
    clean(description ? description : "", w, sizeof w);
    char *s = strip_star(w);
    char *tok[MAX_TOKENS];
    int n = split(s, tok, MAX_TOKENS);
    if (n >= 2 && in_set(tok[0], &g_bare)) {
        memmove(tok, tok + 1, (size_t)(n - 1) * sizeof *tok);
        n--;
    }
    /* Keep the name up to the first reference number after it. */
    int kept = 0;
    for (int i = 0; i < n; i++) {
        if (is_reference(tok[i])) {
            if (kept)
                break;
            continue;
        }
        tok[kept++] = tok[i];
    }
    n = kept;
    for (;;) {
        int c;
        if (n >= 2 && (in_set(tok[n - 1], &g_regions) || in_set(tok[n - 1], &g_suffixes)))
            n--;
        else if ((c = city_tail(tok, n)) > 0)
            n -= c;
        else
            break;
    }
    size_t len = 0;
    size_t cap = outsz < INGEST_MERCHANT_MAX ? outsz : INGEST_MERCHANT_MAX;
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        size_t tl = strlen(tok[i]);
        if (len + (len ? 1 : 0) + tl + 1 > cap)
            break;
        if (len)
            out[len++] = ' ';
        memcpy(out + len, tok[i], tl);
        len += tl;
        out[len] = '\0';
    }
}

void ingest_fingerprint_text(const char *description, char *out, size_t outsz)
{
    size_t n = 0;
    bool space = false;
    for (const unsigned char *p = (const unsigned char *)(description ? description : "");
         *p && n + 1 < outsz; p++) {
        if (isspace(*p)) {
            space = n > 0;
            continue;
        }
        if (space && n + 2 < outsz)
            out[n++] = ' ';
        space = false;
        out[n++] = (char)toupper(*p);
    }
    out[n] = '\0';
}

/* ---- statements ----------------------------------------------------------------- */

void ingest_complete_statement(bank_statement *st)
{
    if (!st->account_last4[0])
        snprintf(st->account_last4, sizeof st->account_last4, "%s", INGEST_UNKNOWN_CARD);
    if (st->period_end == CL_DATE_NONE)
        st->period_end = st->statement_date;
    if (st->period_start == CL_DATE_NONE && st->period_end != CL_DATE_NONE) {
        cl_date first = st->period_end;
        for (size_t i = 0; i < st->n_txns; i++)
            if (st->txns[i].date != CL_DATE_NONE && st->txns[i].date < first)
                first = st->txns[i].date;
        st->period_start = first;
    }
}

/* ---- rows ---------------------------------------------------------------------- */

typedef struct keyed {
    size_t i;                   /* index into rows */
    cl_date posting;
    cl_money amount;
    char *text;                 /* fingerprint text */
} keyed;

static int cmp_identity(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->posting != y->posting)
        return x->posting < y->posting ? -1 : 1;
    if (x->amount != y->amount)
        return x->amount < y->amount ? -1 : 1;
    int c = strcmp(x->text, y->text);
    if (c)
        return c;
    return x->i < y->i ? -1 : x->i > y->i;     /* statement order */
}

static int cmp_rows(const void *a, const void *b)
{
    const ingest_txn_row *x = a, *y = b;
    if (x->posting_date != y->posting_date)
        return x->posting_date < y->posting_date ? -1 : 1;
    return strcmp(x->fingerprint, y->fingerprint);
}

static void fingerprint(const bank_statement *st, const keyed *k, int occurrence, char out[65])
{
    char date[11], amount[32];
    sbuf b = {0};
    /* Unit separators keep the fields apart whatever they contain. */
    sbuf_printf(&b, "%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%d", st->issuer, st->account_last4,
                cl_date_format(k->posting, date), cl_money_format(k->amount, amount), k->text,
                occurrence);
    cl_sha256_buf(b.p, b.len, out);
    sbuf_free(&b);
}

void ingest_rows_build(const bank_statement *st, ingest_rows *out)
{
    memset(out, 0, sizeof *out);
    out->min_posting = out->max_posting = CL_DATE_NONE;
    size_t n = st->n_txns;
    if (!n)
        return;
    out->n = n;
    out->rows = xcalloc(n, sizeof *out->rows);
    out->merchants = xcalloc(n, sizeof *out->merchants);
    keyed *k = xcalloc(n, sizeof *k);
    for (size_t i = 0; i < n; i++) {
        const bank_txn *t = &st->txns[i];
        ingest_txn_row *r = &out->rows[i];
        r->txn = t;
        r->seq = (int)i + 1;
        r->posting_date = t->posted_date != CL_DATE_NONE ? t->posted_date : t->date;
        ingest_merchant_name(t->description, out->merchants[i], INGEST_MERCHANT_MAX);
        r->merchant = out->merchants[i][0] ? out->merchants[i] : NULL;
        size_t dl = strlen(t->description ? t->description : "") + 1;
        k[i].text = xmalloc(dl);
        ingest_fingerprint_text(t->description, k[i].text, dl);
        k[i].i = i;
        k[i].posting = r->posting_date;
        k[i].amount = t->amount;
        if (r->posting_date != CL_DATE_NONE) {
            if (out->min_posting == CL_DATE_NONE || r->posting_date < out->min_posting)
                out->min_posting = r->posting_date;
            if (out->max_posting == CL_DATE_NONE || r->posting_date > out->max_posting)
                out->max_posting = r->posting_date;
        }
    }
    /* Occurrence numbers: the order of identical rows on the statement. */
    qsort(k, n, sizeof *k, cmp_identity);
    int occ = 0;
    for (size_t j = 0; j < n; j++) {
        bool same = j > 0 && k[j].posting == k[j - 1].posting && k[j].amount == k[j - 1].amount &&
                    strcmp(k[j].text, k[j - 1].text) == 0;
        occ = same ? occ + 1 : 1;
        fingerprint(st, &k[j], occ, out->rows[k[j].i].fingerprint);
    }
    for (size_t j = 0; j < n; j++)
        free(k[j].text);
    free(k);
    qsort(out->rows, n, sizeof *out->rows, cmp_rows);
}

void ingest_rows_free(ingest_rows *r)
{
    free(r->rows);
    free(r->merchants);
    memset(r, 0, sizeof *r);
}
