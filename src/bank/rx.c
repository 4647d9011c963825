/* rx.c - profile regexes: macro expansion, PCRE2 compile + JIT, matching. */
#include "rx.h"
#include "common/sbuf.h"
#include "common/util.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

const char *const bank_group_names[BG_N] = {
    "date", "posted_date", "description", "amount", "sign", "foreign_amount",
    "foreign_currency", "balance", "label", "text", "last4", "start", "end", "currency",
};

/* Month names and abbreviations in English, French, German, Dutch, Spanish,
 * Italian, Portuguese and Malay (the table in datefmt.c). (?i) folds ASCII
 * only: accented capitals are listed too. Grouped by first letter: a date
 * pattern tries this at many positions, and most fail on the first byte. */
#define MONTH_RX                                                                             \
    "(?i:a(?:pr(?:il|ile)?|vr(?:il)?|br(?:il)?|ug(?:ust(?:us)?)?|o(?:\xc3\xbb|\xc3\x9b|u)t|go(?:sto)?)"  \
    "|d(?:ec(?:ember|embre)?|(?:\xc3\xa9|\xc3\x89)c(?:embre)?|ez(?:ember|embro)?|ic(?:iembre|embre)?|is(?:ember)?)" \
    "|en(?:e|ero)"                                                                           \
    "|f(?:eb(?:ruary|ruar|ruari|rero|braio)?|(?:\xc3\xa9|\xc3\x89|e)v(?:r(?:ier)?|ereiro)?)" \
    "|g(?:en(?:naio)?|iu(?:gno)?)"                                                           \
    "|j(?:an(?:uary|vier|v|uar|uari|eiro)?|u(?:ne?|in|ni|nio|nho|ly?|il(?:let)?|li|lio|lho|lai))" \
    "|lug(?:lio)?"                                                                           \
    "|m(?:ar(?:ch|s|zo|co|\xc3\xa7o|\xc3\x87o)?|(?:\xc3\xa4|\xc3\x84)rz?|aerz|rz|aart|rt|ac|ay|ai|ei|ayo|aggio|ag|aio)" \
    "|nov(?:ember|embre|iembre|embro)?"                                                      \
    "|o(?:ct(?:ober|obre|ubre)?|[kt]t(?:ober|obre)?|utubro|ut|gos)"                          \
    "|s(?:ep(?:t(?:ember|embre|iembre)?)?|ettembre|et(?:embro)?))"                           \
    "(?![A-Za-z])\\.?"

/* An amount token: optional sign or parenthesis (the sign may stand apart:
 * "- 500,00"), currency prefix (maybe spaced from the digits: "$      12.50",
 * accounting style), grouped digits, two decimals, optional ')' and CR/DR or
 * a trailing minus or plus ("8.00-", "480.00+"), and a currency symbol or
 * code after the number ("12,50 \u20ac", "12.50 EUR"). */
#define CUR_SUFFIX                                                                         \
    "(?: ?(?:\xe2\x82\xac|\xc2\xa3|EUR|USD|GBP|CHF|SEK|NOK|DKK|PLN|CZK|HUF|SGD|MYR|HKD|AUD|CAD)(?![A-Za-z]))?"
#define AMOUNT_BODY(G, D)                                                                \
    "(?<![\\d.,'])(?:[-+] {0,3})?\\(?(?:(?:[A-Z]{1,3}\\$|RM|\\$|\xc2\xa3|\xe2\x82\xac|\xc2\xa5) *)?\\s?-?" \
    "(?:\\d{1,3}(?:" G "\\d{3})+|\\d+)" D "\\d{2}(?![.,]?\\d)\\)?(?:\\s?(?i:CR|DR)\\b|[-+](?!\\d))?" CUR_SUFFIX

static const char amount_dot[] = AMOUNT_BODY("[,']", "\\.");
static const char amount_comma[] = AMOUNT_BODY("[. ']", ",");

const char *bank_rx_amount(char decimal)
{
    return decimal == ',' ? amount_comma : amount_dot;
}

