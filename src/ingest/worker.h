/* worker.h - the worker process of an ingest run and its pipe protocol.
 *
 * A worker is a forked child with its own database connection. It claims
 * pending files one by one (each in its own transaction) and reports on its
 * status pipe, one message per file started and finished (msg.h).
 *
 * The parent answers an I with one byte on the command pipe: 'G' (claim
 * again: new files were registered) or 'X' (exit). A worker also exits
 * when its parent dies (PR_SET_PDEATHSIG) or its command pipe closes. */
#ifndef CL_INGEST_WORKER_H
#define CL_INGEST_WORKER_H

#include "source.h"

#include <stddef.h>
#include <sys/types.h>

/* Exit status of a worker that lost its database connection. */
#define INGEST_WORKER_EXIT_DB 3

typedef struct ingest_worker_cfg {
    const char *dsn;                /* resolved conninfo (no embedded start) */
    const ingest_source *src;
    long long run_id;
    char app_name[64];              /* application_name of its session */
    int status_fd, cmd_fd;
    pid_t parent;
    size_t mem_limit;               /* MuPDF allocation cap per document, 0 none */
} ingest_worker_cfg;

/* Runs in the child after fork(); never returns. */
void ingest_worker_main(const ingest_worker_cfg *cfg) __attribute__((noreturn));

#endif
