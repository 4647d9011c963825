/* api.c - the JSON API of the dashboard. Every parameter is checked here
 * (a bad one is 400 {"error", "param"}); every answer comes from the read
 * layer (src/query), the same one `report`, `transactions` and `coverage`
 * use, so the page and the command line never disagree. */
#include "api.h"

#include "common/json.h"
#include "common/log.h"
#include "common/util.h"
#include "query/q_split.h"
#include "query/query.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int badp(bad *b, const char *param, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int badp(bad *b, const char *param, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(b->msg, sizeof b->msg, fmt, ap);
    va_end(ap);
    b->param = param;
    return -1;
}

void web_json_error(sbuf *out, const char *msg, const char *param)
{
    sbuf_puts(out, "{\"error\":");
    cl_json_string(out, msg, false);
    sbuf_puts(out, ",\"param\":");
    if (param)
        cl_json_string(out, param, false);
    else
        sbuf_puts(out, "null");
    sbuf_puts(out, "}");
}

/* ---- parameters ---------------------------------------------------------------- */

static bool allowed(const char *key, const char *const *names)
{
    for (; *names; names++)
        if (strcmp(key, *names) == 0)
            return true;
    return false;
}

static int parse_int(const char *param, const char *v, long min, long max, int *out, bad *b)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (!*v || *end || errno || n < min || n > max)
        return badp(b, param, "%s must be an integer from %ld to %ld", param, min, max);
    *out = (int)n;
    return 0;
}

static int parse_date(const char *param, const char *v, cl_date *out, bad *b)
{
    *out = cl_date_parse_iso(v);
    if (*out == CL_DATE_NONE)
        return badp(b, param, "%s must be a date YYYY-MM-DD", param);
    return 0;
}

static int parse_amount(const char *param, const char *v, cl_money *out, bad *b)
{
    if (!cl_money_parse(v, out) || *out < 0)
        return badp(b, param, "%s must be an amount such as 25 or 19.99 (at least 0)", param);
    return 0;
}

static int add_list(const char *param, const char *v, const char **list, int *n, bad *b)
{
    if (!*v || strlen(v) > MAX_TEXT)
        return badp(b, param, "%s must be 1 to %d characters", param, MAX_TEXT);
    if (*n == Q_MAX_LIST)
        return badp(b, param, "%s: at most %d values", param, Q_MAX_LIST);
    list[(*n)++] = v;
    return 0;
}

static const char *const FILTERS[] = {"from", "to", "year", "card", "category", "kind", "q",
                                      "merchant", "min", "max", NULL};

/* The filter parameters every endpoint with a filter takes. */
static int parse_filter(req *r, bad *b)
{
    const web_params *p = r->p;
    q_filter_init(&r->f);
    for (int i = 0; i < p->n; i++) {
        const char *k = p->key[i], *v = p->val[i];
        int rc = 0;
        if (strcmp(k, "from") == 0)
            rc = parse_date(k, v, &r->f.from, b);
        else if (strcmp(k, "to") == 0)
            rc = parse_date(k, v, &r->f.to, b);
        else if (strcmp(k, "year") == 0) {
            int y;
            rc = parse_int(k, v, 1900, 2999, &y, b);
            if (rc == 0) {
                r->f.from = cl_date_from_ymd(y, 1, 1);
                r->f.to = cl_date_from_ymd(y, 12, 31);
            }
        } else if (strcmp(k, "card") == 0)
            rc = add_list(k, v, r->f.cards, &r->f.ncards, b);
        else if (strcmp(k, "category") == 0)
            rc = add_list(k, v, r->f.categories, &r->f.ncategories, b);
        else if (strcmp(k, "kind") == 0)
            rc = add_list(k, v, r->f.kinds, &r->f.nkinds, b);
        else if (strcmp(k, "q") == 0 || strcmp(k, "merchant") == 0) {
            if (strlen(v) > MAX_TEXT)
                rc = badp(b, k, "%s must be at most %d characters", k, MAX_TEXT);
            else if (*v)
                *(k[0] == 'q' ? &r->f.search : &r->f.merchant) = v;
        } else if (strcmp(k, "min") == 0) {
            rc = parse_amount(k, v, &r->f.min, b);
            r->f.has_min = rc == 0;
        } else if (strcmp(k, "max") == 0) {
            rc = parse_amount(k, v, &r->f.max, b);
            r->f.has_max = rc == 0;
        }
        if (rc < 0)
            return -1;
    }
    if (r->f.from != CL_DATE_NONE && r->f.to != CL_DATE_NONE && r->f.from > r->f.to)
        return badp(b, "from", "from is after to");
    if (r->f.has_min && r->f.has_max && r->f.min > r->f.max)
        return badp(b, "min", "min is larger than max");
    return 0;
}

