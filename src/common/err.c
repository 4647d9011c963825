/* err.c - errors as values. */
#include "err.h"

#include <stdio.h>
#include <string.h>

int cl_err_vset(cl_err *err, cl_errcode code, const char *fmt, va_list ap)
{
    if (err) {
        err->code = code;
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    }
    return -1;
}

int cl_err_set(cl_err *err, cl_errcode code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cl_err_vset(err, code, fmt, ap);
    va_end(ap);
    return -1;
}

int cl_err_prefix(cl_err *err, const char *fmt, ...)
{
    if (!err)
        return -1;
    char prefix[512], old[sizeof err->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    memcpy(old, err->msg, sizeof old);
    /* "prefix: old", cut at the end when too long (as snprintf would, but
     * without its truncation warning). */
    size_t pl = strlen(prefix), room = sizeof err->msg - pl - 3;
    size_t ol = strnlen(old, room);
    memcpy(err->msg, prefix, pl);
    memcpy(err->msg + pl, ": ", 2);
    memcpy(err->msg + pl + 2, old, ol);
    err->msg[pl + 2 + ol] = '\0';
    return -1;
}

void cl_err_clear(cl_err *err)
{
    if (err) {
        err->code = CL_OK;
        err->msg[0] = '\0';
    }
}

int cl_err_exit_code(const cl_err *err)
{
    switch (err ? err->code : CL_E_FAILED) {
    case CL_OK: return CL_EXIT_OK;
    case CL_E_USAGE: return CL_EXIT_USAGE;
    case CL_E_DB: return CL_EXIT_DB;
    case CL_E_SCHEMA: return CL_EXIT_SCHEMA;
    default: return CL_EXIT_FAILED;
    }
}