static const struct {
    const char *name, *value;
} builtin_macros[] = {
    {"MONTH", MONTH_RX},
    /* A date with or without a year ("10.03." too); a 2-digit year is not
     * taken when a month name follows (a second date column). */
    {"DATE", "(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.\\d{1,2}\\.(?=\\s)|\\d{1,2}[/.-]\\d{1,2}(?:[/.-](?:\\d{4}|\\d{2}))?(?![\\d/.-])"
             "|\\d{1,2}\\.?[ -]?" MONTH_RX "(?:[ -](?:\\d{4}|\\d{2})(?![\\d:])(?!\\s*" MONTH_RX "))?"
             "|(?<![A-Za-z])" MONTH_RX " ?\\d{1,2}(?!\\d)(?:,? \\d{4})?)"},
    /* A date with a year. */
    {"YDATE", "(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})(?!\\d)"
              "|\\d{1,2}\\.?[ -]" MONTH_RX ",?[ -](?:\\d{4}|\\d{2})(?!\\d)"
              "|(?<![A-Za-z])" MONTH_RX " \\d{1,2},? \\d{4})"},
};

void bank_macros_set(bank_macros *m, const char *name, const char *value)
{
    for (int i = 0; i < m->n; i++)
        if (strcmp(m->name[i], name) == 0) {
            free(m->value[i]);
            m->value[i] = xstrdup(value);
            return;
        }
    m->name = xrealloc(m->name, (size_t)(m->n + 1) * sizeof *m->name);
    m->value = xrealloc(m->value, (size_t)(m->n + 1) * sizeof *m->value);
    m->name[m->n] = xstrdup(name);
    m->value[m->n++] = xstrdup(value);
}

void bank_macros_free(bank_macros *m)
{
    for (int i = 0; i < m->n; i++) {
        free(m->name[i]);
        free(m->value[i]);
    }
    free(m->name);
    free(m->value);
    memset(m, 0, sizeof *m);
}

static const char *macro_lookup(const bank_macros *m, const char *name, size_t n, char decimal)
{
    for (int i = 0; m && i < m->n; i++)
        if (strlen(m->name[i]) == n && memcmp(m->name[i], name, n) == 0)
            return m->value[i];
    if (n == 6 && memcmp(name, "AMOUNT", 6) == 0)
        return bank_rx_amount(decimal);
    for (size_t i = 0; i < ARRAY_LEN(builtin_macros); i++)
        if (strlen(builtin_macros[i].name) == n && memcmp(builtin_macros[i].name, name, n) == 0)
            return builtin_macros[i].value;
    return NULL;
}

static int expand_into(sbuf *b, const char *src, const bank_macros *m, char decimal, int depth, cl_err *err)
{
    if (depth > 8)
        return cl_err_set(err, CL_E_PARSE, "macros nest too deeply (a macro refers to itself?)");
    for (const char *p = src; *p;) {
        if (*p == '%' && isupper((unsigned char)p[1])) {
            const char *q = p + 1;
            while (isupper((unsigned char)*q) || isdigit((unsigned char)*q) || *q == '_')
                q++;
            if (*q == '%') {
                size_t n = (size_t)(q - p - 1);
                const char *v = macro_lookup(m, p + 1, n, decimal);
                if (!v)
                    return cl_err_set(err, CL_E_PARSE, "unknown macro %%%.*s%%", (int)n, p + 1);
                sbuf_puts(b, "(?:");
                if (expand_into(b, v, m, decimal, depth + 1, err))
                    return -1;
                sbuf_putc(b, ')');
                p = q + 1;
                continue;
            }
        }
        /* Copy up to the next possible macro in one piece. */
        const char *q = strchr(p + 1, '%');
        size_t run = q ? (size_t)(q - p) : strlen(p);
        sbuf_append(b, p, run);
        p += run;
    }
    return 0;
}

char *bank_rx_expand(const char *src, const bank_macros *m, char decimal, cl_err *err)
{
    sbuf b = {0};
    if (expand_into(&b, src, m, decimal, 0, err)) {
        sbuf_free(&b);
        return NULL;
    }
    return sbuf_detach(&b);
}