/* A read-layer usage error names its field first ("card 'x': ..."): that
 * field, spelled as our parameter, is the bad one. */
static const char *param_of(const char *msg)
{
    static const char *const map[][2] = {
        {"card", "card"}, {"category", "category"}, {"kind", "kind"}, {"cursor", "after"},
        {"limit", "limit"}, {"from", "from"}, {"to", "to"}, {"min", "min"}, {"max", "max"},
        {"merchant", "merchant"}, {"search", "q"}, {"by", "by"}, {"top", "top"},
    };
    size_t n = strcspn(msg, " :");
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strlen(map[i][0]) == n && strncmp(msg, map[i][0], n) == 0)
            return map[i][1];
    return NULL;
}

/* ---- endpoints ------------------------------------------------------------------------ */

static void report_row(sbuf *o, const q_report_row *x, const char *split)
{
    sbuf_putc(o, '{');
    j_str(o, "key", x->key);
    sbuf_putc(o, ',');
    j_str(o, "label", x->label ? x->label : x->key);
    if (split) {
        sbuf_putc(o, ',');
        j_str(o, "split", split);
    }
    sbuf_putc(o, ',');
    j_str(o, "currency", x->currency);
    sbuf_putc(o, ',');
    j_int(o, "transactions", x->transactions);
    sbuf_putc(o, ',');
    j_money(o, "spend", x->spend);
    sbuf_putc(o, ',');
    j_money(o, "refunds", x->refunds);
    sbuf_putc(o, ',');
    j_money(o, "payments", x->payments);
    sbuf_putc(o, '}');
}

static int months_between(cl_date a, cl_date b)
{
    int ya, ma, da, yb, mb, db;
    cl_date_to_ymd(a, &ya, &ma, &da);
    cl_date_to_ymd(b, &yb, &mb, &db);
    return q_month(yb, mb) - q_month(ya, ma) + 1;
}

/* Half away from zero, to the cent. */
static cl_money divide(cl_money v, int n)
{
    if (n <= 1)
        return v;
    cl_money q = v / n, r = v % n;
    if (2 * (r < 0 ? -r : r) >= n)
        q += v < 0 ? -1 : 1;
    return q;
}

