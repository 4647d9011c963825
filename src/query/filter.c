/* filter.c - filters: names resolved to ids, turned into parameterized WHERE conditions; the SQL builder. */
#include "q_internal.h"

#include "common/util.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the SQL builder ------------------------------------------------------ */

void q_sql_free(q_sql *q)
{
    sbuf_free(&q->sql);
    for (int i = 0; i < q->n; i++)
        free(q->params[i]);
    q->n = 0;
}

int q_arg(q_sql *q, const char *value)
{
    if (q->n >= Q_MAX_PARAMS) {
        /* The filters are bounded (Q_MAX_LIST values become one array each). */
        fprintf(stderr, "cardledger: internal error: too many query parameters\n");
        abort();
    }
    q->params[q->n++] = value ? xstrdup(value) : NULL;
    sbuf_printf(&q->sql, "$%d", q->n);
    return q->n;
}

void q_ref(q_sql *q, int n) { sbuf_printf(&q->sql, "$%d", n); }

void q_puts(q_sql *q, const char *s) { sbuf_puts(&q->sql, s); }

void q_printf(q_sql *q, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = NULL;
    if (vasprintf(&s, fmt, ap) < 0) {
        fprintf(stderr, "cardledger: out of memory\n");
        exit(1);
    }
    va_end(ap);
    sbuf_puts(&q->sql, s);
    free(s);
}

db_result *q_run(db_conn *c, q_sql *q, cl_err *err)
{
    return db_query(c, sbuf_str(&q->sql), q->n, (const char *const *)q->params, err);
}

/* ---- cells ------------------------------------------------------------------ */

cl_money q_money(const db_result *r, int row, int col)
{
    const char *v = db_value(r, row, col);
    cl_money m = 0;
    if (v && !cl_money_parse(v, &m)) {
        /* numeric(14,2) sums keep two decimals; anything else is a schema change */
        fprintf(stderr, "cardledger: unexpected amount '%s' from the database\n", v);
        m = 0;
    }
    return m;
}

long long q_int(const db_result *r, int row, int col)
{
    const char *v = db_value(r, row, col);
    return v ? strtoll(v, NULL, 10) : 0;
}

cl_date q_date(const db_result *r, int row, int col)
{
    const char *v = db_value(r, row, col);
    return v ? cl_date_parse_iso(v) : CL_DATE_NONE;
}

char *q_strdup(const db_result *r, int row, int col)
{
    const char *v = db_value(r, row, col);
    return v ? xstrdup(v) : NULL;
}

void q_copy(char *dst, size_t n, const db_result *r, int row, int col)
{
    const char *v = db_value(r, row, col);
    snprintf(dst, n, "%s", v ? v : "");
}

/* ---- small parsers shared by every front end ---------------------------------------- */

void q_filter_init(q_filter *f)
{
    memset(f, 0, sizeof *f);
    f->from = f->to = CL_DATE_NONE;
}

bool q_month_parse(const char *s, int *out)
{
    if (strlen(s) != 7 || s[4] != '-')
        return false;
    for (int i = 0; i < 7; i++)
        if (i != 4 && !isdigit((unsigned char)s[i]))
            return false;
    int y = atoi(s), m = atoi(s + 5);
    if (y < 1900 || y > 2199 || m < 1 || m > 12)
        return false;
    *out = q_month(y, m);
    return true;
}

char *q_month_format(int m, char out[8])
{
    unsigned y = (unsigned)(q_month_year(m) % 10000 + 10000) % 10000u;
    unsigned mon = (unsigned)(q_month_mon(m) + 11) % 12u + 1u;
    snprintf(out, 8, "%04u-%02u", y, mon);
    return out;
}

static const char *const by_names[] = {"month", "week", "day", "year", "category", "merchant", "card", "kind"};

bool q_by_parse(const char *s, q_by *out)
{
    for (size_t i = 0; i < ARRAY_LEN(by_names); i++)
        if (strcmp(s, by_names[i]) == 0) {
            *out = (q_by)i;
            return true;
        }
    return false;
}

