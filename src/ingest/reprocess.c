/* reprocess.c - stored statements read again from raw.pages with the current profiles, one transaction each. */
#include "reprocess.h"

#include "bank/bank.h"
#include "bank/registry.h"
#include "common/util.h"
#include "db/queue.h"
#include "normalize.h"
#include "source.h"
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The statement's rows leave both summary tables (the inverse of
 * store.c's insert; the aggregates match analytics.refresh_summaries()),
 * and keys left with no rows go. */
#define DELTA(keys) \
    "WITH d AS (SELECT date_trunc('month', posting_date)::date AS month, " keys ", count(*) AS n, " \
    "coalesce(-sum(amount) FILTER (WHERE amount < 0), 0) AS spend, " \
    "coalesce(sum(amount) FILTER (WHERE amount > 0), 0) AS credits, sum(amount) AS net " \
    "FROM analytics.transactions WHERE statement_id = $1 GROUP BY 1, " keys ") "
static const char sub_cat_sql[] =
    DELTA("card_id, category_id, kind, currency")
    "UPDATE analytics.spend_by_month_card_category t SET txn_count = t.txn_count - d.n, "
    "spend = t.spend - d.spend, credits = t.credits - d.credits, net = t.net - d.net FROM d "
    "WHERE t.month = d.month AND t.card_id = d.card_id AND t.category_id IS NOT DISTINCT FROM d.category_id "
    "AND t.kind = d.kind AND t.currency = d.currency";
static const char sub_merchant_sql[] =
    DELTA("card_id, merchant_id, category_id, kind, currency")
    "UPDATE analytics.spend_by_month_merchant t SET txn_count = t.txn_count - d.n, "
    "spend = t.spend - d.spend, credits = t.credits - d.credits, net = t.net - d.net FROM d "
    "WHERE t.month = d.month AND t.card_id = d.card_id AND t.merchant_id IS NOT DISTINCT FROM d.merchant_id "
    "AND t.category_id IS NOT DISTINCT FROM d.category_id AND t.kind = d.kind AND t.currency = d.currency";

/* Old and new rows matched on posting date and description, in statement order. */
static const char compare_sql[] =
    "WITH o AS (SELECT posting_date, description, amount, row_number() OVER "
    "  (PARTITION BY posting_date, description ORDER BY line_seq, id) AS k FROM reprocess_old), "
    "n AS (SELECT posting_date, description, amount, row_number() OVER "
    "  (PARTITION BY posting_date, description ORDER BY line_seq, id) AS k "
    "  FROM analytics.transactions WHERE statement_id = $1) "
    "SELECT count(*) FILTER (WHERE o.k IS NULL), count(*) FILTER (WHERE n.k IS NULL), "
    "count(*) FILTER (WHERE o.k IS NOT NULL AND n.k IS NOT NULL AND o.amount <> n.amount), "
    "(SELECT count(*) FROM n) "
    "FROM o FULL JOIN n ON o.posting_date = n.posting_date AND o.description = n.description AND o.k = n.k";

typedef struct stmt_ref {
    char id[24], file_id[24], attempts[24];
    char *path, *sha256, *last_run;
    bool reconciled;
    long rows;
} stmt_ref;

static int list_statements(db_conn *c, const ingest_reprocess_opts *o, stmt_ref **out, int *n, cl_err *err)
{
    char since[11];
    const char *p[] = {o->profile, o->since != CL_DATE_NONE ? db_param_date(o->since, since) : NULL};
    db_result *r = db_query(c,
                            "SELECT s.id, s.source_file_id, f.path, f.sha256, s.reconciled, f.attempts, "
                            "f.last_run_id, (SELECT count(*) FROM analytics.transactions t "
                            "WHERE t.statement_id = s.id) "
                            "FROM raw.statements s JOIN raw.source_files f ON f.id = s.source_file_id "
                            "WHERE ($1::text IS NULL OR s.issuer = $1 OR f.profile_id = $1) "
                            "AND ($2::date IS NULL OR s.period_end >= $2::date) "
                            /* only what was read from pages (PDFs, page folders): not imported rows */
                            "AND EXISTS (SELECT 1 FROM raw.pages p WHERE p.source_file_id = s.source_file_id) "
                            "ORDER BY s.id",
                            2, p, err);
    if (!r)
        return -1;
    *n = db_nrows(r);
    *out = xcalloc((size_t)*n + 1, sizeof **out);
    for (int i = 0; i < *n; i++) {
        stmt_ref *s = &(*out)[i];
        snprintf(s->id, sizeof s->id, "%s", db_value(r, i, 0));
        snprintf(s->file_id, sizeof s->file_id, "%s", db_value(r, i, 1));
        s->path = xstrdup(db_value(r, i, 2));
        s->sha256 = xstrdup(db_value(r, i, 3));
        s->reconciled = !strcmp(db_value(r, i, 4), "t");
        snprintf(s->attempts, sizeof s->attempts, "%s", db_value(r, i, 5));
        s->last_run = db_isnull(r, i, 6) ? NULL : xstrdup(db_value(r, i, 6));
        s->rows = strtol(db_value(r, i, 7), NULL, 10);
    }
    db_result_free(r);
    return 0;
}

