/* cmd_db.c - placeholder until the foundation work lands. */
#include "cli.h"
#include "common/err.h"

#include <stdio.h>

static int run(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc)
        return rc > 0 ? CL_EXIT_OK : CL_EXIT_USAGE;
    fprintf(stderr, "cardledger db: not implemented yet\n");
    return CL_EXIT_FAILED;
}

const cli_command cli_cmd_db = {
    .name = "db",
    .summary = "placeholder",
    .usage = "db",
    .run = run,
};
