/* cmd_migrate.c - `cardledger migrate up [N] | down [N|all] | status | verify`. */
#include "cli.h"
#include "common/err.h"
#include "db/db.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const cli_opt opts[] = {
    CLI_OPT_DB,
    CLI_OPT_END,
};

static int fail(const cli_command *cmd, const cl_err *err)
{
    fprintf(stderr, "cardledger %s: %s\n", cmd->name, err->msg);
    return cl_err_exit_code(err);
}

/* N from "N" (>= 1), or -1 for "all" when allowed; 0 when invalid. */
static int parse_count(const char *s, bool allow_all)
{
    if (allow_all && strcmp(s, "all") == 0)
        return -1;
    char *end;
    errno = 0;
    long n = strtol(s, &end, 10);
    if (errno || *end || end == s || n < 1 || n > 100000)
        return 0;
    return (int)n;
}

static const char *state_name(db_mig_state s)
{
    switch (s) {
    case DB_MIG_PENDING: return "pending";
    case DB_MIG_APPLIED: return "applied";
    case DB_MIG_CHANGED: return "CHANGED";
    case DB_MIG_UNKNOWN: return "UNKNOWN";
    }
    return "?";
}

static int print_status(db_conn *c, cl_err *err)
{
    db_mig_status *st;
    int n, version;
    if (db_migrate_status(c, &st, &n, err) < 0 || db_schema_version(c, &version, err) < 0)
        return -1;
    printf("%-8s %-8s %-20s %s\n", "version", "state", "applied at", "file");
    int bad = 0;
    for (int i = 0; i < n; i++) {
        printf("%04d     %-8s %-20s %s\n", st[i].version, state_name(st[i].state),
               st[i].applied_at[0] ? st[i].applied_at : "-", st[i].file);
        bad += st[i].state == DB_MIG_CHANGED || st[i].state == DB_MIG_UNKNOWN;
    }
    printf("schema version %d; this cardledger's head is %d\n", version, db_schema_head_version());
    free(st);
    if (bad)
        return db_migrate_verify(c, err);
    return 0;
}

static int run_action(const cli_command *cmd, db_conn *c, const cli_args *a, cl_err *err)
{
    const char *action = a->pos[0];
    const char *arg = a->npos > 1 ? a->pos[1] : NULL;
    int count = 0, version = 0;
    if (strcmp(action, "up") == 0) {
        int n = arg ? parse_count(arg, false) : 0;
        if (db_migrate_up(c, n, &count, err) < 0 || db_schema_version(c, &version, err) < 0)
            return -1;
        printf("applied %d migration%s; schema version %d (head %d)\n", count, count == 1 ? "" : "s",
               version, db_schema_head_version());
    } else if (strcmp(action, "down") == 0) {
        int n = arg ? parse_count(arg, true) : 1;
        if (db_migrate_down(c, n, &count, err) < 0 || db_schema_version(c, &version, err) < 0)
            return -1;
        printf("reverted %d migration%s; schema version %d\n", count, count == 1 ? "" : "s", version);
    } else if (strcmp(action, "status") == 0) {
        return print_status(c, err);
    } else {
        if (db_migrate_verify(c, err) < 0)
            return -1;
        if (db_schema_version(c, &version, err) < 0)
            return -1;
        printf("ok: every applied migration matches its file; schema version %d\n", version);
    }
    (void)cmd;
    return 0;
}

static int check_usage(const cli_command *cmd, const cli_args *a)
{
    static const char *const actions[] = {"up", "down", "status", "verify"};
    if (a->npos < 1)
        return cli_usage_error(cmd, "which action: up, down, status or verify?");
    const char *action = a->pos[0];
    bool known = false;
    for (size_t i = 0; i < sizeof actions / sizeof *actions; i++)
        known |= strcmp(action, actions[i]) == 0;
    if (!known)
        return cli_usage_error(cmd, "unknown action '%s'", action);
    bool counted = strcmp(action, "up") == 0 || strcmp(action, "down") == 0;
    if (a->npos > (counted ? 2 : 1))
        return cli_usage_error(cmd, "too many arguments");
    if (counted && a->npos == 2 && !parse_count(a->pos[1], strcmp(action, "down") == 0))
        return cli_usage_error(cmd, "'%s' is not a count of migrations%s", a->pos[1],
                               strcmp(action, "down") == 0 ? " or 'all'" : "");
    return 0;
}

static int run(const cli_command *cmd, const cli_args *a)
{
    int rc = check_usage(cmd, a);
    if (rc != 0)
        return rc;
    cl_err err = {0};
    db_conn *c = db_open(cli_get(cmd, a, "db"), DB_RAW, &err);
    if (!c)
        return fail(cmd, &err);
    rc = run_action(cmd, c, a, &err) < 0 ? fail(cmd, &err) : CL_EXIT_OK;
    db_close(c);
    return rc;
}

const cli_command cli_cmd_migrate = {
    .name = "migrate",
    .summary = "apply, revert, list and verify schema migrations",
    .usage = "migrate up [N] | down [N|all] | status | verify [options]",
    .description =
        "Versioned SQL migrations (database/migrations/NNNN_name.up.sql and .down.sql) are built\n"
        "into cardledger. Applied versions are recorded with the SHA-256 of their up file in\n"
        "cardledger.schema_migrations. Each migration runs in its own transaction under an\n"
        "advisory lock, so several migrators at once apply each migration exactly once.\n"
        "Commands that need the schema apply pending migrations themselves unless given\n"
        "--no-migrate.\n"
        "\n"
        "actions:\n"
        "  up [N]          apply all pending migrations, or the next N\n"
        "  down [N|all]    revert the newest applied migration, the newest N, or all\n"
        "  status          list every migration: applied, pending, CHANGED or UNKNOWN\n"
        "  verify          check that every applied migration still matches its file\n"
        "\n"
        "An applied migration whose file changed makes verify, status and up fail (exit 4),\n"
        "naming the file. $CARDLEDGER_MIGRATIONS_DIR reads migrations from a folder instead\n"
        "of the built-in copies (for developers writing a migration).\n"
        "\n"
        "examples:\n"
        "  cardledger migrate up\n"
        "  cardledger migrate status --db postgresql://me@dbhost/cards\n"
        "  cardledger migrate down all\n"
        "\n"
        "exit codes: 0 ok, 2 usage, 3 database unavailable, 4 migration problem\n",
    .opts = opts,
    .run = run,
};
