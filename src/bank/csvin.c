/* csvin.c - CSV downloads: mapping profiles, RFC 4180 records, rows to
 * the statement model. */
#include "csvin.h"
#include "amount.h"
#include "common/embedded.h"
#include "common/env.h"
#include "common/sbuf.h"
#include "common/util.h"
#include "datefmt.h"
#include "kind.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

extern const cl_embedded_file bank_embedded_csvmaps[];

enum { COL_DATE, COL_POSTED, COL_DESC, COL_AMOUNT, COL_DEBIT, COL_CREDIT, COL_CARD, COL_N };
static const char *const col_keys[COL_N] = {"date", "posted", "description", "amount", "debit", "credit", "card"};

typedef struct csvmap {
    char *id, *source;
    char *ofx_org;              /* comma-separated <ORG> names of OFX downloads */
    char issuer[64], currency[4];
    char *col[COL_N];           /* header names; NULL: not mapped */
    bank_datefmt datefmt;
    bool charges_positive;
} csvmap;

struct bank_csvmaps {
    csvmap *v;
    int n;
};

static void map_free(csvmap *m)
{
    free(m->id);
    free(m->source);
    free(m->ofx_org);
    for (int i = 0; i < COL_N; i++)
        free(m->col[i]);
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = 0;
    return s;
}

/* "key = value" lines, '#' comments. */
static int map_parse(const char *text, size_t len, const char *source, csvmap *m, cl_err *err)
{
    memset(m, 0, sizeof *m);
    strcpy(m->currency, "USD");
    bank_datefmt_compile("MM/DD/YYYY", &m->datefmt);
    char *buf = xmalloc(len + 1);
    memcpy(buf, text, len);
    buf[len] = 0;
    int lineno = 0, rc = 0;
    for (char *save = NULL, *ln = strtok_r(buf, "\n", &save); ln && !rc; ln = strtok_r(NULL, "\n", &save)) {
        lineno++;
        char *l = trim(ln);
        if (!*l || *l == '#')
            continue;
        char *eq = strchr(l, '=');
        if (!eq) {
            rc = cl_err_set(err, CL_E_PARSE, "%s:%d: expected key = value", source, lineno);
            break;
        }
        *eq = 0;
        char *k = trim(l), *v = trim(eq + 1);
        int c = -1;
        for (int i = 0; i < COL_N; i++)
            if (strcmp(k, col_keys[i]) == 0)
                c = i;
        if (c >= 0) {
            free(m->col[c]);
            m->col[c] = xstrdup(v);
        } else if (strcmp(k, "id") == 0) {
            free(m->id);
            m->id = xstrdup(v);
        } else if (strcmp(k, "ofx_org") == 0) {
            free(m->ofx_org);
            m->ofx_org = xstrdup(v);
        } else if (strcmp(k, "issuer") == 0 && strlen(v) < sizeof m->issuer) {
            strcpy(m->issuer, v);
        } else if (strcmp(k, "currency") == 0 && strlen(v) == 3) {
            strcpy(m->currency, v);
        } else if (strcmp(k, "date_format") == 0) {
            if (!bank_datefmt_compile(v, &m->datefmt) || !m->datefmt.has_year)
                rc = cl_err_set(err, CL_E_PARSE, "%s:%d: bad date_format '%s' (needs a year)", source,
                                lineno, v);
        } else if (strcmp(k, "charges") == 0 && (!strcmp(v, "positive") || !strcmp(v, "negative"))) {
            m->charges_positive = strcmp(v, "positive") == 0;
        } else {
            rc = cl_err_set(err, CL_E_PARSE, "%s:%d: unknown key or bad value '%s'", source, lineno, k);
        }
    }
    free(buf);
    if (!rc && (!m->id || !m->issuer[0] || !m->col[COL_DATE] || !m->col[COL_DESC] ||
                (!m->col[COL_AMOUNT] && !(m->col[COL_DEBIT] && m->col[COL_CREDIT]))))
        rc = cl_err_set(err, CL_E_PARSE,
                        "%s: a mapping needs id, issuer, date, description and amount (or debit and credit)",
                        source);
    m->source = xstrdup(source);
    if (rc)
        map_free(m);
    return rc;
}

static int add_map(bank_csvmaps *ms, const char *text, size_t len, const char *source, cl_err *err)
{
    csvmap m;
    if (map_parse(text, len, source, &m, err))
        return -1;
    ms->v = xrealloc(ms->v, (size_t)(ms->n + 1) * sizeof *ms->v);
    ms->v[ms->n++] = m;
    return 0;
}