int bank_rx_compile(bank_rx *rx, const char *src, const bank_macros *m, char decimal, cl_err *err)
{
    char *full = bank_rx_expand(src, m, decimal, err);
    if (!full)
        return -1;
    int code;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)full, PCRE2_ZERO_TERMINATED, PCRE2_MULTILINE, &code, &off, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        /* Offsets refer to the expanded text; show the pattern as written. */
        int rc = strcmp(full, src) == 0
                     ? cl_err_set(err, CL_E_PARSE, "bad regex at offset %zu: %s", (size_t)off, (char *)msg)
                     : cl_err_set(err, CL_E_PARSE, "bad regex (after macro expansion): %s", (char *)msg);
        free(full);
        return rc;
    }
    free(full);
    rx->re = re;
    rx->src = xstrdup(src);
    for (int g = 0; g < BG_N; g++) {
        int num = pcre2_substring_number_from_name(re, (PCRE2_SPTR)bank_group_names[g]);
        /* A name used more than once ((?J) alternatives) is resolved at
         * match time to the first instance that is set. */
        rx->grp[g] = num > 0 ? num : num == PCRE2_ERROR_NOUNIQUESUBSTRING ? -1 : 0;
    }
    return 0;
}

void bank_rx_jit(bank_rx *rx)
{
    if (rx->re)
        pcre2_jit_compile(rx->re, PCRE2_JIT_COMPLETE);  /* else the interpreter matches */
}

void bank_rx_free(bank_rx *rx)
{
    if (rx->re)
        pcre2_code_free(rx->re);
    free(rx->src);
    memset(rx, 0, sizeof *rx);
}

void bank_rxv_free(bank_rxv *v)
{
    for (int i = 0; i < v->n; i++)
        bank_rx_free(&v->v[i]);
    free(v->v);
    v->v = NULL;
    v->n = 0;
}

bank_rx *bank_rxv_push(bank_rxv *v)
{
    v->v = xrealloc(v->v, (size_t)(v->n + 1) * sizeof *v->v);
    bank_rx *rx = &v->v[v->n++];
    memset(rx, 0, sizeof *rx);
    return rx;
}

pcre2_match_data *bank_rx_match_data(void)
{
    pcre2_match_data *md = pcre2_match_data_create(64, NULL);
    if (!md) {
        fprintf(stderr, "cardledger: out of memory\n");
        exit(1);
    }
    return md;
}

bool bank_rx_match(const bank_rx *rx, const char *s, size_t n, size_t start, pcre2_match_data *md)
{
    return pcre2_match(rx->re, (PCRE2_SPTR)s, n, start, 0, md, NULL) > 0;
}

bool bank_rx_group(const bank_rx *rx, pcre2_match_data *md, bank_group g, size_t *off, size_t *len)
{
    int num = rx->grp[g];
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    uint32_t count = pcre2_get_ovector_count(md);
    if (num < 0) {
        PCRE2_SPTR first, last;
        int size = pcre2_substring_nametable_scan(rx->re, (PCRE2_SPTR)bank_group_names[g], &first, &last);
        num = 0;
        for (PCRE2_SPTR e = first; size > 0 && e <= last; e += size) {
            int k = (e[0] << 8) | e[1];
            if ((uint32_t)k < count && ov[2 * k] != PCRE2_UNSET) {
                num = k;
                break;
            }
        }
    }
    if (!num || (uint32_t)num >= count || ov[2 * num] == PCRE2_UNSET)
        return false;
    *off = ov[2 * num];
    *len = ov[2 * num + 1] - ov[2 * num];
    return true;
}

void bank_rx_span(pcre2_match_data *md, size_t *off, size_t *len)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    *off = ov[0];
    *len = ov[1] - ov[0];
}

bool bank_rxv_any(const bank_rxv *v, const char *s, size_t n, pcre2_match_data *md)
{
    for (int i = 0; i < v->n; i++)
        if (bank_rx_match(&v->v[i], s, n, 0, md))
            return true;
    return false;
}