const char *q_by_name(q_by by) { return (size_t)by < ARRAY_LEN(by_names) ? by_names[by] : "?"; }

const char *q_by_names(void) { return "month|week|day|year|category|merchant|card|kind"; }

bool q_by_is_time(q_by by) { return by <= Q_BY_YEAR; }

bool q_sort_parse(const char *s, q_sort *out)
{
    if (strcmp(s, "date") == 0)
        *out = Q_SORT_DATE;
    else if (strcmp(s, "amount") == 0)
        *out = Q_SORT_AMOUNT;
    else
        return false;
    return true;
}

/* ---- resolution ----------------------------------------------------------------------- */

static void add_id(sbuf *b, const char *id)
{
    sbuf_putc(b, b->len ? ',' : '{');
    sbuf_puts(b, id);
}

static char *close_list(sbuf *b)
{
    if (!b->len)
        sbuf_putc(b, '{');
    sbuf_putc(b, '}');
    return sbuf_detach(b);
}

static bool is_last4(const char *s)
{
    return strlen(s) == 4 && strspn(s, "0123456789") == 4;
}

/* "chase:4101 (Travel), amex_us:5212" for messages: at most ten. */
static void list_cards(sbuf *b, const db_result *r)
{
    int n = db_nrows(r);
    for (int i = 0; i < n && i < 10; i++)
        sbuf_printf(b, "%s%s:%s%s%s%s", i ? ", " : "", db_value(r, i, 1), db_value(r, i, 2),
                    db_value(r, i, 3) ? " '" : "", db_value(r, i, 3) ? db_value(r, i, 3) : "",
                    db_value(r, i, 3) ? "'" : "");
    if (n > 10)
        sbuf_printf(b, " and %d more", n - 10);
    if (n == 0)
        sbuf_puts(b, "none: nothing ingested yet");
}

static int resolve_cards(db_conn *c, const q_filter *f, q_scope *s, cl_err *err)
{
    if (f->ncards == 0)
        return 0;
    db_result *r = db_query(c, "SELECT id, issuer, card_last4, label FROM analytics.cards ORDER BY issuer, card_last4",
                            0, NULL, err);
    if (!r)
        return -1;
    sbuf ids = {0};
    int rc = 0;
    for (int k = 0; k < f->ncards && rc == 0; k++) {
        const char *spec = f->cards[k];
        const char *colon = strchr(spec, ':');
        int found = 0, first = -1;
        for (int i = 0; i < db_nrows(r); i++) {
            const char *issuer = db_value(r, i, 1), *last4 = db_value(r, i, 2), *label = db_value(r, i, 3);
            bool hit;
            if (colon)
                hit = strlen(issuer) == (size_t)(colon - spec) &&
                      strncasecmp(issuer, spec, (size_t)(colon - spec)) == 0 && strcmp(last4, colon + 1) == 0;
            else if (is_last4(spec))
                hit = strcmp(last4, spec) == 0;
            else
                hit = label && strcasecmp(label, spec) == 0;
            if (hit) {
                if (found++ == 0)
                    first = i;
                add_id(&ids, db_value(r, i, 0));
            }
        }
        if (found == 0) {
            sbuf known = {0};
            list_cards(&known, r);
            rc = cl_err_set(err, CL_E_USAGE, "card '%s': no card has that %s (cards: %s)", spec,
                            colon ? "issuer and last 4" : is_last4(spec) ? "last 4" : "label", sbuf_str(&known));
            sbuf_free(&known);
        } else if (found > 1 && is_last4(spec)) {
            rc = cl_err_set(err, CL_E_USAGE, "card '%s': %d cards end in %s (e.g. %s:%s); name one as ISSUER:LAST4",
                            spec, found, spec, db_value(r, first, 1), spec);
        }
    }
    db_result_free(r);
    if (rc == 0)
        s->card_ids = close_list(&ids);
    sbuf_free(&ids);
    return rc;
}

