/* cmd_db.c - `cardledger db start|stop|status|psql`: the embedded cluster and a shell. */
#include "cli.h"
#include "common/err.h"
#include "common/log.h"
#include "db/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const cli_opt opts[] = {
    CLI_OPTS_DB,
    CLI_OPT_END,
};

static int fail(const cli_command *cmd, const cl_err *err)
{
    fprintf(stderr, "cardledger %s: %s\n", cmd->name, err->msg);
    return cl_err_exit_code(err);
}

/* start/stop act on the embedded cluster even when another database is
 * configured; say so, since that is rarely what the user meant. */
static void note_external(const cli_command *cmd, const cli_args *a)
{
    char *dsn = NULL;
    bool embedded = true;
    cl_err err = {0};
    if (db_resolve_dsn(cli_get(cmd, a, "db"), &dsn, &embedded, &err) == 0 && !embedded)
        fprintf(stderr,
                "cardledger db: note: an external database is configured (--db, $CARDLEDGER_DB, "
                "$DATABASE_URL or PG* variables); this acts on the embedded cluster only\n");
    free(dsn);
}

static void print_embedded(const db_embedded_info *i)
{
    printf("database:     embedded cluster\n");
    printf("home:         %s\n", i->home);
    printf("cluster:      %s\n", i->cluster_dir);
    if (!i->exists)
        printf("server:       not created yet (the first command that needs it creates it)\n");
    else if (i->running)
        printf("server:       running (pid %d)\n", i->pid);
    else
        printf("server:       stopped (the next command that needs it starts it)\n");
    printf("server user:  %s\n", i->server_user[0] ? i->server_user : "(none found)");
    printf("binaries:     %s\n", i->bin_dir[0] ? i->bin_dir : "(no PostgreSQL server found)");
    printf("log:          %s\n", i->log_file);
    printf("dsn:          %s\n", i->dsn);
}

static int do_status(const cli_command *cmd, const cli_args *a)
{
    cl_err err = {0};
    char *dsn = NULL;
    bool embedded;
    if (db_resolve_dsn(cli_get(cmd, a, "db"), &dsn, &embedded, &err) < 0)
        return fail(cmd, &err);
    free(dsn);
    if (embedded) {
        db_embedded_info info;
        if (db_embedded_status(&info, &err) < 0)
            return fail(cmd, &err);
        print_embedded(&info);
        return info.running ? CL_EXIT_OK : CL_EXIT_DB;
    }
    db_conn *c = db_open(cli_get(cmd, a, "db"), DB_RAW, &err);
    if (!c)
        return fail(cmd, &err);
    int version = 0;
    if (db_schema_version(c, &version, &err) < 0) {
        db_close(c);
        return fail(cmd, &err);
    }
    printf("database:     external\n");
    printf("dsn:          %s\n", db_conn_dsn_redacted(c));
    printf("server:       reachable (PostgreSQL %d.%d)\n", db_server_version(c) / 10000,
           db_server_version(c) % 10000);
    printf("schema:       version %d (this cardledger's head is %d)\n", version, db_schema_head_version());
    db_close(c);
    return CL_EXIT_OK;
}

static int do_start_stop(const cli_command *cmd, const cli_args *a, bool start)
{
    note_external(cmd, a);
    cl_err err = {0};
    db_embedded_info info;
    int rc = start ? db_embedded_start(&info, &err) : db_embedded_stop(&info, &err);
    if (rc < 0)
        return fail(cmd, &err);
    if (start)
        printf("embedded cluster running in %s (pid %d)\n", info.cluster_dir, info.pid);
    else if (!info.exists)
        printf("embedded cluster in %s does not exist yet\n", info.cluster_dir);
    else
        printf("embedded cluster in %s stopped\n", info.cluster_dir);
    return CL_EXIT_OK;
}

