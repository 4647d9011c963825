/* store.c - storing one parsed statement inside the transaction that
 * claimed its file: checks, statement, pages, raw lines, card, merchants,
 * analytics rows and summaries, and the file's new status. The statements
 * run for every file are prepared once per connection (db_prepared). */
#include "store.h"

#include "bank/kind.h"
#include "common/money.h"
#include "common/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- small formatting helpers ------------------------------------------ */

static const char *fmt_opt_money(const bank_opt_money *m, char out[32])
{
    return m->present ? cl_money_format(m->value, out) : NULL;
}

static bool currency_ok(const char *c)
{
    return c && strlen(c) == 3 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' &&
           c[2] >= 'A' && c[2] <= 'Z';
}

/* ---- storing a statement --------------------------------------------------------- */

/* The card's id, inserting it when new. ON CONFLICT DO NOTHING waits for a
 * concurrent inserter; the SELECT after it (a new snapshot) then sees it. */
static long long card_id(db_conn *c, const char *issuer, const char *last4, cl_err *err)
{
    static const db_prepared sel = {
        "SELECT id FROM analytics.cards WHERE issuer = $1 AND card_last4 = $2", 2};
    static const db_prepared ins = {
        "INSERT INTO analytics.cards (issuer, card_last4) VALUES ($1, $2) "
        "ON CONFLICT DO NOTHING RETURNING id", 2};
    const char *params[] = {issuer, last4};
    for (int attempt = 0; attempt < 2; attempt++) {
        char *id = NULL;
        if (db_prep_value(c, &sel, params, &id, err) < 0)
            return -1;
        if (!id && db_prep_value(c, &ins, params, &id, err) < 0)
            return -1;
        if (id) {
            long long v = strtoll(id, NULL, 10);
            free(id);
            return v;
        }
    }
    return cl_err_set(err, CL_E_FAILED, "card %s/%s: cannot insert or find it", issuer, last4);
}

static int mark_file(db_conn *c, const db_claim *f, const ingest_statement_in *in, const char *status,
                     long long duplicate_of, cl_err *err)
{
    char id[24], dup[24], pages[24], run[24];
    const char *params[] = {
        db_param_ll(f->file_id, id), status, duplicate_of > 0 ? db_param_ll(duplicate_of, dup) : NULL,
        in->parser_version, in->st->issuer, db_param_ll(in->st->pages, pages),
        in->run_id > 0 ? db_param_ll(in->run_id, run) : NULL,
    };
    static const db_prepared mark = {
        "UPDATE raw.source_files SET status = $2, duplicate_of = $3, "
        "attempts = attempts + 1, last_error = NULL, processed_at = now(), "
        "parser_version = $4, profile_id = $5, pages = $6, last_run_id = $7 "
        "WHERE id = $1", 7};
    return db_prep_exec(c, &mark, params, err) < 0 ? -1 : 0;
}

/* Insert the raw.statements row; 0 with *id = 0 when the same issuer, card
 * and period end is there already (*dup_file = the file it came from). */
static int insert_statement(db_conn *c, const db_claim *f, const ingest_statement_in *in,
                            long long *id, long long *dup_file, cl_err *err)
{
    const bank_statement *s = in->st;
    char fid[24], ps[11], pe[11], sd[11], m[6][32], diff[32], n[24];
    const char *params[] = {
        db_param_ll(f->file_id, fid), s->issuer, s->account_last4,
        db_param_date(s->period_start, ps), db_param_date(s->period_end, pe), db_param_date(s->statement_date, sd),
        s->currency,
        fmt_opt_money(&s->summary.previous_balance, m[0]),
        fmt_opt_money(&s->summary.payments_and_credits, m[1]),
        fmt_opt_money(&s->summary.purchases, m[2]), fmt_opt_money(&s->summary.fees, m[3]),
        fmt_opt_money(&s->summary.interest, m[4]), fmt_opt_money(&s->summary.new_balance, m[5]),
        s->reconciled ? "true" : "false",
        s->reconcile_known ? cl_money_format(s->reconcile_difference, diff) : NULL,
        db_param_ll((long long)s->n_txns, n),
        s->is_account ? "account" : "card", s->source[0] ? s->source : "pdf",
    };
    char *v = NULL;
    *id = 0;
    *dup_file = 0;
    static const db_prepared insert = {
        "INSERT INTO raw.statements (source_file_id, issuer, card_last4, period_start, "
        "period_end, statement_date, currency, previous_balance, payments_and_credits, "
        "purchases, fees, interest, new_balance, reconciled, reconcile_difference, "
        "transaction_count, statement_kind, source_kind) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
        "$12, $13, $14, $15, $16, $17, $18) "
        "ON CONFLICT (issuer, card_last4, period_end) DO NOTHING RETURNING id", 18};
    if (db_prep_value(c, &insert, params, &v, err) < 0)
        return -1;
    if (v) {
        *id = strtoll(v, NULL, 10);
        free(v);
        return 0;
    }
    const char *key[] = {s->issuer, s->account_last4, params[4]};
    static const db_prepared dup = {
        "SELECT source_file_id FROM raw.statements "
        "WHERE issuer = $1 AND card_last4 = $2 AND period_end = $3", 3};
    if (db_prep_value(c, &dup, key, &v, err) < 0)
        return -1;
    *dup_file = v ? strtoll(v, NULL, 10) : 0;
    free(v);
    return 0;
}

