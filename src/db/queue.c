/* queue.c - the SQL of an ingest run: run records, registration, the work
 * queue, partitions and the parent's repairs. */
#include "queue.h"

#include "common/sbuf.h"
#include "common/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- runs ----------------------------------------------------------------- */

int db_run_start(db_conn *c, const char *host, int pid, int workers, const char *version,
                 const char *paths, long long *run_id, cl_err *err)
{
    char p[24], w[24];
    const char *params[] = {host, db_param_ll(pid, p), db_param_ll(workers, w), version, paths};
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
        db_param_ll(run_id, b[0]), status,
        db_param_ll(st->files_found, b[1]), db_param_ll(st->files_new, b[2]),
        db_param_ll(st->files_known, b[3]), db_param_ll(st->files_skipped, b[4]),
        db_param_ll(st->files_stored, b[5]), db_param_ll(st->files_duplicate, b[6]),
        db_param_ll(st->files_failed, b[7]), db_param_ll(st->txns_inserted, b[8]),
        db_param_ll(st->txns_present, b[9]), db_param_ll(st->unreconciled, b[10]),
        st->elapsed_ms >= 0 ? db_param_ll(st->elapsed_ms, b[11]) : NULL,
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
        const char *row[] = {files[i].sha256, files[i].path, db_param_ll(files[i].size, sz),
                             files[i].mtime >= 0 ? db_param_ll(files[i].mtime, mt) : NULL};
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
        /* A pending file takes the path this run has just seen (the one it
         * was registered by may be gone, or relative to another directory);
         * one a worker holds is left alone (SKIP LOCKED). */
        db_exec(c,
                "UPDATE raw.source_files f SET path = r.path FROM "
                "(SELECT DISTINCT ON (sha256) sha256, path FROM ingest_reg ORDER BY sha256, path) r "
                "WHERE f.sha256 = r.sha256 AND f.id IN (SELECT s.id FROM raw.source_files s "
                "JOIN ingest_reg g USING (sha256) WHERE s.status = 'pending' AND s.path <> g.path "
                "ORDER BY s.id FOR UPDATE OF s SKIP LOCKED)",
                0, NULL, err) < 0 ||
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
    static const db_prepared claim = {
        "SELECT id, sha256, path, attempts FROM raw.source_files "
        "WHERE status = 'pending' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED", 0};
    db_result *r = db_prep_query(c, &claim, NULL, err);
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
    db_copy_abort(c, "file failed");     /* a COPY of the file's rows, if one was open */
    char id[24], run[24];
    const char *params[] = {db_param_ll(f->file_id, id), reason, run_id > 0 ? db_param_ll(run_id, run) : NULL};
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

int db_ensure_partitions(db_conn *c, cl_date from, cl_date to, cl_err *err)
{
    char a[11], b[11];
    const char *params[] = {db_param_date(from, a), db_param_date(to, b)};
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
    const char *params[] = {db_param_ll(file_id, id), reason, run_id > 0 ? db_param_ll(run_id, run) : NULL,
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
    const char *params[] = {db_param_ll(backend_pid, pid), app_name};
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
