/* filters.h - the report filter options, declared once for report, transactions, coverage and export. */
#ifndef CL_CLI_FILTERS_H
#define CL_CLI_FILTERS_H

#include "cli.h"
#include "common/err.h"
#include "db/db.h"
#include "query/query.h"

/* Which dates: --from/--to take a day or a whole month. */
#define CLI_OPTS_PERIOD                                                                   \
    {"from", 0, "DATE", "from this posting date: YYYY-MM-DD, or YYYY-MM for the month"},  \
    {"to", 0, "DATE", "up to this posting date: YYYY-MM-DD, or YYYY-MM for the month"},   \
    {"year", 0, "YYYY", "one calendar year (instead of --from/--to)"}

/* Which cards. */
#define CLI_OPTS_CARD \
    {"card", 0, "CARD", "last 4 digits, ISSUER:LAST4 or the card's label; repeatable"}

/* Which transactions, by what they are. */
#define CLI_OPTS_WHAT                                                                          \
    {"category", 0, "NAME", "category (with its subcategories), or Uncategorized; repeatable"}, \
    {"kind", 0, "KIND", "purchase, refund, payment, fee, interest, cash_advance, ...; repeatable or a,b"}, \
    {"merchant", 0, "TEXT", "merchant name contains TEXT (any case)"}

/* Row-level filters. */
#define CLI_OPTS_ROWS                                                                      \
    {"search", 0, "TEXT", "description or merchant name contains TEXT (any case)"},       \
    {"min", 0, "AMOUNT", "size of the amount at least AMOUNT (e.g. 100 or 12.50)"},      \
    {"max", 0, "AMOUNT", "size of the amount at most AMOUNT"}


/* Strings a filter borrows that were made from the options (split kinds). */
typedef struct cli_filter_store {
    char *kinds_text[Q_MAX_LIST];
    int n;
} cli_filter_store;

/* Read whichever of the options above cmd declares into f. With
 * default_this_year, no --from/--to/--year means the current calendar year.
 * On bad input prints one line naming the option and returns CL_EXIT_USAGE;
 * else 0. */
int cli_filters_read(const cli_command *cmd, const cli_args *a, bool default_this_year, q_filter *f,
                     cli_filter_store *st);
void cli_filter_store_free(cli_filter_store *st);

/* The current year (local time). */
int cli_this_year(void);

/* Open the database of --db / --no-migrate; prints the error and sets *rc. */
db_conn *cli_open_db(const cli_command *cmd, const cli_args *a, int *rc);
/* cli_filters_read, then cli_open_db: the connection, or NULL with *rc the
 * exit code (st is then already released). */
db_conn *cli_filters_open(const cli_command *cmd, const cli_args *a, bool default_this_year, q_filter *f,
                          cli_filter_store *st, int *rc);

/* Print an error of the read layer: a usage error ("card 'x': ...") as
 * "--card 'x': ..." with the --help hint (exit 2), else the message with its
 * exit code. Returns the exit code. */
int cli_query_error(const cli_command *cmd, const cl_err *err);

#endif
