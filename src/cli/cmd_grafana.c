/* cmd_grafana.c - `cardledger grafana setup`: the read-only login role Grafana uses. */
#include "cli.h"
#include "common/env.h"
#include "common/err.h"
#include "common/util.h"
#include "db/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_ROLE "cardledger_grafana"
#define PASSWORD_ENV "CARDLEDGER_GRAFANA_PASSWORD"

static const cli_opt opts[] = {
    CLI_OPTS_DB,
    {"role", 0, "NAME", "login role to create or update (default " DEFAULT_ROLE ")"},
    {"password-file", 0, "F", "read the role's password from the first line of F (else $" PASSWORD_ENV ")"},
    CLI_OPT_END,
};

/* Every name is quoted by the server (format's %I and %L), the password
 * arrives as libpq's SCRAM secret, and the function lives in pg_temp, so it
 * disappears with the session. It refuses the role running it, a superuser,
 * and any role that owns or inherits the owner of the cardledger schemas. */
static const char setup_function[] =
    "CREATE FUNCTION pg_temp.cardledger_grafana_setup(p_role text, p_secret text) RETURNS text\n"
    "LANGUAGE plpgsql AS $fn$\n"
    "DECLARE\n"
    "    owner_oid oid := (SELECT nspowner FROM pg_namespace WHERE nspname = 'analytics');\n"
    "    existing pg_roles%ROWTYPE;\n"
    "    verb text := 'updated';\n"
    "BEGIN\n"
    "    IF owner_oid IS NULL THEN\n"
    "        RAISE EXCEPTION 'the database has no cardledger schema (run cardledger migrate up)';\n"
    "    END IF;\n"
    "    IF p_role = current_user OR p_role = session_user THEN\n"
    "        RAISE EXCEPTION 'role \"%\" is the one running this command: Grafana needs a role of its own', p_role;\n"
    "    END IF;\n"
    "    SELECT * INTO existing FROM pg_roles WHERE rolname = p_role;\n"
    "    IF FOUND THEN\n"
    "        IF existing.rolsuper THEN\n"
    "            RAISE EXCEPTION 'role \"%\" is a superuser: choose another --role', p_role;\n"
    "        END IF;\n"
    "        IF pg_has_role(p_role, owner_oid, 'USAGE') THEN\n"
    "            RAISE EXCEPTION 'role \"%\" owns (or inherits the owner of) the cardledger schemas: "
    "choose another --role', p_role;\n"
    "        END IF;\n"
    "        EXECUTE format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
    "NOBYPASSRLS PASSWORD %L', p_role, p_secret);\n"
    "    ELSE\n"
    "        EXECUTE format('CREATE ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
    "NOBYPASSRLS PASSWORD %L', p_role, p_secret);\n"
    "        verb := 'created';\n"
    "    END IF;\n"
    "    EXECUTE format('ALTER ROLE %I IN DATABASE %I SET default_transaction_read_only = on', p_role, "
    "current_database());\n"
    "    EXECUTE format('ALTER ROLE %I IN DATABASE %I SET statement_timeout = %L', p_role, current_database(), "
    "'60s');\n"
    "    EXECUTE format('ALTER ROLE %I IN DATABASE %I SET timezone = %L', p_role, current_database(), 'UTC');\n"
    "    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), p_role);\n"
    "    EXECUTE format('GRANT USAGE ON SCHEMA analytics, raw TO %I', p_role);\n"
    "    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO %I', p_role);\n"
    "    EXECUTE format('GRANT SELECT ON raw.statements, raw.source_files, raw.source_file_paths, "
    "raw.ingest_runs TO %I', p_role);\n"
    "    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA analytics GRANT SELECT ON TABLES TO %I', p_role);\n"
    "    RETURN verb || ' ' || current_database();\n"
    "END\n"
    "$fn$";

static const char description[] =
    "Creates (or updates) the PostgreSQL login role that Grafana's data source uses\n"
    "(grafana/provisioning/datasources/cardledger.yaml): it can read the analytics\n"
    "schema and the statements, files and ingest runs of the raw schema, and nothing\n"
    "else: no page text, no raw lines, no writes (its sessions are also read-only by\n"
    "default, time out after 60 s and use UTC). Run it again after a migration\n"
    "added views, or to change the password.\n"
    "\n"
    "The password is the first line of --password-file F, else $" PASSWORD_ENV "\n"
    "(the variable the provisioning file gives Grafana). It never goes to the server\n"
    "in clear: libpq turns it into the SCRAM secret the server stores. Run it as the\n"
    "role that owns the cardledger schema (it needs CREATEROLE), which Grafana must\n"
    "never use.\n"
    "\n"
    "Example:\n"
    "  CARDLEDGER_GRAFANA_PASSWORD='...' cardledger grafana setup --db 'host=db dbname=cardledger'\n";

