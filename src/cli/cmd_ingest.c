/* cmd_ingest.c - `cardledger ingest`: load folders of statement PDFs. */
#include "cli.h"
#include "common/err.h"
#include "db/db.h"
#include "ingest/ingest.h"
#include "ingest/input.h"
#include "query/categorize.h"

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
    CLI_OPT_PASSWORD_FILE,
    CLI_OPT_CSV_MAP,
    {"no-progress", 0, NULL, "no progress bar (there is none when stderr is not a terminal)"},
    CLI_OPTS_CAPS,
    CLI_OPT_END,
};

static const char description[] =
    "Finds the PDFs, OFX/QFX/CSV downloads and page_*.txt folders under each PATH\n"
    "(recursively, in name order; symbolic links are followed, each folder once, 32\n"
    "levels deep at most; hidden files and files not named *.pdf, *.ofx, *.qfx or\n"
    "*.csv are skipped and counted; a PATH with\n"
    "none gets a warning), records each by its SHA-256 and its absolute path\n"
    "(bytes that are not UTF-8 escaped as \\xHH) and stores every statement in the\n"
    "database: its page text, its transactions as printed (raw tier) and its\n"
    "transactions with merchant and category (analytics tier). A file whose\n"
    "content is already known is not read again; a second file holding an\n"
    "already imported statement (same issuer, card and period end) is recorded\n"
    "as a duplicate; a transaction already stored (same card, date, amount,\n"
    "description and position among identical ones) is never stored twice, and a\n"
    "download's row that another source (its PDF statement, another download kind)\n"
    "already has for the same card, posting date and amount is matched one-to-one\n"
    "and not stored again. CSV columns are read with the mappings in banks/csv/,\n"
    "$XDG_CONFIG_HOME/cardledger/csv/*.csvmap or --csv-map FILE.\n"
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
    "Each file is logged (event ingest_file: file, sha256, profile, pages,\n"
    "transactions, ms, outcome); on a terminal a progress bar shows files,\n"
    "transactions, rate and ETA instead, and those events are debug-level. A\n"
    "summary table ends the run on stdout, naming up to 10 failed files with\n"
    "their reasons. --dry-run lists every file in order (new, known, or copy:\n"
    "the same content as an earlier file) and counts them as the run would.\n"
    "\n"
    "Exit codes: 0 every file done (a statement that does not reconcile is\n"
    "stored and counted, not a failure: see 'cardledger status'), 1 some files\n"
    "failed (or failed before and were not retried) or the run was interrupted,\n"
    "2 usage error, 3 database unavailable, 4 schema problem.\n"
    "\n"
    "Examples:\n"
    "  cardledger ingest ~/statements\n"
    "  cardledger ingest -j 4 --password-file ~/.cardledger-pw ~/statements /mnt/old\n"
    "  cardledger ingest --retry-failed --file-timeout 120 ~/statements\n"
    "  cardledger ingest --dry-run ~/Downloads\n";

static int run(const cli_command *cmd, const cli_args *a)
{
    long jobs = 0;
    const char *j = cli_get(cmd, a, "jobs");
    /* `-j /some/path` took the path as its value: say what -j wants. */
    if (j && (*j < '0' || *j > '9'))
        return cli_usage_error(cmd, "-j/--jobs needs a number of workers, not '%s'", j);
    ingest_caps caps;
    if (!cli_get_int(cmd, a, "jobs", 0, 1, 256, &jobs) || !cli_get_caps(cmd, a, &caps))
        return CL_EXIT_USAGE;
    if (a->npos == 0)
        return cli_usage_error(cmd, "no PATH given");
    ingest_input_set_csv_map(cli_get(cmd, a, "csv-map"));
    /* Workers inherit the caps (page bound, time limit) when forked. */
    ingest_caps_apply(&caps);
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
        .file_timeout_s = caps.time_limit_s,
        .worker_mem_limit = caps.memory_limit,
    };
    /* New merchants get their categories from the current rule files. */
    if (!o.dry_run) {
        cl_err err = {0};
        db_conn *c = db_open(o.dsn, o.no_migrate ? DB_NO_MIGRATE : 0, &err);
        if (!c || catg_rules_sync_default(c, &err) < 0) {
            db_close(c);
            fprintf(stderr, "cardledger ingest: %s\n", err.msg);
            return err.code == CL_E_PARSE || err.code == CL_E_IO ? CL_EXIT_USAGE
                                                                : cl_err_exit_code(&err);
        }
        db_close(c);
    }
    ingest_summary s;
    int code = ingest_run(&o, &s);
    /* Nothing to summarize when the run could not start. */
    if (s.run_id || (s.dry_run && (code == CL_EXIT_OK || code == CL_EXIT_FAILED)))
        ingest_summary_print(&s, stdout);
    return code;
}

const cli_command cli_cmd_ingest = {
    .name = "ingest",
    .summary = "load statement PDFs and OFX/QFX/CSV downloads into the database (parallel, resumable)",
    .positional = "PATH...",
    .description = description,
    .opts = opts,
    .run = run,
};
