/* run.c - the parent of an ingest run: find and register files, keep N
 * worker processes busy, watch them (crash, timeout, lost database), log
 * each file and write the run record. */
#include "ingest.h"

#include "common/hash.h"
#include "common/log.h"
#include "common/sbuf.h"
#include "common/util.h"
#include "db/queue.h"
#include "msg.h"
#include "progress.h"
#include "discover.h"
#include "walk.h"
#include "common/path.h"
#include "worker.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define BATCH_MAX 512           /* files registered per transaction */
#define BATCH_FIRST 16          /* small first batches get workers going early */
#define BATCH_AGE_MS 200        /* register a partial batch after this long */
#define DISCOVER_SLICE_MS 20    /* hashing between two looks at the workers */
#define MAX_CRASHED 4096        /* files remembered as crashed once this run */
#define RECONNECT_MS 60000      /* how long to wait for a lost database */

typedef struct worker {
    pid_t pid;                  /* 0: free slot */
    int status_fd, cmd_fd;
    bool idle;                  /* waiting for 'G' or 'X' */
    int backend_pid;
    char app_name[64];
    long long file_id;          /* the file it is on, 0 none */
    char sha[65];
    char *path;
    double file_start;
    bool timed_out;             /* the parent killed it */
    bool db_lost;               /* it reported a lost connection */
    char fatal[1024];
    unsigned long long gen_seen;
    sbuf in;                    /* partial line from the status pipe */
} worker;

typedef struct run {
    const ingest_opts *o;
    ingest_summary *s;
    char *dsn;                  /* resolved, for workers and reconnects */
    db_conn *db;                /* the parent's own connection (NULL: lost) */
    ingest_source *src;
    ingest_progress prog;
    worker *w;
    int nw;
    struct pollfd *pfd;         /* poll set, one per worker slot */
    int *pidx;
    unsigned serial;
    unsigned long long gen;     /* bumped whenever new work became pending */
    ingest_walk *walk;
    bool discovery_done;
    db_file_entry batch[BATCH_MAX];
    int nbatch, batch_limit;
    double batch_t0;
    long long crashed[MAX_CRASHED];
    int ncrashed;
    int spawns_left;
    bool stopping;
    int exit_code;              /* when aborted */
    long total;                 /* files to process, for the progress bar */
} run;

static volatile sig_atomic_t g_signal;

static void on_signal(int sig) { g_signal = sig; }

/* ---- the parent's database connection ---------------------------------------- */

static void abort_run(run *r, int code, const char *why)
{
    if (r->stopping)
        return;
    r->stopping = true;
    r->s->aborted = true;
    r->exit_code = code;
    snprintf(r->s->abort_reason, sizeof r->s->abort_reason, "%.500s", why);
}

/* A live connection, reconnecting (and waiting up to RECONNECT_MS for the
 * server to come back) when the last one was lost. NULL: give up. */
static db_conn *parent_db(run *r)
{
    if (r->db)
        return r->db;
    double until = util_now_ms() + RECONNECT_MS;
    cl_err err = {0};
    while (!g_signal) {
        r->db = db_open(r->dsn, DB_RAW, &err);
        if (r->db) {
            log_info("ingest_db_reconnected", LOG_S("dsn", db_conn_dsn_redacted(r->db)));
            return r->db;
        }
        if (util_now_ms() > until)
            break;
        usleep(500 * 1000);
    }
    abort_run(r, CL_EXIT_DB, err.msg[0] ? err.msg : "database connection lost");
    return NULL;
}

static void parent_db_lost(run *r, const cl_err *err)
{
    log_warn("ingest_db_lost", LOG_S("error", err->msg));
    db_close(r->db);
    r->db = NULL;
}

/* True when the database answers (reconnecting if needed). */
static bool db_alive(run *r)
{
    cl_err err = {0};
    if (r->db && db_exec(r->db, "SELECT 1", 0, NULL, &err) >= 0)
        return true;
    if (r->db)
        parent_db_lost(r, &err);
    return parent_db(r) != NULL;
}

/* ---- logging one file ------------------------------------------------------------ */


