/* cmd_ingest.c - `cardledger ingest`: load folders of statement PDFs. */
#include "cli.h"
#include "common/err.h"
#include "ingest/ingest.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const cli_opt opts[] = {
    CLI_OPTS_DB,
    {"jobs", 'j', "N", "worker processes (default: the number of cores; capped to the server's free connections)"},
    {"retry-failed", 0, NULL, "try files that failed in earlier runs again"},
    {"dry-run", 0, NULL, "find and hash the files, say which are new; write nothing"},
    {"password-file", 0, "F", "passwords for protected PDFs, one per line (mode 0600)"},
    {"no-progress", 0, NULL, "no progress bar (there is none when stderr is not a terminal)"},
    {"file-timeout", 0, "S", "give up on a file after S seconds (default 60; 0: never)"},
    {"memory-limit", 0, "MB", "memory a worker may use for one PDF (default 512; 0: no cap)"},
    CLI_OPT_END,
};

static const char description[] =
    "Finds the PDFs under each PATH (recursively; symbolic links are followed,\n"
    "each folder once; hidden files and files not named *.pdf are skipped and\n"
    "counted), records each by its SHA-256 and stores every statement in the\n"
    "database: its page text, its transactions as printed (raw tier) and its\n"
    "transactions with merchant and category (analytics tier). A file whose\n"
    "content is already known is not read again; a second file holding an\n"
    "already imported statement (same issuer, card and period end) is recorded\n"
    "as a duplicate; a transaction already stored (same card, date, amount,\n"
    "description and position among identical ones) is never stored twice.\n"
    "\n"
    "Work is shared through the database: N worker processes each take the\n"
    "next waiting file and store it in one transaction, so an interrupted run\n"
    "loses nothing and the next run finishes the job; several ingest runs,\n"
    "here or on other machines with the same files, can share one database.\n"
    "A file that fails (not a PDF, needs a password, no statement recognized,\n"
    "crashes or hangs its worker past --file-timeout) is recorded with its\n"
    "reason and not tried again unless --retry-failed is given; the others go\n"
    "on. 'cardledger status' lists runs, failed files and statements that do\n"
    "not reconcile. Each file's transaction also updates the summary tables\n"
    "(spend by month x card x category and month x merchant), so they are\n"
    "exact at every moment. A full disk under the database stops the run\n"
    "(exit 3, said once): free space and run the same command again. Run\n"
    "'cardledger verify' to check the database's invariants.\n"
    "\n"
    "On a terminal a progress bar shows files, transactions, rate and ETA;\n"
    "each file is logged (file, sha256, profile, pages, transactions, ms,\n"
    "outcome) and a summary table ends the run on stdout.\n"
    "\n"
    "Exit codes: 0 every file done, 1 some files failed (or failed before and\n"
    "were not retried) or the run was interrupted, 2 usage error, 3 database\n"
    "unavailable, 4 schema problem.\n"
    "\n"
    "Examples:\n"
    "  cardledger ingest ~/statements\n"
    "  cardledger ingest -j 4 --password-file ~/.cardledger-pw ~/statements /mnt/old\n"
    "  cardledger ingest --retry-failed --file-timeout 120 ~/statements\n"
    "  cardledger ingest --dry-run ~/Downloads\n";

/* A decimal option value in [0, max] (absent: def). */
static bool get_number(const cli_command *cmd, const cli_args *a, const char *name, double def,
                       double max, const char *unit, double *out)
{
    const char *v = cli_get(cmd, a, name);
    if (!v) {
        *out = def;
        return true;
    }
    char *end;
    errno = 0;
    double d = strtod(v, &end);
    if (errno || end == v || *end || !isfinite(d) || d < 0 || d > max) {
        cli_usage_error(cmd, "--%s must be a number of %s from 0 to %g, not '%s'", name, unit, max, v);
        return false;
    }
    *out = d;
    return true;
}

static int run(const cli_command *cmd, const cli_args *a)
{
    if (a->npos == 0)
        return cli_usage_error(cmd, "no PATH given");
    long jobs;
    double timeout, mem_mb;
    if (!cli_get_int(cmd, a, "jobs", 0, 1, 256, &jobs) ||
        !get_number(cmd, a, "file-timeout", 60, 86400, "seconds", &timeout) ||
        !get_number(cmd, a, "memory-limit", 512, 1 << 20, "megabytes", &mem_mb))
        return CL_EXIT_USAGE;
    ingest_opts o = {
        .dsn = cli_get(cmd, a, "db"),
        .no_migrate = cli_flag(cmd, a, "no-migrate"),
        .paths = a->pos,
        .npaths = a->npos,
        .jobs = (int)jobs,
        .retry_failed = cli_flag(cmd, a, "retry-failed"),
        .dry_run = cli_flag(cmd, a, "dry-run"),
        .progress = !cli_flag(cmd, a, "no-progress") && isatty(STDERR_FILENO),
        .password_file = cli_get(cmd, a, "password-file"),
        .file_timeout_s = timeout,
        .worker_mem_limit = (size_t)(mem_mb * 1048576.0),
    };
    ingest_summary s;
    int code = ingest_run(&o, &s);
    /* Nothing to summarize when the run could not start. */
    if (s.run_id || (s.dry_run && (code == CL_EXIT_OK || code == CL_EXIT_FAILED)))
        ingest_summary_print(&s, stdout);
    return code;
}

const cli_command cli_cmd_ingest = {
    .name = "ingest",
    .summary = "load statement PDFs into the database (parallel, resumable)",
    .usage = "ingest [options] PATH...",
    .description = description,
    .opts = opts,
    .run = run,
};
