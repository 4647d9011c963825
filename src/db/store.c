/* store.c - the SQL of bulk ingest: runs, registration, the work queue and
 * storing one statement inside the transaction that claimed its file. */
#include "store.h"

#include "common/log.h"
#include "common/sbuf.h"
#include "common/util.h"
#include "db_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void db_conn_abandon(db_conn *c)
{
    if (!c)
        return;
    /* Closing the socket first makes PQfinish's goodbye message fail
     * locally instead of ending the parent's session. */
    int fd = PQsocket(c->pg);
    if (fd >= 0)
        close(fd);
    c->in_copy = false;
    db_close(c);
}

/* ---- small formatting helpers ------------------------------------------ */

static const char *fmt_ll(long long v, char out[24])
{
    snprintf(out, 24, "%lld", v);
    return out;
}

static const char *fmt_date(cl_date d, char out[11])
{
    return d == CL_DATE_NONE ? NULL : cl_date_format(d, out);
}

static const char *fmt_opt_money(const bank_opt_money *m, char out[32])
{
    return m->present ? cl_money_format(m->value, out) : NULL;
}

static bool currency_ok(const char *c)
{
    return c && strlen(c) == 3 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' &&
           c[2] >= 'A' && c[2] <= 'Z';
}

/* ---- prepared statements ------------------------------------------------------
 * The statements run for every file are parsed and planned once per session
 * (measured: planning the row insert alone took 1.5 ms a file). A small
 * table remembers which sessions prepared which; a session is its
 * connection and backend pid, so a reconnect prepares again. */

enum { P_CLAIM, P_CARD, P_CARD_INSERT, P_STATEMENT, P_STATEMENT_DUP, P_MERCHANTS, P_ROWS,
       P_MARK, P_N };

#define PREP_SLOTS 8

typedef struct prep_slot {
    const db_conn *c;
    int pid;
    unsigned done;              /* bit per statement id */
} prep_slot;

static prep_slot g_prep[PREP_SLOTS];
static unsigned g_prep_tick;

static prep_slot *prep_slot_for(db_conn *c)
{
    int pid = PQbackendPID(c->pg);
    for (int i = 0; i < PREP_SLOTS; i++)
        if (g_prep[i].c == c && g_prep[i].pid == pid)
            return &g_prep[i];
    prep_slot *s = &g_prep[g_prep_tick++ % PREP_SLOTS];
    *s = (prep_slot){c, pid, 0};
    return s;
}

/* Run statement id (text sql, n parameters) prepared; the result is the
 * caller's (db_result_free). NULL with err set on failure. */
static db_result *pq(db_conn *c, int id, const char *sql, int n, const char *const *params,
                     cl_err *err)
{
    if (c->in_copy) {
        cl_err_set(err, CL_E_FAILED, "database %s: a COPY is in progress", c->dsn_redacted);
        return NULL;
    }
    char name[24];
    snprintf(name, sizeof name, "cl_store_%d", id);
    prep_slot *slot = prep_slot_for(c);
    if (!(slot->done & (1u << id))) {
        PGresult *r = PQprepare(c->pg, name, sql, n, NULL);
        if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) {
            db_fail(c, r, CL_E_FAILED, sql, err);
            PQclear(r);
            return NULL;
        }
        PQclear(r);
        slot->done |= 1u << id;
    }
    PGresult *r = PQexecPrepared(c->pg, name, n, params, NULL, NULL, 0);
    ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        db_fail(c, r, CL_E_FAILED, sql, err);
        PQclear(r);
        return NULL;
    }
    c->sqlstate[0] = '\0';
    db_result *res = xmalloc(sizeof *res);
    res->res = r;
    return res;
}

/* Prepared, first column of the first row as a malloc'd string (or NULL). */
static int pq_value(db_conn *c, int id, const char *sql, int n, const char *const *params,
                    char **out, cl_err *err)
{
    *out = NULL;
    db_result *r = pq(c, id, sql, n, params, err);
    if (!r)
        return -1;
    const char *v = db_nrows(r) > 0 ? db_value(r, 0, 0) : NULL;
    if (v)
        *out = xstrdup(v);
    db_result_free(r);
    return 0;
}

/* Prepared, rows affected (or -1). */
static long pq_exec(db_conn *c, int id, const char *sql, int n, const char *const *params,
                    cl_err *err)
{
    db_result *r = pq(c, id, sql, n, params, err);
    if (!r)
        return -1;
    const char *t = PQcmdTuples(r->res);
    long rows = *t ? strtol(t, NULL, 10) : 0;
    db_result_free(r);
    return rows;
}

