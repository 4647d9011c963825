/* cmd_reprocess.c - `cardledger reprocess`: stored statements read again from their page text with the current profiles. */
#include "cli.h"
#include "filters.h"

#include "ingest/reprocess.h"

#include <stdio.h>
#include <string.h>

static const cli_opt opts[] = {
    CLI_OPTS_DB,
    {"profile", 0, "ID", "only statements read by profile ID, read with it again"},
    {"since", 0, "DATE", "only statements whose period ends on or after DATE (YYYY-MM-DD)"},
    {"dry-run", 'n', NULL, "report what would change; change nothing"},
    {"verbose", 'v', NULL, "one line for every statement, changed or not"},
    CLI_OPT_END,
};

static const char description[] =
    "Reads every stored statement again from the page text kept in the database\n"
    "(the original PDFs are not needed), with the bank profiles as they are now\n"
    "(built in plus $XDG_CONFIG_HOME/cardledger/banks), and replaces its statement\n"
    "row, raw lines and transactions, one database transaction per statement, so\n"
    "the summaries stay exact. Categories set by hand (categorize --set, --merchant)\n"
    "stay. A statement that no longer parses is named and left as it was.\n"
    "\n"
    "Prints one line per changed statement and the totals: rows added, removed,\n"
    "amounts changed, newly reconciled. Rows are matched on posting date and\n"
    "description. Exit 0, or 1 when some statement could not be read again.\n"
    "\n"
    "Examples:\n"
    "  cardledger reprocess --profile chase --dry-run\n"
    "  cardledger reprocess --since 2024-01-01\n";

typedef struct pctx {
    bool verbose, dry;
} pctx;

static void on_stmt(const ingest_reprocess_stmt *s, void *ud)
{
    const pctx *p = ud;
    if (s->error) {
        fprintf(stderr, "cardledger reprocess: statement %lld: %s (left as it was)\n", s->old_id, s->error);
        return;
    }
    bool changed = s->added || s->removed || s->amount_changed || s->was_reconciled != s->reconciled ||
                   s->duplicate || s->moved;
    if (!changed && !p->verbose)
        return;
    printf("%s  %s: %ld -> %ld rows, +%ld -%ld, %ld amounts changed%s%s\n", s->path, s->profile,
           s->rows_before, s->rows_after, s->added, s->removed, s->amount_changed,
           s->duplicate ? ", now a duplicate of another file's statement"
           : !s->was_reconciled && s->reconciled ? ", newly reconciled"
           : s->was_reconciled && !s->reconciled ? ", no longer reconciled" : "",
           changed ? "" : " (unchanged)");
    if (s->moved)
        printf("    now read as %s (was %s)\n", s->new_key, s->old_key);
}

static int run(const cli_command *cmd, const cli_args *a)
{
    if (a->npos > 0)
        return cli_usage_error(cmd, "unexpected argument '%s'", a->pos[0]);
    ingest_reprocess_opts o = {.profile = cli_get(cmd, a, "profile"), .since = CL_DATE_NONE,
                               .dry_run = cli_flag(cmd, a, "dry-run")};
    const char *s = cli_get(cmd, a, "since");
    if (s && (strlen(s) != 10 || (o.since = cl_date_parse_iso(s)) == CL_DATE_NONE))
        return cli_usage_error(cmd, "--since '%s': not a date YYYY-MM-DD", s);
    if (o.profile && !*o.profile)
        return cli_usage_error(cmd, "--profile: empty");
    int rc;
    db_conn *c = cli_open_db(cmd, a, &rc);
    if (!c)
        return rc;
    pctx p = {.verbose = cli_flag(cmd, a, "verbose"), .dry = o.dry_run};
    ingest_reprocess_totals t;
    cl_err err = {0};
    if (ingest_reprocess(c, &o, on_stmt, &p, &t, &err) < 0) {
        rc = cli_query_error(cmd, &err);
    } else {
        printf("%s%ld statements read again, %ld changed, %ld failed: %ld rows added, %ld removed, "
               "%ld amounts changed, %ld newly reconciled, %ld no longer reconciled\n",
               o.dry_run ? "dry run (nothing changed): " : "", t.statements, t.changed, t.failed, t.added,
               t.removed, t.amount_changed, t.newly_reconciled, t.no_longer_reconciled);
        rc = t.failed ? 1 : 0;
    }
    db_close(c);
    return rc;
}

const cli_command cli_cmd_reprocess = {
    .name = "reprocess",
    .summary = "read stored statements again from their page text with the current profiles",
    .usage = "reprocess [--profile ID] [--since DATE] [--dry-run] [--verbose]",
    .description = description,
    .opts = opts,
    .run = run,
};
