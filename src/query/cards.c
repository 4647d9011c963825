/* cards.c - cards and their labels, the lists behind filters, and a filter's headline figures. */
#include "q_internal.h"

#include "common/util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int q_cards_list(db_conn *c, q_card **out, int *n, cl_err *err)
{
    *out = NULL;
    *n = 0;
    /* transactions and currencies from the month summary: no scan of the rows */
    db_result *r = db_query(c,
                            "SELECT c.id, c.issuer, c.card_last4, c.label, s.first_start, s.last_end, "
                            "coalesce(s.n, 0), coalesce(s.unreconciled, 0), coalesce(x.n, 0), coalesce(x.currencies, '') "
                            "FROM analytics.cards c "
                            "LEFT JOIN (SELECT issuer, card_last4, min(period_start) AS first_start, "
                            "           max(period_end) AS last_end, count(*) AS n, "
                            "           count(*) FILTER (WHERE NOT reconciled) AS unreconciled "
                            "           FROM raw.statements GROUP BY 1, 2) s "
                            "  ON s.issuer = c.issuer AND s.card_last4 = c.card_last4 "
                            "LEFT JOIN (SELECT card_id, sum(n) AS n, string_agg(currency, ',' ORDER BY currency) AS currencies "
                            "           FROM (SELECT card_id, currency, sum(txn_count) AS n "
                            "                 FROM analytics.spend_by_month_card_category GROUP BY 1, 2) y "
                            "           GROUP BY 1) x ON x.card_id = c.id "
                            "ORDER BY c.issuer, c.card_last4",
                            0, NULL, err);
    if (!r)
        return -1;
    int rows = db_nrows(r);
    q_card *v = xcalloc((size_t)rows + 1, sizeof *v);
    for (int i = 0; i < rows; i++) {
        v[i].id = q_int(r, i, 0);
        v[i].issuer = q_strdup(r, i, 1);
        q_copy(v[i].card_last4, sizeof v[i].card_last4, r, i, 2);
        v[i].label = q_strdup(r, i, 3);
        v[i].first_start = q_date(r, i, 4);
        v[i].last_end = q_date(r, i, 5);
        v[i].statements = (int)q_int(r, i, 6);
        v[i].unreconciled = (int)q_int(r, i, 7);
        v[i].transactions = q_int(r, i, 8);
        v[i].currencies = q_strdup(r, i, 9);
    }
    db_result_free(r);
    *out = v;
    *n = rows;
    return 0;
}

void q_cards_free(q_card *cards, int n)
{
    for (int i = 0; cards && i < n; i++) {
        free(cards[i].issuer);
        free(cards[i].label);
        free(cards[i].currencies);
    }
    free(cards);
}

int q_card_set_label(db_conn *c, const char *spec, const char *label, cl_err *err)
{
    if (label && *label) {
        size_t len = strlen(label);
        bool digits4 = len == 4 && strspn(label, "0123456789") == 4;
        if (digits4 || strchr(label, ':'))
            return cl_err_set(err, CL_E_USAGE, "label '%s': may not be 4 digits or contain ':' (it would read as a card)",
                              label);
        if (len > 64)
            return cl_err_set(err, CL_E_USAGE, "label: at most 64 characters");
        for (const char *p = label; *p; p++)
            if ((unsigned char)*p < 0x20)
                return cl_err_set(err, CL_E_USAGE, "label: no control characters");
        if (isspace((unsigned char)label[0]) || isspace((unsigned char)label[len - 1]))
            return cl_err_set(err, CL_E_USAGE, "label '%s': no leading or trailing spaces", label);
    }
    q_filter f;
    q_filter_init(&f);
    f.cards[f.ncards++] = spec;
    q_scope sc;
    if (q_scope_resolve(c, &f, &sc, err) != 0)
        return -1;
    int rc = 0;
    if (strchr(sc.card_ids, ',')) {
        rc = cl_err_set(err, CL_E_USAGE, "card '%s': names several cards; use ISSUER:LAST4", spec);
    } else {
        const char *p[] = {label && *label ? label : NULL, sc.card_ids};
        if (db_exec(c, "UPDATE analytics.cards SET label = $1 WHERE id = ANY($2::bigint[])", 2, p, err) < 0)
            rc = -1;
    }
    q_scope_free(&sc);
    return rc;
}

int q_categories_list(db_conn *c, q_category **out, int *n, cl_err *err)
{
    *out = NULL;
    *n = 0;
    db_result *r = db_query(c,
                            "SELECT g.id, g.name, p.name FROM analytics.categories g "
                            "LEFT JOIN analytics.categories p ON p.id = g.parent_id ORDER BY g.name",
                            0, NULL, err);
    if (!r)
        return -1;
    int rows = db_nrows(r);
    q_category *v = xcalloc((size_t)rows + 1, sizeof *v);
    for (int i = 0; i < rows; i++) {
        v[i].id = q_int(r, i, 0);
        v[i].name = q_strdup(r, i, 1);
        v[i].parent = q_strdup(r, i, 2);
    }
    db_result_free(r);
    *out = v;
    *n = rows;
    return 0;
}