/* Replace this process by psql connected to the chosen database. */
static int do_psql(const cli_command *cmd, const cli_args *a)
{
    cl_err err = {0};
    const char *cli_dsn = cli_get(cmd, a, "db");
    /* Opening starts (and migrates) the database like any other command. */
    db_conn *c = db_open(cli_dsn, cli_flag(cmd, a, "no-migrate") ? DB_RAW : DB_MIGRATE, &err);
    if (!c)
        return fail(cmd, &err);
    db_close(c);
    char *dsn = NULL;
    bool embedded;
    if (db_resolve_dsn(cli_dsn, &dsn, &embedded, &err) < 0)
        return fail(cmd, &err);
    char psql[1100] = "psql";
    db_embedded_info info;
    if (embedded && db_embedded_status(&info, &err) == 0 && info.bin_dir[0]) {
        snprintf(psql, sizeof psql, "%s/psql", info.bin_dir);
        if (access(psql, X_OK) != 0)
            snprintf(psql, sizeof psql, "psql");
    }
    char **argv = calloc((size_t)a->npos + 4, sizeof *argv);
    if (!argv)
        return CL_EXIT_FAILED;
    int k = 0;
    argv[k++] = psql;
    argv[k++] = "-d";
    argv[k++] = dsn;
    for (int i = 1; i < a->npos; i++)
        argv[k++] = a->pos[i];
    fflush(NULL);
    execvp(psql, argv);
    fprintf(stderr, "cardledger db: cannot run %s: install the PostgreSQL client (psql)\n", psql);
    free(argv);
    free(dsn);
    return CL_EXIT_FAILED;
}

static int run(const cli_command *cmd, const cli_args *a)
{
    if (a->npos < 1)
        return cli_usage_error(cmd, "which action: start, stop, status or psql?");
    const char *action = a->pos[0];
    if (strcmp(action, "psql") != 0 && a->npos > 1)
        return cli_usage_error(cmd, "too many arguments");
    if (strcmp(action, "start") == 0)
        return do_start_stop(cmd, a, true);
    if (strcmp(action, "stop") == 0)
        return do_start_stop(cmd, a, false);
    if (strcmp(action, "status") == 0)
        return do_status(cmd, a);
    if (strcmp(action, "psql") == 0)
        return do_psql(cmd, a);
    return cli_usage_error(cmd, "unknown action '%s'", action);
}

const cli_command cli_cmd_db = {
    .unknown_option_hint = "psql's own options go after '--': cardledger db psql -- -c 'SELECT 1'",
    .name = "db",
    .summary = "start, stop and inspect the database; open psql on it",
    .usage = "db start | stop | status | psql [-- PSQL-ARGS...] [options]",
    .description =
        "The database is --db DSN, else $CARDLEDGER_DB, else $DATABASE_URL, else libpq's own\n"
        "defaults when $PGSERVICE, $PGHOST or $PGHOSTADDR is set, else the embedded cluster:\n"
        "a private PostgreSQL cluster in $CARDLEDGER_HOME/pg (default\n"
        "~/.local/share/cardledger/pg) that listens only on a Unix socket in that directory.\n"
        "It is created and started on demand by any command that needs the database. As root\n"
        "the server runs as the 'postgres' account ($CARDLEDGER_PG_USER overrides); when that\n"
        "account cannot reach $CARDLEDGER_HOME (e.g. under /root), the cluster is placed in\n"
        "/var/lib/cardledger/clusters/ and $CARDLEDGER_HOME/pg links to it. The server\n"
        "binaries are the highest /usr/lib/postgresql/N/bin ($CARDLEDGER_PG_BINDIR overrides).\n"
        "\n"
        "actions:\n"
        "  start     create (first time) and start the embedded cluster\n"
        "  stop      stop the embedded cluster (fast shutdown; data is kept)\n"
        "  status    show where the database is and whether it runs;\n"
        "            exit 0 when it is reachable, 3 when it is not\n"
        "  psql      run psql on the database (starting it, and migrating it unless\n"
        "            --no-migrate); arguments after -- go to psql\n"
        "\n"
        "examples:\n"
        "  cardledger db status\n"
        "  cardledger db psql -- -c 'SELECT count(*) FROM analytics.transactions'\n"
        "  cardledger db stop\n",
    .opts = opts,
    .run = run,
};
