/* db.h - the database layer: connections (a DSN or the embedded cluster),
 * parameterized queries, COPY, transactions and schema migrations.
 *
 * libpq is included only inside src/db; every other layer talks to
 * PostgreSQL through this header. All functions follow the ownership rule
 * of common/err.h. A db_conn is one open connection: keep it for the whole
 * job rather than reconnecting per query. It must not cross fork(): a
 * worker process opens its own. Not thread-safe; one connection per thread.
 *
 *   cl_err err = {0};
 *   db_conn *c = db_open(dsn_from_cli, 0, &err);       // migrates if needed
 *   if (!c) { fprintf(stderr, "cardledger: %s\n", err.msg); return cl_err_exit_code(&err); }
 *   const char *p[] = {"2024-01-01", "2024-12-31"};
 *   if (db_exec(c, "SELECT analytics.ensure_partitions($1, $2)", 2, p, &err) < 0) ...
 *   db_close(c);
 *
 * Errors: a connection failure is CL_E_DB (exit 3) with one line naming the
 * DSN (password redacted) and the server's reason; a migration problem is
 * CL_E_SCHEMA (exit 4); a failed statement is CL_E_FAILED with the server's
 * message (and SQLSTATE in db_last_sqlstate()). */
#ifndef CL_DB_H
#define CL_DB_H

#include "common/date.h"
#include "common/err.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct db_conn db_conn;
typedef struct db_result db_result;

/* ---- choosing and opening a database ------------------------------------ */

/* db_open() flags. */
enum {
    DB_MIGRATE = 0,             /* default: apply pending migrations (logged) */
    DB_NO_MIGRATE = 1u << 0,    /* --no-migrate: fail with CL_E_SCHEMA if behind */
    DB_RAW = 1u << 1,           /* connect only; no schema check at all
                                   (migrate, doctor, db psql) */
};

/* Resolve which database to use: cli_dsn (--db), else $CARDLEDGER_DB, else
 * $DATABASE_URL, else libpq's defaults when $PGSERVICE, $PGHOST or
 * $PGHOSTADDR is set, else the embedded cluster. *dsn_out (owned by the
 * caller, free()) is a libpq conninfo string or URI; for the embedded
 * cluster it names its socket directory. Does not start anything. */
int db_resolve_dsn(const char *cli_dsn, char **dsn_out, bool *embedded, cl_err *err);

/* Connect (starting and, the first time, creating the embedded cluster when
 * it is the chosen database), set jit=off and application_name=cardledger,
 * and bring the schema to this binary's head unless flags say otherwise.
 * NULL on error. */
db_conn *db_open(const char *cli_dsn, unsigned flags, cl_err *err);
void db_close(db_conn *c);
/* In a forked child: forget a connection inherited from the parent without
 * sending anything on it (the parent's session stays intact). */
void db_conn_abandon(db_conn *c);

/* The DSN with any password replaced by "***" (borrowed, lives as long as c). */
const char *db_conn_dsn_redacted(const db_conn *c);
bool db_conn_is_embedded(const db_conn *c);
/* Server process id of this session (pg_backend_pid()). */
int db_backend_pid(const db_conn *c);
/* Server version as an integer, e.g. 150013. */
int db_server_version(const db_conn *c);
/* The libpq this binary uses, same encoding. */
int db_client_version(void);
/* SQLSTATE of the last failed statement ("" when none), e.g. "23505". */
const char *db_last_sqlstate(const db_conn *c);
/* True when the connection to the server is lost (replace it). */
bool db_conn_broken(const db_conn *c);

/* Statements with parameters are prepared once on this connection (named
 * after a hash of their text) and executed by name from then on. When the
 * server does not know a name it was given (a transaction-pooling PgBouncer
 * hands each transaction another server session), the statement fails with
 * SQLSTATE 26000 or 42P05 and preparing stays off for this connection:
 * the caller retries its transaction once (db_prepare_lost()). */
void db_set_prepare(db_conn *c, bool on);
/* True when the last failure was such a lost prepared statement. */
bool db_prepare_lost(const db_conn *c);

/* ---- statements ----------------------------------------------------------- */

/* Run one statement with text parameters $1..$n (a NULL pointer is SQL
 * NULL). Returns the number of rows affected (0 for statements that affect
 * none), or -1 with err set. sql may hold several statements only when
 * nparams is 0. */
long db_exec(db_conn *c, const char *sql, int nparams, const char *const *params, cl_err *err);

/* Run a query; the result is owned by the caller (db_result_free). */
db_result *db_query(db_conn *c, const char *sql, int nparams, const char *const *params, cl_err *err);
int db_nrows(const db_result *r);
int db_ncols(const db_result *r);
/* Text of a cell, borrowed from r; NULL for SQL NULL. */
const char *db_value(const db_result *r, int row, int col);
bool db_isnull(const db_result *r, int row, int col);
/* Column number by name, or -1. */
int db_colnum(const db_result *r, const char *name);
void db_result_free(db_result *r);

/* Single-value convenience: *out = the first column of the first row as a
 * malloc'd string (NULL for no row or SQL NULL). Returns 0 or -1. */
int db_query_value(db_conn *c, const char *sql, int nparams, const char *const *params,
                   char **out, cl_err *err);

/* ---- prepared statements ------------------------------------------------------
 * A statement run for every file is parsed and planned once per connection
 * (measured: planning the row insert alone took 1.5 ms a file). Declare it
 * once, static, and run it with db_prep_*: the connection remembers what it
 * has prepared, so a new connection (a reconnect) prepares again.
 *
 *   static const db_prepared claim = {"SELECT ... FOR UPDATE SKIP LOCKED", 0};
 *   db_result *r = db_prep_query(c, &claim, NULL, &err);
 */