/* ---- runs ----------------------------------------------------------------- */

int db_run_start(db_conn *c, const char *host, int pid, int workers, const char *version,
                 const char *paths, long long *run_id, cl_err *err)
{
    char p[24], w[24];
    const char *params[] = {host, fmt_ll(pid, p), fmt_ll(workers, w), version, paths};
    char *id = NULL;
    if (db_query_value(c,
                       "INSERT INTO raw.ingest_runs (host, pid, workers, cardledger_version, paths) "
                       "VALUES ($1, $2, $3, $4, $5) RETURNING id",
                       5, params, &id, err) < 0)
        return -1;
    *run_id = id ? strtoll(id, NULL, 10) : 0;
    free(id);
    return 0;
}

int db_run_finish(db_conn *c, long long run_id, const char *status, const db_run_stats *st,
                  const char *error, cl_err *err)
{
    char b[16][24];
    const char *params[] = {
        fmt_ll(run_id, b[0]), status,
        fmt_ll(st->files_found, b[1]), fmt_ll(st->files_new, b[2]),
        fmt_ll(st->files_known, b[3]), fmt_ll(st->files_skipped, b[4]),
        fmt_ll(st->files_stored, b[5]), fmt_ll(st->files_duplicate, b[6]),
        fmt_ll(st->files_failed, b[7]), fmt_ll(st->txns_inserted, b[8]),
        fmt_ll(st->txns_present, b[9]), fmt_ll(st->unreconciled, b[10]),
        st->elapsed_ms >= 0 ? fmt_ll(st->elapsed_ms, b[11]) : NULL,
        error,
    };
    return db_exec(c,
                   "UPDATE raw.ingest_runs SET finished_at = now(), status = $2, files_found = $3, "
                   "files_new = $4, files_known = $5, files_skipped = $6, files_stored = $7, "
                   "files_duplicate = $8, files_failed = $9, txns_inserted = $10, "
                   "txns_present = $11, unreconciled = $12, elapsed_ms = $13, error = $14 "
                   "WHERE id = $1",
                   14, params, err) < 0
               ? -1
               : 0;
}

/* ---- registering files ------------------------------------------------------ */

static int count_query(db_conn *c, const char *sql, long *out, cl_err *err)
{
    char *v = NULL;
    if (db_query_value(c, sql, 0, NULL, &v, err) < 0)
        return -1;
    *out = v ? strtol(v, NULL, 10) : 0;
    free(v);
    return 0;
}

static int copy_entries(db_conn *c, const db_file_entry *files, int n, cl_err *err)
{
    if (db_copy_begin(c, "COPY ingest_reg (sha256, path, size_bytes, mtime_epoch) FROM STDIN",
                      err) < 0)
        return -1;
    for (int i = 0; i < n; i++) {
        char sz[24], mt[24];
        const char *row[] = {files[i].sha256, files[i].path, fmt_ll(files[i].size, sz),
                             files[i].mtime >= 0 ? fmt_ll(files[i].mtime, mt) : NULL};
        if (db_copy_row(c, 4, row, err) < 0) {
            db_copy_abort(c, "client error");
            return -1;
        }
    }
    return db_copy_end(c, err) < 0 ? -1 : 0;
}

int db_register_files(db_conn *c, const db_file_entry *files, int n, db_register_counts *out,
                      cl_err *err)
{
    if (n <= 0)
        return 0;
    long added = 0, failed = 0;
    /* Rows in the same (sha256) order in every process, so two registering
     * ingests wait for each other instead of deadlocking. */
    if (db_exec(c,
                "CREATE TEMP TABLE IF NOT EXISTS ingest_reg (sha256 text, path text, "
                "size_bytes bigint, mtime_epoch bigint) ON COMMIT DELETE ROWS",
                0, NULL, err) < 0 ||
        db_begin(c, err) < 0)
        return -1;
    if (copy_entries(c, files, n, err) < 0 ||
        count_query(c,
                    "WITH ins AS (INSERT INTO raw.source_files (sha256, path, size_bytes, mtime) "
                    "SELECT DISTINCT ON (sha256) sha256, path, size_bytes, to_timestamp(mtime_epoch) "
                    "FROM ingest_reg ORDER BY sha256, path "
                    "ON CONFLICT (sha256) DO NOTHING RETURNING 1) SELECT count(*) FROM ins",
                    &added, err) < 0 ||
        count_query(c,
                    "SELECT count(*) FROM ingest_reg r JOIN raw.source_files f USING (sha256) "
                    "WHERE f.status = 'failed'",
                    &failed, err) < 0 ||
        db_exec(c,
                "INSERT INTO raw.source_file_paths (source_file_id, path) "
                "SELECT DISTINCT f.id, r.path FROM ingest_reg r JOIN raw.source_files f USING (sha256) "
                "ORDER BY 1, 2 ON CONFLICT DO NOTHING",
                0, NULL, err) < 0 ||
        db_commit(c, err) < 0) {
        db_rollback(c);
        return -1;
    }
    out->new_files += added;
    out->known += n - added;
    out->known_failed += failed;
    return 0;
}

