/* migrate.c - versioned schema migrations (the Alembic role).
 *
 * Files NNNN_name.up.sql / NNNN_name.down.sql are compiled into the binary
 * (database/meson.build); $CARDLEDGER_MIGRATIONS_DIR reads a folder
 * instead. Applied versions live in cardledger.schema_migrations with the
 * SHA-256 of the up file. Every migration runs in its own transaction that
 * first takes one advisory lock and then re-checks whether the version is
 * still pending, so any number of concurrent migrators apply each
 * migration exactly once and all succeed. */
#include "common/embedded.h"
#include "common/env.h"
#include "common/hash.h"
#include "common/log.h"
#include "common/util.h"
#include "db_internal.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const cl_embedded_file db_embedded_migrations[];

/* Taken by every migration transaction (an arbitrary constant: "clmig"). */
#define MIGRATION_LOCK "SELECT pg_advisory_xact_lock(427311442279)"

typedef struct mig {
    int version;
    char name[96];
    char up_file[128], down_file[128];
    char *up, *down;    /* NULL when the file is missing */
    char checksum[CL_SHA256_HEX];
} mig;

typedef struct mig_set {
    mig *v;
    int n;
} mig_set;

typedef struct applied {
    int version;
    char name[96];
    char checksum[CL_SHA256_HEX];
    char applied_at[40];
} applied;

static void set_free(mig_set *s)
{
    for (int i = 0; i < s->n; i++) {
        free(s->v[i].up);
        free(s->v[i].down);
    }
    free(s->v);
    s->v = NULL;
    s->n = 0;
}

/* Parse "0001_initial_schema.up.sql"; false for other names. */
static bool parse_name(const char *file, int *version, char *name, size_t namesz, bool *up)
{
    if (strlen(file) < 6 || !isdigit((unsigned char)file[0]) || !isdigit((unsigned char)file[1]) ||
        !isdigit((unsigned char)file[2]) || !isdigit((unsigned char)file[3]) || file[4] != '_')
        return false;
    const char *rest = file + 5, *dot = strchr(rest, '.');
    if (!dot || dot == rest || (size_t)(dot - rest) >= namesz)
        return false;
    for (const char *p = rest; p < dot; p++)
        if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p) && *p != '_')
            return false;
    if (strcmp(dot, ".up.sql") == 0)
        *up = true;
    else if (strcmp(dot, ".down.sql") == 0)
        *up = false;
    else
        return false;
    *version = atoi(file);
    snprintf(name, namesz, "%.*s", (int)(dot - rest), rest);
    return *version > 0;
}

static int add_file(mig_set *s, const char *file, const char *text, size_t len, cl_err *err)
{
    int version;
    char name[96];
    bool up;
    if (!parse_name(file, &version, name, sizeof name, &up))
        return cl_err_set(err, CL_E_SCHEMA,
                          "migration file %s: name must be NNNN_name.up.sql or NNNN_name.down.sql", file);
    mig *m = NULL;
    for (int i = 0; i < s->n; i++)
        if (s->v[i].version == version)
            m = &s->v[i];
    if (!m) {
        s->v = xrealloc(s->v, (size_t)(s->n + 1) * sizeof *s->v);
        m = &s->v[s->n++];
        memset(m, 0, sizeof *m);
        m->version = version;
        snprintf(m->name, sizeof m->name, "%s", name);
    } else if (strcmp(m->name, name) != 0) {
        return cl_err_set(err, CL_E_SCHEMA, "migration file %s: version %04d is also named '%s'",
                          file, version, m->name);
    }
    if (up) {
        snprintf(m->up_file, sizeof m->up_file, "%s", file);
        m->up = xstrndup(text, len);
        cl_sha256_buf(text, len, m->checksum);
    } else {
        snprintf(m->down_file, sizeof m->down_file, "%s", file);
        m->down = xstrndup(text, len);
    }
    return 0;
}

static int by_version(const void *a, const void *b)
{
    return ((const mig *)a)->version - ((const mig *)b)->version;
}

static int load_dir(mig_set *s, const char *dir, cl_err *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return cl_err_set(err, CL_E_SCHEMA, "CARDLEDGER_MIGRATIONS_DIR %s: cannot open", dir);
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 4 || strcmp(e->d_name + n - 4, ".sql") != 0)
            continue;
        char path[4096], *text;
        size_t len;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        rc = util_read_file(path, &text, &len, err);
        if (rc == 0) {
            rc = add_file(s, e->d_name, text, len, err);
            free(text);
        } else {
            err->code = CL_E_SCHEMA;
        }
    }
    closedir(d);
    return rc;
}

