/* env.c - the table of environment variables; the only getenv() calls. */
#include "env.h"

#include <stdlib.h>

typedef struct env_var {
    const char *name;
    const char *help;
    bool test_hook;
} env_var;

static const env_var vars[CL_ENV_COUNT] = {
    [CL_ENV_DB] = {"CARDLEDGER_DB", "database connection string when --db is not given"},
    [CL_ENV_DATABASE_URL] = {"DATABASE_URL", "database connection string after $CARDLEDGER_DB"},
    [CL_ENV_PGSERVICE] = {"PGSERVICE", "libpq: when set (or PGHOST, PGHOSTADDR), libpq's defaults choose the server"},
    [CL_ENV_PGHOST] = {"PGHOST", "libpq: server host (other PG* variables are read by libpq itself)"},
    [CL_ENV_PGHOSTADDR] = {"PGHOSTADDR", "libpq: server address"},
    [CL_ENV_HOME] = {"CARDLEDGER_HOME", "where the embedded cluster lives (default $XDG_DATA_HOME/cardledger)"},
    [CL_ENV_PG_BINDIR] = {"CARDLEDGER_PG_BINDIR", "PostgreSQL server programs for the embedded cluster"},
    [CL_ENV_PG_USER] = {"CARDLEDGER_PG_USER", "system user the embedded cluster runs as when started by root"},
    [CL_ENV_MIGRATIONS_DIR] = {"CARDLEDGER_MIGRATIONS_DIR", "read migrations from this folder instead of the built-in ones"},
    [CL_ENV_PDF_PASSWORDS_FILE] = {"CARDLEDGER_PDF_PASSWORDS_FILE", "passwords file when --password-file is not given"},
    [CL_ENV_XDG_DATA_HOME] = {"XDG_DATA_HOME", "default ~/.local/share"},
    [CL_ENV_XDG_CONFIG_HOME] = {"XDG_CONFIG_HOME", "user bank profiles in $XDG_CONFIG_HOME/cardledger/banks, category rules in .../cardledger/rules (default ~/.config)"},
    [CL_ENV_USER_HOME] = {"HOME", "the user's home folder"},
    [CL_ENV_PATH] = {"PATH", "where 'doctor' looks for psql"},
    [CL_ENV_GRAFANA_PASSWORD] = {"CARDLEDGER_GRAFANA_PASSWORD", "password of the Grafana role for 'grafana setup' (Grafana's provisioning reads it too)"},
    [CL_ENV_TEST_HANG] = {"CARDLEDGER_TEST_HANG", "test hook: an ingest worker hangs on files whose name matches this glob", true},
    [CL_ENV_TEST_CRASH] = {"CARDLEDGER_TEST_CRASH", "test hook: an ingest worker aborts on files whose name matches this glob", true},
    [CL_ENV_TEST_FILE_DELAY_MS] = {"CARDLEDGER_TEST_FILE_DELAY_MS", "test hook: an ingest worker waits this long before each commit", true},
};

bool cl_env_test_hooks(void)
{
#ifdef CARDLEDGER_TEST_HOOKS
    return true;
#else
    return false;
#endif
}

const char *cl_env_get(cl_env v)
{
    if (v < 0 || v >= CL_ENV_COUNT || (vars[v].test_hook && !cl_env_test_hooks()))
        return NULL;
    const char *s = getenv(vars[v].name);
    return s && *s ? s : NULL;
}

const char *cl_env_name(cl_env v) { return v >= 0 && v < CL_ENV_COUNT ? vars[v].name : "?"; }

void cl_env_print_help(FILE *out)
{
    fprintf(out, "\nenvironment:\n");
    for (int i = 0; i < CL_ENV_COUNT; i++)
        if (!vars[i].test_hook)
            fprintf(out, "  %-30s %s\n", vars[i].name, vars[i].help);
    if (cl_env_test_hooks()) {
        fprintf(out, "  test hooks (this build has them; a build with -Dtest_hooks=false does not):\n");
        for (int i = 0; i < CL_ENV_COUNT; i++)
            if (vars[i].test_hook)
                fprintf(out, "  %-30s %s\n", vars[i].name, vars[i].help);
    }
}