int db_lookup_files(db_conn *c, const db_file_entry *files, int n, bool *known, cl_err *err)
{
    for (int i = 0; i < n; i++)
        known[i] = false;
    char *exists = NULL;
    if (db_query_value(c, "SELECT to_regclass('raw.source_files')::text", 0, NULL, &exists, err) < 0)
        return -1;
    if (!exists)
        return 0;
    free(exists);
    sbuf arr = {0};
    sbuf_putc(&arr, '{');
    for (int i = 0; i < n; i++) {
        if (i)
            sbuf_putc(&arr, ',');
        sbuf_puts(&arr, files[i].sha256);     /* hex digits: no quoting needed */
    }
    sbuf_putc(&arr, '}');
    const char *params[] = {sbuf_str(&arr)};
    db_result *r = db_query(c, "SELECT sha256 FROM raw.source_files WHERE sha256 = ANY ($1::text[])",
                            1, params, err);
    sbuf_free(&arr);
    if (!r)
        return -1;
    for (int row = 0; row < db_nrows(r); row++) {
        const char *h = db_value(r, row, 0);
        for (int i = 0; i < n; i++)
            if (h && strcmp(h, files[i].sha256) == 0)
                known[i] = true;
    }
    db_result_free(r);
    return 0;
}

int db_requeue_failed(db_conn *c, long *n, cl_err *err)
{
    long rows = db_exec(c, "UPDATE raw.source_files SET status = 'pending' WHERE status = 'failed'",
                        0, NULL, err);
    if (rows < 0)
        return -1;
    *n = rows;
    return 0;
}

int db_count_pending(db_conn *c, long *n, cl_err *err)
{
    return count_query(c, "SELECT count(*) FROM raw.source_files WHERE status = 'pending'", n, err);
}

/* ---- the queue ------------------------------------------------------------------ */

void db_claim_clear(db_claim *f)
{
    free(f->path);
    memset(f, 0, sizeof *f);
}

int db_claim_next(db_conn *c, db_claim *f, cl_err *err)
{
    memset(f, 0, sizeof *f);
    if (db_begin(c, err) < 0)
        return -1;
    db_result *r = pq(c, P_CLAIM,
                      "SELECT id, sha256, path, attempts FROM raw.source_files "
                      "WHERE status = 'pending' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED",
                      0, NULL, err);
    if (!r) {
        db_rollback(c);
        return -1;
    }
    if (db_nrows(r) == 0) {
        db_result_free(r);
        db_rollback(c);
        return 0;
    }
    f->file_id = strtoll(db_value(r, 0, 0), NULL, 10);
    snprintf(f->sha256, sizeof f->sha256, "%s", db_value(r, 0, 1));
    f->path = xstrdup(db_value(r, 0, 2));
    f->attempts = (int)strtol(db_value(r, 0, 3), NULL, 10);
    db_result_free(r);
    if (db_exec(c, "SAVEPOINT claimed", 0, NULL, err) < 0) {
        db_rollback(c);
        db_claim_clear(f);
        return -1;
    }
    return 1;
}

int db_claim_fail(db_conn *c, const db_claim *f, long long run_id, const char *reason, cl_err *err)
{
    if (c->in_copy)
        db_copy_abort(c, "file failed");
    char id[24], run[24];
    const char *params[] = {fmt_ll(f->file_id, id), reason, run_id > 0 ? fmt_ll(run_id, run) : NULL};
    if (db_exec(c, "ROLLBACK TO SAVEPOINT claimed", 0, NULL, err) < 0 ||
        db_exec(c,
                "UPDATE raw.source_files SET status = 'failed', attempts = attempts + 1, "
                "last_error = $2, processed_at = now(), last_run_id = $3 WHERE id = $1",
                3, params, err) < 0 ||
        db_commit(c, err) < 0) {
        db_rollback(c);
        return -1;
    }
    return 0;
}

