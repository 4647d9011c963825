/* cmd_verify.c - `cardledger verify`: the database's invariants, one line per check. */
#include "cli.h"
#include "common/err.h"
#include "db/db.h"
#include "db/verify.h"

#include <stdio.h>

static const cli_opt opts[] = {
    CLI_OPTS_DB,
    CLI_OPT_END,
};

static void print_check(void *ctx, const char *name, const char *promise, long long violations)
{
    (void)ctx;
    if (violations == 0)
        printf("ok    %-28s %s\n", name, promise);
    else
        printf("FAIL  %-28s %s: %lld row%s break%s it\n", name, promise, violations,
               violations == 1 ? "" : "s", violations == 1 ? "s" : "");
}

static int run(const cli_command *cmd, const cli_args *a)
{
    if (a->npos > 0)
        return cli_usage_error(cmd, "verify takes no arguments");
    cl_err err = {0};
    db_conn *c = db_open(cli_get(cmd, a, "db"), cli_flag(cmd, a, "no-migrate") ? DB_NO_MIGRATE : 0,
                         &err);
    int failed = c ? db_verify(c, print_check, NULL, &err) : -1;
    db_close(c);
    if (failed < 0) {
        fprintf(stderr, "cardledger verify: %s\n", err.msg);
        return cl_err_exit_code(&err);
    }
    printf("%s\n", failed ? "FAILED" : "all checks passed");
    return failed ? CL_EXIT_FAILED : CL_EXIT_OK;
}

const cli_command cli_cmd_verify = {
    .name = "verify",
    .summary = "check the database's invariants (nothing missing, nothing twice)",
    .usage = "verify [options]",
    .description =
        "Checks, in one consistent snapshot, that every stored file has its statement and all\n"
        "its pages, every duplicate names the file holding its statement, every statement has\n"
        "as many raw lines as transactions, no transaction is stored twice, no row lacks its\n"
        "statement, file, card, merchant or category, the summary tables equal a fresh rebuild,\n"
        "reconciled statements have a difference of 0.00, and no finished run counts more files\n"
        "stored than it stored. Prints one line per check, then 'all checks passed' or 'FAILED'.\n"
        "Exit status: 0 all hold, 1 some check failed, 3 the database is unavailable.\n"
        "Safe to run while an ingest runs.\n"
        "\n"
        "Example:\n"
        "  cardledger verify\n",
    .opts = opts,
    .run = run,
};
