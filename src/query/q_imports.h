/* q_imports.h - the read layer's view of imports: recent ingest runs,
 * failed files and statements that do not reconcile (the dashboard's
 * imports panel). Plain structs; ownership as in common/err.h. */
#ifndef CL_Q_IMPORTS_H
#define CL_Q_IMPORTS_H

#include "common/date.h"
#include "common/err.h"
#include "db/db.h"

typedef struct q_import_run {
    long long id;
    char started[20];           /* "YYYY-MM-DD HH:MM:SS", server time zone */
    char status[16];            /* running, done, failed, aborted */
    long long files_found, files_new, files_stored, files_duplicate, files_failed;
    long long txns_inserted, unreconciled;
    long long elapsed_ms;       /* -1 while running */
    char *error;                /* NULL when none */
} q_import_run;

typedef struct q_failed_file {
    long long id;
    char *path;
    char *error;                /* NULL when none recorded */
    char when[17];              /* "YYYY-MM-DD HH:MM" or "" */
    int attempts;
} q_failed_file;

typedef struct q_unreconciled {
    long long statement_id;
    char *issuer;
    char card_last4[5];
    cl_date period_start, period_end;
    char currency[4];
    char difference[32];        /* computed minus printed; "" when not computable */
    char *path;
} q_unreconciled;

typedef struct q_imports {
    q_import_run *runs;
    int nruns;
    q_failed_file *failed;
    int nfailed;
    long long failed_total;     /* beyond the limit too */
    q_unreconciled *unreconciled;
    int nunreconciled;
    long long unreconciled_total;
} q_imports;

/* The newest `limit` (1..1000) of each, newest first. */
int q_imports_run(db_conn *c, int limit, q_imports **out, cl_err *err);
void q_imports_free(q_imports *im);

#endif
