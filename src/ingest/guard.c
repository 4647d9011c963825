/* guard.c - worker count against free connection slots; recounting a run from its rows. */
#include "guard.h"

#include "common/log.h"
#include "db/verify.h"

int ingest_cap_workers(db_conn *c, int *workers, cl_err *err)
{
    int free_slots = 0;
    if (db_free_connections(c, &free_slots, err) < 0)
        return -1;
    int can = free_slots - 1;
    if (can < 1)
        return cl_err_set(err, CL_E_DB,
                          "database %s has no free connection slot for a worker (%d free). HINT: close "
                          "other sessions or raise max_connections",
                          db_conn_dsn_redacted(c), free_slots);
    if (*workers > can) {
        log_warn("ingest_jobs_capped", LOG_I("requested", *workers), LOG_I("workers", can),
                 LOG_I("free_connections", free_slots),
                 LOG_S("hint", "raise max_connections (or the database's or role's CONNECTION LIMIT) for more"));
        *workers = can;
    }
    return 0;
}

void ingest_recount(db_conn *c, ingest_summary *s)
{
    long stored, dup;
    long long inserted;
    cl_err err = {0};
    if (db_run_recount(c, s->run_id, &stored, &dup, &inserted, &err) < 0) {
        log_warn("ingest_recount_failed", LOG_S("error", err.msg));
        return;
    }
    if (stored != s->files_stored || dup != s->files_duplicate || inserted != s->txns_inserted)
        log_info("ingest_recounted", LOG_I("stored", stored), LOG_I("counted", s->files_stored),
                 LOG_I("inserted", inserted), LOG_I("counted_inserted", s->txns_inserted));
    s->files_stored = stored;
    s->files_duplicate = dup;
    s->txns_inserted = inserted;
}