static void log_file(run *r, const worker *w, const char *outcome, const char *profile, long pages,
                     long txns, long inserted, long ms, const char *error)
{
    char sha[13];
    snprintf(sha, sizeof sha, "%.12s", w->sha);
    ingest_progress_clear(&r->prog);
    const char *file = w->path ? w->path : "?";
    /* On a terminal the progress bar stands alone: per-file events are
     * debug-level there (failures are listed in the summary). */
    if (r->o->progress)
        log_debug("ingest_file", LOG_S("file", file), LOG_S("sha256", sha), LOG_S("profile", profile),
                  LOG_I("pages", pages), LOG_I("transactions", txns), LOG_I("inserted", inserted),
                  LOG_I("ms", ms), LOG_S("outcome", outcome), LOG_S("error", error ? error : ""));
    else if (error && *error)
        log_warn("ingest_file", LOG_S("file", file), LOG_S("sha256", sha), LOG_S("profile", profile),
                 LOG_I("pages", pages), LOG_I("transactions", txns), LOG_I("inserted", inserted),
                 LOG_I("ms", ms), LOG_S("outcome", outcome), LOG_S("error", error));
    else
        log_info("ingest_file", LOG_S("file", file), LOG_S("sha256", sha), LOG_S("profile", profile),
                 LOG_I("pages", pages), LOG_I("transactions", txns), LOG_I("inserted", inserted),
                 LOG_I("ms", ms), LOG_S("outcome", outcome));
}

/* ---- workers --------------------------------------------------------------------- */

static void tell(worker *w, char c)
{
    ssize_t n;
    do
        n = write(w->cmd_fd, &c, 1);
    while (n < 0 && errno == EINTR);
    w->idle = false;
}

/* An idle worker: claim again when work appeared since it last looked,
 * exit when no more can come, else wait. */
static void on_idle(run *r, worker *w)
{
    if (r->gen > w->gen_seen && !r->stopping) {
        w->gen_seen = r->gen;
        tell(w, 'G');
    } else if (r->discovery_done || r->stopping) {
        tell(w, 'X');
    } else {
        w->idle = true;
    }
}

static void wake_idle(run *r)
{
    for (int i = 0; i < r->nw; i++)
        if (r->w[i].pid && r->w[i].idle)
            on_idle(r, &r->w[i]);
}

static void spawn(run *r, int slot)
{
    int sp[2], cp[2];
    if (pipe2(sp, O_CLOEXEC) != 0)
        return;
    if (pipe2(cp, O_CLOEXEC) != 0) {
        close(sp[0]);
        close(sp[1]);
        return;
    }
    worker *w = &r->w[slot];
    memset(w, 0, sizeof *w);
    snprintf(w->app_name, sizeof w->app_name, "cardledger ingest worker %d.%u", (int)getpid(),
             ++r->serial);
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        log_error("ingest_fork_failed", LOG_S("error", strerror(errno)));
        close(sp[0]), close(sp[1]), close(cp[0]), close(cp[1]);
        return;
    }
    if (pid == 0) {
        for (int i = 0; i < r->nw; i++)
            if (i != slot && r->w[i].pid) {
                close(r->w[i].status_fd);
                close(r->w[i].cmd_fd);
            }
        db_conn_abandon(r->db);
        close(sp[0]);
        close(cp[1]);
        ingest_worker_cfg cfg = {
            .dsn = r->dsn, .src = r->src, .run_id = r->s->run_id, .status_fd = sp[1],
            .cmd_fd = cp[0], .parent = getppid(), .mem_limit = r->o->worker_mem_limit,
        };
        snprintf(cfg.app_name, sizeof cfg.app_name, "%s", w->app_name);
        ingest_worker_main(&cfg);
    }
    close(sp[1]);
    close(cp[0]);
    fcntl(sp[0], F_SETFL, fcntl(sp[0], F_GETFL) | O_NONBLOCK);
    w->pid = pid;
    w->status_fd = sp[0];
    w->cmd_fd = cp[1];
    w->gen_seen = r->gen;
    r->spawns_left--;
}

static bool crashed_before(run *r, long long id)
{
    for (int i = 0; i < r->ncrashed; i++)
        if (r->crashed[i] == id)
            return true;
    if (r->ncrashed < MAX_CRASHED)
        r->crashed[r->ncrashed++] = id;
    return false;
}

/* Record what killed a worker that was on a file: a timeout fails the file;
 * a crash is retried once, then fails it. */
