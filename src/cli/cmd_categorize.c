/* cmd_categorize.c - `cardledger categorize`: re-apply the category rules,
 * override one transaction or merchant, list what is left uncategorized. */
#include "cli.h"
#include "common/err.h"
#include "db/db.h"
#include "query/categorize.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const cli_opt opts[] = {
    CLI_OPTS_DB,
    {"dry-run", 0, NULL, "say what would change, change nothing"},
    {"set", 0, "TXN_ID", "give transaction TXN_ID the category CATEGORY ('-': its rules again)"},
    {"merchant", 0, "NAME", "give merchant NAME the category CATEGORY ('-': its rules again)"},
    {"uncategorized", 0, NULL, "list the merchants without a category, most spend first"},
    {"top", 0, "N", "how many --uncategorized lists (default 20)"},
    {"list", 0, NULL, "list the categories (the tree) with their transactions"},
    CLI_OPT_END,
};

static const char description[] =
    "Categories come from rules: the defaults built into cardledger\n"
    "(categories/rules.txt, several hundred merchants, and the tree in\n"
    "categories/tree.txt) and your own in $XDG_CONFIG_HOME/cardledger/rules\n"
    "(else ~/.config/cardledger/rules), which come first. A rule line is\n"
    "  CATEGORY: KEYWORD, KEYWORD, kind=KIND ...\n"
    "A keyword matches whole words of a merchant's name (the longest match\n"
    "wins); kind=payment (fee, interest, ...) matches every transaction of that\n"
    "kind, so a payment is never spending. Ingest categorizes new merchants by\n"
    "the same rules. See docs/categories.md.\n"
    "\n"
    "Without options, re-applies the rules to every merchant and transaction\n"
    "(after you changed your rules, or cardledger's changed) in one\n"
    "transaction that also brings the summary tables up to date, and says\n"
    "what moved. --set and --merchant are overrides: they win over every rule\n"
    "and survive re-ingest and later runs. Category names are matched exactly\n"
    "or, failing that, ignoring case.\n"
    "\n"
    "Exit codes: 0 done, 2 usage error (unknown category, transaction or\n"
    "merchant; a bad rules file), 3 database unavailable, 4 schema problem.\n"
    "\n"
    "Examples:\n"
    "  cardledger categorize --dry-run\n"
    "  cardledger categorize\n"
    "  cardledger categorize --uncategorized --top 30\n"
    "  cardledger categorize --merchant 'BLUE BOTTLE' 'Coffee Shops'\n"
    "  cardledger categorize --set 81234 Travel\n";

static int fail(const cli_command *cmd, const cl_err *err)
{
    fprintf(stderr, "cardledger %s: %s\n", cmd->name, err->msg);
    return cl_err_exit_code(err);
}

static void print_result(const catg_result *r, bool dry)
{
    const char *verb = dry ? "would change" : "changed";
    if (r->merchants)
        printf("merchants: %ld of %ld %s category\n", r->merchants_changed, r->merchants, verb);
    printf("transactions: %ld of %ld %s category\n", r->txns_changed, r->txns, verb);
    for (int i = 0; i < r->nmoves; i++)
        printf("  %8ld  %s -> %s\n", r->moves[i].count, r->moves[i].from, r->moves[i].to);
    printf("uncategorized: %ld merchants, %ld transactions%s\n", r->uncategorized_merchants,
           r->uncategorized_txns,
           r->uncategorized_merchants ? " ('cardledger categorize --uncategorized' lists them)" : "");
    if (dry)
        printf("dry run: nothing was changed\n");
}

static int list_uncategorized(const cli_command *cmd, db_conn *c, long top)
{
    cl_err err = {0};
    catg_uncat *rows;
    int n;
    if (catg_uncategorized(c, (int)top, &rows, &n, &err) < 0)
        return fail(cmd, &err);
    printf("%-40s %-8s %6s %14s\n", "merchant", "currency", "txns", "spend");
    for (int i = 0; i < n; i++)
        printf("%-40s %-8s %6ld %14s\n", rows[i].merchant[0] ? rows[i].merchant : "(no merchant)",
               rows[i].currency, rows[i].txns, rows[i].spend);
    if (n == 0)
        printf("(none: every merchant with spending has a category)\n");
    free(rows);
    return CL_EXIT_OK;
}

static int list_tree(const cli_command *cmd, db_conn *c)
{
    cl_err err = {0};
    catg_tree_row *rows;
    int n;
    if (catg_tree(c, &rows, &n, &err) < 0)
        return fail(cmd, &err);
    printf("%-40s %12s\n", "category", "transactions");
    for (int i = 0; i < n; i++) {
        char name[96];
        snprintf(name, sizeof name, "%s%s", rows[i].parent[0] ? "  " : "", rows[i].name);
        printf("%-40s %12ld\n", name, rows[i].txns);
    }
    free(rows);
    return CL_EXIT_OK;
}

/* The category named by the positional argument: 0 for "-", else its id;
 * -1 (printed) when there is no such category. */
static long long category_arg(const cli_command *cmd, db_conn *c, const char *opt, const char *name,
                              cl_err *err)
{
    if (strcmp(name, "-") == 0)
        return 0;
    long long id;
    if (catg_category_id(c, name, &id, err) < 0)
        return -2;
    if (id == 0) {
        cli_usage_error(cmd, "--%s: no category '%s' ('cardledger categorize --list' shows them)",
                        opt, name);
        return -1;
    }
    return id;
}