void q_categories_free(q_category *v, int n)
{
    for (int i = 0; v && i < n; i++) {
        free(v[i].name);
        free(v[i].parent);
    }
    free(v);
}

int q_kinds_list(db_conn *c, q_kind **out, int *n, cl_err *err)
{
    *out = NULL;
    *n = 0;
    db_result *r = db_query(c, "SELECT kind, coalesce(label, kind), is_spend FROM analytics.kinds ORDER BY kind", 0,
                            NULL, err);
    if (!r)
        return -1;
    int rows = db_nrows(r);
    q_kind *v = xcalloc((size_t)rows + 1, sizeof *v);
    for (int i = 0; i < rows; i++) {
        v[i].kind = q_strdup(r, i, 0);
        v[i].label = q_strdup(r, i, 1);
        v[i].is_spend = db_value(r, i, 2)[0] == 't';
    }
    db_result_free(r);
    *out = v;
    *n = rows;
    return 0;
}

void q_kinds_free(q_kind *v, int n)
{
    for (int i = 0; v && i < n; i++) {
        free(v[i].kind);
        free(v[i].label);
    }
    free(v);
}

void q_summary_free(q_summary *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->ntotals; i++) {
        free(s->totals[i].key);
        free(s->totals[i].label);
    }
    free(s->totals);
    free(s);
}

int q_summary_run(db_conn *c, const q_filter *f, q_summary **out, cl_err *err)
{
    *out = NULL;
    q_report *rep;
    /* by card: the totals, and how many cards have rows */
    if (q_report_run(c, f, Q_BY_CARD, 0, &rep, err) != 0)
        return -1;
    q_summary *s = xcalloc(1, sizeof *s);
    s->totals = rep->totals;
    s->ntotals = rep->ntotals;
    rep->totals = NULL;
    rep->ntotals = 0;
    for (int i = 0; i < rep->nrows; i++) {
        bool seen = false;
        for (int j = 0; j < i && !seen; j++)
            seen = strcmp(rep->rows[i].key, rep->rows[j].key) == 0;
        s->cards += !seen;
    }
    q_report_free(rep);
    s->first = s->last = CL_DATE_NONE;

    q_scope sc;
    if (q_scope_resolve(c, f, &sc, err) != 0) {
        q_summary_free(s);
        return -1;
    }
    char d[11];
    q_sql q = {0};
    q_puts(&q, "SELECT min(t.posting_date), max(t.posting_date) FROM analytics.transactions t WHERE true");
    if (sc.from != CL_DATE_NONE) {
        q_puts(&q, " AND t.posting_date >= ");
        q_arg(&q, cl_date_format(sc.from, d));
        q_puts(&q, "::date");
    }
    if (sc.to != CL_DATE_NONE) {
        q_puts(&q, " AND t.posting_date <= ");
        q_arg(&q, cl_date_format(sc.to, d));
        q_puts(&q, "::date");
    }
    q_scope_where(&q, &sc, "t", true);
    q_scope_where_rows(&q, &sc, "t");
    db_result *r = q_run(c, &q, err);
    int rc = r ? 0 : -1;
    if (r) {
        s->first = q_date(r, 0, 0);
        s->last = q_date(r, 0, 1);
        db_result_free(r);
    }
    q_sql_free(&q);
    if (rc == 0) {
        /* statements of the filter's cards whose period ends in the range */
        q_sql q2 = {0};
        q_puts(&q2, "SELECT count(*), count(*) FILTER (WHERE NOT s.reconciled) FROM raw.statements s "
                    "JOIN analytics.cards c ON c.issuer = s.issuer AND c.card_last4 = s.card_last4 WHERE true");
        if (sc.from != CL_DATE_NONE) {
            q_puts(&q2, " AND s.period_end >= ");
            q_arg(&q2, cl_date_format(sc.from, d));
            q_puts(&q2, "::date");
        }
        if (sc.to != CL_DATE_NONE) {
            q_puts(&q2, " AND s.period_end <= ");
            q_arg(&q2, cl_date_format(sc.to, d));
            q_puts(&q2, "::date");
        }
        if (sc.card_ids) {
            q_puts(&q2, " AND c.id = ANY(");
            q_arg(&q2, sc.card_ids);
            q_puts(&q2, "::bigint[])");
        }
        r = q_run(c, &q2, err);
        if (r) {
            s->statements = (int)q_int(r, 0, 0);
            s->unreconciled = (int)q_int(r, 0, 1);
            db_result_free(r);
        } else {
            rc = -1;
        }
        q_sql_free(&q2);
    }
    q_scope_free(&sc);
    if (rc != 0) {
        q_summary_free(s);
        return -1;
    }
    *out = s;
    return 0;
}