static int ep_summary(db_conn *c, const void *arg, sbuf *o, cl_err *err)
{
    const req *r = arg;
    q_summary *s = NULL;
    if (q_summary_run(c, &r->f, &s, err) != 0)
        return -1;
    /* The average is over the months of the range that has data: the
     * filter's range, clipped to the first and last matching row. */
    cl_date a = r->f.from, b = r->f.to;
    if (s->first != CL_DATE_NONE && (a == CL_DATE_NONE || a < s->first))
        a = s->first;
    if (s->last != CL_DATE_NONE && (b == CL_DATE_NONE || b > s->last))
        b = s->last;
    int months = a != CL_DATE_NONE && b != CL_DATE_NONE && a <= b ? months_between(a, b) : 0;
    sbuf_putc(o, '{');
    j_date(o, "from", r->f.from);
    sbuf_putc(o, ',');
    j_date(o, "to", r->f.to);
    sbuf_putc(o, ',');
    j_date(o, "first", s->first);
    sbuf_putc(o, ',');
    j_date(o, "last", s->last);
    sbuf_putc(o, ',');
    j_int(o, "months", months);
    sbuf_putc(o, ',');
    j_int(o, "cards", s->cards);
    sbuf_putc(o, ',');
    j_int(o, "statements", s->statements);
    sbuf_putc(o, ',');
    j_int(o, "unreconciled", s->unreconciled);
    sbuf_puts(o, ",\"currencies\":[");
    /* The largest purchase of each currency: the first rows of the
     * purchases sorted by size (the kinds filter permitting). */
    q_filter pf = r->f;
    bool purchases = pf.nkinds == 0;
    for (int k = 0; k < pf.nkinds; k++)
        purchases |= strcmp(pf.kinds[k], "purchase") == 0;
    pf.nkinds = 1;
    pf.kinds[0] = "purchase";
    q_txn_opts to = {.sort = Q_SORT_AMOUNT, .limit = 200};
    q_txn_page *pg = NULL;
    int rc = purchases && s->ntotals > 0 ? q_transactions(c, &pf, &to, &pg, err) : 0;
    for (int i = 0; i < s->ntotals && rc == 0; i++) {
        const q_report_row *t = &s->totals[i];
        SEP(o, i);
        sbuf_putc(o, '{');
        j_str(o, "currency", t->currency);
        sbuf_putc(o, ',');
        j_int(o, "transactions", t->transactions);
        sbuf_putc(o, ',');
        j_money(o, "spend", t->spend);
        sbuf_putc(o, ',');
        j_money(o, "refunds", t->refunds);
        sbuf_putc(o, ',');
        j_money(o, "payments", t->payments);
        sbuf_putc(o, ',');
        j_money(o, "average_per_month", divide(t->spend, months));
        const q_txn *x = NULL;
        for (int j = 0; pg && j < pg->nrows && !x; j++)
            if (strcmp(pg->rows[j].currency, t->currency) == 0)
                x = &pg->rows[j];
        sbuf_puts(o, ",\"largest_purchase\":");
        if (x) {
            sbuf_putc(o, '{');
            j_money(o, "amount", x->amount);
            sbuf_putc(o, ',');
            j_str(o, "merchant", x->merchant ? x->merchant : x->description);
            sbuf_putc(o, ',');
            j_date(o, "date", x->posting_date);
            sbuf_putc(o, ',');
            j_int(o, "id", x->id);
            sbuf_putc(o, '}');
        } else {
            sbuf_puts(o, "null");
        }
        sbuf_putc(o, '}');
    }
    sbuf_puts(o, "]}");
    q_txn_page_free(pg);
    q_summary_free(s);
    return rc;
}

/* The time report split by category (one query), the top categories of
 * each currency by spend kept apart and the rest summed as "Other". */
typedef struct split_total {
    const char *currency, *category;
    cl_money spend;
    bool top;
} split_total;

static split_total *split_find(split_total *t, int n, const q_split_row *x)
{
    for (int i = 0; i < n; i++)
        if (strcmp(t[i].currency, x->currency) == 0 && strcmp(t[i].category, x->category) == 0)
            return &t[i];
    return NULL;
}

static void split_emit(sbuf *o, int *n, const q_split_row *x, const char *category)
{
    q_report_row row = {.key = x->key, .transactions = x->transactions, .spend = x->spend,
                        .refunds = x->refunds, .payments = x->payments};
    memcpy(row.currency, x->currency, sizeof row.currency);
    SEP(o, (*n)++);
    report_row(o, &row, category);
}

static int report_split(db_conn *c, const req *r, sbuf *o, cl_err *err)
{
    q_split *sp = NULL;
    if (q_report_split(c, &r->f, r->by, &sp, err) != 0)
        return -1;
    split_total *t = xcalloc((size_t)sp->nrows + 1, sizeof *t);
    int nt = 0;
    for (int i = 0; i < sp->nrows; i++) {
        split_total *x = split_find(t, nt, &sp->rows[i]);
        if (!x) {
            x = &t[nt++];
            x->currency = sp->rows[i].currency;
            x->category = sp->rows[i].category;
        }
        x->spend += sp->rows[i].spend;
    }
    /* Per currency, the SPLIT_TOP largest spenders stand alone. */
    for (int i = 0; i < nt; i++) {
        int rank = 0;
        for (int j = 0; j < nt; j++)
            if (j != i && strcmp(t[j].currency, t[i].currency) == 0 &&
                (t[j].spend > t[i].spend || (t[j].spend == t[i].spend && j < i)))
                rank++;
        t[i].top = rank < SPLIT_TOP;
    }
    int n = 0;
    q_split_row other = {0};
    bool pending = false;
    for (int i = 0; i <= sp->nrows; i++) {
        const q_split_row *x = i < sp->nrows ? &sp->rows[i] : NULL;
        bool same = x && pending && strcmp(x->key, other.key) == 0 && strcmp(x->currency, other.currency) == 0;
        if (pending && !same) {         /* rows come by key, then currency */
            split_emit(o, &n, &other, "Other");
            pending = false;
        }
        if (!x)
            break;
        if (split_find(t, nt, x)->top) {
            split_emit(o, &n, x, x->category);
            continue;
        }
        if (!pending) {
            other = (q_split_row){.key = x->key};
            memcpy(other.currency, x->currency, sizeof other.currency);
            pending = true;
        }
        other.transactions += x->transactions;
        other.spend += x->spend;
        other.refunds += x->refunds;
        other.payments += x->payments;
    }
    free(t);
    q_split_free(sp);
    return 0;
}

