/* env.h - every environment variable cardledger reads, in one table.
 *
 * No other file calls getenv(): each variable is declared here once with
 * its one-line meaning, and `cardledger --help` lists them from the same
 * table. Test hooks (variables that make ingest workers misbehave on
 * purpose, for the crash, timeout and interrupt tests) are fenced: they
 * exist only when built with CARDLEDGER_TEST_HOOKS (meson option
 * test_hooks, on by default so that `make test` can use them; a release
 * build turns it off and they are then never read). */
#ifndef CL_ENV_H
#define CL_ENV_H

#include <stdbool.h>
#include <stdio.h>

typedef enum cl_env {
    CL_ENV_DB,                  /* CARDLEDGER_DB */
    CL_ENV_DATABASE_URL,
    CL_ENV_PGSERVICE,
    CL_ENV_PGHOST,
    CL_ENV_PGHOSTADDR,
    CL_ENV_HOME,                /* CARDLEDGER_HOME */
    CL_ENV_PG_BINDIR,
    CL_ENV_PG_USER,
    CL_ENV_MIGRATIONS_DIR,
    CL_ENV_PDF_PASSWORDS_FILE,
    CL_ENV_XDG_DATA_HOME,
    CL_ENV_XDG_CONFIG_HOME,
    CL_ENV_USER_HOME,           /* HOME */
    CL_ENV_PATH,
    CL_ENV_GRAFANA_PASSWORD,    /* CARDLEDGER_GRAFANA_PASSWORD */
    CL_ENV_TEST_HANG,           /* test hooks: see the header comment */
    CL_ENV_TEST_CRASH,
    CL_ENV_TEST_FILE_DELAY_MS,
    CL_ENV_COUNT
} cl_env;

/* The variable's value, or NULL when it is unset or empty (and always
 * NULL for a test hook in a build without them). */
const char *cl_env_get(cl_env v);
const char *cl_env_name(cl_env v);
/* True when this build reads the test hooks. */
bool cl_env_test_hooks(void);
/* "environment:" and one line per variable (for --help). */
void cl_env_print_help(FILE *out);

#endif
