/* conn.c - choosing a database, connecting, statements, results, transactions. */
#include "common/log.h"
#include "common/env.h"
#include "common/util.h"
#include "db_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


/* One line: white space runs (libpq's messages span lines) become one space. */
static void one_line(const char *in, char *out, size_t outsz)
{
    char tmp[1024];
    snprintf(tmp, sizeof tmp, "%s", in ? in : "");
    util_collapse_space(tmp);
    log_redact(tmp, out, outsz);
}

int db_resolve_dsn(const char *cli_dsn, char **dsn_out, bool *embedded, cl_err *err)
{
    const char *dsn = cli_dsn && *cli_dsn ? cli_dsn : NULL;
    if (!dsn)
        dsn = cl_env_get(CL_ENV_DB);
    if (!dsn)
        dsn = cl_env_get(CL_ENV_DATABASE_URL);
    /* libpq's own variables select a server too: use its defaults. */
    if (!dsn && (cl_env_get(CL_ENV_PGSERVICE) || cl_env_get(CL_ENV_PGHOST) || cl_env_get(CL_ENV_PGHOSTADDR)))
        dsn = "";
    if (dsn && *dsn) {
        /* Checked with libpq's own parser, so 'not a dsn' is told apart
         * from a server that cannot be reached (the string is not shown:
         * it may hold a password). */
        char *why = NULL;
        PQconninfoOption *opts = PQconninfoParse(dsn, &why);
        if (!opts) {
            char msg[512];
            one_line(why ? why : "out of memory", msg, sizeof msg);
            PQfreemem(why);
            return cl_err_set(err, CL_E_USAGE, "the connection string of %s is invalid: %s",
                              dsn == cli_dsn ? "--db" : dsn == cl_env_get(CL_ENV_DB) ? "$CARDLEDGER_DB"
                                                                                              : "$DATABASE_URL",
                              msg);
        }
        PQconninfoFree(opts);
    }
    if (dsn) {
        *dsn_out = xstrdup(dsn);
        *embedded = false;
        return 0;
    }
    db_embedded_info info;
    if (db_embedded_status(&info, err) < 0)
        return -1;
    *dsn_out = xstrdup(info.dsn);
    *embedded = true;
    return 0;
}


static char *describe_dsn(const char *dsn)
{
    char buf[1024];
    if (!*dsn)
        return xstrdup("(libpq defaults)");
    log_redact(dsn, buf, sizeof buf);
    return xstrdup(buf);
}

int db_fail(db_conn *c, const PGresult *res, cl_errcode code, const char *sql, cl_err *err)
{
    char msg[700], detail[300] = "", what[80] = "";
    c->sqlstate[0] = '\0';
    if (res) {
        const char *st = PQresultErrorField(res, PG_DIAG_SQLSTATE);
        snprintf(c->sqlstate, sizeof c->sqlstate, "%s", st ? st : "");
        const char *prim = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
        one_line(prim ? prim : PQresultErrorMessage(res), msg, sizeof msg);
        const char *det = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL);
        if (det) {
            char d[280];
            one_line(det, d, sizeof d);
            snprintf(detail, sizeof detail, " (%s)", d);
        }
    } else {
        one_line(PQerrorMessage(c->pg), msg, sizeof msg);
    }
    if (PQstatus(c->pg) == CONNECTION_BAD)
        code = CL_E_DB;
    if (sql) {
        char s[64];
        snprintf(s, sizeof s, "%s", sql);
        util_collapse_space(s);
        snprintf(what, sizeof what, " in \"%s%s\"", s, strlen(sql) > 60 ? "..." : "");
    }
    if (code == CL_E_DB)
        return cl_err_set(err, code, "database %s: %s", c->dsn_redacted, msg);
    return cl_err_set(err, code, "query failed%s: %s%s", what, msg, detail);
}

/* Open a libpq connection; a failure is CL_E_DB with one line. */
static PGconn *connect_dsn(const char *dsn, const char *shown, cl_err *err)
{
    /* A default connect_timeout the DSN may override (it comes later). */
    const char *const keys[] = {"connect_timeout", "fallback_application_name", "dbname", NULL};
    const char *const vals[] = {"10", "cardledger", dsn, NULL};
    PGconn *pg = PQconnectdbParams(keys, vals, 1);
    if (!pg) {
        cl_err_set(err, CL_E_DB, "cannot connect to database %s: out of memory", shown);
        return NULL;
    }
    if (PQstatus(pg) != CONNECTION_OK) {
        char reason[700];
        one_line(PQerrorMessage(pg), reason, sizeof reason);
        cl_err_set(err, CL_E_DB, "cannot connect to database %s: %s", shown, reason);
        PQfinish(pg);
        return NULL;
    }
    return pg;
}

/* Server notices (e.g. "drop cascades to ...") go to the debug log, not
 * raw to stderr. */
