/* queue.h - the SQL of an ingest run that needs no parsed statement: run
 * records, file registration and the work queue (raw.source_files claimed
 * FOR UPDATE SKIP LOCKED), partitions, and the parent's repairs after a
 * worker died. Plain rows only: storing a parsed statement is ingest's
 * (src/ingest/store.h). One worker's life with its own connection:
 *
 *   db_claim f;
 *   while (db_claim_next(c, &f, &err) == 1) {          // BEGIN + claim + SAVEPOINT
 *       if (parse(f.path, ...) < 0) { db_claim_fail(c, &f, run, why, &err); continue; }
 *       ... store it (ingest_store_statement) ...     // or db_claim_fail / db_claim_release
 *       db_claim_finish(c, &err);                        // COMMIT
 *   }
 *
 * Every function follows common/err.h; a lost connection is CL_E_DB. */
#ifndef CL_DB_QUEUE_H
#define CL_DB_QUEUE_H

#include "common/date.h"
#include "common/err.h"
#include "db.h"

#include <stdbool.h>
#include <stddef.h>

/* ---- runs ------------------------------------------------------------------ */

typedef struct db_run_stats {
    long files_found, files_new, files_known, files_skipped;
    long files_stored, files_duplicate, files_failed;
    long long txns_inserted, txns_present;
    long unreconciled;
    long long elapsed_ms;
} db_run_stats;

/* Insert a raw.ingest_runs row ('running'); *run_id is its id. */
int db_run_start(db_conn *c, const char *host, int pid, int workers, const char *version,
                 const char *paths, long long *run_id, cl_err *err);
/* Store the counters and the final status ('done', 'failed' or 'aborted');
 * error may be NULL. */
int db_run_finish(db_conn *c, long long run_id, const char *status, const db_run_stats *st,
                  const char *error, cl_err *err);

/* ---- registering files -------------------------------------------------------- */

typedef struct db_file_entry {
    char sha256[65];
    const char *path;
    long long size;
    long long mtime;            /* seconds since the epoch; < 0 unknown */
} db_file_entry;

typedef struct db_register_counts {
    long new_files;             /* rows added to raw.source_files */
    long known;                 /* entries whose content was already registered */
    long known_failed;          /* of those, in status 'failed' */
} db_register_counts;

/* Register a batch in one transaction: COPY into a temporary table, then
 * INSERT ... ON CONFLICT (sha256) DO NOTHING (new files are 'pending') and
 * record every path in raw.source_file_paths. Counts are added to *out. */
int db_register_files(db_conn *c, const db_file_entry *files, int n, db_register_counts *out,
                      cl_err *err);

/* Which of these hashes are registered already (for --dry-run: no writes).
 * known[i] is set; raw.source_files missing counts as none known. */
int db_lookup_files(db_conn *c, const db_file_entry *files, int n, bool *known, cl_err *err);

/* --retry-failed: put every 'failed' file back in the queue. *n = how many. */
int db_requeue_failed(db_conn *c, long *n, cl_err *err);

/* Files waiting in the queue (status 'pending'). */
int db_count_pending(db_conn *c, long *n, cl_err *err);

/* ---- the queue ------------------------------------------------------------------ */

typedef struct db_claim {
    long long file_id;
    char sha256[65];
    char *path;                 /* owned; db_claim_clear() frees */
    int attempts;               /* before this one */
} db_claim;

void db_claim_clear(db_claim *f);

/* BEGIN, claim the oldest pending file FOR UPDATE SKIP LOCKED and set a
 * savepoint. Returns 1 with *f filled and the transaction open, 0 when
 * nothing is pending (no transaction left open), -1 on error. */
int db_claim_next(db_conn *c, db_claim *f, cl_err *err);

/* Roll back to the claim's savepoint, mark the file failed (attempts + 1,
 * last_error = reason, run id) and commit. */
int db_claim_fail(db_conn *c, const db_claim *f, long long run_id, const char *reason, cl_err *err);

/* Give the claim up: roll everything back, the file stays pending (used for
 * retryable errors such as a deadlock). Never fails. */
void db_claim_release(db_conn *c);

/* Commit the file's transaction. */
int db_claim_finish(db_conn *c, cl_err *err);

/* analytics.ensure_partitions(from, to) in its own transaction (after a
 * lock that waits for the files being stored). Call it on a connection
 * that holds no open transaction. */
int db_ensure_partitions(db_conn *c, cl_date from, cl_date to, cl_err *err);

/* Mark a file failed from outside its transaction (the parent, after the
 * worker that held it died). final=false records the attempt and leaves it
 * pending for another try. Waits at most a few seconds for the dead
 * worker's session to release the row. Returns 1 when updated, 0 when the
 * file was not pending any more. */
int db_mark_file_failed(db_conn *c, long long file_id, long long run_id, const char *reason,
                        bool final, cl_err *err);

/* End the server session of a worker that died or hung
 * (pg_terminate_backend), if that pid still runs under app_name. */
int db_terminate_backend(db_conn *c, int backend_pid, const char *app_name, cl_err *err);

/* Name this session in pg_stat_activity. */
int db_set_application_name(db_conn *c, const char *name, cl_err *err);

/* Recompute the summary tables from analytics.transactions (ingest keeps
 * them exact itself; this repairs them after manual changes). */
int db_refresh_summaries(db_conn *c, cl_err *err);

#endif