/* Every migration this binary knows, sorted by version. */
static int load_migrations(mig_set *s, cl_err *err)
{
    memset(s, 0, sizeof *s);
    const char *dir = cl_env_get(CL_ENV_MIGRATIONS_DIR);
    int rc = 0;
    if (dir && *dir)
        rc = load_dir(s, dir, err);
    else
        for (const cl_embedded_file *f = db_embedded_migrations; rc == 0 && f->name; f++)
            rc = add_file(s, f->name, f->text, f->len, err);
    for (int i = 0; rc == 0 && i < s->n; i++)
        if (!s->v[i].up)
            rc = cl_err_set(err, CL_E_SCHEMA, "migration %s has no up file", s->v[i].down_file);
    if (rc < 0) {
        set_free(s);
        return -1;
    }
    qsort(s->v, (size_t)s->n, sizeof *s->v, by_version);
    return 0;
}

static mig *find_mig(mig_set *s, int version)
{
    for (int i = 0; i < s->n; i++)
        if (s->v[i].version == version)
            return &s->v[i];
    return NULL;
}

/* ---- the bookkeeping table -------------------------------------------------- */

static int table_exists(db_conn *c, bool *exists, cl_err *err)
{
    char *v = NULL;
    if (db_query_value(c, "SELECT to_regclass('cardledger.schema_migrations') IS NOT NULL", 0, NULL,
                       &v, err) < 0)
        return -1;
    *exists = v && strcmp(v, "t") == 0;
    free(v);
    return 0;
}

static int bootstrap(db_conn *c, cl_err *err)
{
    bool exists;
    if (table_exists(c, &exists, err) < 0)
        return -1;
    if (exists)
        return 0;
    static const char sql[] =
        "CREATE SCHEMA IF NOT EXISTS cardledger;"
        "CREATE TABLE IF NOT EXISTS cardledger.schema_migrations ("
        " version integer PRIMARY KEY,"
        " name text NOT NULL,"
        " checksum text NOT NULL,"
        " applied_at timestamptz NOT NULL DEFAULT now())";
    /* Re-checked under the lock by reading pg_class itself: the backend's
     * cached "no such table" may predate a concurrent creator's commit. */
    static const char recheck[] =
        "SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'cardledger' AND c.relname = 'schema_migrations'";
    char *n = NULL;
    if (db_begin(c, err) < 0)
        return -1;
    if (db_exec(c, MIGRATION_LOCK, 0, NULL, err) < 0 || db_query_value(c, recheck, 0, NULL, &n, err) < 0 ||
        ((!n || strcmp(n, "0") == 0) && db_exec(c, sql, 0, NULL, err) < 0) || db_commit(c, err) < 0) {
        free(n);
        db_rollback(c);
        return -1;
    }
    free(n);
    return 0;
}

/* Applied rows by version; *out malloc'd. No table: none. */
static int read_applied(db_conn *c, applied **out, int *n, cl_err *err)
{
    *out = NULL;
    *n = 0;
    bool exists;
    if (table_exists(c, &exists, err) < 0)
        return -1;
    if (!exists)
        return 0;
    db_result *r = db_query(c,
                            "SELECT version, name, checksum, to_char(applied_at, 'YYYY-MM-DD HH24:MI:SS') "
                            "FROM cardledger.schema_migrations ORDER BY version",
                            0, NULL, err);
    if (!r)
        return -1;
    *n = db_nrows(r);
    *out = xcalloc((size_t)(*n ? *n : 1), sizeof **out);
    for (int i = 0; i < *n; i++) {
        applied *a = &(*out)[i];
        a->version = atoi(db_value(r, i, 0));
        snprintf(a->name, sizeof a->name, "%s", db_value(r, i, 1));
        snprintf(a->checksum, sizeof a->checksum, "%s", db_value(r, i, 2));
        snprintf(a->applied_at, sizeof a->applied_at, "%s", db_value(r, i, 3));
    }
    db_result_free(r);
    return 0;
}

/* An applied migration must exist in this binary with the same checksum. */
static int check_applied(mig_set *s, int version, const char *name, const char *checksum, cl_err *err)
{
    mig *m = find_mig(s, version);
    if (!m)
        return cl_err_set(err, CL_E_SCHEMA,
                          "the database has migration %04d_%s, which this cardledger does not know "
                          "(schema head %d). HINT: use a newer cardledger",
                          version, name, s->n ? s->v[s->n - 1].version : 0);
    if (strcmp(m->checksum, checksum) != 0)
        return cl_err_set(err, CL_E_SCHEMA,
                          "migration file %s has changed since it was applied (checksum %.12s, "
                          "applied %.12s). HINT: restore the file; add a new migration instead of "
                          "editing an applied one",
                          m->up_file, m->checksum, checksum);
    return 0;
}