static void on_notice(void *arg, const char *message)
{
    (void)arg;
    char line[1024];
    one_line(message, line, sizeof line);
    log_debug("db_notice", LOG_S("message", line));
}

/* Session settings every cardledger connection uses. */
static int session_setup(db_conn *c, cl_err *err)
{
    /* JIT spent 910 of 913 ms of one aggregate compiling (issue 2). */
    return db_exec(c, "SET jit = off", 0, NULL, err) < 0 ? -1 : 0;
}

/* Bring the schema to head, or check it is there (DB_NO_MIGRATE). */
static int schema_setup(db_conn *c, unsigned flags, cl_err *err)
{
    if (flags & DB_RAW)
        return 0;
    if (!(flags & DB_NO_MIGRATE)) {
        int applied = 0;
        return db_migrate_up(c, 0, &applied, err);
    }
    if (db_migrate_verify(c, err) < 0)
        return -1;
    int have = 0, head = db_schema_head_version();
    if (db_schema_version(c, &have, err) < 0)
        return -1;
    if (have < head)
        return cl_err_set(err, CL_E_SCHEMA,
                          "database schema is at version %d, this cardledger needs %d. HINT: run "
                          "'cardledger migrate up' or leave out --no-migrate",
                          have, head);
    return 0;
}

db_conn *db_open(const char *cli_dsn, unsigned flags, cl_err *err)
{
    char *dsn = NULL;
    bool embedded = false;
    if (db_resolve_dsn(cli_dsn, &dsn, &embedded, err) < 0)
        return NULL;
    if (embedded) {
        db_embedded_info info;
        if (db_embedded_start(&info, err) < 0) {
            free(dsn);
            return NULL;
        }
    }
    char *shown = describe_dsn(dsn);
    PGconn *pg = connect_dsn(dsn, shown, err);
    free(dsn);
    if (!pg) {
        free(shown);
        return NULL;
    }
    db_conn *c = xcalloc(1, sizeof *c);
    c->pg = pg;
    c->dsn_redacted = shown;
    c->embedded = embedded;
    PQsetNoticeProcessor(pg, on_notice, NULL);
    if (session_setup(c, err) < 0 || schema_setup(c, flags, err) < 0) {
        db_close(c);
        return NULL;
    }
    log_debug("db_connected", LOG_S("dsn", c->dsn_redacted), LOG_B("embedded", embedded),
              LOG_I("backend_pid", PQbackendPID(pg)));
    return c;
}

void db_close(db_conn *c)
{
    if (!c)
        return;
    if (c->in_copy)
        db_copy_abort(c, "connection closed");
    PQfinish(c->pg);
    free(c->dsn_redacted);
    sbuf_free(&c->copybuf);
    db_stmt_cache_free(c->stmts);
    free(c->prepared);
    free(c);
}

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

const char *db_conn_dsn_redacted(const db_conn *c) { return c->dsn_redacted; }
bool db_conn_is_embedded(const db_conn *c) { return c->embedded; }
int db_backend_pid(const db_conn *c) { return PQbackendPID(c->pg); }
int db_server_version(const db_conn *c) { return PQserverVersion(c->pg); }
int db_client_version(void) { return PQlibVersion(); }
const char *db_last_sqlstate(const db_conn *c) { return c->sqlstate; }
bool db_conn_broken(const db_conn *c) { return PQstatus(c->pg) != CONNECTION_OK; }

static PGresult *run(db_conn *c, const char *sql, int nparams, const char *const *params)
{
    if (nparams == 0)
        return PQexec(c->pg, sql);
    if (c->prepare)
        return db_run_prepared(c, sql, nparams, params);
    return PQexecParams(c->pg, sql, nparams, NULL, params, NULL, NULL, 0);
}

static int check_busy(db_conn *c, cl_err *err)
{
    if (c->in_copy)
        return cl_err_set(err, CL_E_FAILED, "database %s: a COPY is in progress", c->dsn_redacted);
    return 0;
}

/* The one check of a statement's result: res, or NULL with err set (and
 * the SQLSTATE kept) when the statement failed. */
static PGresult *checked(db_conn *c, PGresult *res, const char *sql, cl_err *err)
{
    ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        db_fail(c, res, CL_E_FAILED, sql, err);
        PQclear(res);
        return NULL;
    }
    c->sqlstate[0] = '\0';
    return res;
}

/* Rows a checked result affected (or -1 for NULL); clears it. */
static long affected(PGresult *res)
{
    if (!res)
        return -1;
    const char *n = PQcmdTuples(res);
    long rows = *n ? strtol(n, NULL, 10) : 0;
    PQclear(res);
    return rows;
}

static db_result *wrap(PGresult *res)
{
    if (!res)
        return NULL;
    db_result *r = xmalloc(sizeof *r);
    r->res = res;
    return r;
}

/* The first column of the first row as a malloc'd string (or NULL); frees r. */
static int first_value(db_result *r, char **out)
{
    *out = NULL;
    if (!r)
        return -1;
    const char *v = db_nrows(r) > 0 && db_ncols(r) > 0 ? db_value(r, 0, 0) : NULL;
    if (v)
        *out = xstrdup(v);
    db_result_free(r);
    return 0;
}

