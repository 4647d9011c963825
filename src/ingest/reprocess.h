/* reprocess.h - read stored statements again from the raw tier's page text with the current profiles. */
#ifndef CL_INGEST_REPROCESS_H
#define CL_INGEST_REPROCESS_H

#include "common/date.h"
#include "common/err.h"
#include "db/db.h"

#include <stdbool.h>

typedef struct ingest_reprocess_opts {
    const char *profile;        /* only statements of this profile, parsed with it; NULL: all, detected */
    cl_date since;              /* only statements whose period ends on or after; CL_DATE_NONE: all */
    bool dry_run;               /* every statement's transaction is rolled back */
} ingest_reprocess_opts;

/* What one statement's re-parse changed. Rows are matched on posting date
 * and description (in statement order); a matched row with another amount
 * is "amount changed". */
typedef struct ingest_reprocess_stmt {
    long long old_id, new_id;   /* raw.statements ids (a re-parse stores a new row) */
    const char *path;           /* the file it came from */
    const char *profile;        /* the profile that read it now */
    long rows_before, rows_after;
    long added, removed, amount_changed;
    bool was_reconciled, reconciled;
    bool duplicate;             /* it now reads as a statement stored from another file */
    bool moved;                 /* its issuer, card or period now read differently */
    char old_key[128], new_key[128];/* "issuer:last4 start..end" when moved */
    const char *error;          /* non-NULL: not re-parsed (left as it was), the reason */
} ingest_reprocess_stmt;

typedef struct ingest_reprocess_totals {
    long statements, changed, failed;
    long added, removed, amount_changed;
    long newly_reconciled, no_longer_reconciled;
} ingest_reprocess_totals;

typedef void (*ingest_reprocess_fn)(const ingest_reprocess_stmt *s, void *ud);

/* Each statement in its own transaction: re-parse its stored pages, take
 * its rows out of the summaries, replace its statement row, raw lines and
 * analytics rows (ingest/store.c: categories through
 * analytics.transaction_category(), so manual overrides stay), and commit
 * (or roll back with dry_run). Only statements with stored pages are
 * read (not rows imported from other kinds of file). A statement that no longer parses is
 * reported and left as it was. Returns 0 or -1 (database errors). */
int ingest_reprocess(db_conn *c, const ingest_reprocess_opts *o, ingest_reprocess_fn fn, void *ud,
                     ingest_reprocess_totals *tot, cl_err *err);

#endif