static int add_map_file(bank_csvmaps *ms, const char *path, cl_err *err)
{
    size_t len;
    char *text;
    if (util_read_file(path, &text, &len, err))
        return -1;
    int rc = add_map(ms, text, len, path, err);
    free(text);
    return rc;
}

char *bank_user_csvmap_dir(void)
{
    const char *x = cl_env_get(CL_ENV_XDG_CONFIG_HOME), *h = cl_env_get(CL_ENV_USER_HOME);
    char buf[4096];
    if (x && *x)
        snprintf(buf, sizeof buf, "%s/cardledger/csv", x);
    else if (h && *h)
        snprintf(buf, sizeof buf, "%s/.config/cardledger/csv", h);
    else
        return NULL;
    return xstrdup(buf);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int load_user_dir(bank_csvmaps *ms, const char *dir, cl_err *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l > 7 && strcmp(e->d_name + l - 7, ".csvmap") == 0) {
            names = xrealloc(names, (n + 1) * sizeof *names);
            names[n++] = xstrdup(e->d_name);
        }
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (!rc)
            rc = add_map_file(ms, path, err);
        free(names[i]);
    }
    free(names);
    return rc;
}

int bank_csvmaps_load(const char *user_dir, const char *extra_file, bank_csvmaps **out, cl_err *err)
{
    bank_csvmaps *ms = xcalloc(1, sizeof *ms);
    int rc = extra_file ? add_map_file(ms, extra_file, err) : 0;
    char *dir = user_dir ? xstrdup(user_dir) : bank_user_csvmap_dir();
    if (!rc && dir)
        rc = load_user_dir(ms, dir, err);
    free(dir);
    for (const cl_embedded_file *f = bank_embedded_csvmaps; !rc && f->name; f++) {
        char name[256];
        snprintf(name, sizeof name, "banks/csv/%s", f->name);
        rc = add_map(ms, f->text, f->len, name, err);
    }
    if (rc) {
        bank_csvmaps_free(ms);
        return -1;
    }
    *out = ms;
    return 0;
}

void bank_csvmaps_free(bank_csvmaps *m)
{
    if (!m)
        return;
    for (int i = 0; i < m->n; i++)
        map_free(&m->v[i]);
    free(m->v);
    free(m);
}

const char *bank_csvmaps_issuer_for_org(const bank_csvmaps *ms, const char *org)
{
    for (int i = 0; org && *org && i < ms->n; i++) {
        if (!ms->v[i].ofx_org)
            continue;
        char *list = xstrdup(ms->v[i].ofx_org);
        bool hit = false;
        for (char *save = NULL, *t = strtok_r(list, ",", &save); t && !hit; t = strtok_r(NULL, ",", &save))
            hit = strcasecmp(trim(t), org) == 0;
        free(list);
        if (hit)
            return ms->v[i].issuer;
    }
    return NULL;
}

/* ---- records ---------------------------------------------------------------- */

typedef struct record {
    char **f;
    int n, cap;
    int line;                   /* 1-based line the record starts on */
} record;

static void rec_clear(record *r)
{
    for (int i = 0; i < r->n; i++)
        free(r->f[i]);
    r->n = 0;
}

/* One RFC 4180 record from *p (quotes, doubled quotes, CRLF); false at the end. */
static bool next_record(const char **p, const char *end, int *line, record *r)
{
    rec_clear(r);
    if (*p >= end)
        return false;
    r->line = *line;
    sbuf cell = {0};
    bool quoted = false;
    const char *s = *p;
    for (;;) {
        if (s >= end || (!quoted && (*s == '\n' || *s == '\r' || *s == ','))) {
            if (r->n == r->cap) {
                r->cap = r->cap ? 2 * r->cap : 16;
                r->f = xrealloc(r->f, (size_t)r->cap * sizeof *r->f);
            }
            r->f[r->n++] = xstrdup(cell.p ? cell.p : "");
            sbuf_free(&cell);
            cell = (sbuf){0};
            if (s < end && *s == ',') {
                s++;
                continue;
            }
            if (s < end && *s == '\r')
                s++;
            if (s < end && *s == '\n')
                s++;
            (*line)++;
            break;
        }
        if (*s == '"') {
            if (quoted && s + 1 < end && s[1] == '"') {
                sbuf_putc(&cell, '"');
                s += 2;
                continue;
            }
            quoted = !quoted;
            s++;
            continue;
        }
        if (*s == '\n')
            (*line)++;
        sbuf_putc(&cell, *s++);
    }
    sbuf_free(&cell);
    *p = s;
    return true;
}