static void file_lost(run *r, worker *w, int status)
{
    char reason[256];
    bool final;
    if (w->timed_out) {
        snprintf(reason, sizeof reason, "timed out after %g s (worker killed)", r->o->file_timeout_s);
        final = true;
    } else if (WIFSIGNALED(status)) {
        snprintf(reason, sizeof reason, "worker crashed on this file (signal %d, %s)",
                 WTERMSIG(status), strsignal(WTERMSIG(status)));
        final = crashed_before(r, w->file_id);
    } else {
        snprintf(reason, sizeof reason, "worker exited with status %d on this file",
                 WEXITSTATUS(status));
        final = crashed_before(r, w->file_id);
    }
    cl_err err = {0};
    int rc = -1;
    for (int attempt = 0; attempt < 2 && rc < 0; attempt++) {
        db_conn *c = parent_db(r);
        if (!c)
            return;
        /* Its session may still run a statement: end it so the row lock goes. */
        if (w->backend_pid)
            db_terminate_backend(c, w->backend_pid, w->app_name, &err);
        rc = db_mark_file_failed(c, w->file_id, r->s->run_id, reason, final, &err);
        if (rc < 0 && err.code == CL_E_DB)
            parent_db_lost(r, &err);
        else if (rc < 0)
            break;
    }
    if (rc < 0) {
        log_error("ingest_mark_failed", LOG_S("file", w->path), LOG_S("error", err.msg));
        return;
    }
    long ms = (long)(util_now_ms() - w->file_start);
    log_file(r, w, final ? "failed" : "retry", "", 0, 0, 0, ms, reason);
    if (final && rc > 0) {
        r->s->files_failed++;
        ingest_summary_note_failure(r->s, w->path ? w->path : "?", reason);
    }
    if (!final) {
        r->gen++;               /* pending again: someone may take it */
        wake_idle(r);
    }
}

static void reap(run *r, worker *w)
{
    int status = 0;
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
        ;
    close(w->status_fd);
    close(w->cmd_fd);
    bool clean = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    bool db_lost = w->db_lost || (WIFEXITED(status) && WEXITSTATUS(status) == INGEST_WORKER_EXIT_DB);
    if (!r->stopping && db_lost) {
        ingest_progress_clear(&r->prog);
        log_warn("ingest_worker_db_lost", LOG_S("worker", w->app_name), LOG_S("error", w->fatal));
        db_alive(r);
    } else if (!r->stopping && w->file_id) {
        file_lost(r, w, status);
    } else if (!r->stopping && !clean) {
        ingest_progress_clear(&r->prog);
        log_warn("ingest_worker_died", LOG_S("worker", w->app_name), LOG_I("status", status),
                 LOG_S("error", w->fatal));
    }
    free(w->path);
    sbuf_free(&w->in);
    int slot = (int)(w - r->w);
    memset(w, 0, sizeof *w);
    if (!clean && !r->stopping) {
        if (r->spawns_left > 0)
            spawn(r, slot);
        else
            abort_run(r, CL_EXIT_FAILED, "workers keep dying: too many restarts");
    }
}

/* ---- worker messages ---------------------------------------------------------------- */

static void on_done(run *r, worker *w, const ingest_msg *m)
{
    ingest_summary *s = r->s;
    switch (m->outcome) {
    case INGEST_STORED:
        s->files_stored++;
        s->txns_inserted += m->inserted;
        s->txns_present += m->present;
        s->unreconciled += !m->reconciled;
        break;
    case INGEST_DUPLICATE:
        s->files_duplicate++;
        s->txns_present += m->txns;
        break;
    case INGEST_FAILED:
        s->files_failed++;
        ingest_summary_note_failure(s, w->path ? w->path : "?", m->error);
        break;
    case INGEST_RETRY:
        break;
    }
    if (m->outcome == INGEST_RETRY) {
        ingest_progress_clear(&r->prog);
        log_debug("ingest_file_retry", LOG_S("file", w->path ? w->path : "?"), LOG_S("error", m->error));
    } else {
        log_file(r, w, ingest_outcome_name(m->outcome), m->profile, m->pages, m->txns, m->inserted,
                 (long)m->ms, m->error);
    }
    w->file_id = 0;
    free(w->path);
    w->path = NULL;
}

