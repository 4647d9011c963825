/* pool.c - one persistent database connection per server thread, opened
 * on the thread's first request, kept for its life and replaced when it
 * breaks. Every request is one transaction that sets all it relies on
 * itself (read only, the reader role, a time limit), so nothing depends on
 * session state and the same code works through a transaction pooler. */
#include "web_internal.h"

#include "common/log.h"
#include "common/util.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Taken at the start of every transaction: one round trip. */
static const char BEGIN_SQL[] = "BEGIN TRANSACTION READ ONLY; "
                                "SET LOCAL ROLE cardledger_reader; "
                                "SET LOCAL statement_timeout = '15s'";

static char *pool_dsn;
static pthread_key_t conn_key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void close_conn(void *c) { db_close(c); }
static void make_key(void) { pthread_key_create(&conn_key, close_conn); }

int web_pool_init(const char *dsn, bool no_migrate, cl_err *err)
{
    pthread_once(&key_once, make_key);
    free(pool_dsn);
    pool_dsn = dsn ? xstrdup(dsn) : NULL;
    /* The first connection applies pending migrations (the reader role
     * among them) and proves the role can be taken, so a problem shows at
     * start rather than on the first request. */
    db_conn *c = db_open(pool_dsn, no_migrate ? DB_NO_MIGRATE : DB_MIGRATE, err);
    if (!c)
        return -1;
    if (db_exec(c, BEGIN_SQL, 0, NULL, err) < 0) {
        cl_err_prefix(err, "cannot take the read-only role cardledger_reader (created by migration "
                           "0008; the migrating user needs CREATEROLE)");
        db_close(c);
        return -1;
    }
    db_rollback(c);
    db_close(c);
    return 0;
}

int web_pool_free_slots(cl_err *err)
{
    db_conn *c = db_open(pool_dsn, DB_NO_MIGRATE, err);
    if (!c)
        return -1;
    char *v = NULL;
    int rc = db_query_value(c,
                            "SELECT current_setting('max_connections')::int"
                            " - current_setting('superuser_reserved_connections')::int"
                            " - (SELECT count(*) FROM pg_stat_activity"
                            "    WHERE backend_type = 'client backend')::int + 1",
                            0, NULL, &v, err);
    db_close(c);
    if (rc < 0)
        return -1;
    int slots = v ? atoi(v) : 0;
    free(v);
    return slots;
}

void web_pool_shutdown(void)
{
    /* The server threads' connections closed with their threads (the key's
     * destructor); this thread may hold one too. */
    db_conn *c = pthread_getspecific(conn_key);
    if (c) {
        pthread_setspecific(conn_key, NULL);
        db_close(c);
    }
    free(pool_dsn);
    pool_dsn = NULL;
}

static db_conn *thread_conn(cl_err *err)
{
    db_conn *c = pthread_getspecific(conn_key);
    if (c)
        return c;
    c = db_open(pool_dsn, DB_NO_MIGRATE, err);
    if (!c)
        return NULL;
    db_set_prepare(c, true);
    pthread_setspecific(conn_key, c);
    log_debug("serve_connection", LOG_I("backend_pid", db_backend_pid(c)));
    return c;
}

static void drop_conn(void)
{
    db_conn *c = pthread_getspecific(conn_key);
    pthread_setspecific(conn_key, NULL);
    db_close(c);
}

int web_pool_run(web_txn_fn fn, const void *arg, sbuf *out, cl_err *err)
{
    for (int attempt = 0;; attempt++) {
        cl_err_clear(err);
        db_conn *c = thread_conn(err);
        if (!c)
            return 503;
        size_t mark = out->len;
        if (db_exec(c, BEGIN_SQL, 0, NULL, err) == 0 && fn(c, arg, out, err) == 0 &&
            db_commit(c, err) == 0)
            return 200;
        sbuf_truncate(out, mark);
        bool broken = db_conn_broken(c) || err->code == CL_E_DB;
        bool lost = db_prepare_lost(c);
        if (broken) {
            log_warn("serve_connection_lost", LOG_S("error", err->msg));
            drop_conn();
        } else {
            db_rollback(c);
        }
        if ((broken || lost) && attempt == 0)
            continue;           /* once, on a fresh connection or unnamed statements */
        return broken ? 503 : err->code == CL_E_USAGE ? 400 : 500;
    }
}