static int ep_report(db_conn *c, const void *arg, sbuf *o, cl_err *err)
{
    const req *r = arg;
    sbuf_puts(o, "{\"by\":");
    cl_json_string(o, q_by_name(r->by), false);
    if (r->split) {
        sbuf_puts(o, ",\"split\":\"category\",\"rows\":[");
        if (report_split(c, r, o, err) != 0)
            return -1;
        sbuf_puts(o, "]}");
        return 0;
    }
    q_report *rep = NULL;
    if (q_report_run(c, &r->f, r->by, r->top, &rep, err) != 0)
        return -1;
    sbuf_puts(o, ",\"rows\":[");
    for (int i = 0; i < rep->nrows; i++) {
        SEP(o, i);
        report_row(o, &rep->rows[i], NULL);
    }
    sbuf_puts(o, "],\"totals\":[");
    for (int i = 0; i < rep->ntotals; i++) {
        SEP(o, i);
        report_row(o, &rep->totals[i], NULL);
    }
    sbuf_printf(o, "],\"omitted\":%d,\"source\":", rep->omitted);
    cl_json_string(o, rep->source, false);
    sbuf_putc(o, '}');
    q_report_free(rep);
    return 0;
}

static int ep_transactions(db_conn *c, const void *arg, sbuf *o, cl_err *err)
{
    const req *r = arg;
    q_txn_page *pg = NULL;
    if (q_transactions(c, &r->f, &r->txn, &pg, err) != 0)
        return -1;
    sbuf_puts(o, "{\"rows\":[");
    for (int i = 0; i < pg->nrows; i++) {
        const q_txn *x = &pg->rows[i];
        char key[80];
        card_key(key, sizeof key, x->issuer, x->card_last4);
        SEP(o, i);
        sbuf_putc(o, '{');
        j_int(o, "id", x->id);
        sbuf_putc(o, ',');
        j_date(o, "date", x->posting_date);
        sbuf_putc(o, ',');
        j_date(o, "transaction_date", x->transaction_date);
        sbuf_putc(o, ',');
        j_str(o, "card", x->card_label ? x->card_label : key);
        sbuf_putc(o, ',');
        j_str(o, "card_key", key);
        sbuf_putc(o, ',');
        j_str(o, "merchant", x->merchant);
        sbuf_putc(o, ',');
        j_str(o, "description", x->description);
        sbuf_putc(o, ',');
        j_str(o, "category", x->category);
        sbuf_putc(o, ',');
        j_str(o, "kind", x->kind);
        sbuf_putc(o, ',');
        j_money(o, "amount", x->amount);
        sbuf_putc(o, ',');
        j_str(o, "currency", x->currency);
        if (x->has_foreign) {
            sbuf_putc(o, ',');
            j_money(o, "foreign_amount", x->foreign_amount);
            sbuf_putc(o, ',');
            j_str(o, "foreign_currency", x->foreign_currency);
        }
        sbuf_putc(o, ',');
        j_int(o, "statement_id", x->statement_id);
        sbuf_putc(o, '}');
    }
    sbuf_puts(o, "],");
    j_str(o, "next", pg->next_cursor);
    sbuf_putc(o, '}');
    q_txn_page_free(pg);
    return 0;
}

