/* copy.c - COPY ... FROM STDIN in text format, rows batched into large writes. */
#include "common/util.h"
#include "db_internal.h"

#include <stdlib.h>
#include <string.h>

/* Rows are sent to libpq in chunks of about this size. */
#define COPY_CHUNK (64 * 1024)

int db_copy_begin(db_conn *c, const char *copy_sql, cl_err *err)
{
    if (c->in_copy)
        return cl_err_set(err, CL_E_FAILED, "database %s: a COPY is already in progress",
                          c->dsn_redacted);
    PGresult *res = PQexec(c->pg, copy_sql);
    if (!res || PQresultStatus(res) != PGRES_COPY_IN) {
        db_fail(c, res, CL_E_FAILED, copy_sql, err);
        PQclear(res);
        return -1;
    }
    PQclear(res);
    c->in_copy = true;
    sbuf_truncate(&c->copybuf, 0);
    return 0;
}

/* Text-format escaping: backslash and the row/column delimiters. */
static void put_field(sbuf *b, const char *v)
{
    if (!v) {
        sbuf_append(b, "\\N", 2);
        return;
    }
    const char *run = v;
    for (const char *p = v; *p; p++) {
        const char *esc = NULL;
        switch (*p) {
        case '\\': esc = "\\\\"; break;
        case '\t': esc = "\\t"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        default: continue;
        }
        sbuf_append(b, run, (size_t)(p - run));
        sbuf_append(b, esc, 2);
        run = p + 1;
    }
    sbuf_puts(b, run);
}

static int flush(db_conn *c, cl_err *err)
{
    if (c->copybuf.len == 0)
        return 0;
    if (PQputCopyData(c->pg, c->copybuf.p, (int)c->copybuf.len) != 1)
        return db_fail(c, NULL, CL_E_FAILED, "COPY", err);
    sbuf_truncate(&c->copybuf, 0);
    return 0;
}

int db_copy_row(db_conn *c, int ncols, const char *const *values, cl_err *err)
{
    if (!c->in_copy)
        return cl_err_set(err, CL_E_FAILED, "database %s: no COPY in progress", c->dsn_redacted);
    for (int i = 0; i < ncols; i++) {
        if (i)
            sbuf_putc(&c->copybuf, '\t');
        put_field(&c->copybuf, values[i]);
    }
    sbuf_putc(&c->copybuf, '\n');
    return c->copybuf.len >= COPY_CHUNK ? flush(c, err) : 0;
}

/* Collect the COPY's final result; rows stored or -1. */
static long finish(db_conn *c, cl_err *err)
{
    long rows = -1;
    bool failed = false;
    PGresult *res;
    while ((res = PQgetResult(c->pg)) != NULL) {
        if (PQresultStatus(res) == PGRES_COMMAND_OK) {
            const char *n = PQcmdTuples(res);
            rows = *n ? strtol(n, NULL, 10) : 0;
        } else if (!failed) {
            failed = true;
            db_fail(c, res, CL_E_FAILED, "COPY", err);
        }
        PQclear(res);
    }
    if (failed)
        return -1;
    if (rows < 0)
        return db_fail(c, NULL, CL_E_FAILED, "COPY", err);
    return rows;
}

long db_copy_end(db_conn *c, cl_err *err)
{
    if (!c->in_copy)
        return cl_err_set(err, CL_E_FAILED, "database %s: no COPY in progress", c->dsn_redacted);
    cl_err ferr = {0};
    int rc = flush(c, &ferr);
    c->in_copy = false;
    if (PQputCopyEnd(c->pg, rc < 0 ? "client failed to send data" : NULL) != 1 && rc == 0)
        rc = db_fail(c, NULL, CL_E_FAILED, "COPY", &ferr);
    long rows = finish(c, rc < 0 ? NULL : err);
    if (rc < 0) {
        if (err)
            *err = ferr;
        return -1;
    }
    return rows;
}

void db_copy_abort(db_conn *c, const char *reason)
{
    if (!c->in_copy)
        return;
    c->in_copy = false;
    sbuf_truncate(&c->copybuf, 0);
    PQputCopyEnd(c->pg, reason ? reason : "aborted by cardledger");
    PGresult *res;
    while ((res = PQgetResult(c->pg)) != NULL)
        PQclear(res);
}
