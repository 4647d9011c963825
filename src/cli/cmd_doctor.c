/* cmd_doctor.c - `cardledger doctor`: dependencies, database, schema, disk space. */
#include "cli.h"
#include "common/env.h"
#include "common/err.h"
#include "db/db.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

static const cli_opt opts[] = {
    CLI_OPT_DB,
    CLI_OPT_END,
};

#define MIB (1024.0 * 1024.0)
#define DISK_FAIL_MIB 200.0     /* below this the database will soon stop */
#define DISK_WARN_MIB 1024.0

typedef enum { ST_OK, ST_WARN, ST_FAIL } status;

typedef struct report {
    int fails, warns;
    int exit_code;      /* the most specific failure's exit code */
} report;

static void row(report *r, const char *check, status st, int fail_exit, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void row(report *r, const char *check, status st, int fail_exit, const char *fmt, ...)
{
    char detail[1200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    static const char *const names[] = {"ok", "warn", "FAIL"};
    printf("%-16s %-5s %s\n", check, names[st], detail);
    if (st == ST_WARN)
        r->warns++;
    if (st == ST_FAIL) {
        r->fails++;
        if (r->exit_code == CL_EXIT_OK || r->exit_code == CL_EXIT_FAILED)
            r->exit_code = fail_exit;
    }
}

static void version_text(int v, char *out, size_t outsz)
{
    snprintf(out, outsz, "%d.%d", v / 10000, v % 10000);
}

static void check_server_binaries(report *r, const db_embedded_info *info, bool embedded)
{
    if (!embedded) {
        row(r, "postgres server", ST_OK, 1, "not needed: an external database is configured");
        return;
    }
    if (!info->bin_dir[0]) {
        row(r, "postgres server", ST_FAIL, CL_EXIT_DB,
            "no PostgreSQL server under /usr/lib/postgresql (run scripts/install-deps or set "
            "CARDLEDGER_PG_BINDIR)");
        return;
    }
    row(r, "postgres server", ST_OK, 1, "%s (runs as %s)", info->bin_dir,
        info->server_user[0] ? info->server_user : "?");
}

static void check_psql(report *r, const db_embedded_info *info)
{
    char p[1100];
    snprintf(p, sizeof p, "%s/psql", info->bin_dir);
    if (info->bin_dir[0] && access(p, X_OK) == 0) {
        row(r, "psql client", ST_OK, 1, "%s", p);
        return;
    }
    const char *path = cl_env_get(CL_ENV_PATH);
    char dirs[4096];
    snprintf(dirs, sizeof dirs, "%s", path ? path : "/usr/bin:/bin");
    for (char *save, *d = strtok_r(dirs, ":", &save); d; d = strtok_r(NULL, ":", &save)) {
        snprintf(p, sizeof p, "%s/psql", d);
        if (access(p, X_OK) == 0) {
            row(r, "psql client", ST_OK, 1, "%s", p);
            return;
        }
    }
    row(r, "psql client", ST_WARN, 1, "not found; only 'cardledger db psql' needs it");
}

static void check_home(report *r, const db_embedded_info *info)
{
    struct stat st;
    if (stat(info->home, &st) != 0)
        row(r, "home", ST_OK, 1, "%s (created on first use)", info->home);
    else if (access(info->home, W_OK) != 0)
        row(r, "home", ST_FAIL, 1, "%s is not writable: %s", info->home, strerror(errno));
    else
        row(r, "home", ST_OK, 1, "%s", info->home);
}

/* Free space where the data lives: the cluster's data directory, else the
 * nearest existing parent of $CARDLEDGER_HOME. */
static void check_disk(report *r, const db_embedded_info *info, bool embedded)
{
    char dir[1100];
    snprintf(dir, sizeof dir, "%s", embedded && info->exists ? info->data_dir : info->home);
    struct statvfs vfs;
    while (statvfs(dir, &vfs) != 0) {
        char *slash = strrchr(dir, '/');
        if (!slash || slash == dir) {
            snprintf(dir, sizeof dir, "/");
            if (statvfs(dir, &vfs) != 0) {
                row(r, "disk space", ST_WARN, 1, "cannot measure: %s", strerror(errno));
                return;
            }
            break;
        }
        *slash = '\0';
    }
    double free_mib = (double)vfs.f_bavail * (double)vfs.f_frsize / MIB;
    double total_mib = (double)vfs.f_blocks * (double)vfs.f_frsize / MIB;
    status st = free_mib < DISK_FAIL_MIB ? ST_FAIL : free_mib < DISK_WARN_MIB ? ST_WARN : ST_OK;
    row(r, "disk space", st, 1, "%.1f GiB free of %.1f GiB at %s%s", free_mib / 1024, total_mib / 1024,
        dir, embedded ? "" : " (cardledger home; the external database's disk is not checked)");
}

static void check_schema(report *r, db_conn *c)
{
    cl_err err = {0};
    int version = 0, head = db_schema_head_version();
    if (db_migrate_verify(c, &err) < 0) {
        row(r, "schema", ST_FAIL, cl_err_exit_code(&err), "%s", err.msg);
        return;
    }
    if (db_schema_version(c, &version, &err) < 0) {
        row(r, "schema", ST_FAIL, cl_err_exit_code(&err), "%s", err.msg);
        return;
    }
    if (version < head)
        row(r, "schema", ST_WARN, CL_EXIT_SCHEMA,
            "version %d of %d: the next command applies the pending migrations (or run "
            "'cardledger migrate up')", version, head);
    else
        row(r, "schema", ST_OK, CL_EXIT_SCHEMA, "version %d (head), migrations verified", version);
}

static void check_extension(report *r, db_conn *c)
{
    cl_err err = {0};
    char *inst = NULL, *avail = NULL;
    if (db_query_value(c, "SELECT extversion FROM pg_extension WHERE extname = 'pg_trgm'", 0, NULL,
                       &inst, &err) < 0 ||
        db_query_value(c, "SELECT default_version FROM pg_available_extensions WHERE name = 'pg_trgm'",
                       0, NULL, &avail, &err) < 0)
        row(r, "pg_trgm", ST_FAIL, CL_EXIT_DB, "%s", err.msg);
    else if (inst)
        row(r, "pg_trgm", ST_OK, 1, "installed (%s)", inst);
    else if (avail)
        row(r, "pg_trgm", ST_OK, 1, "available (%s); the first migration installs it", avail);
    else
        row(r, "pg_trgm", ST_FAIL, CL_EXIT_SCHEMA,
            "not available on the server (install postgresql-contrib)");
    free(inst);
    free(avail);
}

static void check_database(report *r, const cli_command *cmd, const cli_args *a, bool embedded)
{
    cl_err err = {0};
    db_conn *c = db_open(cli_get(cmd, a, "db"), DB_RAW, &err);
    if (!c) {
        row(r, "database", ST_FAIL, cl_err_exit_code(&err), "%s", err.msg);
        return;
    }
    char sv[32];
    version_text(db_server_version(c), sv, sizeof sv);
    row(r, "database", ST_OK, CL_EXIT_DB, "%s (%s, PostgreSQL %s)", db_conn_dsn_redacted(c),
        embedded ? "embedded" : "external", sv);
    if (db_server_version(c) < 150000)
        row(r, "server version", ST_FAIL, CL_EXIT_DB, "PostgreSQL %s is too old; 15 or newer is needed", sv);
    char *jit = NULL;
    if (db_query_value(c, "SHOW jit", 0, NULL, &jit, &err) == 0)
        row(r, "jit", jit && strcmp(jit, "off") == 0 ? ST_OK : ST_WARN, 1, "%s for cardledger sessions",
            jit ? jit : "?");
    free(jit);
    check_extension(r, c);
    check_schema(r, c);
    db_close(c);
}

static int run(const cli_command *cmd, const cli_args *a)
{
    if (a->npos > 0)
        return cli_usage_error(cmd, "doctor takes no arguments");
    cl_err err = {0};
    char *dsn = NULL;
    bool embedded = false;
    db_embedded_info info;
    if (db_resolve_dsn(cli_get(cmd, a, "db"), &dsn, &embedded, &err) < 0 ||
        db_embedded_status(&info, &err) < 0) {
        fprintf(stderr, "cardledger doctor: %s\n", err.msg);
        return cl_err_exit_code(&err);
    }
    free(dsn);

    report r = {0, 0, CL_EXIT_OK};
    char lv[32];
    version_text(db_client_version(), lv, sizeof lv);
    printf("%-16s %-5s %s\n", "check", "state", "detail");
    row(&r, "cardledger", ST_OK, 1, "%s, schema head %d", CARDLEDGER_VERSION, db_schema_head_version());
    row(&r, "libpq", ST_OK, 1, "%s", lv);
    check_server_binaries(&r, &info, embedded);
    check_psql(&r, &info);
    check_home(&r, &info);
    check_database(&r, cmd, a, embedded);
    if (embedded && db_embedded_status(&info, &err) == 0)   /* now created */
        row(&r, "embedded cluster", info.running ? ST_OK : ST_FAIL, CL_EXIT_DB, "%s (%s)",
            info.cluster_dir, info.running ? "running" : "not running");
    check_disk(&r, &info, embedded);
    if (r.fails)
        printf("\nUNHEALTHY: %d check%s failed, %d warning%s\n", r.fails, r.fails == 1 ? "" : "s",
               r.warns, r.warns == 1 ? "" : "s");
    else
        printf("\nhealthy%s\n", r.warns ? " (with warnings)" : "");
    return r.fails ? r.exit_code : CL_EXIT_OK;
}

const cli_command cli_cmd_doctor = {
    .name = "doctor",
    .summary = "check dependencies, the database, the schema and disk space",
    .usage = "doctor [options]",
    .description =
        "Prints one line per check (ok, warn or FAIL) and a verdict: the PostgreSQL server\n"
        "binaries and psql, libpq, $CARDLEDGER_HOME, whether the database is reachable (the\n"
        "embedded cluster is started if needed), the server version (15 or newer), JIT off,\n"
        "the pg_trgm extension, the schema version and migration checksums, and the free\n"
        "disk space where the data lives (FAIL below 200 MiB, warn below 1 GiB). Doctor never\n"
        "applies migrations.\n"
        "\n"
        "examples:\n"
        "  cardledger doctor\n"
        "  cardledger doctor --db 'host=dbhost dbname=cards user=me'\n"
        "\n"
        "exit codes: 0 healthy (warnings allowed), 3 database unreachable, 4 schema problem,\n"
        "1 any other failed check\n",
    .opts = opts,
    .run = run,
};