static int resolve_categories(db_conn *c, const q_filter *f, q_scope *s, cl_err *err)
{
    if (f->ncategories == 0)
        return 0;
    db_result *r = db_query(c, "SELECT id, name, parent_id FROM analytics.categories ORDER BY name", 0, NULL, err);
    if (!r)
        return -1;
    int n = db_nrows(r);
    bool *in = xcalloc((size_t)n + 1, sizeof *in);
    int rc = 0;
    for (int k = 0; k < f->ncategories && rc == 0; k++) {
        bool hit = false;
        for (int i = 0; i < n; i++)
            if (strcasecmp(db_value(r, i, 1), f->categories[k]) == 0)
                in[i] = hit = true;
        if (!hit && strcasecmp(f->categories[k], "uncategorized") == 0)
            s->uncategorized = hit = true;
        if (!hit) {
            sbuf known = {0};
            for (int i = 0; i < n && i < 30; i++)
                sbuf_printf(&known, "%s%s", i ? ", " : "", db_value(r, i, 1));
            rc = cl_err_set(err, CL_E_USAGE, "category '%s': no such category (categories: %s%s)",
                            f->categories[k], n ? sbuf_str(&known) : "none", n > 30 ? ", ..." : "");
            sbuf_free(&known);
        }
    }
    /* A parent includes its children, to any depth: repeat until nothing changes. */
    for (bool grew = true; grew && rc == 0;) {
        grew = false;
        for (int i = 0; i < n; i++) {
            if (in[i] || db_isnull(r, i, 2))
                continue;
            for (int j = 0; j < n; j++)
                if (in[j] && strcmp(db_value(r, j, 0), db_value(r, i, 2)) == 0) {
                    in[i] = grew = true;
                    break;
                }
        }
    }
    if (rc == 0) {
        sbuf ids = {0};
        for (int i = 0; i < n; i++)
            if (in[i])
                add_id(&ids, db_value(r, i, 0));
        s->category_ids = close_list(&ids);
        sbuf_free(&ids);
    }
    free(in);
    db_result_free(r);
    return rc;
}

static int resolve_kinds(db_conn *c, const q_filter *f, q_scope *s, cl_err *err)
{
    if (f->nkinds == 0)
        return 0;
    db_result *r = db_query(c, "SELECT kind FROM analytics.kinds ORDER BY kind", 0, NULL, err);
    if (!r)
        return -1;
    sbuf list = {0};
    int rc = 0;
    for (int k = 0; k < f->nkinds && rc == 0; k++) {
        int hit = -1;
        for (int i = 0; i < db_nrows(r); i++)
            if (strcasecmp(db_value(r, i, 0), f->kinds[k]) == 0)
                hit = i;
        if (hit < 0) {
            sbuf known = {0};
            for (int i = 0; i < db_nrows(r); i++)
                sbuf_printf(&known, "%s%s", i ? ", " : "", db_value(r, i, 0));
            rc = cl_err_set(err, CL_E_USAGE, "kind '%s': no such kind (kinds: %s)", f->kinds[k], sbuf_str(&known));
            sbuf_free(&known);
        } else {
            add_id(&list, db_value(r, hit, 0));     /* a kind is [a-z_]+: safe in an array literal */
        }
    }
    db_result_free(r);
    if (rc == 0)
        s->kinds = close_list(&list);
    sbuf_free(&list);
    return rc;
}

/* "%text%" with LIKE's own characters escaped, so the text matches as typed. */
static char *like_pattern(const char *text)
{
    sbuf b = {0};
    sbuf_putc(&b, '%');
    for (const char *p = text; *p; p++) {
        if (*p == '%' || *p == '_' || *p == '\\')
            sbuf_putc(&b, '\\');
        sbuf_putc(&b, *p);
    }
    sbuf_putc(&b, '%');
    return sbuf_detach(&b);
}

