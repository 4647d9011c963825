/* worker.c - an ingest worker process: claim a file, parse it, store it, all
 * in the one transaction whose row lock is the claim; report to the parent. */
#include "worker.h"
#include "common/env.h"

#include "common/log.h"
#include "common/sbuf.h"
#include "common/util.h"
#include "store.h"
#include "msg.h"
#include "normalize.h"

#include <errno.h>
#include <fnmatch.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

/* Years whose partition is known to exist (1900..2199, as ensure_partitions). */
#define YEAR_MIN 1900
#define YEAR_MAX 2199
/* A file that keeps hitting deadlocks is failed after this many tries. */
#define MAX_RETRIES 5
/* Vacuum the session's staging table after this many files. */
#define STAGE_VACUUM_EVERY 32

typedef struct wstate {
    const ingest_worker_cfg *cfg;
    db_conn *db;
    db_conn *ddl;               /* second connection for ensure_partitions, lazily */
    bool year_ok[YEAR_MAX - YEAR_MIN + 1];
    long long retry_file;
    int retries;
    long files;
} wstate;

/* Write a whole message; the parent gone means we are done too. */
static void send_msg(const wstate *w, const ingest_msg *m)
{
    sbuf b = {0};
    ingest_msg_encode(m, &b);
    size_t off = 0;
    while (off < b.len) {
        ssize_t n = write(w->cfg->status_fd, b.p + off, b.len - off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            _exit(0);
        off += (size_t)n;
    }
    sbuf_free(&b);
}

static void fatal(wstate *w, const cl_err *err)
{
    ingest_msg m = {.type = INGEST_MSG_FATAL};
    m.exit_code = err->code == CL_E_DB ? INGEST_WORKER_EXIT_DB : CL_EXIT_FAILED;
    snprintf(m.error, sizeof m.error, "%s", err->msg);
    send_msg(w, &m);
    _exit(m.exit_code);
}

/* Test hooks (see README, Ingest, and common/env.h): make a worker hang,
 * crash or dawdle on files whose base name matches a pattern, to exercise
 * timeouts, crash isolation and interruption. Compiled in only with
 * -Dtest_hooks=true (the default for the test suites). */
static void test_hooks(const char *path, bool before_commit)
{
#ifdef CARDLEDGER_TEST_HOOKS
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *v;
    if (!before_commit) {
        if ((v = cl_env_get(CL_ENV_TEST_HANG)) && *v && fnmatch(v, base, 0) == 0)
            for (;;)
                pause();
        if ((v = cl_env_get(CL_ENV_TEST_CRASH)) && *v && fnmatch(v, base, 0) == 0)
            abort();
        return;
    }
    if ((v = cl_env_get(CL_ENV_TEST_FILE_DELAY_MS)) && *v)
        usleep((useconds_t)strtoul(v, NULL, 10) * 1000u);
#else
    (void)path;
    (void)before_commit;
#endif
}

static void limit_memory(size_t cap)
{
    if (!cap)
        return;
    ingest_source_limit_memory(cap);
#if !defined(__SANITIZE_ADDRESS__)
    /* A backstop for allocations outside MuPDF: address space, generously
     * above the MuPDF cap (code, libraries and libpq need room too). ASan
     * reserves terabytes of address space, so not there. */
    struct rlimit rl;
    if (getrlimit(RLIMIT_AS, &rl) == 0) {
        rlim_t want = (rlim_t)cap * 2 + ((rlim_t)512 << 20);
        if (rl.rlim_max == RLIM_INFINITY || want <= rl.rlim_max) {
            rl.rlim_cur = want;
            setrlimit(RLIMIT_AS, &rl);
        }
    }
#endif
}

static int year_of(cl_date d)
{
    int y, m, day;
    cl_date_to_ymd(d, &y, &m, &day);
    return y;
}

/* Partitions for the rows' posting dates, on the second connection, so the
 * DDL commits on its own and before the file's transaction needs it. */
static int ensure_partitions(wstate *w, const ingest_rows *r, cl_err *err)
{
    if (!r->n)
        return 0;
    int y0 = year_of(r->min_posting), y1 = year_of(r->max_posting);
    bool all = true;
    for (int y = y0; y <= y1; y++)
        if (y >= YEAR_MIN && y <= YEAR_MAX && !w->year_ok[y - YEAR_MIN])
            all = false;
    if (all)
        return 0;
    if (!w->ddl && !(w->ddl = db_open(w->cfg->dsn, DB_RAW, err)))
        return -1;
    if (db_ensure_partitions(w->ddl, r->min_posting, r->max_posting, err) < 0)
        return -1;
    for (int y = y0; y <= y1; y++)
        if (y >= YEAR_MIN && y <= YEAR_MAX)
            w->year_ok[y - YEAR_MIN] = true;
    return 0;
}

/* A store error: a retryable conflict, a lost connection (fatal) or a
 * problem of this file (marked failed). */
static void store_failed(wstate *w, const db_claim *f, const cl_err *err, bool from_db, ingest_msg *o,
                         bool retryable)
{
    if (err->code == CL_E_DB)
        fatal(w, err);
    const char *st = from_db ? db_last_sqlstate(w->db) : "";
    retryable = retryable || strncmp(st, "40", 2) == 0 || strcmp(st, "55P03") == 0;
    if (retryable && !(f->file_id == w->retry_file && w->retries >= MAX_RETRIES)) {
        db_claim_release(w->db);
        w->retries = f->file_id == w->retry_file ? w->retries + 1 : 1;
        w->retry_file = f->file_id;
        o->outcome = INGEST_RETRY;
        snprintf(o->error, sizeof o->error, "%s", err->msg);
        return;
    }
    cl_err e2 = {0};
    o->outcome = INGEST_FAILED;
    snprintf(o->error, sizeof o->error, "%s", err->msg);
    if (db_claim_fail(w->db, f, w->cfg->run_id, o->error, &e2) < 0) {
        if (e2.code == CL_E_DB)
            fatal(w, &e2);
        db_claim_release(w->db);
        o->outcome = INGEST_RETRY;
    }
}

static void store_doc(wstate *w, const db_claim *f, ingest_doc *d, ingest_msg *o)
{
    cl_err err = {0};
    ingest_complete_statement(d->st);
    ingest_rows rows;
    ingest_rows_build(d->st, &rows);
    ingest_statement_in in = {
        .st = d->st, .page_text = (const char *const *)d->pages, .n_pages = d->n_pages,
        .rows = rows.rows, .n_rows = rows.n, .parser_version = ingest_parser_version(),
        .run_id = w->cfg->run_id,
    };
    ingest_store_result res;
    if (ensure_partitions(w, &rows, &err) < 0) {
        if (err.code == CL_E_DB && w->ddl) {
            db_close(w->ddl);   /* maybe only that connection: retry later */
            w->ddl = NULL;
            err.code = CL_E_FAILED;
        }
        /* Two sessions creating one partition collide now and then:
         * take the file again later (a few times). */
        store_failed(w, f, &err, false, o, true);
    } else if (ingest_store_statement(w->db, f, &in, &res, &err) < 0) {
        store_failed(w, f, &err, true, o, false);
    } else {
        test_hooks(f->path, true);
        if (db_claim_finish(w->db, &err) < 0) {
            store_failed(w, f, &err, true, o, false);
        } else {
            o->outcome = res.duplicate ? INGEST_DUPLICATE : INGEST_STORED;
            o->inserted = res.inserted;
            o->present = res.present;
        }
    }
    ingest_rows_free(&rows);
}

static void process(wstate *w, const db_claim *f)
{
    double t0 = util_now_ms();
    ingest_msg m = {.type = INGEST_MSG_START, .file_id = f->file_id};
    snprintf(m.sha256, sizeof m.sha256, "%s", f->sha256);
    snprintf(m.path, sizeof m.path, "%s", f->path);
    send_msg(w, &m);
    test_hooks(f->path, false);
    ingest_msg o = {.type = INGEST_MSG_DONE, .file_id = f->file_id, .outcome = INGEST_FAILED};
    ingest_doc d;
    cl_err err = {0};
    if (ingest_source_read(w->cfg->src, f->path, &d, &err) < 0) {
        store_failed(w, f, &err, false, &o, false);
    } else if (strcmp(d.sha256, f->sha256) != 0) {
        cl_err_set(&err, CL_E_IO, "%s: the file changed after it was registered (now sha256 %.12s)",
                   f->path, d.sha256);
        store_failed(w, f, &err, false, &o, false);
    } else {
        snprintf(o.profile, sizeof o.profile, "%s", d.st->issuer);
        o.pages = d.n_pages;
        o.txns = (long)d.st->n_txns;
        o.reconciled = d.st->reconciled;
        store_doc(w, f, &d, &o);
    }
    o.ms = util_now_ms() - t0;
    send_msg(w, &o);
    if (d.st || d.pages)
        ingest_doc_free(&d);
}

/* Wait for the parent's answer to an idle report: true = claim again. */
static bool wait_command(const wstate *w)
{
    for (;;) {
        char c;
        ssize_t n = read(w->cfg->cmd_fd, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        return n == 1 && c == 'G';
    }
}

static void connect_db(wstate *w)
{
    cl_err err = {0};
    w->db = db_open(w->cfg->dsn, DB_RAW, &err);
    /* A lost commit on a server crash loses the whole file (its status
     * row with it), and the next run reads it again: safe to not wait
     * for the WAL flush. */
    if (!w->db || db_set_application_name(w->db, w->cfg->app_name, &err) < 0 ||
        db_exec(w->db, "SET synchronous_commit = off", 0, NULL, &err) < 0)
        fatal(w, &err);
}

void ingest_worker_main(const ingest_worker_cfg *cfg)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != cfg->parent)
        _exit(0);
    /* Ctrl-C reaches the whole process group: the parent decides. */
    signal(SIGINT, SIG_IGN);
    signal(SIGPIPE, SIG_IGN);
    signal(SIGTERM, SIG_DFL);
    limit_memory(cfg->mem_limit);
    log_set_process_tag(cfg->app_name + strlen("cardledger ingest "));

    wstate w = {.cfg = cfg};
    connect_db(&w);
    send_msg(&w, &(ingest_msg){.type = INGEST_MSG_READY, .backend_pid = db_backend_pid(w.db)});
    for (;;) {
        db_claim f;
        cl_err err = {0};
        int got = db_claim_next(w.db, &f, &err);
        if (got < 0)
            fatal(&w, &err);
        if (got == 0) {
            send_msg(&w, &(ingest_msg){.type = INGEST_MSG_IDLE});
            if (!wait_command(&w))
                break;
            continue;
        }
        process(&w, &f);
        db_claim_clear(&f);
        if (++w.files % STAGE_VACUUM_EVERY == 0 && ingest_stage_vacuum(w.db, &err) < 0 &&
            err.code == CL_E_DB)
            fatal(&w, &err);
    }
    db_close(w.ddl);
    db_close(w.db);
    _exit(0);
}