static int verify_all(mig_set *s, const applied *a, int na, cl_err *err)
{
    for (int i = 0; i < na; i++)
        if (check_applied(s, a[i].version, a[i].name, a[i].checksum, err) < 0)
            return -1;
    return 0;
}

/* ---- applying and reverting ---------------------------------------------------- */

static const char *version_param(int version, char buf[16])
{
    snprintf(buf, 16, "%d", version);
    return buf;
}

/* Inside a migration transaction: the checksum recorded for version, if any. */
static int recorded_checksum(db_conn *c, int version, bool for_update, char **out, cl_err *err)
{
    char vb[16];
    const char *p[] = {version_param(version, vb)};
    return db_query_value(c,
                          for_update ? "SELECT checksum FROM cardledger.schema_migrations WHERE version = $1 FOR UPDATE"
                                     : "SELECT checksum FROM cardledger.schema_migrations WHERE version = $1",
                          1, p, out, err);
}

/* A failure of the migration's own SQL is a schema problem, naming the file. */
static int mig_fail(cl_err *err, const char *file)
{
    if (err && err->code != CL_E_DB)
        err->code = CL_E_SCHEMA;
    return cl_err_prefix(err, "migration %s", file);
}

/* 1 applied, 0 someone else already had, -1 error. */
static int apply_one(db_conn *c, mig_set *s, mig *m, cl_err *err)
{
    double t0 = util_now_ms();
    char *have = NULL;
    if (db_begin(c, err) < 0)
        return -1;
    if (db_exec(c, MIGRATION_LOCK, 0, NULL, err) < 0 || recorded_checksum(c, m->version, false, &have, err) < 0)
        goto fail;
    if (have) {     /* a concurrent migrator applied it first */
        db_rollback(c);
        int rc = check_applied(s, m->version, m->name, have, err);
        free(have);
        return rc < 0 ? -1 : 0;
    }
    if (db_exec(c, m->up, 0, NULL, err) < 0) {
        mig_fail(err, m->up_file);
        goto fail;
    }
    char vb[16];
    const char *p[] = {version_param(m->version, vb), m->name, m->checksum};
    if (db_exec(c, "INSERT INTO cardledger.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                3, p, err) < 0 ||
        db_commit(c, err) < 0)
        goto fail;
    log_info("migration_applied", LOG_S("file", m->up_file), LOG_I("version", m->version),
             LOG_D("ms", util_now_ms() - t0));
    return 1;
fail:
    db_rollback(c);
    return -1;
}

/* 1 reverted, 0 already reverted by someone else, -1 error. */
static int revert_one(db_conn *c, mig_set *s, const applied *a, cl_err *err)
{
    mig *m = find_mig(s, a->version);
    if (check_applied(s, a->version, a->name, a->checksum, err) < 0)
        return -1;
    if (!m->down)
        return cl_err_set(err, CL_E_SCHEMA, "migration %s has no down file", m->up_file);
    double t0 = util_now_ms();
    char *have = NULL;
    if (db_begin(c, err) < 0)
        return -1;
    if (db_exec(c, MIGRATION_LOCK, 0, NULL, err) < 0 || recorded_checksum(c, m->version, true, &have, err) < 0)
        goto fail;
    if (!have) {
        db_rollback(c);
        return 0;
    }
    free(have);
    if (db_exec(c, m->down, 0, NULL, err) < 0) {
        mig_fail(err, m->down_file);
        goto fail;
    }
    char vb[16];
    const char *p[] = {version_param(m->version, vb)};
    if (db_exec(c, "DELETE FROM cardledger.schema_migrations WHERE version = $1", 1, p, err) < 0 ||
        db_commit(c, err) < 0)
        goto fail;
    log_info("migration_reverted", LOG_S("file", m->down_file), LOG_I("version", m->version),
             LOG_D("ms", util_now_ms() - t0));
    return 1;
fail:
    db_rollback(c);
    return -1;
}

static bool is_applied(const applied *a, int na, int version)
{
    for (int i = 0; i < na; i++)
        if (a[i].version == version)
            return true;
    return false;
}

int db_migrate_up(db_conn *c, int n, int *applied_count, cl_err *err)
{
    *applied_count = 0;
    mig_set s;
    if (load_migrations(&s, err) < 0)
        return -1;
    applied *a = NULL;
    int na = 0, rc = -1;
    if (bootstrap(c, err) < 0 || read_applied(c, &a, &na, err) < 0 || verify_all(&s, a, na, err) < 0)
        goto out;
    int pending = 0;
    for (int i = 0; i < s.n; i++)
        pending += !is_applied(a, na, s.v[i].version);
    if (pending)
        log_info("schema_migrate", LOG_I("applied", na), LOG_I("pending", pending),
                 LOG_I("head", s.n ? s.v[s.n - 1].version : 0));
    rc = 0;
    for (int i = 0; i < s.n && (n <= 0 || *applied_count < n); i++) {
        if (is_applied(a, na, s.v[i].version))
            continue;
        int r = apply_one(c, &s, &s.v[i], err);
        if (r < 0) {
            rc = -1;
            break;
        }
        *applied_count += r;
    }
out:
    free(a);
    set_free(&s);
    return rc;
}

int db_migrate_down(db_conn *c, int n, int *reverted, cl_err *err)
{
    *reverted = 0;
    mig_set s;
    if (load_migrations(&s, err) < 0)
        return -1;
    applied *a = NULL;
    int na = 0, rc = -1;
    if (read_applied(c, &a, &na, err) < 0)
        goto out;
    rc = 0;
    for (int i = na - 1; i >= 0 && (n < 0 || *reverted < n); i--) {
        int r = revert_one(c, &s, &a[i], err);
        if (r < 0) {
            rc = -1;
            break;
        }
        *reverted += r;
    }
out:
    free(a);
    set_free(&s);
    return rc;
}

int db_migrate_verify(db_conn *c, cl_err *err)
{
    mig_set s;
    if (load_migrations(&s, err) < 0)
        return -1;
    applied *a = NULL;
    int na = 0;
    int rc = read_applied(c, &a, &na, err) < 0 ? -1 : verify_all(&s, a, na, err);
    free(a);
    set_free(&s);
    return rc;
}

int db_schema_version(db_conn *c, int *version, cl_err *err)
{
    *version = 0;
    bool exists;
    if (table_exists(c, &exists, err) < 0)
        return -1;
    if (!exists)
        return 0;
    char *v = NULL;
    if (db_query_value(c, "SELECT max(version) FROM cardledger.schema_migrations", 0, NULL, &v, err) < 0)
        return -1;
    *version = v ? atoi(v) : 0;
    free(v);
    return 0;
}

static int status_cmp(const void *a, const void *b)
{
    return ((const db_mig_status *)a)->version - ((const db_mig_status *)b)->version;
}

int db_migrate_status(db_conn *c, db_mig_status **out, int *n, cl_err *err)
{
    *out = NULL;
    *n = 0;
    mig_set s;
    if (load_migrations(&s, err) < 0)
        return -1;
    applied *a = NULL;
    int na = 0;
    if (read_applied(c, &a, &na, err) < 0) {
        set_free(&s);
        return -1;
    }
    db_mig_status *st = xcalloc((size_t)(s.n + na + 1), sizeof *st);
    int k = 0;
    for (int i = 0; i < s.n; i++) {
        db_mig_status *x = &st[k++];
        x->version = s.v[i].version;
        snprintf(x->name, sizeof x->name, "%s", s.v[i].name);
        snprintf(x->file, sizeof x->file, "%s", s.v[i].up_file);
        x->state = DB_MIG_PENDING;
    }
    for (int j = 0; j < na; j++) {
        db_mig_status *x = NULL;
        for (int i = 0; i < k; i++)
            if (st[i].version == a[j].version)
                x = &st[i];
        if (!x) {
            x = &st[k++];
            x->version = a[j].version;
            snprintf(x->name, sizeof x->name, "%s", a[j].name);
            snprintf(x->file, sizeof x->file, "%04d_%s.up.sql", a[j].version, a[j].name);
            x->state = DB_MIG_UNKNOWN;
        } else {
            x->state = strcmp(find_mig(&s, a[j].version)->checksum, a[j].checksum) == 0
                           ? DB_MIG_APPLIED
                           : DB_MIG_CHANGED;
        }
        snprintf(x->applied_at, sizeof x->applied_at, "%s", a[j].applied_at);
    }
    qsort(st, (size_t)k, sizeof *st, status_cmp);
    free(a);
    set_free(&s);
    *out = st;
    *n = k;
    return 0;
}