int q_scope_resolve(db_conn *c, const q_filter *f, q_scope *s, cl_err *err)
{
    memset(s, 0, sizeof *s);
    s->from = f->from;
    s->to = f->to;
    if (f->from != CL_DATE_NONE && f->to != CL_DATE_NONE && f->from > f->to) {
        char a[11], b[11];
        return cl_err_set(err, CL_E_USAGE, "from %s: after to %s", cl_date_format(f->from, a),
                          cl_date_format(f->to, b));
    }
    if (f->has_min && f->has_max && f->min > f->max)
        return cl_err_set(err, CL_E_USAGE, "min: larger than max");
    if (f->ncards > Q_MAX_LIST || f->ncategories > Q_MAX_LIST || f->nkinds > Q_MAX_LIST)
        return cl_err_set(err, CL_E_USAGE, "%s: at most %d values", f->ncards > Q_MAX_LIST ? "card"
                          : f->ncategories > Q_MAX_LIST ? "category" : "kind", Q_MAX_LIST);
    if (resolve_cards(c, f, s, err) || resolve_categories(c, f, s, err) || resolve_kinds(c, f, s, err)) {
        q_scope_free(s);
        return -1;
    }
    if (f->merchant && *f->merchant)
        s->merchant_like = like_pattern(f->merchant);
    if (f->search && *f->search)
        s->search_like = like_pattern(f->search);
    s->has_min = f->has_min;
    s->has_max = f->has_max;
    cl_money_format(f->min < 0 ? -f->min : f->min, s->min);
    cl_money_format(f->max < 0 ? -f->max : f->max, s->max);
    return 0;
}

void q_scope_free(q_scope *s)
{
    free(s->card_ids);
    free(s->category_ids);
    free(s->kinds);
    free(s->merchant_like);
    free(s->search_like);
    memset(s, 0, sizeof *s);
}

/* " AND a.col = $n::type" for a one-value list "{x}" (an index on col
 * then also gives the order: PostgreSQL 15 walks no index in order for
 * = ANY()), else " AND a.col = ANY($n::type[])". */
static void in_list(q_sql *q, const char *a, const char *col, const char *list, const char *type)
{
    size_t n = strlen(list);
    if (n > 2 && !strchr(list, ',')) {
        char *one = xstrndup(list + 1, n - 2);
        q_printf(q, " AND %s.%s = ", a, col);
        q_arg(q, one);
        q_printf(q, "::%s", type);
        free(one);
    } else {
        q_printf(q, " AND %s.%s = ANY(", a, col);
        q_arg(q, list);
        q_printf(q, "::%s[])", type);
    }
}

void q_scope_where(q_sql *q, const q_scope *s, const char *a, bool has_merchant)
{
    if (s->card_ids)
        in_list(q, a, "card_id", s->card_ids, "bigint");
    if (s->category_ids) {
        q_printf(q, " AND (%s.category_id = ANY(", a);
        q_arg(q, s->category_ids);
        q_printf(q, "::bigint[])%s%s%s)", s->uncategorized ? " OR " : "", s->uncategorized ? a : "",
                 s->uncategorized ? ".category_id IS NULL" : "");
    }
    if (s->kinds)
        in_list(q, a, "kind", s->kinds, "text");
    if (s->merchant_like && has_merchant) {
        q_printf(q, " AND %s.merchant_id IN (SELECT id FROM analytics.merchants WHERE name ILIKE ", a);
        int n = q_arg(q, s->merchant_like);
        q_puts(q, " OR display_name ILIKE ");
        q_ref(q, n);
        q_puts(q, ")");
    }
}

void q_scope_where_rows(q_sql *q, const q_scope *s, const char *a)
{
    if (s->search_like) {
        q_printf(q, " AND (%s.description ILIKE ", a);
        int n = q_arg(q, s->search_like);
        q_printf(q, " OR %s.merchant_id IN (SELECT id FROM analytics.merchants WHERE name ILIKE ", a);
        q_ref(q, n);
        q_puts(q, " OR display_name ILIKE ");
        q_ref(q, n);
        q_puts(q, "))");
    }
    if (s->has_min) {
        q_printf(q, " AND abs(%s.amount) >= ", a);
        q_arg(q, s->min);
        q_puts(q, "::numeric");
    }
    if (s->has_max) {
        q_printf(q, " AND abs(%s.amount) <= ", a);
        q_arg(q, s->max);
        q_puts(q, "::numeric");
    }
}