long db_exec(db_conn *c, const char *sql, int nparams, const char *const *params, cl_err *err)
{
    if (check_busy(c, err) < 0)
        return -1;
    return affected(checked(c, run(c, sql, nparams, params), sql, err));
}

db_result *db_query(db_conn *c, const char *sql, int nparams, const char *const *params, cl_err *err)
{
    if (check_busy(c, err) < 0)
        return NULL;
    return wrap(checked(c, run(c, sql, nparams, params), sql, err));
}

/* ---- prepared statements ----------------------------------------------------- */

/* Prepares p on this connection the first time; its name is its place in
 * the connection's list. */
static int prepared_name(db_conn *c, const db_prepared *p, char name[24], cl_err *err)
{
    int i = 0;
    while (i < c->n_prepared && c->prepared[i] != p)
        i++;
    snprintf(name, 24, "cl_p%d", i);
    if (i < c->n_prepared)
        return 0;
    PGresult *res = checked(c, PQprepare(c->pg, name, p->sql, p->nparams, NULL), p->sql, err);
    if (!res)
        return -1;
    PQclear(res);
    if (c->n_prepared == c->cap_prepared) {
        c->cap_prepared = c->cap_prepared ? c->cap_prepared * 2 : 8;
        c->prepared = xrealloc(c->prepared, (size_t)c->cap_prepared * sizeof *c->prepared);
    }
    c->prepared[c->n_prepared++] = p;
    return 0;
}

static PGresult *run_prepared(db_conn *c, const db_prepared *p, const char *const *params, cl_err *err)
{
    char name[24];
    if (check_busy(c, err) < 0 || prepared_name(c, p, name, err) < 0)
        return NULL;
    return checked(c, PQexecPrepared(c->pg, name, p->nparams, params, NULL, NULL, 0), p->sql, err);
}

db_result *db_prep_query(db_conn *c, const db_prepared *p, const char *const *params, cl_err *err)
{
    return wrap(run_prepared(c, p, params, err));
}

long db_prep_exec(db_conn *c, const db_prepared *p, const char *const *params, cl_err *err)
{
    return affected(run_prepared(c, p, params, err));
}

int db_prep_value(db_conn *c, const db_prepared *p, const char *const *params, char **out,
                  cl_err *err)
{
    return first_value(db_prep_query(c, p, params, err), out);
}

const char *db_param_ll(long long v, char out[24])
{
    snprintf(out, 24, "%lld", v);
    return out;
}

const char *db_param_date(cl_date d, char out[11])
{
    return d == CL_DATE_NONE ? NULL : cl_date_format(d, out);
}

int db_nrows(const db_result *r) { return PQntuples(r->res); }
int db_ncols(const db_result *r) { return PQnfields(r->res); }
int db_colnum(const db_result *r, const char *name) { return PQfnumber(r->res, name); }

bool db_isnull(const db_result *r, int row, int col)
{
    return PQgetisnull(r->res, row, col) != 0;
}

const char *db_value(const db_result *r, int row, int col)
{
    if (row < 0 || row >= PQntuples(r->res) || col < 0 || col >= PQnfields(r->res))
        return NULL;
    return PQgetisnull(r->res, row, col) ? NULL : PQgetvalue(r->res, row, col);
}

void db_result_free(db_result *r)
{
    if (!r)
        return;
    PQclear(r->res);
    free(r);
}

int db_query_value(db_conn *c, const char *sql, int nparams, const char *const *params,
                   char **out, cl_err *err)
{
    return first_value(db_query(c, sql, nparams, params, err), out);
}

int db_begin(db_conn *c, cl_err *err)
{
    return db_exec(c, "BEGIN", 0, NULL, err) < 0 ? -1 : 0;
}

int db_commit(db_conn *c, cl_err *err)
{
    return db_exec(c, "COMMIT", 0, NULL, err) < 0 ? -1 : 0;
}

void db_rollback(db_conn *c)
{
    if (c->in_copy)
        db_copy_abort(c, "rollback");
    if (PQtransactionStatus(c->pg) == PQTRANS_IDLE || PQstatus(c->pg) != CONNECTION_OK)
        return;
    PQclear(PQexec(c->pg, "ROLLBACK"));
}

char *db_password_secret(db_conn *c, const char *role, const char *password, cl_err *err)
{
    char *enc = PQencryptPasswordConn(c->pg, password, role, NULL);
    if (!enc) {
        cl_err_set(err, CL_E_FAILED, "could not encrypt the password for role %s: %s", role,
                   PQerrorMessage(c->pg));
        return NULL;
    }
    char *out = strdup(enc);
    PQfreemem(enc);
    if (!out)
        cl_err_set(err, CL_E_NOMEM, "out of memory");
    return out;
}
