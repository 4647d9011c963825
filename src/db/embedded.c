/* embedded.c - the private PostgreSQL cluster in $CARDLEDGER_HOME.
 *
 * Layout: $CARDLEDGER_HOME/cluster.lock (flock around create/start/stop)
 * and $CARDLEDGER_HOME/pg/, the cluster directory: data/ (PGDATA),
 * server.log, initdb.log and the server's Unix socket (no TCP). The
 * cluster is created with initdb into data.new/, its settings appended and
 * the `cardledger` database made in single-user mode, then renamed to
 * data/: a crash half-way leaves nothing that looks like a cluster.
 *
 * PostgreSQL refuses to run as root, so as root the server programs run as
 * $CARDLEDGER_PG_USER (default `postgres`) and pg/ belongs to it. When that
 * account cannot traverse to $CARDLEDGER_HOME (e.g. it is under /root,
 * mode 0700), pg/ is a symbolic link to a private directory under
 * /var/lib/cardledger/clusters/ instead: no permissions of the user's home
 * are changed. */
#include "common/log.h"
#include "common/env.h"
#include "common/sbuf.h"
#include "common/util.h"
#include "db_internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define PG_PORT "5432"
#define SOCKET_NAME "/.s.PGSQL." PG_PORT
#define FALLBACK_BASE "/var/lib/cardledger/clusters"
#define SUN_PATH_MAX 107    /* sizeof(sockaddr_un.sun_path) - 1 */

/* The account the server programs run as. */
typedef struct account {
    bool switch_user;       /* we are root: run them as uid/gid */
    uid_t uid;
    gid_t gid;
    char name[64];
} account;

static int get_account(account *a, cl_err *err)
{
    memset(a, 0, sizeof *a);
    if (geteuid() != 0) {
        struct passwd *pw = getpwuid(geteuid());
        snprintf(a->name, sizeof a->name, "%s", pw ? pw->pw_name : "(current user)");
        a->uid = geteuid();
        a->gid = getegid();
        return 0;
    }
    const char *name = cl_env_get(CL_ENV_PG_USER);
    if (!name || !*name)
        name = "postgres";
    struct passwd *pw = getpwnam(name);
    if (!pw || pw->pw_uid == 0)
        return cl_err_set(err, CL_E_DB,
                          "embedded cluster: PostgreSQL cannot run as root and there is no '%s' "
                          "account to run it. HINT: install postgresql (scripts/install-deps) or "
                          "set CARDLEDGER_PG_USER",
                          name);
    a->switch_user = true;
    a->uid = pw->pw_uid;
    a->gid = pw->pw_gid;
    snprintf(a->name, sizeof a->name, "%s", name);
    return 0;
}

int db_home_dir(char *out, size_t outsz, cl_err *err)
{
    const char *home = cl_env_get(CL_ENV_HOME);
    const char *xdg = cl_env_get(CL_ENV_XDG_DATA_HOME);
    const char *h = cl_env_get(CL_ENV_USER_HOME);
    int n;
    if (home && *home)
        n = snprintf(out, outsz, "%s", home);
    else if (xdg && *xdg)
        n = snprintf(out, outsz, "%s/cardledger", xdg);
    else {
        struct passwd *pw = (h && *h) ? NULL : getpwuid(geteuid());
        if (!(h && *h) && !pw)
            return cl_err_set(err, CL_E_DB, "cannot find a home directory: set CARDLEDGER_HOME");
        n = snprintf(out, outsz, "%s/.local/share/cardledger", (h && *h) ? h : pw->pw_dir);
    }
    if (n < 0 || (size_t)n >= outsz)
        return cl_err_set(err, CL_E_DB, "CARDLEDGER_HOME is too long");
    if (out[0] != '/') {    /* the path goes into the server's settings */
        char cwd[PATH_MAX], rel[PATH_MAX];
        if (!getcwd(cwd, sizeof cwd))
            return cl_err_set(err, CL_E_DB, "cannot resolve %s: %s", out, strerror(errno));
        snprintf(rel, sizeof rel, "%s", out);
        if ((size_t)snprintf(out, outsz, "%s/%s", cwd, rel) >= outsz)
            return cl_err_set(err, CL_E_DB, "CARDLEDGER_HOME is too long");
    }
    size_t len = strlen(out);
    while (len > 1 && out[len - 1] == '/')
        out[--len] = '\0';
    return 0;
}

