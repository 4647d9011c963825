/* db_internal.h - what the files of src/db share and nobody else sees. */
#ifndef CL_DB_INTERNAL_H
#define CL_DB_INTERNAL_H

#include "common/sbuf.h"
#include "db.h"

#include <libpq-fe.h>

struct db_conn {
    PGconn *pg;
    char *dsn_redacted;
    bool embedded;
    bool in_copy;
    char sqlstate[6];
    sbuf copybuf;           /* COPY rows batched before PQputCopyData */
    bool prepare;           /* db_set_prepare(): statements by name */
    struct db_stmt_cache *stmts;
    const db_prepared **prepared;   /* prepared on this session, in name order */
    int n_prepared, cap_prepared;
};

/* prepared.c: run sql as a named prepared statement of c, preparing it on
 * first use; NULL result or an error result as PQexecParams would give. */
PGresult *db_run_prepared(db_conn *c, const char *sql, int nparams, const char *const *params);
void db_stmt_cache_free(struct db_stmt_cache *sc);

struct db_result {
    PGresult *res;
};

/* Fill err from a failed result (or the connection when res is NULL):
 * CL_E_DB when the connection is gone, else code. Names a short excerpt
 * of sql. Returns -1. */
int db_fail(db_conn *c, const PGresult *res, cl_errcode code, const char *sql, cl_err *err);

/* $CARDLEDGER_HOME (or its XDG default) into out. */
int db_home_dir(char *out, size_t outsz, cl_err *err);

#endif
