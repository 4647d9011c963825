/* export.c - every matching transaction, oldest first, in keyset pages (export writes them as it reads). */
#include "q_internal.h"

#include "common/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Cards that are bank accounts: those with deposits or withdrawals (the
 * summary table answers without reading the rows). */
static int account_cards(db_conn *c, long long **ids, int *n, cl_err *err)
{
    *ids = NULL;
    *n = 0;
    db_result *r = db_query(c,
                            "SELECT DISTINCT card_id FROM analytics.spend_by_month_card_category "
                            "WHERE kind IN ('deposit', 'withdrawal') ORDER BY 1",
                            0, NULL, err);
    if (!r)
        return -1;
    *n = db_nrows(r);
    *ids = xcalloc((size_t)*n + 1, sizeof **ids);
    for (int i = 0; i < *n; i++)
        (*ids)[i] = q_int(r, i, 0);
    db_result_free(r);
    return 0;
}

static bool in_list(const long long *ids, int n, long long v)
{
    for (int i = 0; i < n; i++)
        if (ids[i] == v)
            return true;
    return false;
}

static char *cell(const db_result *r, int row, int col)
{
    return db_isnull(r, row, col) ? NULL : (char *)db_value(r, row, col);
}

int q_export_run(db_conn *c, const q_filter *f, int page_rows, q_export_fn fn, void *ud, cl_err *err)
{
    if (page_rows <= 0)
        page_rows = 5000;
    q_scope sc;
    if (q_scope_resolve(c, f, &sc, err) != 0)
        return -1;
    long long *accts;
    int nacct;
    if (account_cards(c, &accts, &nacct, err) < 0) {
        q_scope_free(&sc);
        return -1;
    }
    char last_date[11] = "", last_id[24] = "", lim[16], d[11];
    snprintf(lim, sizeof lim, "%d", page_rows);
    int rc = 0;
    for (;;) {
        q_sql q = {0};
        /* category paths from the (small) tree; the page is chosen from the rows alone */
        q_puts(&q, "WITH RECURSIVE cp (id, path) AS ("
                   " SELECT id, name::text FROM analytics.categories WHERE parent_id IS NULL"
                   " UNION ALL SELECT g.id, cp.path || ':' || g.name FROM analytics.categories g"
                   " JOIN cp ON g.parent_id = cp.id) "
                   "SELECT t.id, t.transaction_date, t.posting_date, t.card_id, cd.issuer, cd.card_last4, "
                   "cd.label, coalesce(m.display_name, m.name), coalesce(cp.path, g.name), t.kind, t.amount, "
                   "t.currency, t.foreign_amount, t.foreign_currency, t.description, t.statement_id "
                   "FROM (SELECT t.* FROM analytics.transactions t WHERE true");
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
        if (last_date[0]) {
            q_puts(&q, " AND (t.posting_date, t.id) > (");
            q_arg(&q, last_date);
            q_puts(&q, "::date, ");
            q_arg(&q, last_id);
            q_puts(&q, "::bigint)");
        }
        q_puts(&q, " ORDER BY t.posting_date, t.id LIMIT ");
        q_arg(&q, lim);
        q_puts(&q, ") t "
                   "JOIN analytics.cards cd ON cd.id = t.card_id "
                   "LEFT JOIN analytics.merchants m ON m.id = t.merchant_id "
                   "LEFT JOIN analytics.categories g ON g.id = t.category_id "
                   "LEFT JOIN cp ON cp.id = t.category_id "
                   "ORDER BY t.posting_date, t.id");
        db_result *r = q_run(c, &q, err);
        q_sql_free(&q);
        if (!r) {
            rc = -1;
            break;
        }
        int n = db_nrows(r);
        for (int i = 0; i < n && rc == 0; i++) {
            q_export_row x = {
                .id = q_int(r, i, 0),
                .transaction_date = q_date(r, i, 1),
                .posting_date = q_date(r, i, 2),
                .is_account = in_list(accts, nacct, q_int(r, i, 3)),
                .issuer = cell(r, i, 4),
                .card_last4 = cell(r, i, 5),
                .card_label = cell(r, i, 6),
                .merchant = cell(r, i, 7),
                .category_path = cell(r, i, 8),
                .kind = cell(r, i, 9),
                .amount = q_money(r, i, 10),
                .currency = cell(r, i, 11),
                .has_foreign = !db_isnull(r, i, 12),
                .foreign_amount = q_money(r, i, 12),
                .foreign_currency = cell(r, i, 13),
                .description = cell(r, i, 14),
                .statement_id = q_int(r, i, 15),
            };
            rc = fn(&x, ud);
        }
        if (n > 0) {
            snprintf(last_date, sizeof last_date, "%s", db_value(r, n - 1, 2));
            snprintf(last_id, sizeof last_id, "%s", db_value(r, n - 1, 0));
        }
        db_result_free(r);
        if (rc != 0 || n < page_rows)
            break;
    }
    free(accts);
    q_scope_free(&sc);
    return rc;
}