static int ep_coverage(db_conn *c, const void *arg, sbuf *o, cl_err *err)
{
    const req *r = arg;
    q_coverage *cv = NULL;
    if (q_coverage_run(c, &r->f, r->cov_from, r->cov_to, &cv, err) != 0)
        return -1;
    sbuf_putc(o, '{');
    j_month(o, "from", r->cov_from);
    sbuf_putc(o, ',');
    j_month(o, "to", r->cov_to);
    sbuf_printf(o, ",\"active_cells\":%d,\"problem_cells\":%d,\"cards\":[", cv->active_cells,
                cv->problem_cells);
    for (int i = 0; i < cv->ncards; i++) {
        const q_cov_card *k = &cv->cards[i];
        SEP(o, i);
        sbuf_putc(o, '{');
        j_str(o, "issuer", k->issuer);
        sbuf_putc(o, ',');
        j_str(o, "card_last4", k->card_last4);
        sbuf_putc(o, ',');
        j_str(o, "label", k->label);
        sbuf_puts(o, ",\"months\":{");
        for (int m = r->cov_from; m <= r->cov_to; m++) {
            char mb[8];
            SEP(o, m - r->cov_from);
            j_str(o, q_month_format(m, mb), q_cov_state_name(k->months[m - r->cov_from]));
        }
        sbuf_puts(o, "},\"problems\":[");
        for (int p = 0; p < k->nproblems; p++) {
            SEP(o, p);
            sbuf_putc(o, '{');
            j_month(o, "month", k->problems[p].month);
            sbuf_putc(o, ',');
            j_str(o, "state", q_cov_state_name(k->problems[p].state));
            sbuf_putc(o, ',');
            j_str(o, "detail", k->problems[p].detail);
            sbuf_putc(o, '}');
        }
        sbuf_puts(o, "]}");
    }
    sbuf_puts(o, "]}");
    q_coverage_free(cv);
    return 0;
}

/* ---- dispatch ---------------------------------------------------------------------------- */

static int opts_report(req *r, bad *b)
{
    const char *by = web_param(r->p, "by");
    if (!by)
        by = "month";
    if (!q_by_parse(by, &r->by))
        return badp(b, "by", "by must be one of %s", q_by_names());
    const char *split = web_param(r->p, "split");
    if (split) {
        if (strcmp(split, "category") != 0)
            return badp(b, "split", "split must be 'category'");
        if (!q_by_is_time(r->by))
            return badp(b, "split", "split needs a time grouping (by=month|week|day|year)");
        r->split = true;
    }
    const char *top = web_param(r->p, "top");
    return top ? parse_int("top", top, 1, 1000, &r->top, b) : 0;
}

static int opts_transactions(req *r, bad *b)
{
    r->txn.limit = 50;
    const char *v = web_param(r->p, "limit");
    if (v && parse_int("limit", v, 1, 500, &r->txn.limit, b) < 0)
        return -1;
    if ((v = web_param(r->p, "sort")) && !q_sort_parse(v, &r->txn.sort))
        return badp(b, "sort", "sort must be date or amount");
    if ((v = web_param(r->p, "after"))) {
        if (!*v || strlen(v) > 200)
            return badp(b, "after", "after must be the 'next' cursor of the previous page");
        r->txn.cursor = v;
    }
    return 0;
}

static int month_param(const req *r, const char *name, int *out, bad *b)
{
    const char *v = web_param(r->p, name);
    if (!v)
        return 0;
    /* A date is accepted too: its month. */
    char m[8];
    snprintf(m, sizeof m, "%.7s", v);
    if (!q_month_parse(m, out) || (strlen(v) != 7 && cl_date_parse_iso(v) == CL_DATE_NONE))
        return badp(b, name, "%s must be a month YYYY-MM", name);
    return 1;
}