typedef struct db_prepared {
    const char *sql;
    int nparams;
} db_prepared;

/* As db_query, db_exec and db_query_value, for a prepared statement. */
db_result *db_prep_query(db_conn *c, const db_prepared *p, const char *const *params, cl_err *err);
long db_prep_exec(db_conn *c, const db_prepared *p, const char *const *params, cl_err *err);
int db_prep_value(db_conn *c, const db_prepared *p, const char *const *params, char **out,
                  cl_err *err);

/* ---- text parameters ------------------------------------------------------------ */

/* v as a parameter's text, in out (returned). */
const char *db_param_ll(long long v, char out[24]);
/* d as YYYY-MM-DD in out, or NULL (SQL NULL) for CL_DATE_NONE. */
const char *db_param_date(cl_date d, char out[11]);

/* ---- roles ------------------------------------------------------------------- */

/* The secret the server stores for ROLE's PASSWORD (SCRAM-SHA-256 or md5, as
 * the server's password_encryption says), computed here by libpq so that the
 * clear text never reaches the server, its logs or pg_stat_activity. Pass it
 * as the PASSWORD of CREATE/ALTER ROLE. Caller free()s; NULL on error. */
char *db_password_secret(db_conn *c, const char *role, const char *password, cl_err *err);

/* ---- transactions ----------------------------------------------------------- */

int db_begin(db_conn *c, cl_err *err);
int db_commit(db_conn *c, cl_err *err);
/* Never fails from the caller's point of view; safe outside a transaction. */
void db_rollback(db_conn *c);

/* ---- COPY ... FROM STDIN (text format) -------------------------------------- */

/* Start e.g. "COPY raw.pages (source_file_id, page_no, layout_text) FROM STDIN".
 * Until db_copy_end/db_copy_abort no other statement may run on c. */
int db_copy_begin(db_conn *c, const char *copy_sql, cl_err *err);
/* One row of ncols values; NULL pointer = SQL NULL. Escapes backslash, tab,
 * newline and carriage return itself; values are plain UTF-8 text. */
int db_copy_row(db_conn *c, int ncols, const char *const *values, cl_err *err);
/* Finish; returns the number of rows the server stored, or -1 (e.g. a
 * constraint violation, named in err). */
long db_copy_end(db_conn *c, cl_err *err);
/* Abandon the COPY (the server rolls the statement back). */
void db_copy_abort(db_conn *c, const char *reason);

/* ---- schema migrations ------------------------------------------------------ */

/* Newest migration version built into this binary. */
int db_schema_head_version(void);
/* Highest applied version in the database (0 when none / no table). */
int db_schema_version(db_conn *c, int *version, cl_err *err);

typedef enum db_mig_state {
    DB_MIG_PENDING,     /* in the binary, not applied */
    DB_MIG_APPLIED,     /* applied, checksum matches */
    DB_MIG_CHANGED,     /* applied, but the file's checksum differs */
    DB_MIG_UNKNOWN,     /* applied, but this binary has no such file (newer DB) */
} db_mig_state;

typedef struct db_mig_status {
    int version;
    char name[96];          /* e.g. "initial_schema" */
    char file[128];         /* e.g. "0001_initial_schema.up.sql" */
    db_mig_state state;
    char applied_at[40];    /* "" when pending */
} db_mig_status;

/* Apply up to n pending migrations (n <= 0: all), each in its own
 * transaction under pg_advisory_xact_lock, so concurrent migrators apply
 * each exactly once. Refuses (CL_E_SCHEMA, naming the file) when an applied
 * migration's checksum changed. *applied counts what this call applied. */
int db_migrate_up(db_conn *c, int n, int *applied, cl_err *err);
/* Revert the n most recent migrations (n < 0: all). */
int db_migrate_down(db_conn *c, int n, int *reverted, cl_err *err);
/* 0 when every applied migration matches its file; else CL_E_SCHEMA naming
 * the first changed (or unknown) file. */
int db_migrate_verify(db_conn *c, cl_err *err);
/* Every migration known to the binary or the database, by version.
 * *out is malloc'd (free()). */
int db_migrate_status(db_conn *c, db_mig_status **out, int *n, cl_err *err);

/* Migrations come from the binary; $CARDLEDGER_MIGRATIONS_DIR (a folder of
 * NNNN_name.{up,down}.sql) overrides that for developers writing one. */

/* ---- the embedded cluster ---------------------------------------------------- */

typedef struct db_embedded_info {
    char home[1024];        /* $CARDLEDGER_HOME */
    char cluster_dir[1024]; /* socket directory and parent of data/ */
    char data_dir[1024];
    char bin_dir[1024];     /* PostgreSQL server binaries used */
    char log_file[1024];
    bool exists;            /* initdb has run */
    bool running;           /* accepts connections */
    int pid;                /* postmaster pid when running, else 0 */
    char server_user[64];   /* account the server runs as */
    char dsn[1200];
} db_embedded_info;

/* Where the embedded cluster lives and whether it runs; creates nothing. */
int db_embedded_status(db_embedded_info *info, cl_err *err);
/* Create (first time) and start the cluster if it is not running. Safe to
 * call from several processes at once (flock on $CARDLEDGER_HOME/cluster.lock). */
int db_embedded_start(db_embedded_info *info, cl_err *err);
/* Stop it (fast shutdown); 0 also when it was not running. */
int db_embedded_stop(db_embedded_info *info, cl_err *err);

#endif
