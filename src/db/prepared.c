/* prepared.c - statements prepared once per connection (db_set_prepare),
 * for long-lived connections that run the same few queries many times
 * (cardledger serve): parsing and planning setup is paid once. */
#include "db_internal.h"

#include "common/log.h"
#include "common/util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Queries built from filters differ by which filters are set, so a
 * connection sees a few dozen texts; beyond the cap they run unnamed. */
#define STMT_CAP 256

typedef struct stmt {
    uint64_t hash;
    char *sql;
} stmt;

struct db_stmt_cache {
    stmt v[STMT_CAP];
    int n;
    bool lost;
};

static uint64_t fnv1a(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

void db_stmt_cache_free(struct db_stmt_cache *sc)
{
    if (!sc)
        return;
    for (int i = 0; i < sc->n; i++)
        free(sc->v[i].sql);
    free(sc);
}

void db_set_prepare(db_conn *c, bool on)
{
    c->prepare = on;
    if (on && !c->stmts)
        c->stmts = xcalloc(1, sizeof *c->stmts);
}

bool db_prepare_lost(const db_conn *c)
{
    return c->stmts && c->stmts->lost &&
           (strcmp(c->sqlstate, "26000") == 0 || strcmp(c->sqlstate, "42P05") == 0);
}

/* The server forgot (or already has) a name: a pooler between us. */
static bool is_lost(const PGresult *res)
{
    const char *st = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    return st && (strcmp(st, "26000") == 0 || strcmp(st, "42P05") == 0);
}

static void mark_lost(db_conn *c)
{
    if (!c->stmts->lost)
        log_warn("db_prepare_off", LOG_S("dsn", c->dsn_redacted),
                 LOG_S("reason", "the server lost a prepared statement (a transaction pooler?); "
                                 "using unnamed statements on this connection"));
    c->stmts->lost = true;
    c->prepare = false;
}

PGresult *db_run_prepared(db_conn *c, const char *sql, int nparams, const char *const *params)
{
    struct db_stmt_cache *sc = c->stmts;
    sc->lost = false;
    uint64_t h = fnv1a(sql);
    char name[24];
    snprintf(name, sizeof name, "cl_%016llx", (unsigned long long)h);
    int found = -1;
    for (int i = 0; i < sc->n; i++)
        if (sc->v[i].hash == h) {
            found = strcmp(sc->v[i].sql, sql) == 0 ? i : -2;
            break;
        }
    if (found == -2 || (found == -1 && sc->n == STMT_CAP))   /* collision or full */
        return PQexecParams(c->pg, sql, nparams, NULL, params, NULL, NULL, 0);
    if (found == -1) {
        PGresult *p = PQprepare(c->pg, name, sql, nparams, NULL);
        if (!p || PQresultStatus(p) != PGRES_COMMAND_OK) {
            if (is_lost(p))
                mark_lost(c);
            return p;
        }
        PQclear(p);
        sc->v[sc->n].hash = h;
        sc->v[sc->n].sql = xstrdup(sql);
        sc->n++;
    }
    PGresult *res = PQexecPrepared(c->pg, name, nparams, params, NULL, NULL, 0);
    if (res && PQresultStatus(res) == PGRES_FATAL_ERROR && is_lost(res))
        mark_lost(c);
    return res;
}