void db_claim_release(db_conn *c)
{
    db_rollback(c);
}

int db_claim_finish(db_conn *c, cl_err *err)
{
    if (db_commit(c, err) < 0) {
        db_rollback(c);
        return -1;
    }
    return 0;
}

/* ---- storing a statement --------------------------------------------------------- */

/* The card's id, inserting it when new. ON CONFLICT DO NOTHING waits for a
 * concurrent inserter; the SELECT after it (a new snapshot) then sees it. */
static long long card_id(db_conn *c, const char *issuer, const char *last4, cl_err *err)
{
    const char *params[] = {issuer, last4};
    static const char sel[] = "SELECT id FROM analytics.cards WHERE issuer = $1 AND card_last4 = $2";
    for (int attempt = 0; attempt < 2; attempt++) {
        char *id = NULL;
        if (pq_value(c, P_CARD, sel, 2, params, &id, err) < 0)
            return -1;
        if (!id && pq_value(c, P_CARD_INSERT,
                            "INSERT INTO analytics.cards (issuer, card_last4) VALUES ($1, $2) "
                            "ON CONFLICT DO NOTHING RETURNING id",
                            2, params, &id, err) < 0)
            return -1;
        if (id) {
            long long v = strtoll(id, NULL, 10);
            free(id);
            return v;
        }
    }
    return cl_err_set(err, CL_E_FAILED, "card %s/%s: cannot insert or find it", issuer, last4);
}

static int mark_file(db_conn *c, const db_claim *f, const db_statement_in *in, const char *status,
                     long long duplicate_of, cl_err *err)
{
    char id[24], dup[24], pages[24], run[24];
    const char *params[] = {
        fmt_ll(f->file_id, id), status, duplicate_of > 0 ? fmt_ll(duplicate_of, dup) : NULL,
        in->parser_version, in->st->issuer, fmt_ll(in->st->pages, pages),
        in->run_id > 0 ? fmt_ll(in->run_id, run) : NULL,
    };
    return pq_exec(c, P_MARK,
                   "UPDATE raw.source_files SET status = $2, duplicate_of = $3, "
                   "attempts = attempts + 1, last_error = NULL, processed_at = now(), "
                   "parser_version = $4, profile_id = $5, pages = $6, last_run_id = $7 "
                   "WHERE id = $1",
                   7, params, err) < 0
               ? -1
               : 0;
}

/* Insert the raw.statements row; 0 with *id = 0 when the same issuer, card
 * and period end is there already (*dup_file = the file it came from). */
static int insert_statement(db_conn *c, const db_claim *f, const db_statement_in *in,
                            long long *id, long long *dup_file, cl_err *err)
{
    const bank_statement *s = in->st;
    char fid[24], ps[11], pe[11], sd[11], m[6][32], diff[32], n[24];
    const char *params[] = {
        fmt_ll(f->file_id, fid), s->issuer, s->account_last4,
        fmt_date(s->period_start, ps), fmt_date(s->period_end, pe), fmt_date(s->statement_date, sd),
        s->currency,
        fmt_opt_money(&s->summary.previous_balance, m[0]),
        fmt_opt_money(&s->summary.payments_and_credits, m[1]),
        fmt_opt_money(&s->summary.purchases, m[2]), fmt_opt_money(&s->summary.fees, m[3]),
        fmt_opt_money(&s->summary.interest, m[4]), fmt_opt_money(&s->summary.new_balance, m[5]),
        s->reconciled ? "true" : "false",
        s->reconcile_known ? cl_money_format(s->reconcile_difference, diff) : NULL,
        fmt_ll((long long)s->n_txns, n),
        s->is_account ? "account" : "card",
    };
    char *v = NULL;
    *id = 0;
    *dup_file = 0;
    if (pq_value(c, P_STATEMENT,
                       "INSERT INTO raw.statements (source_file_id, issuer, card_last4, period_start, "
                       "period_end, statement_date, currency, previous_balance, payments_and_credits, "
                       "purchases, fees, interest, new_balance, reconciled, reconcile_difference, "
                       "transaction_count, statement_kind) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                       "$10, $11, $12, $13, $14, $15, $16, $17) "
                       "ON CONFLICT (issuer, card_last4, period_end) DO NOTHING RETURNING id",
                       17, params, &v, err) < 0)
        return -1;
    if (v) {
        *id = strtoll(v, NULL, 10);
        free(v);
        return 0;
    }
    const char *key[] = {s->issuer, s->account_last4, params[4]};
    if (pq_value(c, P_STATEMENT_DUP,
                       "SELECT source_file_id FROM raw.statements "
                       "WHERE issuer = $1 AND card_last4 = $2 AND period_end = $3",
                       3, key, &v, err) < 0)
        return -1;
    *dup_file = v ? strtoll(v, NULL, 10) : 0;
    free(v);
    return 0;
}

