/* report.c - figures grouped by month, week, day, year, category, merchant, card or kind, from the summary tables. */
#include "q_internal.h"

#include "common/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where figures come from: the smallest relation that can answer. */
typedef enum src {
    SRC_MONTH_CARD,     /* analytics.spend_by_month_card_category: month x card x category x kind */
    SRC_MONTH_MERCHANT, /* analytics.spend_by_month_merchant: the same x merchant */
    SRC_ROWS,           /* analytics.transactions: days, text and amount filters */
} src;

static const char *const src_rel[] = {"analytics.spend_by_month_card_category",
                                      "analytics.spend_by_month_merchant", "analytics.transactions"};

/* What a part groups by: a date or an id, so the grouping is on plain
 * values and names are joined to the groups only. */
static const char *group_expr(q_by by, src s)
{
    bool rows = s == SRC_ROWS;
    switch (by) {
    case Q_BY_MONTH: return rows ? "date_trunc('month', s.posting_date)::date" : "s.month";
    case Q_BY_YEAR: return rows ? "date_trunc('year', s.posting_date)::date" : "date_trunc('year', s.month)::date";
    case Q_BY_DAY: return "s.posting_date";
    case Q_BY_WEEK: return "date_trunc('week', s.posting_date)::date";
    case Q_BY_CATEGORY: return "s.category_id";
    case Q_BY_MERCHANT: return "s.merchant_id";
    case Q_BY_CARD: return "s.card_id";
    case Q_BY_KIND: return "0";
    }
    return "0";
}

/* The key and label of a group, and what they need joined. */
static const char *key_expr(q_by by)
{
    switch (by) {
    case Q_BY_MONTH: return "to_char(x.gid, 'YYYY-MM')";
    case Q_BY_YEAR: return "to_char(x.gid, 'YYYY')";
    case Q_BY_DAY: return "to_char(x.gid, 'YYYY-MM-DD')";
    case Q_BY_WEEK: return "to_char(x.gid, 'IYYY-\"W\"IW')";
    case Q_BY_CATEGORY: return "coalesce(g.name, 'Uncategorized')";
    case Q_BY_MERCHANT: return "coalesce(m.display_name, m.name, '(none)')";
    case Q_BY_CARD: return "cd.issuer || ':' || cd.card_last4";
    case Q_BY_KIND: return "x.kind";
    }
    return "NULL";
}

static const char *key_join(q_by by)
{
    switch (by) {
    case Q_BY_CATEGORY: return " LEFT JOIN analytics.categories g ON g.id = x.gid";
    case Q_BY_MERCHANT: return " LEFT JOIN analytics.merchants m ON m.id = x.gid";
    case Q_BY_CARD: return " JOIN analytics.cards cd ON cd.id = x.gid";
    default: return "";
    }
}

/* One SELECT over source s for posting dates lo..hi (CL_DATE_NONE: open; for
 * the monthly sources lo is a month's first day and hi a month's last):
 * count and net amount per group, currency and kind. */
static void append_part(q_sql *q, const q_scope *sc, q_by by, src s, cl_date lo, cl_date hi)
{
    bool rows = s == SRC_ROWS;
    q_printf(q, "SELECT %s AS gid, s.currency, s.kind, %s AS n, sum(%s) AS net FROM %s s WHERE true",
             group_expr(by, s), rows ? "count(*)" : "sum(s.txn_count)", rows ? "s.amount" : "s.net", src_rel[s]);
    const char *col = rows ? "s.posting_date" : "s.month";
    char d[11];
    if (lo != CL_DATE_NONE) {
        q_printf(q, " AND %s >= ", col);
        q_arg(q, cl_date_format(lo, d));
        q_puts(q, "::date");
    }
    if (hi != CL_DATE_NONE) {
        q_printf(q, " AND %s <= ", col);
        q_arg(q, cl_date_format(hi, d));
        q_puts(q, "::date");
    }
    q_scope_where(q, sc, "s", s != SRC_MONTH_CARD);
    if (rows)
        q_scope_where_rows(q, sc, "s");
    q_puts(q, " GROUP BY 1, 2, 3");
}