/* The password from the file's first line or the environment (malloc'd). */
static char *read_password(const cli_command *cmd, const cli_args *a, int *rc)
{
    const char *file = cli_get(cmd, a, "password-file");
    char *pw = NULL;
    if (file) {
        size_t len = 0;
        cl_err err = {0};
        if (util_read_file(file, &pw, &len, &err) != 0) {
            fprintf(stderr, "cardledger grafana: --password-file: %s\n", err.msg);
            *rc = CL_EXIT_USAGE;
            return NULL;
        }
        pw[strcspn(pw, "\r\n")] = '\0';
    } else {
        const char *env = cl_env_get(CL_ENV_GRAFANA_PASSWORD);
        if (env && !(pw = strdup(env))) {
            *rc = CL_EXIT_FAILED;
            return NULL;
        }
    }
    if (!pw || !*pw) {
        free(pw);
        *rc = cli_usage_error(cmd, "no password: set $%s or give --password-file F", PASSWORD_ENV);
        return NULL;
    }
    return pw;
}

static int setup(const cli_command *cmd, const cli_args *a)
{
    const char *role = cli_get(cmd, a, "role");
    if (!role)
        role = DEFAULT_ROLE;
    if (!*role || strlen(role) > 63)
        return cli_usage_error(cmd, "--role: a role name is 1 to 63 bytes");
    int rc = CL_EXIT_OK;
    char *pw = read_password(cmd, a, &rc);
    if (!pw)
        return rc;
    cl_err err = {0};
    db_conn *c = db_open(cli_get(cmd, a, "db"), cli_flag(cmd, a, "no-migrate") ? DB_NO_MIGRATE : 0, &err);
    char *secret = c ? db_password_secret(c, role, pw, &err) : NULL;
    explicit_bzero(pw, strlen(pw));
    free(pw);
    char *done = NULL;
    if (secret) {
        const char *p[] = {role, secret};
        if (db_begin(c, &err) == 0 && db_exec(c, setup_function, 0, NULL, &err) >= 0 &&
            db_query_value(c, "SELECT pg_temp.cardledger_grafana_setup($1, $2)", 2, p, &done, &err) == 0 &&
            db_exec(c, "DROP FUNCTION pg_temp.cardledger_grafana_setup(text, text)", 0, NULL, &err) >= 0 &&
            db_commit(c, &err) == 0) {
            char *space = done ? strchr(done, ' ') : NULL;
            if (space)
                *space++ = '\0';
            printf("role %s %s: it can read the analytics schema and raw.statements, raw.source_files,\n"
                   "raw.source_file_paths and raw.ingest_runs of database %s, and write nothing.\n"
                   "Give Grafana CARDLEDGER_GRAFANA_PASSWORD, CARDLEDGER_GRAFANA_HOST, "
                   "CARDLEDGER_GRAFANA_DATABASE=%s\n"
                   "and CARDLEDGER_GRAFANA_SSLMODE (see README, \"Grafana\").\n",
                   role, done ? done : "set up", space ? space : "?", space ? space : "?");
        } else {
            db_rollback(c);
        }
        explicit_bzero(secret, strlen(secret));
        free(secret);
    }
    if (c)
        db_close(c);
    if (!done) {
        fprintf(stderr, "cardledger grafana setup: %s\n", err.msg);
        return err.code == CL_E_FAILED ? CL_EXIT_FAILED : cl_err_exit_code(&err);
    }
    free(done);
    return CL_EXIT_OK;
}

static int run(const cli_command *cmd, const cli_args *a)
{
    if (a->npos < 1)
        return cli_usage_error(cmd, "which action? setup");
    if (strcmp(a->pos[0], "setup") != 0)
        return cli_usage_error(cmd, "unknown action '%s' (setup)", a->pos[0]);
    if (a->npos > 1)
        return cli_usage_error(cmd, "too many arguments");
    return setup(cmd, a);
}

const cli_command cli_cmd_grafana = {
    .name = "grafana",
    .summary = "create the read-only database role Grafana's dashboards use",
    .usage = "grafana setup [--role NAME] [--password-file F] [options]",
    .description = description,
    .opts = opts,
    .run = run,
};
