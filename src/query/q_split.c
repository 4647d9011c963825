/* q_split.c - time x category figures in one query (see q_split.h). */
#include "q_split.h"
#include "q_internal.h"

#include "common/util.h"

#include <stdlib.h>
#include <string.h>

typedef enum src { SRC_CARD, SRC_MERCHANT, SRC_ROWS } src;
static const char *const rel[] = {"analytics.spend_by_month_card_category",
                                  "analytics.spend_by_month_merchant", "analytics.transactions"};

static const char *time_expr(q_by by, src s)
{
    bool rows = s == SRC_ROWS;
    switch (by) {
    case Q_BY_YEAR: return rows ? "date_trunc('year', s.posting_date)::date" : "date_trunc('year', s.month)::date";
    case Q_BY_DAY: return "s.posting_date";
    case Q_BY_WEEK: return "date_trunc('week', s.posting_date)::date";
    default: return rows ? "date_trunc('month', s.posting_date)::date" : "s.month";
    }
}

static const char *key_expr(q_by by)
{
    switch (by) {
    case Q_BY_YEAR: return "to_char(x.gid, 'YYYY')";
    case Q_BY_DAY: return "to_char(x.gid, 'YYYY-MM-DD')";
    case Q_BY_WEEK: return "to_char(x.gid, 'IYYY-\"W\"IW')";
    default: return "to_char(x.gid, 'YYYY-MM')";
    }
}

/* Posting dates lo..hi (CL_DATE_NONE: open) of source s, grouped by time,
 * category, currency and kind. */
static void part(q_sql *q, const q_scope *sc, q_by by, src s, cl_date lo, cl_date hi)
{
    bool rows = s == SRC_ROWS;
    q_printf(q, "SELECT %s AS gid, s.category_id AS cid, s.currency, s.kind, %s AS n, sum(%s) AS net "
                "FROM %s s WHERE true",
             time_expr(by, s), rows ? "count(*)" : "sum(s.txn_count)", rows ? "s.amount" : "s.net", rel[s]);
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
    q_scope_where(q, sc, "s", s != SRC_CARD);
    if (rows)
        q_scope_where_rows(q, sc, "s");
    q_puts(q, " GROUP BY 1, 2, 3, 4");
}

static cl_date month_edge(cl_date d, bool last)
{
    int y, m, day;
    cl_date_to_ymd(d, &y, &m, &day);
    return cl_date_from_ymd(y, m, last ? cl_days_in_month(y, m) : 1);
}

/* Whole months from a summary, the days of partial edge months from the rows. */
static void parts(q_sql *q, const q_scope *sc, q_by by, src base)
{
    cl_date from = sc->from, to = sc->to;
    if (base == SRC_ROWS) {
        part(q, sc, by, SRC_ROWS, from, to);
        return;
    }
    cl_date lo = from == CL_DATE_NONE ? CL_DATE_NONE
                 : month_edge(from, false) == from ? from : month_edge(from, true) + 1;
    cl_date hi = to == CL_DATE_NONE ? CL_DATE_NONE : month_edge(to, true) == to ? to : month_edge(to, false) - 1;
    if (lo != CL_DATE_NONE && hi != CL_DATE_NONE && lo > hi) {
        part(q, sc, by, SRC_ROWS, from, to);
        return;
    }
    if (from != CL_DATE_NONE && from < lo) {
        part(q, sc, by, SRC_ROWS, from, lo - 1);
        q_puts(q, " UNION ALL ");
    }
    part(q, sc, by, base, lo, hi == CL_DATE_NONE ? CL_DATE_NONE : month_edge(hi, false));
    if (to != CL_DATE_NONE && to > hi) {
        q_puts(q, " UNION ALL ");
        part(q, sc, by, SRC_ROWS, hi + 1, to);
    }
}

void q_split_free(q_split *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->nrows; i++) {
        free(s->rows[i].key);
        free(s->rows[i].category);
    }
    free(s->rows);
    free(s);
}

int q_report_split(db_conn *c, const q_filter *f, q_by by, q_split **out, cl_err *err)
{
    *out = NULL;
    if (!q_by_is_time(by))
        return cl_err_set(err, CL_E_USAGE, "by %s: a split needs a time grouping", q_by_name(by));
    q_scope sc;
    if (q_scope_resolve(c, f, &sc, err) != 0)
        return -1;
    src base = by == Q_BY_DAY || by == Q_BY_WEEK || sc.search_like || sc.has_min || sc.has_max ? SRC_ROWS
               : sc.merchant_like ? SRC_MERCHANT : SRC_CARD;
    q_sql q = {0};
    q_printf(&q, "SELECT %s, coalesce(g.name, 'Uncategorized'), x.currency, sum(x.n), "
                 "coalesce(-sum(x.net) FILTER (WHERE k.is_spend), 0), "
                 "coalesce(sum(x.net) FILTER (WHERE x.kind = 'refund'), 0), "
                 "coalesce(sum(x.net) FILTER (WHERE x.kind = 'payment'), 0) FROM (",
             key_expr(by));
    parts(&q, &sc, by, base);
    q_puts(&q, ") x JOIN analytics.kinds k ON k.kind = x.kind "
               "LEFT JOIN analytics.categories g ON g.id = x.cid GROUP BY 1, 2, 3 ORDER BY 1, 3, 2");
    db_result *r = q_run(c, &q, err);
    q_sql_free(&q);
    q_scope_free(&sc);
    if (!r)
        return -1;
    q_split *s = xcalloc(1, sizeof *s);
    s->nrows = db_nrows(r);
    s->rows = xcalloc((size_t)s->nrows + 1, sizeof *s->rows);
    for (int i = 0; i < s->nrows; i++) {
        q_split_row *x = &s->rows[i];
        x->key = q_strdup(r, i, 0);
        x->category = q_strdup(r, i, 1);
        q_copy(x->currency, sizeof x->currency, r, i, 2);
        x->transactions = q_int(r, i, 3);
        x->spend = q_money(r, i, 4);
        x->refunds = q_money(r, i, 5);
        x->payments = q_money(r, i, 6);
    }
    db_result_free(r);
    *out = s;
    return 0;
}