static cl_date first_of_month(cl_date d)
{
    int y, m, day;
    cl_date_to_ymd(d, &y, &m, &day);
    return cl_date_from_ymd(y, m, 1);
}

static cl_date last_of_month(cl_date d)
{
    int y, m, day;
    cl_date_to_ymd(d, &y, &m, &day);
    return cl_date_from_ymd(y, m, cl_days_in_month(y, m));
}

/* The parts for a monthly source: whole months from the summary, the days
 * of a partial first or last month from the rows. */
static void append_parts(q_sql *q, const q_scope *sc, q_by by, src base, char *source, size_t sourcesz)
{
    if (base == SRC_ROWS) {
        append_part(q, sc, by, SRC_ROWS, sc->from, sc->to);
        snprintf(source, sourcesz, "transactions");
        return;
    }
    cl_date from = sc->from, to = sc->to;
    cl_date full_lo = from == CL_DATE_NONE ? CL_DATE_NONE
                      : first_of_month(from) == from ? from : last_of_month(from) + 1;
    cl_date full_hi = to == CL_DATE_NONE ? CL_DATE_NONE
                      : last_of_month(to) == to ? to : first_of_month(to) - 1;
    bool any_full = full_lo == CL_DATE_NONE || full_hi == CL_DATE_NONE || full_lo <= full_hi;
    if (!any_full) {    /* within one month, or two partial ones */
        append_part(q, sc, by, SRC_ROWS, from, to);
        snprintf(source, sourcesz, "transactions");
        return;
    }
    int parts = 0;
    if (from != CL_DATE_NONE && from < full_lo) {
        append_part(q, sc, by, SRC_ROWS, from, full_lo - 1);
        parts++;
    }
    if (parts)
        q_puts(q, " UNION ALL ");
    append_part(q, sc, by, base, full_lo, full_hi == CL_DATE_NONE ? CL_DATE_NONE : first_of_month(full_hi));
    if (to != CL_DATE_NONE && to > full_hi) {
        q_puts(q, " UNION ALL ");
        append_part(q, sc, by, SRC_ROWS, full_hi + 1, to);
        parts++;
    }
    snprintf(source, sourcesz, "%s%s", src_rel[base] + strlen("analytics."), parts ? "+transactions" : "");
}

static void row_free(q_report_row *r)
{
    free(r->key);
    free(r->label);
}

void q_report_free(q_report *r)
{
    if (!r)
        return;
    for (int i = 0; i < r->nrows; i++)
        row_free(&r->rows[i]);
    for (int i = 0; i < r->ntotals; i++)
        row_free(&r->totals[i]);
    free(r->rows);
    free(r->totals);
    free(r);
}

static q_report_row *total_for(q_report *r, const char *currency)
{
    for (int i = 0; i < r->ntotals; i++)
        if (strcmp(r->totals[i].currency, currency) == 0)
            return &r->totals[i];
    r->totals = xrealloc(r->totals, (size_t)(r->ntotals + 1) * sizeof *r->totals);
    q_report_row *t = &r->totals[r->ntotals++];
    memset(t, 0, sizeof *t);
    t->key = xstrdup("total");
    snprintf(t->currency, sizeof t->currency, "%s", currency);
    return t;
}

static int by_currency(const void *a, const void *b)
{
    return strcmp(((const q_report_row *)a)->currency, ((const q_report_row *)b)->currency);
}

static const q_report_row *sort_rows;

static int by_spend_desc(const void *a, const void *b)
{
    const q_report_row *x = &sort_rows[*(const int *)a], *y = &sort_rows[*(const int *)b];
    if (x->spend != y->spend)
        return x->spend > y->spend ? -1 : 1;
    return *(const int *)a - *(const int *)b;
}

