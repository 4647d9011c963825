/* err.h - errors as values: a code from the documented list and a message.
 *
 * Ownership rule of the whole code base (stated once here):
 *   - a function that returns a pointer it allocated transfers ownership to
 *     the caller, who releases it with the module's matching _free();
 *   - a function that takes a `const` pointer borrows it for the call only;
 *   - on error a function returns non-zero (or NULL), fills the caller's
 *     cl_err if one was given, and leaves no allocation behind.
 *
 * Messages are lowercase, name the file or object concerned, and may end
 * with "HINT: ..." when the user can do something about it. */
#ifndef CL_ERR_H
#define CL_ERR_H

#include <stdarg.h>

/* Process exit codes, documented in the README. */
enum cl_exit {
    CL_EXIT_OK = 0,
    CL_EXIT_FAILED = 1,     /* some work failed */
    CL_EXIT_USAGE = 2,      /* usage error */
    CL_EXIT_DB = 3,         /* database unavailable */
    CL_EXIT_SCHEMA = 4,     /* schema / migration problem */
};

/* Error codes. Each maps onto an exit code via cl_err_exit_code(). */
typedef enum cl_errcode {
    CL_OK = 0,
    CL_E_FAILED,            /* generic failure of one piece of work */
    CL_E_USAGE,
    CL_E_IO,                /* file could not be read / written */
    CL_E_NOMEM,
    CL_E_PDF,               /* not a PDF, corrupt, no text layer ... */
    CL_E_PASSWORD,          /* PDF needs a password / wrong password */
    CL_E_PARSE,             /* no statement recognized, bad profile ... */
    CL_E_DB,                /* database unavailable */
    CL_E_SCHEMA,            /* migration / schema problem */
    CL_E_TIMEOUT,
} cl_errcode;

typedef struct cl_err {
    cl_errcode code;
    char msg[1024];
} cl_err;

/* Set *err (if err is non-NULL) and return -1, so callers can write
 * `return cl_err_set(err, CL_E_IO, "%s: %s", path, strerror(errno));` */
int cl_err_set(cl_err *err, cl_errcode code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int cl_err_vset(cl_err *err, cl_errcode code, const char *fmt, va_list ap);

/* Prefix an existing message: "PREFIX: old message". Returns -1. */
int cl_err_prefix(cl_err *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

void cl_err_clear(cl_err *err);
int cl_err_exit_code(const cl_err *err);

#endif
