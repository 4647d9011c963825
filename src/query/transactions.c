/* transactions.c - the rows themselves, filtered, newest (or largest) first, one keyset page at a time. */
#include "q_internal.h"

#include "common/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A cursor names the last row of a page by its sort key:
 * "d:POSTING_DATE:ID" or "a:|AMOUNT|:POSTING_DATE:ID". */
typedef struct cursor {
    char amount[32];
    char date[11];
    char id[24];
} cursor;

static bool parse_cursor(const char *s, q_sort sort, cursor *cur)
{
    memset(cur, 0, sizeof *cur);
    char tag = sort == Q_SORT_DATE ? 'd' : 'a';
    if (s[0] != tag || s[1] != ':')
        return false;
    s += 2;
    if (sort == Q_SORT_AMOUNT) {
        const char *colon = strchr(s, ':');
        cl_money m;
        if (!colon || (size_t)(colon - s) >= sizeof cur->amount)
            return false;
        memcpy(cur->amount, s, (size_t)(colon - s));
        if (!cl_money_parse(cur->amount, &m) || m < 0)
            return false;
        s = colon + 1;
    }
    if (strlen(s) < 12 || s[10] != ':')
        return false;
    memcpy(cur->date, s, 10);
    if (cl_date_parse_iso(cur->date) == CL_DATE_NONE)
        return false;
    s += 11;
    if (!*s || strspn(s, "0123456789") != strlen(s) || strlen(s) >= sizeof cur->id)
        return false;
    strcpy(cur->id, s);
    return true;
}

static void txn_free(q_txn *t)
{
    free(t->issuer);
    free(t->card_label);
    free(t->merchant);
    free(t->category);
    free(t->description);
    free(t->file_path);
}

void q_txn_page_free(q_txn_page *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->nrows; i++)
        txn_free(&p->rows[i]);
    free(p->rows);
    free(p->next_cursor);
    free(p);
}

int q_transactions(db_conn *c, const q_filter *f, const q_txn_opts *o, q_txn_page **out, cl_err *err)
{
    *out = NULL;
    q_txn_opts def = {.sort = Q_SORT_DATE};
    if (!o)
        o = &def;
    int limit = o->limit ? o->limit : 50;
    if (limit < 1 || limit > 10000)
        return cl_err_set(err, CL_E_USAGE, "limit %d: must be from 1 to 10000", limit);
    cursor cur;
    if (o->cursor && *o->cursor && !parse_cursor(o->cursor, o->sort, &cur))
        return cl_err_set(err, CL_E_USAGE, "cursor '%.40s': not a cursor of this listing", o->cursor);
    q_scope sc;
    if (q_scope_resolve(c, f, &sc, err) != 0)
        return -1;

    /* the page is chosen from the rows alone; names are joined to its rows only */
    const char *order = o->sort == Q_SORT_AMOUNT ? " ORDER BY abs(t.amount) DESC, t.posting_date DESC, t.id DESC"
                                                 : " ORDER BY t.posting_date DESC, t.id DESC";
    q_sql q = {0};
    q_puts(&q, "SELECT t.id, t.transaction_date, t.posting_date, t.card_id, cd.issuer, cd.card_last4, cd.label, "
               "coalesce(m.display_name, m.name), g.name, t.kind, t.amount, t.currency, t.foreign_amount, "
               "t.foreign_currency, t.description, t.statement_id, fl.path, abs(t.amount) "
               "FROM (SELECT t.* FROM analytics.transactions t WHERE true");
    char d[11];
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
    if (o->cursor && *o->cursor) {
        if (o->sort == Q_SORT_AMOUNT) {
            q_puts(&q, " AND (abs(t.amount), t.posting_date, t.id) < (");
            q_arg(&q, cur.amount);
            q_puts(&q, "::numeric, ");
        } else {
            q_puts(&q, " AND (t.posting_date, t.id) < (");
        }
        q_arg(&q, cur.date);
        q_puts(&q, "::date, ");
        q_arg(&q, cur.id);
        q_puts(&q, "::bigint)");
    }
    char lim[16];
    snprintf(lim, sizeof lim, "%d", limit + 1);    /* one more tells whether a next page exists */
    q_puts(&q, order);
    q_puts(&q, " LIMIT ");
    q_arg(&q, lim);
    q_puts(&q, ") t "
               "JOIN analytics.cards cd ON cd.id = t.card_id "
               "LEFT JOIN analytics.merchants m ON m.id = t.merchant_id "
               "LEFT JOIN analytics.categories g ON g.id = t.category_id "
               "LEFT JOIN raw.statements st ON st.id = t.statement_id "
               "LEFT JOIN raw.source_files fl ON fl.id = st.source_file_id");
    q_puts(&q, order);
    db_result *r = q_run(c, &q, err);
    q_sql_free(&q);
    q_scope_free(&sc);
    if (!r)
        return -1;

    q_txn_page *p = xcalloc(1, sizeof *p);
    int n = db_nrows(r);
    p->nrows = n > limit ? limit : n;
    p->rows = xcalloc((size_t)p->nrows + 1, sizeof *p->rows);
    for (int i = 0; i < p->nrows; i++) {
        q_txn *t = &p->rows[i];
        t->id = q_int(r, i, 0);
        t->transaction_date = q_date(r, i, 1);
        t->posting_date = q_date(r, i, 2);
        t->card_id = q_int(r, i, 3);
        t->issuer = q_strdup(r, i, 4);
        q_copy(t->card_last4, sizeof t->card_last4, r, i, 5);
        t->card_label = q_strdup(r, i, 6);
        t->merchant = q_strdup(r, i, 7);
        t->category = q_strdup(r, i, 8);
        q_copy(t->kind, sizeof t->kind, r, i, 9);
        t->amount = q_money(r, i, 10);
        q_copy(t->currency, sizeof t->currency, r, i, 11);
        t->has_foreign = !db_isnull(r, i, 12);
        t->foreign_amount = q_money(r, i, 12);
        q_copy(t->foreign_currency, sizeof t->foreign_currency, r, i, 13);
        t->description = q_strdup(r, i, 14);
        t->statement_id = q_int(r, i, 15);
        t->file_path = q_strdup(r, i, 16);
    }
    if (n > limit) {
        int last = limit - 1;
        char buf[96];
        if (o->sort == Q_SORT_AMOUNT)
            snprintf(buf, sizeof buf, "a:%s:%s:%s", db_value(r, last, 17), db_value(r, last, 2), db_value(r, last, 0));
        else
            snprintf(buf, sizeof buf, "d:%s:%s", db_value(r, last, 2), db_value(r, last, 0));
        p->next_cursor = xstrdup(buf);
    }
    db_result_free(r);
    *out = p;
    return 0;
}
