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

/* ---- shared options: declared here once, used by every command that
 * takes them (their help text and parsing are the same everywhere) ---- */

/* The database (every command that uses one). */
#define CLI_OPT_DB {"db", 0, "DSN", "database to use (else $CARDLEDGER_DB, $DATABASE_URL, embedded)"}
#define CLI_OPTS_DB CLI_OPT_DB,                                                         \
    {"no-migrate", 0, NULL, "do not apply pending schema migrations automatically"}
/* Passwords of encrypted PDFs (every command that reads PDFs). */
#define CLI_OPT_PASSWORD_FILE                                                            \
    {"password-file", 0, "FILE", "passwords to try on encrypted PDFs, one per line (mode 0600; "\
     "else $CARDLEDGER_PDF_PASSWORDS_FILE)"}
#define CLI_OPT_CSV_MAP                                                                  \
    {"csv-map", 0, "FILE", "a CSV column mapping tried before the built-in ones "          \
     "(banks/csv/*.csvmap; also $XDG_CONFIG_HOME/cardledger/csv/)"}
/* Output format; FORMATS is the help text's list, e.g. "json (default) or csv". */
#define CLI_OPT_FORMAT(FORMATS) {"format", 'f', "FMT", "output format: " FORMATS}
/* The caps every document gets in every command that reads documents
 * (read with cli_get_caps). */
#define CLI_OPTS_CAPS                                                                     \
    {"memory-limit", 0, "MB", "memory one document may use (default 512; 0: no cap)"},    \
    {"max-pages", 0, "N", "fail a document with more pages than this (default 5000)"},    \
    {"file-timeout", 0, "S", "give up on a document after S seconds (default 60; 0: never)"}

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
    const char *usage;          /* "parse [options] INPUT..."; NULL: generated
                                 * from the options and .positional */
    const char *description;    /* paragraphs and examples for --help */
    const cli_opt *opts;        /* terminated by CLI_OPT_END; may be NULL */
    const char *positional;     /* "INPUT..." for a generated usage line */
    const char *unknown_option_hint;    /* added to "unknown option" errors, or NULL */
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

/* One of a fixed list of words (choices ends with NULL): its index, def
 * when absent; false (and a usage error listing the words) otherwise. */
bool cli_get_choice(const cli_command *cmd, const cli_args *a, const char *name,
                    const char *const *choices, int def, int *out);
/* A decimal number in [0, max] (absent: def); false with a usage error. */
bool cli_get_number(const cli_command *cmd, const cli_args *a, const char *name, double def,
                    double max, const char *unit, double *out);

struct ingest_caps;
/* The CLI_OPTS_CAPS options as caps; false (usage error printed) when bad. */
bool cli_get_caps(const cli_command *cmd, const cli_args *a, struct ingest_caps *caps);

void cli_print_help(const cli_command *cmd);
/* Print "cardledger: CMD: message" plus a hint to --help; returns 2. */
int cli_usage_error(const cli_command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The command table (commands.c). */
extern const cli_command *const cli_commands[];
const cli_command *cli_find(const char *name);

#define CARDLEDGER_VERSION "0.1.0"

#endif