static bool blank_record(const record *r) { return r->n == 1 && !*trim(r->f[0]); }

/* The first invalid UTF-8 byte's line, or 0. */
static int utf8_bad_line(const char *s, size_t n)
{
    int line = 1;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 && c >= 0xC2 ? 2 : (c & 0xF0) == 0xE0 ? 3
                 : (c & 0xF8) == 0xF0 && c <= 0xF4 ? 4 : 0;
        if (!k || i + k > n)
            return line;
        for (size_t j = 1; j < k; j++)
            if (((unsigned char)s[i + j] & 0xC0) != 0x80)
                return line;
        if (c == '\n')
            line++;
        i += k;
    }
    return 0;
}

static int find_col(const record *hdr, const char *name)
{
    for (int i = 0; name && i < hdr->n; i++)
        if (strcasecmp(trim(hdr->f[i]), name) == 0)
            return i;
    return -1;
}

/* The mapping all of whose columns the header has; the one naming the
 * most columns wins (first listed on a tie: --csv-map, user, built-in). */
static const csvmap *pick_map(const bank_csvmaps *ms, const record *hdr, int idx[COL_N])
{
    const csvmap *best = NULL;
    int best_n = 0;
    for (int m = 0; m < ms->n; m++) {
        int cols[COL_N], n = 0;
        bool ok = true;
        for (int c = 0; c < COL_N && ok; c++) {
            cols[c] = ms->v[m].col[c] ? find_col(hdr, ms->v[m].col[c]) : -1;
            ok = !ms->v[m].col[c] || cols[c] >= 0;
            n += cols[c] >= 0;
        }
        if (ok && n > best_n) {
            best = &ms->v[m];
            best_n = n;
            memcpy(idx, cols, sizeof cols);
        }
    }
    return best;
}

static const char *cell(const record *r, int i) { return i >= 0 && i < r->n ? trim(r->f[i]) : ""; }

static bool parse_date(const csvmap *m, const char *s, cl_date *out)
{
    int y, mo, d;
    if (!bank_datefmt_parse(&m->datefmt, s, strlen(s), &y, &mo, &d) || !cl_date_valid_ymd(y, mo, d))
        return false;
    *out = cl_date_from_ymd(y, mo, d);
    return true;
}

static bool parse_money(const char *s, cl_money *out)
{
    bank_amount a;
    if (!bank_amount_parse(s, strlen(s), '.', &a))
        return false;
    *out = bank_amount_as_printed(&a);
    return true;
}

/* The last 4 digits of a card column, else the first run of exactly four
 * digits in the file's base name ("Chase4242_Activity_2024.CSV"). */
static bool last4_from(const char *s, bool last_digits, char out[5])
{
    size_t n = strlen(s);
    if (last_digits) {
        char d[5] = {0};
        int k = 0;
        for (size_t i = n; i-- > 0 && k < 4;)
            if (isdigit((unsigned char)s[i]))
                d[3 - k++] = s[i];
        if (k < 4)
            return false;
        memcpy(out, d, 5);
        return true;
    }
    const char *base = strrchr(s, '/');
    base = base ? base + 1 : s;
    for (const char *p = base; *p; p++) {
        size_t run = strspn(p, "0123456789");
        if (run == 4) {
            memcpy(out, p, 4);
            out[4] = 0;
            return true;
        }
        if (run)
            p += run - 1;
    }
    return false;
}

static char *header_list(const record *hdr)
{
    sbuf b = {0};
    for (int i = 0; i < hdr->n; i++)
        sbuf_printf(&b, "%s\"%s\"", i ? ", " : "", trim(hdr->f[i]));
    return b.p ? b.p : xstrdup("");
}

/* White space runs (a quoted cell may hold line breaks) to one space. */
static char *collapse(const char *s)
{
    char *out = xmalloc(strlen(s) + 1), *o = out;
    for (; *s; s++)
        if (!isspace((unsigned char)*s))
            *o++ = *s;
        else if (o > out && o[-1] != ' ' && s[1] && !isspace((unsigned char)s[1]))
            *o++ = ' ';
    *o = 0;
    return out;
}

