/* guard.h - an ingest run at the server's limits: no more workers than
 * free connection slots, and the counters recounted from the rows after the
 * database was lost. */
#ifndef CL_INGEST_GUARD_H
#define CL_INGEST_GUARD_H

#include "common/err.h"
#include "db/db.h"
#include "ingest.h"

/* One connection per worker: cap *workers to the server's free connection
 * slots less one (kept for the parent's reconnects), with a warning. An
 * error (CL_E_DB) when not one worker fits. */
int ingest_cap_workers(db_conn *c, int *workers, cl_err *err);

/* A commit acknowledged before a server crash may be lost (workers commit
 * with synchronous_commit = off) and the file stored again by the same run:
 * set the stored, duplicate and inserted counts of s from the rows of its
 * run. Keeps them when the query fails. */
void ingest_recount(db_conn *c, ingest_summary *s);

#endif