/* out = a + b; false (out untouched beyond outsz) when it does not fit. */
static bool join(char *out, size_t outsz, const char *a, const char *b)
{
    int n = snprintf(out, outsz, "%s%s", a, b);
    return n >= 0 && (size_t)n < outsz;
}

static bool is_exec(const char *dir, const char *prog)
{
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s/%s", dir, prog);
    return access(p, X_OK) == 0;
}

static bool has_server(const char *dir)
{
    return is_exec(dir, "postgres") && is_exec(dir, "initdb") && is_exec(dir, "pg_ctl");
}

/* The major version recorded in a data directory, or 0. */
static int data_major_version(const char *data_dir)
{
    char p[PATH_MAX], buf[16] = "";
    snprintf(p, sizeof p, "%s/PG_VERSION", data_dir);
    FILE *f = fopen(p, "r");
    if (!f)
        return 0;
    if (!fgets(buf, sizeof buf, f))
        buf[0] = '\0';
    fclose(f);
    return atoi(buf);
}

/* $CARDLEDGER_PG_BINDIR, else the installed version matching an existing
 * cluster, else the highest /usr/lib/postgresql/N/bin. */
static int find_bindir(const char *data_dir, char *out, size_t outsz, cl_err *err)
{
    const char *env = cl_env_get(CL_ENV_PG_BINDIR);
    if (env && *env) {
        if (!has_server(env))
            return cl_err_set(err, CL_E_DB,
                              "CARDLEDGER_PG_BINDIR=%s has no postgres, initdb and pg_ctl", env);
        snprintf(out, outsz, "%s", env);
        return 0;
    }
    int want = data_major_version(data_dir);
    if (want > 0) {
        snprintf(out, outsz, "/usr/lib/postgresql/%d/bin", want);
        if (has_server(out))
            return 0;
        return cl_err_set(err, CL_E_DB,
                          "embedded cluster %s was created by PostgreSQL %d, whose server is not "
                          "installed. HINT: install postgresql-%d or set CARDLEDGER_PG_BINDIR",
                          data_dir, want, want);
    }
    int best = 0;
    DIR *d = opendir("/usr/lib/postgresql");
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        int v = atoi(e->d_name);
        char dir[PATH_MAX];
        snprintf(dir, sizeof dir, "/usr/lib/postgresql/%s/bin", e->d_name);
        if (v > best && has_server(dir))
            best = v;
    }
    if (d)
        closedir(d);
    if (!best)
        return cl_err_set(err, CL_E_DB,
                          "no PostgreSQL server found under /usr/lib/postgresql. HINT: run "
                          "scripts/install-deps, or set CARDLEDGER_PG_BINDIR or CARDLEDGER_DB");
    snprintf(out, outsz, "/usr/lib/postgresql/%d/bin", best);
    return 0;
}

/* Characters that cannot appear in the socket directory setting. */
static bool path_is_plain(const char *p)
{
    return !strpbrk(p, ",'\"\\\n\r");
}

/* Where the cluster is (or would be): fills the path fields of info. */
static int layout(db_embedded_info *info, cl_err *err)
{
    memset(info, 0, sizeof *info);
    if (db_home_dir(info->home, sizeof info->home, err) < 0)
        return -1;
    char link[PATH_MAX], real[PATH_MAX];
    snprintf(link, sizeof link, "%s/pg", info->home);
    const char *dir = realpath(link, real) ? real : link;
    if ((size_t)snprintf(info->cluster_dir, sizeof info->cluster_dir, "%s", dir) >=
        sizeof info->cluster_dir - 32)
        return cl_err_set(err, CL_E_DB, "CARDLEDGER_HOME is too long: %s", info->home);
    if (!join(info->data_dir, sizeof info->data_dir, info->cluster_dir, "/data") ||
        !join(info->log_file, sizeof info->log_file, info->cluster_dir, "/server.log"))
        return cl_err_set(err, CL_E_DB, "CARDLEDGER_HOME is too long: %s", info->home);
    snprintf(info->dsn, sizeof info->dsn, "host='%s' port=" PG_PORT " dbname=cardledger user=cardledger",
             info->cluster_dir);
    return 0;
}