/* The stored pages as one document, parsed with the current profiles. */
static int parse_stored(db_conn *c, const bank_registry *reg, const stmt_ref *s, const char *profile,
                        bank_statement **st, char ***pages, int *npages, cl_err *err)
{
    const char *p[] = {s->file_id};
    db_result *r = db_query(c, "SELECT layout_text FROM raw.pages WHERE source_file_id = $1 ORDER BY page_no",
                            1, p, err);
    if (!r)
        return -1;
    int n = db_nrows(r);
    *pages = xcalloc((size_t)n + 1, sizeof **pages);
    *npages = n;
    for (int i = 0; i < n; i++)
        (*pages)[i] = xstrdup(db_value(r, i, 0));
    db_result_free(r);
    if (n == 0)
        return cl_err_set(err, CL_E_PARSE, "%s: no stored page text", s->path);
    pdf_text *doc = pdf_text_from_pages(s->path, (const char *const *)*pages, n);
    bank_parse_opts po = {.profile_id = profile};
    int rc = bank_parse_doc(reg, doc, &po, st, err);
    pdf_text_free(doc);
    if (rc < 0)
        return -1;
    (*st)->file = xstrdup(s->path);
    snprintf((*st)->sha256, sizeof (*st)->sha256, "%s", s->sha256);
    return 0;
}

/* Inside the open transaction: replace the statement, compare, report. */
static int replace(db_conn *c, const stmt_ref *s, const ingest_statement_in *in, ingest_reprocess_stmt *rep,
                   cl_err *err)
{
    const char *p[] = {s->id};
    char *key = NULL;
    if (db_query_value(c, "SELECT issuer || ':' || card_last4 || ' ' || period_start || '..' || period_end "
                          "FROM raw.statements WHERE id = $1", 1, p, &key, err) < 0)
        return -1;
    snprintf(rep->old_key, sizeof rep->old_key, "%s", key ? key : "");
    free(key);
    char ps[11], pe[11];
    snprintf(rep->new_key, sizeof rep->new_key, "%s:%s %s..%s", in->st->issuer, in->st->account_last4,
             cl_date_format(in->st->period_start, ps), cl_date_format(in->st->period_end, pe));
    rep->moved = strcmp(rep->old_key, rep->new_key) != 0;
    if (db_exec(c, "LOCK TABLE analytics.transactions IN ROW EXCLUSIVE MODE", 0, NULL, err) < 0 ||
        db_exec(c, "CREATE TEMP TABLE reprocess_old ON COMMIT DROP AS SELECT id, line_seq, posting_date, "
                   "description, amount FROM analytics.transactions WHERE statement_id = $1", 1, p, err) < 0 ||
        db_exec(c, sub_cat_sql, 1, p, err) < 0 || db_exec(c, sub_merchant_sql, 1, p, err) < 0 ||
        db_exec(c, "DELETE FROM analytics.spend_by_month_card_category WHERE txn_count = 0", 0, NULL, err) < 0 ||
        db_exec(c, "DELETE FROM analytics.spend_by_month_merchant WHERE txn_count = 0", 0, NULL, err) < 0 ||
        /* raw lines and analytics rows go with it (ON DELETE CASCADE) */
        db_exec(c, "DELETE FROM raw.statements WHERE id = $1", 1, p, err) < 0)
        return -1;
    const char *fp[] = {s->file_id};
    if (db_exec(c, "DELETE FROM raw.pages WHERE source_file_id = $1", 1, fp, err) < 0)
        return -1;
    db_claim claim = {.file_id = strtoll(s->file_id, NULL, 10), .path = s->path};
    snprintf(claim.sha256, sizeof claim.sha256, "%s", s->sha256);
    ingest_store_result res;
    if (ingest_store_statement(c, &claim, in, &res, err) < 0)
        return -1;
    /* the file was not taken again: keep its attempts and run */
    const char *kp[] = {s->file_id, s->attempts, s->last_run};
    if (db_exec(c, "UPDATE raw.source_files SET attempts = $2::integer, last_run_id = $3::bigint WHERE id = $1",
                3, kp, err) < 0)
        return -1;
    rep->duplicate = res.duplicate;
    rep->new_id = res.statement_id;
    char nid[24];
    const char *np[] = {db_param_ll(res.statement_id, nid)};
    db_result *r = db_query(c, compare_sql, 1, np, err);
    if (!r)
        return -1;
    rep->added = strtol(db_value(r, 0, 0), NULL, 10);
    rep->removed = strtol(db_value(r, 0, 1), NULL, 10);
    rep->amount_changed = strtol(db_value(r, 0, 2), NULL, 10);
    rep->rows_after = strtol(db_value(r, 0, 3), NULL, 10);
    db_result_free(r);
    rep->reconciled = !res.duplicate && in->st->reconciled;
    return 0;
}