static int copy_pages(db_conn *c, const db_claim *f, const ingest_statement_in *in, cl_err *err)
{
    if (in->n_pages <= 0)
        return 0;
    if (db_copy_begin(c, "COPY raw.pages (source_file_id, page_no, layout_text) FROM STDIN", err) < 0)
        return -1;
    char fid[24], pno[24];
    db_param_ll(f->file_id, fid);
    for (int i = 0; i < in->n_pages; i++) {
        const char *row[] = {fid, db_param_ll(i + 1, pno), in->page_text[i] ? in->page_text[i] : ""};
        if (db_copy_row(c, 3, row, err) < 0) {
            db_copy_abort(c, "client error");
            return -1;
        }
    }
    return db_copy_end(c, err) < 0 ? -1 : 0;
}

static const char *txn_currency(const bank_txn *t, const bank_statement *s)
{
    return currency_ok(t->currency) ? t->currency : s->currency;
}

/* A parsed row always has its kind; a sign-only guess for any other. */
static const char *txn_kind(const bank_txn *t)
{
    return t->kind != BANK_KIND_UNSET ? bank_kind_name(t->kind) : t->amount > 0 ? "refund" : "purchase";
}

static int copy_stage(db_conn *c, const ingest_statement_in *in, cl_err *err)
{
    if (db_copy_begin(c,
                      "COPY ingest_stage (seq, page_no, line_no, raw_date, raw_description, raw_amount, "
                      "transaction_date, posting_date, description, merchant, amount, currency, "
                      "foreign_amount, foreign_currency, fingerprint, kind) FROM STDIN",
                      err) < 0)
        return -1;
    for (size_t i = 0; i < in->n_rows; i++) {
        const ingest_txn_row *r = &in->rows[i];
        const bank_txn *t = r->txn;
        bool fx = t->has_foreign && currency_ok(t->foreign_currency);
        char seq[24], page[24], line[24], td[11], pd[11], amt[32], famt[32];
        const char *row[] = {
            db_param_ll(r->seq, seq), db_param_ll(t->page > 0 ? t->page : 1, page),
            db_param_ll(t->line > 0 ? t->line : 1, line), t->raw_date, t->raw_description, t->raw_amount,
            db_param_date(t->date, td), db_param_date(r->posting_date, pd),
            t->description ? t->description : "", r->merchant,
            cl_money_format(t->amount, amt), txn_currency(t, in->st),
            fx ? cl_money_format(t->foreign_amount, famt) : NULL, fx ? t->foreign_currency : NULL,
            r->fingerprint, txn_kind(t),
        };
        if (db_copy_row(c, 16, row, err) < 0) {
            db_copy_abort(c, "client error");
            return -1;
        }
    }
    return db_copy_end(c, err) < 0 ? -1 : 0;
}

/* The summary tables (0002, 0004) get the rows this statement inserted,
 * in the same statement as the insert (RETURNING): each file's commit
 * keeps them exact. Rows go in key order, tables in a fixed order,
 * so concurrent files wait for each other instead of deadlocking. The
 * aggregates match analytics.refresh_summaries(). Merchants are looked up
 * row by row (LATERAL ... LIMIT 1, an index probe each): a plain join
 * hashed the whole merchants table for every file, a cost that grew with
 * every merchant ever seen (1.3 ms a file at 2,700 merchants). */
#define SUM_COLS "count(*), coalesce(-sum(amount) FILTER (WHERE amount < 0), 0), " \
                 "coalesce(sum(amount) FILTER (WHERE amount > 0), 0), sum(amount)"
#define SUM_SET "DO UPDATE SET txn_count = t.txn_count + EXCLUDED.txn_count, " \
                "spend = t.spend + EXCLUDED.spend, credits = t.credits + EXCLUDED.credits, " \
                "net = t.net + EXCLUDED.net"

