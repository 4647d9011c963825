/* web.h - `cardledger serve`: the built-in dashboard (an HTTP server with
 * its page and JSON API embedded in the binary). Reads the database only,
 * through the read layer, as the read-only role cardledger_reader. */
#ifndef CL_WEB_H
#define CL_WEB_H

#include "common/err.h"

#include <stdbool.h>

typedef struct web_config {
    const char *dsn;            /* --db, or NULL for the usual resolution */
    bool no_migrate;            /* --no-migrate */
    char host[256];             /* listen address (numeric or "localhost") */
    unsigned port;              /* 0: any free port (printed at start) */
    char *token;                /* NULL: none required (loopback only); owned */
    int threads;                /* 0: twice the cores, capped by free slots */
} web_config;

/* Parse "HOST:PORT", "[V6]:PORT" or "PORT" into cfg->host/port. */
int web_parse_listen(const char *s, web_config *cfg, cl_err *err);
/* True when cfg->host is a loopback address or "localhost". */
bool web_is_loopback(const char *host);
/* Read the token from path: the file must be a regular file of mode 0600
 * (or stricter) owned by the caller, holding one line of at least 16
 * characters. *token is malloc'd. */
int web_read_token_file(const char *path, char **token, cl_err *err);

/* Serve until SIGINT or SIGTERM; 0 after a clean stop. Prints the URL of
 * the dashboard on stdout once it listens. */
int web_serve(const web_config *cfg, cl_err *err);

#endif