static int read_postmaster_pid(const char *data_dir)
{
    char p[PATH_MAX], buf[32] = "";
    snprintf(p, sizeof p, "%s/postmaster.pid", data_dir);
    FILE *f = fopen(p, "r");
    if (!f)
        return 0;
    if (!fgets(buf, sizeof buf, f))
        buf[0] = '\0';
    fclose(f);
    return atoi(buf);
}

static void fill_state(db_embedded_info *info)
{
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s/PG_VERSION", info->data_dir);
    info->exists = access(p, F_OK) == 0;
    info->running = info->exists && PQping(info->dsn) == PQPING_OK;
    info->pid = info->running ? read_postmaster_pid(info->data_dir) : 0;
}

int db_embedded_status(db_embedded_info *info, cl_err *err)
{
    if (layout(info, err) < 0)
        return -1;
    account a;
    cl_err ignore;
    if (get_account(&a, &ignore) == 0)
        snprintf(info->server_user, sizeof info->server_user, "%s", a.name);
    if (find_bindir(info->data_dir, info->bin_dir, sizeof info->bin_dir, &ignore) < 0)
        info->bin_dir[0] = '\0';
    fill_state(info);
    return 0;
}

/* ---- running the server programs ---------------------------------------- */

/* Run argv as the server account in cwd, stdout and stderr appended to
 * out_file, stdin from stdin_text (or /dev/null). Returns the exit status,
 * or -1 when it could not be run. */