static int copy_pages(db_conn *c, const db_claim *f, const db_statement_in *in, cl_err *err)
{
    if (in->n_pages <= 0)
        return 0;
    if (db_copy_begin(c, "COPY raw.pages (source_file_id, page_no, layout_text) FROM STDIN", err) < 0)
        return -1;
    char fid[24], pno[24];
    fmt_ll(f->file_id, fid);
    for (int i = 0; i < in->n_pages; i++) {
        const char *row[] = {fid, fmt_ll(i + 1, pno), in->page_text[i] ? in->page_text[i] : ""};
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

static int copy_stage(db_conn *c, const db_statement_in *in, cl_err *err)
{
    if (db_copy_begin(c,
                      "COPY ingest_stage (seq, page_no, line_no, raw_date, raw_description, raw_amount, "
                      "transaction_date, posting_date, description, merchant, amount, currency, "
                      "foreign_amount, foreign_currency, fingerprint, kind) FROM STDIN",
                      err) < 0)
        return -1;
    for (size_t i = 0; i < in->n_rows; i++) {
        const db_txn_row *r = &in->rows[i];
        const bank_txn *t = r->txn;
        bool fx = t->has_foreign && currency_ok(t->foreign_currency);
        char seq[24], page[24], line[24], td[11], pd[11], amt[32], famt[32];
        const char *row[] = {
            fmt_ll(r->seq, seq), fmt_ll(t->page > 0 ? t->page : 1, page),
            fmt_ll(t->line > 0 ? t->line : 1, line), t->raw_date, t->raw_description, t->raw_amount,
            fmt_date(t->date, td), fmt_date(r->posting_date, pd),
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
    " SELECT $1, $2, s.seq, s.transaction_date, s.posting_date, s.description, m.id, m.category_id,"
    "  s.amount, s.currency, s.foreign_amount, s.foreign_currency, s.fingerprint, s.kind"
    " FROM ingest_stage s LEFT JOIN LATERAL (SELECT x.id, x.category_id FROM analytics.merchants x"
    "  WHERE x.name = s.merchant LIMIT 1) m ON true"
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
 * and vacuumed now and then by db_stage_vacuum(). */
static const char stage_sql[] =
    "CREATE TEMP TABLE IF NOT EXISTS ingest_stage (seq integer, page_no integer, line_no integer,"
    " raw_date text, raw_description text, raw_amount text, transaction_date date,"
    " posting_date date, description text, merchant text, amount numeric(14,2), currency text,"
    " foreign_amount numeric(14,2), foreign_currency text, fingerprint text, kind text);"
    "DELETE FROM ingest_stage";

static int store_rows(db_conn *c, long long statement_id, long long card, const db_statement_in *in,
                      db_store_result *res, cl_err *err)
{
    char sid[24], cid[24];
    const char *p[] = {fmt_ll(card, cid), fmt_ll(statement_id, sid)};
    if (db_exec(c, stage_sql, 0, NULL, err) < 0 || copy_stage(c, in, err) < 0)
        return -1;
    /* Merchants in name order (every worker the same order: no deadlock);
     * a new merchant takes its category from the keyword rules. They must
     * be visible to the insert below: a statement of their own. The scalar
     * subquery keeps the existence check an index probe per name (an
     * anti-join hashed the whole table). */
    if (pq_exec(c, P_MERCHANTS,
                "INSERT INTO analytics.merchants (name, category_id) "
                "SELECT s.m, analytics.category_for_merchant(s.m) FROM "
                "(SELECT DISTINCT merchant AS m FROM ingest_stage WHERE merchant IS NOT NULL) s "
                "WHERE (SELECT x.id FROM analytics.merchants x WHERE x.name = s.m) IS NULL "
                "ORDER BY s.m ON CONFLICT (name) DO NOTHING",
                0, NULL, err) < 0)
        return -1;
    char *n = NULL;
    if (pq_value(c, P_ROWS, insert_rows_sql, 2, p, &n, err) < 0)
        return -1;
    res->inserted = n ? strtol(n, NULL, 10) : 0;
    res->present = (long)in->n_rows - res->inserted;
    free(n);
    return 0;
}

int db_stage_vacuum(db_conn *c, cl_err *err)
{
    char *t = NULL;
    if (db_query_value(c, "SELECT to_regclass('pg_temp.ingest_stage')::text", 0, NULL, &t, err) < 0)
        return -1;
    int rc = t ? (db_exec(c, "VACUUM ingest_stage", 0, NULL, err) < 0 ? -1 : 0) : 0;
    free(t);
    return rc;
}

/* What the schema requires of a statement; a one-line reason otherwise. */
static int check_statement(const db_claim *f, const db_statement_in *in, cl_err *err)
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

int db_store_statement(db_conn *c, const db_claim *f, const db_statement_in *in,
                       db_store_result *res, cl_err *err)
{
    memset(res, 0, sizeof *res);
    if (check_statement(f, in, err) < 0)
        return -1;
    /* Lock order: analytics.transactions before raw.statements, the order
     * ensure_partitions() takes them in, so a partition being created on
     * another session waits for us (or we for it) instead of deadlocking. */
    if (db_exec(c, "LOCK TABLE analytics.transactions IN ROW EXCLUSIVE MODE", 0, NULL, err) < 0)
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

int db_ensure_partitions(db_conn *c, cl_date from, cl_date to, cl_err *err)
{
    char a[11], b[11];
    const char *params[] = {fmt_date(from, a), fmt_date(to, b)};
    /* The table lock first: it queues partition makers one after the other
     * and, being a relation lock, makes this session see the partitions the
     * one before it made (its advisory lock alone does not: two workers then
     * both tried to create the same year, "already exists"). */
    if (db_begin(c, err) < 0)
        return -1;
    if (db_exec(c, "LOCK TABLE analytics.transactions IN SHARE ROW EXCLUSIVE MODE", 0, NULL, err) < 0 ||
        db_exec(c, "SELECT analytics.ensure_partitions($1::date, $2::date)", 2, params, err) < 0 ||
        db_commit(c, err) < 0) {
        db_rollback(c);
        return -1;
    }
    return 0;
}

int db_mark_file_failed(db_conn *c, long long file_id, long long run_id, const char *reason,
                        bool final, cl_err *err)
{
    char id[24], run[24];
    const char *params[] = {fmt_ll(file_id, id), reason, run_id > 0 ? fmt_ll(run_id, run) : NULL,
                            final ? "failed" : "pending"};
    if (db_begin(c, err) < 0)
        return -1;
    /* The dead worker's session may hold the row a moment longer. */
    long n;
    if (db_exec(c, "SET LOCAL lock_timeout = '15s'", 0, NULL, err) < 0 ||
        (n = db_exec(c,
                     "UPDATE raw.source_files SET status = $4, attempts = attempts + 1, "
                     "last_error = $2, processed_at = now(), last_run_id = $3 "
                     "WHERE id = $1 AND status = 'pending'",
                     4, params, err)) < 0 ||
        db_commit(c, err) < 0) {
        db_rollback(c);
        return -1;
    }
    return n > 0 ? 1 : 0;
}

int db_terminate_backend(db_conn *c, int backend_pid, const char *app_name, cl_err *err)
{
    char pid[24];
    const char *params[] = {fmt_ll(backend_pid, pid), app_name};
    /* The name check guards against a recycled pid; waits up to 5 s for
     * the session to end (PostgreSQL 14+). */
    return db_exec(c,
                   "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
                   "WHERE pid = $1 AND application_name = $2",
                   2, params, err) < 0
               ? -1
               : 0;
}

int db_set_application_name(db_conn *c, const char *name, cl_err *err)
{
    const char *params[] = {name};
    return db_exec(c, "SELECT set_config('application_name', $1, false)", 1, params, err) < 0 ? -1 : 0;
}

int db_refresh_summaries(db_conn *c, cl_err *err)
{
    return db_exec(c, "SELECT analytics.refresh_summaries()", 0, NULL, err) < 0 ? -1 : 0;
}