static void count(ingest_reprocess_totals *t, const ingest_reprocess_stmt *r)
{
    t->statements++;
    if (r->error) {
        t->failed++;
        return;
    }
    t->added += r->added;
    t->removed += r->removed;
    t->amount_changed += r->amount_changed;
    t->newly_reconciled += !r->was_reconciled && r->reconciled;
    t->no_longer_reconciled += r->was_reconciled && !r->reconciled;
    t->changed += r->added || r->removed || r->amount_changed || r->was_reconciled != r->reconciled ||
                  r->duplicate || r->moved;
}

static int one(db_conn *c, const bank_registry *reg, const ingest_reprocess_opts *o, const stmt_ref *s,
               ingest_reprocess_fn fn, void *ud, ingest_reprocess_totals *tot, cl_err *err)
{
    ingest_reprocess_stmt rep = {.old_id = strtoll(s->id, NULL, 10), .path = s->path,
                                 .rows_before = s->rows, .was_reconciled = s->reconciled};
    bank_statement *st = NULL;
    char **pages = NULL;
    int npages = 0, rc = 0;
    cl_err perr = {0};
    if (parse_stored(c, reg, s, o->profile, &st, &pages, &npages, &perr) < 0) {
        if (perr.code == CL_E_DB) {
            *err = perr;
            rc = -1;
        } else {
            rep.error = perr.msg;
        }
    } else {
        ingest_complete_statement(st);
        ingest_rows rows;
        ingest_rows_build(st, &rows);
        rep.profile = st->issuer;
        ingest_statement_in in = {
            .st = st, .page_text = (const char *const *)pages, .n_pages = npages, .rows = rows.rows,
            .n_rows = rows.n, .parser_version = ingest_parser_version(),
        };
        cl_err serr = {0};
        if (rows.n && db_ensure_partitions(c, rows.min_posting, rows.max_posting, &serr) < 0) {
            rc = -1;
        } else if (db_begin(c, &serr) < 0) {
            rc = -1;
        } else if (replace(c, s, &in, &rep, &serr) < 0) {
            db_rollback(c);
            rc = -1;
        } else if (o->dry_run) {
            db_rollback(c);
        } else if (db_commit(c, &serr) < 0) {
            rc = -1;
        }
        if (rc < 0 && serr.code != CL_E_DB) {
            /* this statement's problem (e.g. no card number now): left as it was */
            rc = 0;
            snprintf(perr.msg, sizeof perr.msg, "%s", serr.msg);
            rep.error = perr.msg;
        } else if (rc < 0) {
            *err = serr;
        }
        ingest_rows_free(&rows);
    }
    if (rc == 0) {
        count(tot, &rep);
        if (fn)
            fn(&rep, ud);
    }
    bank_statement_free(st);
    for (int i = 0; i < npages; i++)
        free(pages[i]);
    free(pages);
    return rc;
}

int ingest_reprocess(db_conn *c, const ingest_reprocess_opts *o, ingest_reprocess_fn fn, void *ud,
                     ingest_reprocess_totals *tot, cl_err *err)
{
    memset(tot, 0, sizeof *tot);
    bank_registry *reg;
    if (bank_registry_load(NULL, &reg, err) < 0)
        return -1;
    if (o->profile && !bank_registry_find(reg, o->profile)) {
        bank_registry_free(reg);
        return cl_err_set(err, CL_E_USAGE, "profile '%s': no such profile (cardledger profiles lists them)",
                          o->profile);
    }
    stmt_ref *list;
    int n;
    if (list_statements(c, o, &list, &n, err) < 0) {
        bank_registry_free(reg);
        return -1;
    }
    int rc = 0;
    for (int i = 0; i < n && rc == 0; i++)
        rc = one(c, reg, o, &list[i], fn, ud, tot, err);
    for (int i = 0; i < n; i++) {
        free(list[i].path);
        free(list[i].sha256);
        free(list[i].last_run);
    }
    free(list);
    bank_registry_free(reg);
    return rc;
}