static int add_row(bank_statement *s, const csvmap *m, const int idx[COL_N], const record *r,
                   const char *name, cl_err *err)
{
    cl_date date, posted = CL_DATE_NONE;
    const char *rd = cell(r, idx[COL_DATE]), *rp = cell(r, idx[COL_POSTED]);
    if (!parse_date(m, rd, &date) || (*rp && !parse_date(m, rp, &posted)))
        return cl_err_set(err, CL_E_PARSE, "%s: line %d: date '%s' does not fit %s", name, r->line,
                          *rp && parse_date(m, rd, &date) ? rp : rd, m->datefmt.spec);
    cl_money amount = 0, v;
    char raw[80];
    if (idx[COL_AMOUNT] >= 0) {
        snprintf(raw, sizeof raw, "%s", cell(r, idx[COL_AMOUNT]));
        if (!parse_money(raw, &v))
            return cl_err_set(err, CL_E_PARSE, "%s: line %d: amount '%s' is not a number", name, r->line, raw);
        amount = m->charges_positive ? -v : v;
    } else {
        const char *db = cell(r, idx[COL_DEBIT]), *cr = cell(r, idx[COL_CREDIT]);
        const char *use = *db ? db : cr;
        snprintf(raw, sizeof raw, "%s", use);
        if (!parse_money(use, &v))
            return cl_err_set(err, CL_E_PARSE, "%s: line %d: no debit or credit amount", name, r->line);
        v = v < 0 ? -v : v;
        amount = *db ? -v : v;
    }
    bank_txn *t = bank_statement_add_txn(s);
    t->date = date;
    t->posted_date = posted;
    const char *d = cell(r, idx[COL_DESC]);
    t->description = collapse(d);
    t->raw_description = xstrdup(d);
    t->raw_date = xstrdup(rd);
    t->raw_amount = xstrdup(raw);
    t->amount = amount;
    memcpy(t->currency, m->currency, 4);
    t->page = 1;
    t->line = r->line;
    t->kind = bank_kind_classify(BANK_KIND_UNSET, amount > 0, false, d);
    cl_date lo = date, hi = posted != CL_DATE_NONE && posted > date ? posted : date;
    if (s->period_start == CL_DATE_NONE || lo < s->period_start)
        s->period_start = lo;
    if (s->period_end == CL_DATE_NONE || hi > s->period_end)
        s->period_end = hi;
    if (!s->account_last4[0] && idx[COL_CARD] >= 0)
        last4_from(cell(r, idx[COL_CARD]), true, s->account_last4);
    return 0;
}

int bank_csv_parse(const bank_csvmaps *ms, const char *name, const char *data, size_t len,
                   bank_statement **out, cl_err *err)
{
    *out = NULL;
    int bad = utf8_bad_line(data, len);
    if (bad)
        return cl_err_set(err, CL_E_PARSE, "%s: line %d: not UTF-8 text (save the export as UTF-8)", name, bad);
    const char *p = data, *end = data + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    int line = 1;
    record hdr = {0}, r = {0};
    while (next_record(&p, end, &line, &hdr) && blank_record(&hdr))
        ;
    int idx[COL_N] = {0};
    const csvmap *m = hdr.n ? pick_map(ms, &hdr, idx) : NULL;
    if (!m) {
        char *cols = header_list(&hdr);
        cl_err_set(err, CL_E_PARSE, "%s: no CSV mapping fits its columns %s (add one with --csv-map FILE)",
                   name, hdr.n ? cols : "(none: empty file)");
        free(cols);
        rec_clear(&hdr);
        free(hdr.f);
        return -1;
    }
    bank_statement *s = bank_statement_new();
    snprintf(s->issuer, sizeof s->issuer, "%s", m->issuer);
    memcpy(s->currency, m->currency, 4);
    int rc = 0;
    while (!rc && next_record(&p, end, &line, &r))
        if (!blank_record(&r))
            rc = add_row(s, m, idx, &r, name, err);
    rec_clear(&hdr);
    free(hdr.f);
    rec_clear(&r);
    free(r.f);
    if (!rc && !s->account_last4[0] && !last4_from(name, false, s->account_last4))
        rc = cl_err_set(err, CL_E_PARSE,
                        "%s: no card number: name the file with the card's last 4 digits (chase-4242.csv)", name);
    if (!rc && s->n_txns == 0)
        rc = cl_err_set(err, CL_E_PARSE, "%s: no transactions in the CSV", name);
    if (rc) {
        bank_statement_free(s);
        return -1;
    }
    s->statement_date = s->period_end;
    s->pages = 1;
    bank_statement_warn(s, "a CSV download prints no balances: read with mapping %s, not reconciled", m->id);
    *out = s;
    return 0;
}