/* Keep the top groups by spend in each currency, in the order they came. */
static void keep_top(q_report *r, int top)
{
    if (top <= 0 || r->nrows == 0)
        return;
    bool *keep = xcalloc((size_t)r->nrows, sizeof *keep);
    int *idx = xmalloc((size_t)r->nrows * sizeof *idx);
    for (int t = 0; t < r->ntotals; t++) {
        int n = 0;
        for (int i = 0; i < r->nrows; i++)
            if (strcmp(r->rows[i].currency, r->totals[t].currency) == 0)
                idx[n++] = i;
        sort_rows = r->rows;
        qsort(idx, (size_t)n, sizeof *idx, by_spend_desc);
        for (int i = 0; i < n && i < top; i++)
            keep[idx[i]] = true;
    }
    int w = 0;
    for (int i = 0; i < r->nrows; i++) {
        if (keep[i])
            r->rows[w++] = r->rows[i];
        else
            row_free(&r->rows[i]), r->omitted++;
    }
    r->nrows = w;
    free(keep);
    free(idx);
}

int q_report_run(db_conn *c, const q_filter *f, q_by by, int top, q_report **out, cl_err *err)
{
    *out = NULL;
    q_scope sc;
    if (q_scope_resolve(c, f, &sc, err) != 0)
        return -1;
    src base = by == Q_BY_DAY || by == Q_BY_WEEK || sc.search_like || sc.has_min || sc.has_max ? SRC_ROWS
               : by == Q_BY_MERCHANT || sc.merchant_like                                       ? SRC_MONTH_MERCHANT
                                                                                               : SRC_MONTH_CARD;
    q_report *r = xcalloc(1, sizeof *r);
    r->by = by;
    q_sql q = {0};
    /* spend, refunds and payments from the net per kind, after grouping */
    q_printf(&q, "SELECT %s, %s, x.currency, sum(x.n), coalesce(-sum(x.net) FILTER (WHERE k.is_spend), 0) AS spend, "
                 "coalesce(sum(x.net) FILTER (WHERE x.kind = 'refund'), 0), "
                 "coalesce(sum(x.net) FILTER (WHERE x.kind = 'payment'), 0) FROM (",
             key_expr(by), by == Q_BY_CARD ? "cd.label" : "NULL::text");
    append_parts(&q, &sc, by, base, r->source, sizeof r->source);
    q_printf(&q, ") x JOIN analytics.kinds k ON k.kind = x.kind%s GROUP BY 1, 2, 3 ORDER BY ", key_join(by));
    q_puts(&q, q_by_is_time(by) ? "1, 3" : "3, spend DESC, 1");
    db_result *res = q_run(c, &q, err);
    q_sql_free(&q);
    q_scope_free(&sc);
    if (!res) {
        q_report_free(r);
        return -1;
    }
    r->nrows = db_nrows(res);
    r->rows = xcalloc((size_t)r->nrows + 1, sizeof *r->rows);
    for (int i = 0; i < r->nrows; i++) {
        q_report_row *row = &r->rows[i];
        row->key = q_strdup(res, i, 0);
        if (!row->key)
            row->key = xstrdup("");
        row->label = q_strdup(res, i, 1);
        q_copy(row->currency, sizeof row->currency, res, i, 2);
        row->transactions = q_int(res, i, 3);
        row->spend = q_money(res, i, 4);
        row->refunds = q_money(res, i, 5);
        row->payments = q_money(res, i, 6);
        q_report_row *t = total_for(r, row->currency);
        t->transactions += row->transactions;
        t->spend += row->spend;
        t->refunds += row->refunds;
        t->payments += row->payments;
    }
    db_result_free(res);
    qsort(r->totals, (size_t)r->ntotals, sizeof *r->totals, by_currency);
    keep_top(r, top);
    *out = r;
    return 0;
}