static const char insert_rows_sql[] =
    "WITH ins AS ("
    " INSERT INTO analytics.transactions (card_id, statement_id, line_seq, transaction_date,"
    "  posting_date, description, merchant_id, category_id, amount, currency, foreign_amount,"
    "  foreign_currency, fingerprint, kind)"
    " SELECT $1, $2, s.seq, s.transaction_date, s.posting_date, s.description, m.id,"
    "  analytics.transaction_category(s.fingerprint, s.posting_date, s.kind, m.category_id),"
    "  s.amount, s.currency, s.foreign_amount, s.foreign_currency, s.fingerprint, s.kind"
    " FROM ingest_stage s LEFT JOIN LATERAL (SELECT x.id, x.category_id FROM analytics.merchants x"
    "  WHERE x.name = s.merchant LIMIT 1) m ON true"
    " WHERE NOT s.matched"
    " ORDER BY s.posting_date, s.fingerprint"
    " ON CONFLICT (fingerprint, posting_date) DO NOTHING"
    " RETURNING posting_date, card_id, category_id, merchant_id, kind, currency, amount),"
    "lines AS ("
    " INSERT INTO raw.transaction_lines (statement_id, seq, page_no, line_no, raw_date,"
    "  raw_description, raw_amount)"
    " SELECT $2, seq, page_no, line_no, raw_date, raw_description, raw_amount FROM ingest_stage),"
    "mc AS ("
    " INSERT INTO analytics.spend_by_month_card_category AS t (month, card_id, category_id,"
    "  kind, currency, txn_count, spend, credits, net)"
    " SELECT date_trunc('month', posting_date)::date, card_id, category_id, kind, currency, " SUM_COLS
    " FROM ins GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5"
    " ON CONFLICT (month, card_id, category_id, kind, currency) " SUM_SET "),"
    "mm AS ("
    " INSERT INTO analytics.spend_by_month_merchant AS t (month, card_id, merchant_id, category_id,"
    "  kind, currency, txn_count, spend, credits, net)"
    " SELECT date_trunc('month', posting_date)::date, card_id, merchant_id, category_id, kind, currency, "
    SUM_COLS " FROM ins GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6"
    " ON CONFLICT (month, card_id, merchant_id, category_id, kind, currency) " SUM_SET ")"
    "SELECT count(*) FROM ins";

/* The staging table lives as long as the session; emptied by DELETE (a
 * TRUNCATE, or ON COMMIT DELETE ROWS, makes new files at every commit)
 * and vacuumed now and then by ingest_stage_vacuum(). One round trip with
 * the lock every file takes first (see ingest_store_statement). */
static const char begin_sql[] =
    "LOCK TABLE analytics.transactions IN ROW EXCLUSIVE MODE;"
    "CREATE TEMP TABLE IF NOT EXISTS ingest_stage (seq integer, page_no integer, line_no integer,"
    " raw_date text, raw_description text, raw_amount text, transaction_date date,"
    " posting_date date, description text, merchant text, amount numeric(14,2), currency text,"
    " foreign_amount numeric(14,2), foreign_currency text, fingerprint text, kind text,"
    " matched boolean NOT NULL DEFAULT false);"
    "DELETE FROM ingest_stage";

/* Overlap between sources (a month from its PDF and from its CSV or OFX
 * download): a row is already there when the same card has a row of
 * another source family (statements: pdf/pages; each download kind its
 * own) on the same posting date with the same amount and currency. Rows
 * pair one-to-one: the k-th such row of this file (in description order,
 * so similar descriptions pair first) with the k-th row there, so two
 * identical purchases stay two, and rows of one source never merge with
 * each other. A matched row keeps its raw line; the analytics row stays
 * the one first seen, whose statement names its source. */
static const char match_sql[] =
    "WITH st AS (SELECT seq, posting_date, amount, currency, row_number() OVER"
    "  (PARTITION BY posting_date, amount, currency ORDER BY description, seq) AS k FROM ingest_stage),"
    " ex AS (SELECT t.posting_date, t.amount, t.currency, row_number() OVER"
    "  (PARTITION BY t.posting_date, t.amount, t.currency ORDER BY t.description, t.id) AS k"
    "  FROM analytics.transactions t JOIN raw.statements r ON r.id = t.statement_id"
    "  WHERE t.card_id = $1 AND t.posting_date BETWEEN (SELECT min(posting_date) FROM ingest_stage)"
    "   AND (SELECT max(posting_date) FROM ingest_stage)"
    "   AND (CASE WHEN r.source_kind IN ('pdf', 'pages') THEN 'pdf' ELSE r.source_kind END) <>"
    "       (CASE WHEN $2 IN ('pdf', 'pages') THEN 'pdf' ELSE $2 END))"
    "UPDATE ingest_stage s SET matched = true FROM st JOIN ex USING (posting_date, amount, currency, k)"
    " WHERE s.seq = st.seq";