/* --set / --merchant, then the rules on what they touched; 0 done, else an exit code. */
static int override(const cli_command *cmd, db_conn *c, const char *txn, const char *merchant,
                    const char *category, long long *mid, long long *tid, cl_err *err)
{
    long long cat = category_arg(cmd, c, txn ? "set" : "merchant", category, err);
    if (cat == -2)
        return -1;
    if (cat < 0)
        return CL_EXIT_USAGE;
    if (txn) {
        char *end;
        *tid = strtoll(txn, &end, 10);
        bool found = false;
        if (*end || *tid <= 0) {
            cli_usage_error(cmd, "--set: TXN_ID must be a transaction id (a positive number), not '%s'",
                            txn);
            return CL_EXIT_USAGE;
        }
        if (catg_set_transaction(c, *tid, cat, &found, err) < 0)
            return -1;
        if (!found) {
            cli_usage_error(cmd, "--set: no transaction with id %s", txn);
            return CL_EXIT_USAGE;
        }
        return 0;
    }
    char name[CATG_KEYWORD_MAX + 1];
    catg_normalize_keyword(merchant, name, sizeof name);
    if (catg_set_merchant(c, name, cat, mid, err) < 0)
        return -1;
    if (*mid == 0) {
        cli_usage_error(cmd, "--merchant: no merchant named '%s' ('cardledger categorize "
                             "--uncategorized' shows names)", name);
        return CL_EXIT_USAGE;
    }
    return 0;
}

static int run(const cli_command *cmd, const cli_args *a)
{
    const char *txn = cli_get(cmd, a, "set"), *merchant = cli_get(cmd, a, "merchant");
    bool uncat = cli_flag(cmd, a, "uncategorized"), list = cli_flag(cmd, a, "list");
    bool dry = cli_flag(cmd, a, "dry-run");
    if ((txn != NULL) + (merchant != NULL) + uncat + list > 1)
        return cli_usage_error(cmd, "--set, --merchant, --uncategorized and --list go one at a time");
    if ((txn || merchant) && a->npos != 1)
        return cli_usage_error(cmd, "--%s needs one CATEGORY after it (%d given)",
                               txn ? "set" : "merchant", a->npos);
    if (!txn && !merchant && a->npos > 0)
        return cli_usage_error(cmd, "unexpected argument '%s'", a->pos[0]);
    if (cli_get(cmd, a, "top") && !uncat)
        return cli_usage_error(cmd, "--top goes with --uncategorized");
    if (dry && (uncat || list))
        return cli_usage_error(cmd, "--dry-run goes with a categorize run, --set or --merchant");
    long top;
    if (!cli_get_int(cmd, a, "top", 20, 1, 100000, &top))
        return CL_EXIT_USAGE;

    cl_err err = {0};
    catg_ruleset rs = {0};
    char *path = catg_user_rules_path();
    int rc = uncat || list ? 0 : catg_ruleset_load(&rs, path, &err);
    if (rc < 0) {
        free(path);
        fprintf(stderr, "cardledger %s: %s\n", cmd->name, err.msg);
        return CL_EXIT_USAGE;
    }
    db_conn *c = db_open(cli_get(cmd, a, "db"), cli_flag(cmd, a, "no-migrate") ? DB_NO_MIGRATE : 0,
                         &err);
    if (!c) {
        free(path);
        catg_ruleset_free(&rs);
        return fail(cmd, &err);
    }
    if (uncat || list) {
        free(path);
        int code = uncat ? list_uncategorized(cmd, c, top) : list_tree(cmd, c);
        db_close(c);
        return code;
    }
    bool changed = false;
    long long mid = 0, tid = 0;
    catg_result res;
    int code = CL_EXIT_OK;
    if (db_begin(c, &err) < 0 || catg_rules_sync(c, &rs, &changed, &err) < 0)
        code = -1;
    if (code == 0 && (txn || merchant))
        code = override(cmd, c, txn, merchant, a->pos[0], &mid, &tid, &err);
    if (code == 0 && catg_apply(c, mid, tid, &res, &err) < 0)
        code = -1;
    if (code == 0 && !dry && db_commit(c, &err) < 0)
        code = -1;
    if (code != 0 || dry)
        db_rollback(c);
    db_close(c);
    if (code < 0) {
        free(path);
        catg_ruleset_free(&rs);
        return fail(cmd, &err);
    }
    if (code == 0) {
        const char *stored = changed ? (dry ? ", would be stored" : ", stored") : "";
        if (rs.user_path)
            printf("rules: %zu (%zu from %s)%s\n", rs.nrules, rs.nuser, rs.user_path, stored);
        else
            printf("rules: %zu built in (none of yours: %s does not exist)%s\n", rs.nrules,
                   path ? path : "$XDG_CONFIG_HOME/cardledger/rules", stored);
        print_result(&res, dry);
    }
    free(path);
    catg_ruleset_free(&rs);
    return code;
}

const cli_command cli_cmd_categorize = {
    .name = "categorize",
    .summary = "re-apply category rules; override a transaction's or merchant's category",
    .usage = "categorize [options] | --set TXN_ID CATEGORY | --merchant NAME CATEGORY",
    .description = description,
    .opts = opts,
    .run = run,
};