static int opts_coverage(req *r, bad *b)
{
    int from = 0, to = 0, fy, ty;
    int hf = month_param(r, "from", &from, b), ht = month_param(r, "to", &to, b);
    if (hf < 0 || ht < 0)
        return -1;
    const char *year = web_param(r->p, "year");
    if (year) {
        int y;
        if (parse_int("year", year, 1900, 2999, &y, b) < 0)
            return -1;
        if (hf || ht)
            return badp(b, "year", "give year or from/to, not both");
        from = q_month(y, 1);
        to = q_month(y, 12);
        hf = ht = 1;
    }
    /* Open ends: the cards' whole span, else this year. */
    if (!hf || !ht) {
        time_t now = time(NULL);
        struct tm tm;
        localtime_r(&now, &tm);
        fy = ty = tm.tm_year + 1900;
        if (!ht)
            to = q_month(ty, tm.tm_mon + 1);
        if (!hf)
            from = q_month(fy, 1) > to ? to - 11 : q_month(fy, 1);
    }
    if (from > to)
        return badp(b, "from", "from is after to");
    if (to - from >= 240)
        return badp(b, "from", "at most 240 months at once");
    r->cov_from = from;
    r->cov_to = to;
    /* Only the cards of the filter apply to coverage. */
    q_filter_init(&r->f);
    for (int i = 0; i < r->p->n; i++)
        if (strcmp(r->p->key[i], "card") == 0 && add_list("card", r->p->val[i], r->f.cards, &r->f.ncards, b) < 0)
            return -1;
    return 0;
}

static int opts_imports(req *r, bad *b)
{
    r->limit = 20;
    const char *v = web_param(r->p, "limit");
    return v ? parse_int("limit", v, 1, 1000, &r->limit, b) : 0;
}

typedef struct endpoint {
    const char *name;
    web_txn_fn fn;
    bool filter;                        /* takes the filter parameters */
    int (*opts)(req *r, bad *b);
    const char *const params[8];        /* its own parameters */
} endpoint;

static const endpoint endpoints[] = {
    {"summary", ep_summary, true, NULL, {NULL}},
    {"report", ep_report, true, opts_report, {"by", "top", "split", NULL}},
    {"transactions", ep_transactions, true, opts_transactions, {"limit", "after", "sort", NULL}},
    {"coverage", ep_coverage, false, opts_coverage, {"year", "from", "to", "card", NULL}},
    {"cards", web_ep_cards, false, NULL, {NULL}},
    {"categories", web_ep_categories, false, NULL, {NULL}},
    {"imports", web_ep_imports, false, opts_imports, {"limit", NULL}},
};

/* The parameter checks of web_api: 0 when name and p are a well-formed
 * request (r filled), else the status with the JSON error in out. */
static int check(const char *name, const web_params *p, req *r, const endpoint **ep, sbuf *out)
{
    const endpoint *e = NULL;
    for (size_t i = 0; i < sizeof endpoints / sizeof endpoints[0]; i++)
        if (strcmp(endpoints[i].name, name) == 0)
            e = &endpoints[i];
    if (!e) {
        web_json_error(out, "no such API endpoint", NULL);
        return 404;
    }
    *ep = e;
    *r = (req){.p = p};
    bad b = {{0}};
    for (int i = 0; i < p->n; i++)
        if (!(e->filter && allowed(p->key[i], FILTERS)) && !allowed(p->key[i], e->params)) {
            char msg[160];
            snprintf(msg, sizeof msg, "unknown parameter for /api/%s", name);
            web_json_error(out, msg, p->key[i]);
            return 400;
        }
    if ((e->filter && parse_filter(r, &b) < 0) || (e->opts && e->opts(r, &b) < 0)) {
        web_json_error(out, b.msg, b.param);
        return 400;
    }
    return 0;
}

int web_api_check(const char *name, const web_params *p, sbuf *out)
{
    req r;
    const endpoint *e;
    return check(name, p, &r, &e, out);
}

int web_api(const char *name, const web_params *p, sbuf *out)
{
    req r;
    const endpoint *e;
    int bad_status = check(name, p, &r, &e, out);
    if (bad_status)
        return bad_status;
    cl_err err = {0};
    int status = web_pool_run(e->fn, &r, out, &err);
    if (status == 200)
        return 200;
    if (status == 400) {
        web_json_error(out, err.msg, param_of(err.msg));
        return 400;
    }
    log_warn("api_failed", LOG_S("endpoint", name), LOG_I("status", status), LOG_S("error", err.msg));
    web_json_error(out, status == 503 ? "database unavailable; retrying on the next request"
                                      : "query failed",
                   NULL);
    return status;
}