static int store_rows(db_conn *c, long long statement_id, long long card, const ingest_statement_in *in,
                      ingest_store_result *res, cl_err *err)
{
    char sid[24], cid[24];
    const char *p[] = {db_param_ll(card, cid), db_param_ll(statement_id, sid)};
    if (copy_stage(c, in, err) < 0)
        return -1;
    static const db_prepared match = {match_sql, 2};
    const char *mp[] = {p[0], in->st->source[0] ? in->st->source : "pdf"};
    if (db_prep_exec(c, &match, mp, err) < 0)
        return -1;
    /* Merchants in name order (every worker the same order: no deadlock);
     * a new merchant takes its category from the keyword rules. They must
     * be visible to the insert below: a statement of their own. The scalar
     * subquery keeps the existence check an index probe per name (an
     * anti-join hashed the whole table). */
    static const db_prepared merchants = {
        "INSERT INTO analytics.merchants (name, category_id) "
        "SELECT s.m, analytics.category_for_merchant(s.m) FROM "
        "(SELECT DISTINCT merchant AS m FROM ingest_stage WHERE merchant IS NOT NULL) s "
        "WHERE (SELECT x.id FROM analytics.merchants x WHERE x.name = s.m) IS NULL "
        "ORDER BY s.m ON CONFLICT (name) DO NOTHING", 0};
    if (db_prep_exec(c, &merchants, NULL, err) < 0)
        return -1;
    char *n = NULL;
    static const db_prepared insert_rows = {insert_rows_sql, 2};
    if (db_prep_value(c, &insert_rows, p, &n, err) < 0)
        return -1;
    res->inserted = n ? strtol(n, NULL, 10) : 0;
    res->present = (long)in->n_rows - res->inserted;
    free(n);
    return 0;
}

int ingest_stage_vacuum(db_conn *c, cl_err *err)
{
    char *t = NULL;
    if (db_query_value(c, "SELECT to_regclass('pg_temp.ingest_stage')::text", 0, NULL, &t, err) < 0)
        return -1;
    int rc = t ? (db_exec(c, "VACUUM ingest_stage", 0, NULL, err) < 0 ? -1 : 0) : 0;
    free(t);
    return rc;
}

/* What the schema requires of a statement; a one-line reason otherwise. */
static int check_statement(const db_claim *f, const ingest_statement_in *in, cl_err *err)
{
    const bank_statement *s = in->st;
    const char *l4 = s->account_last4;
    if (strlen(l4) != 4 || strspn(l4, "0123456789") != 4)
        return cl_err_set(err, CL_E_PARSE, "%s: no card number (last 4 digits) found on the statement",
                          f->path);
    if (s->period_start == CL_DATE_NONE || s->period_end == CL_DATE_NONE ||
        s->period_start > s->period_end)
        return cl_err_set(err, CL_E_PARSE, "%s: no statement period found", f->path);
    if (!s->issuer[0])
        return cl_err_set(err, CL_E_PARSE, "%s: no issuer", f->path);
    if (!currency_ok(s->currency))
        return cl_err_set(err, CL_E_PARSE, "%s: no currency found on the statement", f->path);
    for (size_t i = 0; i < in->n_rows; i++)
        if (in->rows[i].posting_date == CL_DATE_NONE)
            return cl_err_set(err, CL_E_PARSE, "%s: page %d line %d: transaction without a date",
                              f->path, in->rows[i].txn->page, in->rows[i].txn->line);
    return 0;
}

int ingest_store_statement(db_conn *c, const db_claim *f, const ingest_statement_in *in,
                       ingest_store_result *res, cl_err *err)
{
    memset(res, 0, sizeof *res);
    if (check_statement(f, in, err) < 0)
        return -1;
    /* Lock order: analytics.transactions before raw.statements, the order
     * ensure_partitions() takes them in, so a partition being created on
     * another session waits for us (or we for it) instead of deadlocking. */
    if (db_exec(c, begin_sql, 0, NULL, err) < 0)
        return -1;
    long long sid, dup;
    if (insert_statement(c, f, in, &sid, &dup, err) < 0)
        return -1;
    if (!sid) {
        res->duplicate = true;
        res->duplicate_of = dup;
        return mark_file(c, f, in, "duplicate", dup, err);
    }
    res->statement_id = sid;
    long long card = card_id(c, in->st->issuer, in->st->account_last4, err);
    if (card < 0 || copy_pages(c, f, in, err) < 0 ||
        (in->n_rows > 0 && store_rows(c, sid, card, in, res, err) < 0))
        return -1;
    return mark_file(c, f, in, "done", 0, err);
}