static int run_as(const account *a, const char *cwd, char *const argv[], const char *stdin_text,
                  const char *out_file)
{
    int in[2] = {-1, -1};
    if (stdin_text && pipe2(in, O_CLOEXEC) < 0)
        return -1;
    pid_t pid = fork();
    if (pid < 0) {
        if (stdin_text) {
            close(in[0]);
            close(in[1]);
        }
        return -1;
    }
    if (pid == 0) {
        /* Own session: a Ctrl-C aimed at cardledger must not stop the server. */
        setsid();
        if (a->switch_user && (setgid(a->gid) < 0 || initgroups(a->name, a->gid) < 0 ||
                               setuid(a->uid) < 0))
            _exit(126);
        if (chdir(cwd) < 0)
            _exit(126);
        int fd = stdin_text ? in[0] : open("/dev/null", O_RDONLY);
        if (fd < 0 || dup2(fd, 0) < 0)
            _exit(126);
        int out = open(out_file, O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (out < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0)
            _exit(126);
        close_range(3, ~0U, 0);
        unsetenv("PGDATA");
        execv(argv[0], argv);
        _exit(127);
    }
    if (stdin_text) {
        close(in[0]);
        size_t len = strlen(stdin_text), off = 0;
        while (off < len) {
            ssize_t w = write(in[1], stdin_text + off, len - off);
            if (w <= 0)
                break;
            off += (size_t)w;
        }
        close(in[1]);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* The last non-empty line of a log file, for error messages. */
static void last_line(const char *path, char *out, size_t outsz)
{
    snprintf(out, outsz, "see %s", path);
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        util_collapse_space(line);
        if (*line)
            snprintf(out, outsz, "%s", line);
    }
    fclose(f);
}

static int mkdir_p(const char *path, mode_t mode, cl_err *err)
{
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s", path);
    for (char *s = p + 1;; s++) {
        if (*s != '/' && *s != '\0')
            continue;
        char c = *s;
        *s = '\0';
        if (mkdir(p, c ? 0755 : mode) < 0 && errno != EEXIST)
            return cl_err_set(err, CL_E_DB, "cannot create %s: %s", p, strerror(errno));
        *s = c;
        if (!c)
            return 0;
    }
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path) < 0 && errno != ENOENT ? -1 : 0;
}

static void rm_rf(const char *path)
{
    nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* ---- creating the cluster ----------------------------------------------------- */

/* Can the server account reach dir (search permission on every ancestor)? */
static bool account_can_reach(const account *a, const char *dir)
{
    if (!a->switch_user)
        return true;
    pid_t pid = fork();
    if (pid < 0)
        return false;
    if (pid == 0) {
        if (setgid(a->gid) < 0 || initgroups(a->name, a->gid) < 0 || setuid(a->uid) < 0)
            _exit(2);
        _exit(access(dir, X_OK) == 0 ? 0 : 1);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return false;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* Make $CARDLEDGER_HOME/pg: a directory the server account owns, or (root,
 * home unreachable by that account) a link to one under FALLBACK_BASE. */
static int make_cluster_dir(db_embedded_info *info, const account *a, cl_err *err)
{
    char link[PATH_MAX];
    snprintf(link, sizeof link, "%s/pg", info->home);
    struct stat st;
    if (lstat(link, &st) == 0)
        return layout(info, err);   /* exists (maybe a link): use it */
    if (account_can_reach(a, info->home)) {
        if (mkdir(link, 0700) < 0)
            return cl_err_set(err, CL_E_DB, "cannot create %s: %s", link, strerror(errno));
    } else {
        char dir[PATH_MAX];
        if (mkdir_p(FALLBACK_BASE, 0755, err) < 0)
            return -1;
        snprintf(dir, sizeof dir, "%s/XXXXXX", FALLBACK_BASE);
        if (!mkdtemp(dir))
            return cl_err_set(err, CL_E_DB, "cannot create %s: %s", dir, strerror(errno));
        if (symlink(dir, link) < 0) {
            int e = errno;
            rmdir(dir);
            return cl_err_set(err, CL_E_DB, "cannot create %s: %s", link, strerror(e));
        }
        log_info("embedded_cluster_relocated", LOG_S("home", info->home), LOG_S("cluster", dir),
                 LOG_S("reason", "server account cannot reach CARDLEDGER_HOME"),
                 LOG_S("account", a->name));
    }
    if (layout(info, err) < 0)
        return -1;
    if (a->switch_user && chown(info->cluster_dir, a->uid, a->gid) < 0)
        return cl_err_set(err, CL_E_DB, "cannot give %s to %s: %s", info->cluster_dir, a->name,
                          strerror(errno));
    return 0;
}

/* Settings for a private single-user cluster: Unix socket only, cheap
 * commits (synchronous_commit=off loses at most the last moment of work on
 * a crash, never consistency; fsync stays on), minimal WAL, no JIT. */
static int write_settings(const char *data_new, const char *socket_dir, cl_err *err)
{
    char p[PATH_MAX];
    if (!join(p, sizeof p, data_new, "/postgresql.conf"))
        return cl_err_set(err, CL_E_DB, "path too long: %s", data_new);
    FILE *f = fopen(p, "a");
    if (!f)
        return cl_err_set(err, CL_E_DB, "cannot write %s: %s", p, strerror(errno));
    fprintf(f,
            "\n# --- cardledger: a private single-user cluster (src/db/embedded.c) ---\n"
            "listen_addresses = ''\n"
            "port = " PG_PORT "\n"
            "unix_socket_directories = '%s'\n"
            "unix_socket_permissions = 0700\n"
            "max_connections = 64\n"
            "shared_buffers = 128MB\n"
            "work_mem = 32MB\n"
            "maintenance_work_mem = 256MB\n"
            "wal_level = minimal\n"
            "max_wal_senders = 0\n"
            "synchronous_commit = off\n"
            "max_wal_size = 4GB\n"
            "checkpoint_timeout = 15min\n"
            "random_page_cost = 1.1\n"
            "jit = off\n"
            "log_checkpoints = off\n"
            "log_min_messages = warning\n"
            "log_line_prefix = '%%m [%%p] '\n",
            socket_dir);
    if (fclose(f) != 0)
        return cl_err_set(err, CL_E_DB, "cannot write %s: %s", p, strerror(errno));
    return 0;
}

static int create_cluster(db_embedded_info *info, const account *a, cl_err *err)
{
    double t0 = util_now_ms();
    if (make_cluster_dir(info, a, err) < 0)
        return -1;
    if (!path_is_plain(info->cluster_dir))
        return cl_err_set(err, CL_E_DB,
                          "embedded cluster path %s contains a quote, comma or backslash. HINT: "
                          "set CARDLEDGER_HOME to a plainer path", info->cluster_dir);
    if (strlen(info->cluster_dir) + strlen(SOCKET_NAME) > SUN_PATH_MAX)
        return cl_err_set(err, CL_E_DB,
                          "embedded cluster path %s is too long for a Unix socket (at most %zu "
                          "characters). HINT: set CARDLEDGER_HOME to a shorter path",
                          info->cluster_dir, (size_t)SUN_PATH_MAX - strlen(SOCKET_NAME));
    if (find_bindir(info->data_dir, info->bin_dir, sizeof info->bin_dir, err) < 0)
        return -1;
    log_info("embedded_cluster_create", LOG_S("dir", info->cluster_dir), LOG_S("bin", info->bin_dir),
             LOG_S("server_user", a->name));

    char data_new[PATH_MAX], initdb[PATH_MAX], postgres[PATH_MAX], logf[PATH_MAX];
    snprintf(data_new, sizeof data_new, "%s/data.new", info->cluster_dir);
    snprintf(initdb, sizeof initdb, "%s/initdb", info->bin_dir);
    snprintf(postgres, sizeof postgres, "%s/postgres", info->bin_dir);
    snprintf(logf, sizeof logf, "%s/initdb.log", info->cluster_dir);
    rm_rf(data_new);    /* left by a crash: we hold the lock */

    char *const init_argv[] = {initdb, "-D", data_new, "-U", "cardledger", "-A", "trust",
                               "-E", "UTF8", "--locale=C.UTF-8", "--data-checksums", NULL};
    char line[512];
    int rc = run_as(a, info->cluster_dir, init_argv, NULL, logf);
    if (rc != 0) {
        last_line(logf, line, sizeof line);
        return cl_err_set(err, CL_E_DB, "initdb of the embedded cluster in %s failed (%d): %s",
                          info->cluster_dir, rc, line);
    }
    if (write_settings(data_new, info->cluster_dir, err) < 0)
        return -1;
    /* The database, made before the server ever listens: no window in
     * which a started cluster lacks it. */
    char *const single_argv[] = {postgres, "--single", "-D", data_new, "template1", NULL};
    rc = run_as(a, info->cluster_dir, single_argv, "CREATE DATABASE cardledger\n", logf);
    if (rc != 0) {
        last_line(logf, line, sizeof line);
        return cl_err_set(err, CL_E_DB, "creating the cardledger database in %s failed: %s",
                          info->cluster_dir, line);
    }
    if (rename(data_new, info->data_dir) < 0)
        return cl_err_set(err, CL_E_DB, "cannot rename %s: %s", data_new, strerror(errno));
    log_info("embedded_cluster_created", LOG_S("dir", info->cluster_dir),
             LOG_D("ms", util_now_ms() - t0));
    return 0;
}

/* ---- start / stop ----------------------------------------------------------------- */

static int lock_home(const db_embedded_info *info, cl_err *err)
{
    if (mkdir_p(info->home, geteuid() == 0 ? 0711 : 0700, err) < 0)
        return -1;
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s/cluster.lock", info->home);
    int fd = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return cl_err_set(err, CL_E_DB, "cannot open %s: %s", p, strerror(errno));
    while (flock(fd, LOCK_EX) < 0) {
        if (errno != EINTR) {
            int e = errno;
            close(fd);
            return cl_err_set(err, CL_E_DB, "cannot lock %s: %s", p, strerror(e));
        }
    }
    return fd;
}

static int pg_ctl(const db_embedded_info *info, const account *a, const char *action)
{
    char prog[PATH_MAX], logf[PATH_MAX];
    snprintf(prog, sizeof prog, "%s/pg_ctl", info->bin_dir);
    snprintf(logf, sizeof logf, "%s/pg_ctl.log", info->cluster_dir);
    char *const start_argv[] = {prog, "start", "-D", (char *)info->data_dir, "-l",
                                (char *)info->log_file, "-w", "-t", "60", "-s", NULL};
    char *const stop_argv[] = {prog, "stop", "-D", (char *)info->data_dir, "-m", "fast",
                               "-w", "-t", "60", "-s", NULL};
    return run_as(a, info->cluster_dir, strcmp(action, "start") == 0 ? start_argv : stop_argv,
                  NULL, logf);
}

static int start_locked(db_embedded_info *info, const account *a, cl_err *err)
{
    if (!info->exists && create_cluster(info, a, err) < 0)
        return -1;
    if (find_bindir(info->data_dir, info->bin_dir, sizeof info->bin_dir, err) < 0)
        return -1;
    double t0 = util_now_ms();
    int rc = pg_ctl(info, a, "start");
    fill_state(info);
    for (int i = 0; i < 600 && !info->running && PQping(info->dsn) == PQPING_REJECT; i++) {
        usleep(100 * 1000);     /* still starting up (or recovering) */
        fill_state(info);
    }
    if (!info->running) {
        char line[512];
        last_line(info->log_file, line, sizeof line);
        return cl_err_set(err, CL_E_DB, "embedded cluster in %s did not start (pg_ctl %d): %s",
                          info->cluster_dir, rc, line);
    }
    log_info("embedded_cluster_started", LOG_S("dir", info->cluster_dir), LOG_I("pid", info->pid),
             LOG_D("ms", util_now_ms() - t0));
    return 0;
}

int db_embedded_start(db_embedded_info *info, cl_err *err)
{
    if (db_embedded_status(info, err) < 0)
        return -1;
    if (info->running)
        return 0;
    account a;
    if (get_account(&a, err) < 0)
        return -1;
    int fd = lock_home(info, err);
    if (fd < 0)
        return -1;
    /* Another command may have created or started it while we waited. */
    int rc = layout(info, err);
    if (rc == 0) {
        snprintf(info->server_user, sizeof info->server_user, "%s", a.name);
        fill_state(info);
        if (!info->running)
            rc = start_locked(info, &a, err);
    }
    close(fd);
    return rc;
}

int db_embedded_stop(db_embedded_info *info, cl_err *err)
{
    if (db_embedded_status(info, err) < 0)
        return -1;
    if (!info->exists)
        return 0;
    account a;
    if (get_account(&a, err) < 0)
        return -1;
    int fd = lock_home(info, err);
    if (fd < 0)
        return -1;
    int rc = 0;
    int pid = read_postmaster_pid(info->data_dir);
    /* A pid file left by a crash names no live process: nothing to stop. */
    if (pid > 0 && (info->running || kill(pid, 0) == 0 || errno != ESRCH)) {
        if (!info->bin_dir[0] && find_bindir(info->data_dir, info->bin_dir, sizeof info->bin_dir, err) < 0)
            rc = -1;
        else if (pg_ctl(info, &a, "stop") != 0 && read_postmaster_pid(info->data_dir) > 0) {
            char line[512];
            last_line(info->log_file, line, sizeof line);
            rc = cl_err_set(err, CL_E_DB, "embedded cluster in %s did not stop: %s",
                            info->cluster_dir, line);
        } else {
            log_info("embedded_cluster_stopped", LOG_S("dir", info->cluster_dir));
        }
    }
    fill_state(info);
    close(fd);
    return rc;
}
