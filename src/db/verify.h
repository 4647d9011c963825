/* verify.h - the database's invariants, each checked by one query that
 * counts the rows breaking it (`cardledger verify`, and every ingest,
 * interrupt and fault test after its runs). */
#ifndef CL_DB_VERIFY_H
#define CL_DB_VERIFY_H

#include "common/err.h"
#include "db.h"

/* Called once per check, in order: its name, what it promises, and how many
 * rows break it (0: holds). */
typedef void (*db_verify_fn)(void *ctx, const char *name, const char *promise, long long violations);

/* Run every check in one read-only, repeatable-read transaction (one
 * snapshot: a running ingest cannot make two checks disagree). Returns the
 * number of checks that failed, or -1 with err set when a query could not
 * run. */
int db_verify(db_conn *c, db_verify_fn fn, void *ctx, cl_err *err);

/* What run run_id really stored, counted from the rows themselves: files
 * done and duplicate by it and the analytics rows of its statements. A run
 * that lost its database recounts with this (a commit acknowledged before
 * a server crash may be lost and the file stored again, counted twice). */
int db_run_recount(db_conn *c, long long run_id, long *stored, long *duplicate, long long *inserted,
                   cl_err *err);

#endif