static void on_line(run *r, worker *w, const char *line)
{
    static ingest_msg m;        /* 5 kB, and the parent is single-threaded */
    if (ingest_msg_decode(line, &m) < 0) {
        log_warn("ingest_worker_bad_message", LOG_S("worker", w->app_name));
        return;
    }
    switch (m.type) {
    case INGEST_MSG_READY:
        w->backend_pid = m.backend_pid;
        break;
    case INGEST_MSG_START:
        w->file_id = m.file_id;
        snprintf(w->sha, sizeof w->sha, "%s", m.sha256);
        free(w->path);
        w->path = xstrdup(m.path);
        w->file_start = util_now_ms();
        w->timed_out = false;
        break;
    case INGEST_MSG_DONE:
        on_done(r, w, &m);
        break;
    case INGEST_MSG_IDLE:
        on_idle(r, w);
        break;
    case INGEST_MSG_FATAL:
        w->db_lost = m.exit_code == INGEST_WORKER_EXIT_DB;
        snprintf(w->fatal, sizeof w->fatal, "%s", m.error);
        break;
    }
}

/* Read what a worker wrote; true when its pipe closed (it exited). */
static bool read_worker(run *r, worker *w)
{
    char buf[8192];
    for (;;) {
        ssize_t n = read(w->status_fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;       /* EAGAIN: all read */
        if (n == 0)
            return true;
        sbuf_append(&w->in, buf, (size_t)n);
        char *nl;
        while ((nl = memchr(w->in.p, '\n', w->in.len)) != NULL) {
            *nl = '\0';
            char *line = xstrdup(w->in.p);
            size_t rest = w->in.len - (size_t)(nl + 1 - w->in.p);
            memmove(w->in.p, nl + 1, rest);
            sbuf_truncate(&w->in, rest);
            on_line(r, w, line);
            free(line);
        }
    }
}

static int live_workers(const run *r)
{
    int n = 0;
    for (int i = 0; i < r->nw; i++)
        n += r->w[i].pid != 0;
    return n;
}

static void check_timeouts(run *r)
{
    if (r->o->file_timeout_s <= 0)
        return;
    double now = util_now_ms();
    for (int i = 0; i < r->nw; i++) {
        worker *w = &r->w[i];
        if (w->pid && w->file_id && !w->timed_out &&
            now - w->file_start > r->o->file_timeout_s * 1000.0) {
            w->timed_out = true;
            kill(w->pid, SIGKILL);
        }
    }
}

/* Wait for worker messages (at most timeout_ms) and handle them. */
static void poll_workers(run *r, int timeout_ms)
{
    struct pollfd *pfd = r->pfd;
    int *idx = r->pidx;
    int n = 0;
    for (int i = 0; i < r->nw; i++)
        if (r->w[i].pid) {
            pfd[n] = (struct pollfd){.fd = r->w[i].status_fd, .events = POLLIN};
            idx[n++] = i;
        }
    if (n == 0) {
        if (timeout_ms > 0)
            usleep((useconds_t)timeout_ms * 1000u);
        return;
    }
    if (poll(pfd, (nfds_t)n, timeout_ms) <= 0)
        return;
    for (int k = 0; k < n; k++)
        if (pfd[k].revents && read_worker(r, &r->w[idx[k]]))
            reap(r, &r->w[idx[k]]);
}

static void stop_workers(run *r)
{
    for (int i = 0; i < r->nw; i++)
        if (r->w[i].pid)
            kill(r->w[i].pid, SIGKILL);
    for (int i = 0; i < r->nw; i++)
        if (r->w[i].pid) {
            read_worker(r, &r->w[i]);
            reap(r, &r->w[i]);
        }
}

/* ---- finding and registering files --------------------------------------------------- */

static void free_batch(run *r)
{
    for (int i = 0; i < r->nbatch; i++)
        free((char *)r->batch[i].path);
    r->nbatch = 0;
}

/* See ingest_revive_moved; the summary and the exit code follow. */
static long revive_moved(run *r, db_conn *db)
{
    if (!db)
        return 0;
    cl_err err = {0};
    long n = ingest_revive_moved(db, r->batch, r->nbatch, r->s->run_id, &err);
    if (n < 0) {
        log_warn("ingest_revive_failed", LOG_S("error", err.msg));
        return 0;
    }
    ingest_summary_forget_missing(r->s, n);
    return n;
}

static void flush_batch(run *r)
{
    if (!r->nbatch)
        return;
    db_register_counts c = {0};
    cl_err err = {0};
    int rc = -1;
    for (int attempt = 0; attempt < 2 && rc < 0; attempt++) {
        db_conn *db = parent_db(r);
        if (!db)
            break;
        memset(&c, 0, sizeof c);
        rc = db_register_files(db, r->batch, r->nbatch, &c, &err);
        if (rc < 0 && err.code == CL_E_DB)
            parent_db_lost(r, &err);
        else if (rc < 0)
            break;
    }
    if (rc < 0) {
        abort_run(r, err.code == CL_E_DB ? CL_EXIT_DB : CL_EXIT_FAILED, err.msg);
    } else {
        r->s->files_new += c.new_files;
        r->s->files_known += c.known;
        long revived = revive_moved(r, parent_db(r));
        r->s->files_known_failed += c.known_failed - revived;
        r->total += c.new_files + revived;
        if (c.new_files > 0 || revived > 0) {
            r->gen++;
            wake_idle(r);
        }
    }
    free_batch(r);
    if (r->batch_limit < BATCH_MAX)
        r->batch_limit = r->batch_limit * 2 > BATCH_MAX ? BATCH_MAX : r->batch_limit * 2;
}

static bool any_idle(const run *r)
{
    for (int i = 0; i < r->nw; i++)
        if (r->w[i].pid && r->w[i].idle)
            return true;
    return false;
}

/* A path that could not be taken: one warning line, counted as failed. */
static void note_unreadable(run *r, const char *shown, const char *why)
{
    ingest_progress_clear(&r->prog);
    log_warn("ingest_file_unreadable", LOG_S("file", shown), LOG_S("error", why));
    r->s->files_unreadable++;
    ingest_summary_note_failure(r->s, shown, why);
}

/* A PATH under which nothing was found is most likely the wrong folder. */
static void warn_empty_paths(run *r)
{
    for (int i = 0; i < r->o->npaths; i++)
        if (ingest_walk_found(r->walk, i) == 0) {
            char *shown = path_escape(r->o->paths[i]);
            ingest_progress_clear(&r->prog);
            char detail[96];
            snprintf(detail, sizeof detail, "no %s found there", ingest_input_kinds_text());
            log_warn("ingest_no_statements", LOG_S("path", shown), LOG_S("detail", detail));
            free(shown);
        }
}

/* Hash files for a short slice of time, registering full batches. */
static void discover_step(run *r)
{
    double t0 = util_now_ms();
    while (!r->discovery_done && !r->stopping && util_now_ms() - t0 < DISCOVER_SLICE_MS) {
        const ingest_walk_item *it = ingest_walk_next(r->walk);
        if (!it) {
            r->discovery_done = true;
            break;
        }
        r->s->files_found++;
        db_file_entry *e = &r->batch[r->nbatch];
        cl_err err = {0};
        if (it->error || ingest_input_hash(it->path, it->shown, it->kind, e->sha256, &err) < 0) {
            note_unreadable(r, it->shown, it->error ? it->error : err.msg);
            continue;
        }
        e->path = xstrdup(it->shown);   /* stored escaped: the worker unescapes */
        e->size = it->st.st_size;
        e->mtime = it->st.st_mtime;
        if (r->nbatch++ == 0)
            r->batch_t0 = util_now_ms();
        if (r->nbatch >= r->batch_limit)
            flush_batch(r);
    }
    if (r->nbatch && (r->discovery_done || util_now_ms() - r->batch_t0 > BATCH_AGE_MS || any_idle(r)))
        flush_batch(r);
    if (r->discovery_done) {
        r->s->files_skipped = ingest_walk_skipped(r->walk);
        warn_empty_paths(r);
        wake_idle(r);
    }
}

/* ---- the run ------------------------------------------------------------------------- */

static void main_loop(run *r)
{
    for (;;) {
        if (g_signal && !r->stopping) {
            char why[64];
            snprintf(why, sizeof why, "interrupted by signal %d", (int)g_signal);
            abort_run(r, CL_EXIT_FAILED, why);
        }
        if (r->stopping) {
            stop_workers(r);
            return;
        }
        if (!r->discovery_done)
            discover_step(r);
        if (r->discovery_done && live_workers(r) == 0)
            return;
        poll_workers(r, r->discovery_done ? 100 : 0);
        check_timeouts(r);
        long done = r->s->files_stored + r->s->files_duplicate + r->s->files_failed;
        ingest_progress_draw(&r->prog, done, r->discovery_done ? r->total : -1, r->s->txns_inserted,
                             false);
    }
}

static int count_pending(run *r, long *n)
{
    cl_err err = {0};
    db_conn *c = parent_db(r);
    return c ? db_count_pending(c, n, &err) : -1;
}

/* After the workers: record the run. The summary tables need no refresh:
 * every file's transaction added its own rows to them. */
static void finish(run *r, double t0)
{
    ingest_summary *s = r->s;
    db_conn *c = r->stopping && r->exit_code == CL_EXIT_DB ? NULL : parent_db(r);
    cl_err err = {0};
    if (c && !s->aborted)
        count_pending(r, &s->files_pending);
    s->elapsed_ms = util_now_ms() - t0;
    c = r->db;
    if (!c)
        return;
    bool failed = s->files_failed + s->files_unreadable + s->files_known_failed > 0;
    db_run_stats st = {
        .files_found = s->files_found, .files_new = s->files_new, .files_known = s->files_known,
        .files_skipped = s->files_skipped, .files_stored = s->files_stored,
        .files_duplicate = s->files_duplicate, .files_failed = s->files_failed + s->files_unreadable,
        .txns_inserted = s->txns_inserted, .txns_present = s->txns_present,
        .unreconciled = s->unreconciled, .elapsed_ms = (long long)s->elapsed_ms,
    };
    if (db_run_finish(c, s->run_id, s->aborted ? "aborted" : failed ? "failed" : "done", &st,
                      s->aborted ? s->abort_reason : NULL, &err) < 0)
        log_warn("ingest_run_record_failed", LOG_S("error", err.msg));
}

/* Classify every file as the run would, by content, and list them in
 * walk order on stdout: new, known (registered before) or copy (the same
 * content as an earlier file of this run, so the run would not read it). */
static int dry_run(run *r)
{
    ingest_summary *s = r->s;
    bool known[BATCH_MAX];
    ingest_content_set seen = {0};
    int code = -1;
    for (;;) {
        const ingest_walk_item *it = ingest_walk_next(r->walk);
        if (it) {
            s->files_found++;
            cl_err err = {0};
            db_file_entry *e = &r->batch[r->nbatch];
            if (it->error || ingest_input_hash(it->path, it->shown, it->kind, e->sha256, &err) < 0) {
                note_unreadable(r, it->shown, it->error ? it->error : err.msg);
                continue;
            }
            e->path = xstrdup(it->shown);
            r->nbatch++;
        }
        if (r->nbatch && (!it || r->nbatch == BATCH_MAX)) {
            cl_err err = {0};
            if (db_lookup_files(r->db, r->batch, r->nbatch, known, &err) < 0) {
                fprintf(stderr, "cardledger ingest: %s\n", err.msg);
                free_batch(r);
                code = cl_err_exit_code(&err);
                break;
            }
            ingest_dry_run_classify(r->batch, r->nbatch, known, &seen, s, stdout);
            free_batch(r);
        }
        if (!it)
            break;
    }
    ingest_content_set_free(&seen);
    s->files_skipped = ingest_walk_skipped(r->walk);
    warn_empty_paths(r);
    if (code >= 0)
        return code;
    return s->files_unreadable ? CL_EXIT_FAILED : CL_EXIT_OK;
}

/* The PATH arguments as the run row stores them (escaped: they are bytes). */
static char *join_paths(const ingest_opts *o)
{
    sbuf b = {0};
    for (int i = 0; i < o->npaths; i++) {
        char *shown = path_escape(o->paths[i]);
        if (i)
            sbuf_putc(&b, '\n');
        sbuf_puts(&b, shown);
        free(shown);
    }
    return sbuf_detach(&b);
}

static int fail_start(const cl_err *err)
{
    fprintf(stderr, "cardledger ingest: %s\n", err->msg);
    return cl_err_exit_code(err);
}

/* Open the database, load the profiles, put failed files back if asked. */
static int prepare(run *r)
{
    const ingest_opts *o = r->o;
    cl_err err = {0};
    bool embedded = false;
    unsigned flags = o->dry_run ? DB_RAW : o->no_migrate ? DB_NO_MIGRATE : DB_MIGRATE;
    for (int i = 0; i < o->npaths; i++) {
        struct stat st;
        if (stat(o->paths[i], &st) != 0) {
            char *shown = path_escape(o->paths[i]);
            cl_err_set(&err, CL_E_USAGE, "%s: %s", shown, strerror(errno));
            free(shown);
            return fail_start(&err);
        }
    }
    r->walk = ingest_walk_new(o->paths, o->npaths);
    if (!(r->db = db_open(o->dsn, flags, &err)) ||
        db_resolve_dsn(o->dsn, &r->dsn, &embedded, &err) < 0)
        return fail_start(&err);
    if (o->dry_run)
        return 0;
    if (ingest_source_new(o->password_file, &r->src, &err) < 0)
        return fail_start(&err);
    if (o->retry_failed) {
        if (db_requeue_failed(r->db, &r->s->files_requeued, &err) < 0)
            return fail_start(&err);
        if (r->s->files_requeued)
            log_info("ingest_retry_failed", LOG_I("files", r->s->files_requeued));
    }
    if (db_count_pending(r->db, &r->total, &err) < 0)
        return fail_start(&err);
    char host[256] = "";
    gethostname(host, sizeof host - 1);
    char *paths = join_paths(o);
    int rc = db_run_start(r->db, host, (int)getpid(), r->nw, ingest_parser_version(), paths,
                          &r->s->run_id, &err);
    free(paths);
    return rc < 0 ? fail_start(&err) : 0;
}

static int jobs_default(int jobs)
{
    if (jobs > 0)
        return jobs;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

static void cleanup(run *r)
{
    free_batch(r);
    ingest_walk_free(r->walk);
    ingest_source_free(r->src);
    db_close(r->db);
    free(r->dsn);
    free(r->w);
    free(r->pfd);
    free(r->pidx);
}

int ingest_run(const ingest_opts *o, ingest_summary *s)
{
    memset(s, 0, sizeof *s);
    s->dry_run = o->dry_run;
    double t0 = util_now_ms();
    run r = {.o = o, .s = s, .nw = jobs_default(o->jobs), .batch_limit = BATCH_FIRST};
    s->workers = o->dry_run ? 0 : r.nw;
    int code = prepare(&r);
    if (code != 0) {
        cleanup(&r);
        return code;
    }
    if (o->dry_run) {
        code = dry_run(&r);
        s->elapsed_ms = util_now_ms() - t0;
        cleanup(&r);
        return code;
    }
    log_info("ingest_start", LOG_I("run", s->run_id), LOG_I("workers", r.nw),
             LOG_I("pending", r.total), LOG_S("dsn", db_conn_dsn_redacted(r.db)));
    struct sigaction sa = {.sa_handler = on_signal}, old_int, old_term, old_hup, old_pipe;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
    sigaction(SIGHUP, &sa, &old_hup);
    sigaction(SIGPIPE, &(struct sigaction){.sa_handler = SIG_IGN}, &old_pipe);
    g_signal = 0;

    ingest_progress_init(&r.prog, o->progress);
    r.w = xcalloc((size_t)r.nw, sizeof *r.w);
    r.pfd = xcalloc((size_t)r.nw, sizeof *r.pfd);
    r.pidx = xcalloc((size_t)r.nw, sizeof *r.pidx);
    r.spawns_left = r.nw * 5 + 50;
    for (int i = 0; i < r.nw; i++)
        spawn(&r, i);
    main_loop(&r);
    ingest_progress_clear(&r.prog);
    finish(&r, t0);

    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    sigaction(SIGHUP, &old_hup, NULL);
    sigaction(SIGPIPE, &old_pipe, NULL);
    log_info("ingest_done", LOG_I("run", s->run_id), LOG_I("stored", s->files_stored),
             LOG_I("duplicate", s->files_duplicate), LOG_I("failed", s->files_failed),
             LOG_I("inserted", s->txns_inserted), LOG_D("seconds", s->elapsed_ms / 1000.0));
    cleanup(&r);
    if (s->aborted)
        return r.exit_code;
    return s->files_failed + s->files_unreadable + s->files_known_failed > 0 ? CL_EXIT_FAILED
                                                                            : CL_EXIT_OK;
}
