/* main.c - cardledger entry point: global flags, then dispatch to a command. */
#include "cli.h"
#include "common/env.h"
#include "common/err.h"
#include "common/log.h"

#include <stdio.h>
#include <string.h>

static void print_overview(FILE *out)
{
    fprintf(out,
            "usage: cardledger <command> [options]\n\n"
            "Turns credit-card statement PDFs into a deduplicated transaction database\n"
            "in PostgreSQL, with reports and dashboards.\n\ncommands:\n");
    for (int i = 0; cli_commands[i]; i++)
        fprintf(out, "  %-12s %s\n", cli_commands[i]->name, cli_commands[i]->summary);
    fprintf(out,
            "\nglobal options:\n"
            "  --help, -h       this overview; 'cardledger help COMMAND' or 'COMMAND --help' for one command\n"
            "  --version        print the program version and the schema version it migrates to\n"
            "\nexit codes: 0 success, 1 some work failed, 2 usage error,\n"
            "            3 database unavailable, 4 schema or migration problem\n"
            "\nThe database is --db DSN, else $CARDLEDGER_DB, else $DATABASE_URL, else the\n"
            "embedded cluster in $CARDLEDGER_HOME (default ~/.local/share/cardledger).\n");
    cl_env_print_help(out);
}

/* Edit distance of two short words (commands), for "did you mean". */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 31 || lb > 31)
        return 99;
    size_t row[32];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

static int unknown_command(const char *name)
{
    const char *best = NULL;
    size_t bd = 99;
    for (int i = 0; cli_commands[i]; i++) {
        const char *c = cli_commands[i]->name;
        size_t d = distance(name, c);
        /* a prefix ("ing") counts as close */
        if (strncmp(c, name, strlen(name)) == 0 && strlen(name) >= 2)
            d = 1;
        if (d < bd) {
            bd = d;
            best = c;
        }
    }
    if (best && bd <= 2)
        fprintf(stderr, "cardledger: unknown command '%s'; did you mean '%s'? (see 'cardledger --help')\n",
                name, best);
    else
        fprintf(stderr, "cardledger: unknown command '%s' (see 'cardledger --help')\n", name);
    return CL_EXIT_USAGE;
}

/* Provided by the db layer: the newest migration built into the binary. */
extern int db_schema_head_version(void);

int main(int argc, char **argv)
{
    if (argc < 2) {
        print_overview(stderr);
        return CL_EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        print_overview(stdout);
        return CL_EXIT_OK;
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
        printf("cardledger %s (schema version %d)\n", CARDLEDGER_VERSION, db_schema_head_version());
        return CL_EXIT_OK;
    }
    if (strcmp(name, "help") == 0) {
        if (argc < 3) {
            print_overview(stdout);
            return CL_EXIT_OK;
        }
        const cli_command *cmd = cli_find(argv[2]);
        if (!cmd)
            return unknown_command(argv[2]);
        cli_print_help(cmd);
        return CL_EXIT_OK;
    }
    const cli_command *cmd = cli_find(name);
    if (!cmd)
        return unknown_command(name);
    cli_args a;
    int rc = cli_parse(cmd, argc - 1, argv + 1, &a);
    if (rc)
        return rc > 0 ? CL_EXIT_OK : CL_EXIT_USAGE;
    return cmd->run(cmd, &a);
}
