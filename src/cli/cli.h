/* cli.h - the command table and option parser.
 *
 * Every command declares its options once (cli_opt table) and the same
 * declaration drives getopt_long and the generated --help text, so help
 * can never drift from the code. Options common to every command
 * (--log-format, --log-level, --help) are added by the framework. */
#ifndef CL_CLI_H
#define CL_CLI_H

#include <stdbool.h>

typedef struct cli_opt {
    const char *name;       /* long name, without "--" */
    int short_name;         /* single letter or 0 */
    const char *arg;        /* metavariable ("DSN") or NULL for a flag */
    const char *help;       /* one line */
} cli_opt;

#define CLI_OPT_END {0}
/* Database options shared by every command that uses the database. */
#define CLI_OPTS_DB                                                                     \
    {"db", 0, "DSN", "database to use (else $CARDLEDGER_DB, $DATABASE_URL, embedded)"}, \
    {"no-migrate", 0, NULL, "do not apply pending schema migrations automatically"}

#define CLI_MAX_OPTS 48
#define CLI_MAX_VALUES 128

typedef struct cli_args {
    const char *values[CLI_MAX_OPTS];   /* by index in the command's table */
    int counts[CLI_MAX_OPTS];
    const char *given[CLI_MAX_VALUES];  /* every value in order, for repeatable options */
    int given_opt[CLI_MAX_VALUES];      /* ... and the index of its option */
    int ngiven;
    char **pos;                         /* positional arguments (borrowed) */
    int npos;
} cli_args;

typedef struct cli_command {
    const char *name;
    const char *summary;        /* one line for `cardledger --help` */
    const char *usage;          /* "parse [options] INPUT..." */
    const char *description;    /* paragraphs and examples for --help */
    const cli_opt *opts;        /* terminated by CLI_OPT_END; may be NULL */
    /* Called with the parsed arguments; --help and usage errors never reach it. */
    int (*run)(const struct cli_command *cmd, const cli_args *a);
} cli_command;

/* Parse argv (argv[0] is the command name). Prints help and returns 1 when
 * --help is given; prints a usage error and returns -1 on a bad option.
 * Applies --log-format / --log-level itself. main() calls it before a
 * command's run(). */
int cli_parse(const cli_command *cmd, int argc, char **argv, cli_args *out);

/* Value of option NAME (last one given), or NULL. */
const char *cli_get(const cli_command *cmd, const cli_args *a, const char *name);
bool cli_flag(const cli_command *cmd, const cli_args *a, const char *name);
/* Every value of a repeatable option NAME in the order given (at most max);
 * returns how many. */
int cli_get_all(const cli_command *cmd, const cli_args *a, const char *name, const char **out, int max);
/* Integer option with a default; false (and a printed usage error) when
 * the value is not an integer in [min, max]. */
bool cli_get_int(const cli_command *cmd, const cli_args *a, const char *name,
                 long def, long min, long max, long *out);

void cli_print_help(const cli_command *cmd);
/* Print "cardledger: CMD: message" plus a hint to --help; returns 2. */
int cli_usage_error(const cli_command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The command table (commands.c). */
extern const cli_command *const cli_commands[];
const cli_command *cli_find(const char *name);

#define CARDLEDGER_VERSION "0.1.0"

#endif
