/* cmd_status.c - `cardledger status`: ingest runs, the queue, failed files,
 * statements that do not reconcile. */
#include "cli.h"
#include "common/err.h"
#include "common/json.h"
#include "common/sbuf.h"
#include "db/db.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const cli_opt opts[] = {
    CLI_OPTS_DB,
    {"limit", 'n', "N", "rows per section (default 10)"},
    CLI_OPT_FORMAT("table (default) or json"),
    CLI_OPT_END,
};

static const char description[] =
    "Shows the most recent ingest runs ('killed' when a run's process on this\n"
    "host is gone without finishing it), how many files wait in the queue, the\n"
    "files that failed with their error (try them again with 'cardledger\n"
    "ingest --retry-failed PATH'), and the statements whose transactions do\n"
    "not add up to the printed balances.\n"
    "\n"
    "--format json prints one object: {\"runs\": [...], \"files\": {\"done\": N, ...},\n"
    "\"failed_files\": {\"total\": N, \"files\": [...]}, \"unreconciled\": {\"total\": N,\n"
    "\"statements\": [...]}} with the same fields as the table.\n"
    "\n"
    "Example:\n"
    "  cardledger status -n 20\n"
    "  cardledger status --format json\n";


static const char *v(const db_result *r, int row, int col)
{
    const char *s = db_value(r, row, col);
    return s ? s : "-";
}

/* A 'running' run whose process is gone from this host was interrupted. */
static const char *run_state(const char *status, const char *host, const char *pid)
{
    if (strcmp(status, "running") != 0)
        return status;
    char me[256] = "";
    gethostname(me, sizeof me - 1);
    long p = strtol(pid, NULL, 10);
    if (strcmp(host, me) == 0 && p > 0 && kill((pid_t)p, 0) != 0 && errno == ESRCH)
        return "killed";
    return status;
}

/* --format json: the sections go into this object instead of the terminal. */
static sbuf *json_out;

/* Rows of r as a JSON array of objects: names[i] for column i, types[i]
 * 'n' (number), 's' (string), 'k' (a run's state: columns 2, 12, 13, as
 * in the table) or '-' (left out); NULL is null. */
static void json_rows(sbuf *b, const db_result *r, const char *const *names, const char *types)
{
    sbuf_putc(b, '[');
    for (int i = 0; i < db_nrows(r); i++) {
        sbuf_puts(b, i ? ",{" : "{");
        for (int c = 0, k = 0; types[c]; c++) {
            if (types[c] == '-')
                continue;
            sbuf_puts(b, k++ ? "," : "");
            cl_json_string(b, names[c], false);
            sbuf_putc(b, ':');
            const char *v = db_value(r, i, c);
            if (!v)
                sbuf_puts(b, "null");
            else if (types[c] == 'n')
                sbuf_puts(b, v);
            else if (types[c] == 'k')
                cl_json_string(b, run_state(v, db_value(r, i, 12), db_value(r, i, 13)), false);
            else
                cl_json_string(b, v, false);
        }
        sbuf_putc(b, '}');
    }
    sbuf_putc(b, ']');
}

static int show_runs(db_conn *c, const char *limit, cl_err *err)
{
    const char *p[] = {limit};
    db_result *r = db_query(c,
                            "SELECT id, to_char(started_at, 'YYYY-MM-DD HH24:MI:SS'), status, "
                            "files_found, files_new, files_stored, files_duplicate, files_failed, "
                            "txns_inserted, unreconciled, "
                            "coalesce(to_char(elapsed_ms / 1000.0, 'FM999990.0') || ' s', '-'), "
                            "coalesce(error, ''), coalesce(host, ''), coalesce(pid, 0), elapsed_ms "
                            "FROM raw.ingest_runs ORDER BY id DESC LIMIT $1",
                            1, p, err);
    if (!r)
        return -1;
    if (json_out) {
        static const char *const names[] = {"id", "started_at", "status", "files_found", "files_new",
                                            "files_stored", "files_duplicate", "files_failed",
                                            "transactions_inserted", "unreconciled", "elapsed", "error",
                                            "host", "pid", "elapsed_ms"};
        sbuf_puts(json_out, "\"runs\":");
        json_rows(json_out, r, names, "nsknnnnnnn-ssnn");
        db_result_free(r);
        return 0;
    }
    printf("recent ingest runs\n");
    printf("  %5s  %-19s  %-8s %6s %6s %6s %5s %6s %9s %7s %9s\n", "run", "started", "status",
           "found", "new", "stored", "dup", "failed", "inserted", "unrecon", "elapsed");
    for (int i = 0; i < db_nrows(r); i++) {
        printf("  %5s  %-19s  %-8s %6s %6s %6s %5s %6s %9s %7s %9s", v(r, i, 0), v(r, i, 1),
               run_state(v(r, i, 2), v(r, i, 12), v(r, i, 13)), v(r, i, 3), v(r, i, 4), v(r, i, 5),
               v(r, i, 6), v(r, i, 7), v(r, i, 8), v(r, i, 9), v(r, i, 10));
        const char *e = v(r, i, 11);
        printf("%s%s\n", *e ? "  " : "", e);
    }
    if (db_nrows(r) == 0)
        printf("  (none)\n");
    db_result_free(r);
    return 0;
}

static int show_queue(db_conn *c, cl_err *err)
{
    db_result *r = db_query(c,
                            "SELECT count(*) FILTER (WHERE status = 'pending'), "
                            "count(*) FILTER (WHERE status = 'done'), "
                            "count(*) FILTER (WHERE status = 'duplicate'), "
                            "count(*) FILTER (WHERE status = 'failed') FROM raw.source_files",
                            0, NULL, err);
    if (!r)
        return -1;
    if (json_out) {
        sbuf_printf(json_out, ",\"files\":{\"done\":%s,\"duplicate\":%s,\"failed\":%s,\"pending\":%s}", v(r, 0, 1),
                    v(r, 0, 2), v(r, 0, 3), v(r, 0, 0));
        db_result_free(r);
        return 0;
    }
    printf("\nfiles: %s done, %s duplicate, %s failed, %s pending\n", v(r, 0, 1), v(r, 0, 2),
           v(r, 0, 3), v(r, 0, 0));
    db_result_free(r);
    return 0;
}

static int show_failed(db_conn *c, const char *limit, cl_err *err)
{
    const char *p[] = {limit};
    db_result *r = db_query(c,
                            "SELECT id, attempts, coalesce(to_char(processed_at, 'YYYY-MM-DD HH24:MI'), '-'), "
                            "path, coalesce(last_error, ''), count(*) OVER () FROM raw.source_files "
                            "WHERE status = 'failed' ORDER BY processed_at DESC NULLS LAST, id DESC "
                            "LIMIT $1",
                            1, p, err);
    if (!r)
        return -1;
    if (json_out) {
        static const char *const names[] = {"id", "attempts", "processed_at", "path", "error"};
        sbuf_printf(json_out, ",\"failed_files\":{\"total\":%s,\"files\":", db_nrows(r) ? v(r, 0, 5) : "0");
        json_rows(json_out, r, names, "nnsss-");
        sbuf_putc(json_out, '}');
        db_result_free(r);
        return 0;
    }
    printf("\nfailed files%s\n", db_nrows(r) ? "" : ": none");
    if (db_nrows(r))
        printf("  (%s in all; newest first)\n", v(r, 0, 5));
    for (int i = 0; i < db_nrows(r); i++)
        printf("  #%s  %s  attempts %s  %s\n      %s\n", v(r, i, 0), v(r, i, 2), v(r, i, 1),
               v(r, i, 3), v(r, i, 4));
    db_result_free(r);
    return 0;
}

static int show_unreconciled(db_conn *c, const char *limit, cl_err *err)
{
    const char *p[] = {limit};
    db_result *r = db_query(c,
                            "SELECT s.issuer, s.card_last4, s.period_end, "
                            "coalesce(s.reconcile_difference::text, 'unknown'), s.transaction_count, "
                            "f.path, count(*) OVER () FROM raw.statements s "
                            "JOIN raw.source_files f ON f.id = s.source_file_id "
                            "WHERE NOT s.reconciled ORDER BY s.id DESC LIMIT $1",
                            1, p, err);
    if (!r)
        return -1;
    if (json_out) {
        static const char *const names[] = {"issuer", "card_last4", "period_end", "difference", "transactions",
                                            "file"};
        sbuf_printf(json_out, ",\"unreconciled\":{\"total\":%s,\"statements\":", db_nrows(r) ? v(r, 0, 6) : "0");
        json_rows(json_out, r, names, "ssssns-");
        sbuf_putc(json_out, '}');
        db_result_free(r);
        return 0;
    }
    printf("\nunreconciled statements%s\n", db_nrows(r) ? "" : ": none");
    if (db_nrows(r)) {
        printf("  (%s in all; newest first)\n", v(r, 0, 6));
        printf("  %-20s %-4s %-10s %12s %5s  %s\n", "issuer", "card", "period end", "difference",
               "txns", "file");
    }
    for (int i = 0; i < db_nrows(r); i++)
        printf("  %-20s %-4s %-10s %12s %5s  %s\n", v(r, i, 0), v(r, i, 1), v(r, i, 2), v(r, i, 3),
               v(r, i, 4), v(r, i, 5));
    db_result_free(r);
    return 0;
}

static int run(const cli_command *cmd, const cli_args *a)
{
    if (a->npos > 0)
        return cli_usage_error(cmd, "status takes no arguments");
    long n;
    if (!cli_get_int(cmd, a, "limit", 10, 1, 100000, &n))
        return CL_EXIT_USAGE;
    const char *fmt = cli_get(cmd, a, "format");
    if (fmt && strcmp(fmt, "table") != 0 && strcmp(fmt, "json") != 0)
        return cli_usage_error(cmd, "--format '%s': not table or json", fmt);
    sbuf json = {0};
    if (fmt && strcmp(fmt, "json") == 0) {
        json_out = &json;
        sbuf_putc(&json, '{');
    }
    char limit[24];
    snprintf(limit, sizeof limit, "%ld", n);
    cl_err err = {0};
    db_conn *c = db_open(cli_get(cmd, a, "db"), cli_flag(cmd, a, "no-migrate") ? DB_NO_MIGRATE : 0,
                         &err);
    if (!c) {
        fprintf(stderr, "cardledger status: %s\n", err.msg);
        return cl_err_exit_code(&err);
    }
    int rc = show_runs(c, limit, &err);
    if (rc == 0)
        rc = show_queue(c, &err);
    if (rc == 0)
        rc = show_failed(c, limit, &err);
    if (rc == 0)
        rc = show_unreconciled(c, limit, &err);
    db_close(c);
    json_out = NULL;
    if (rc < 0) {
        sbuf_free(&json);
        fprintf(stderr, "cardledger status: %s\n", err.msg);
        return cl_err_exit_code(&err);
    }
    if (json.len) {
        sbuf_puts(&json, "}\n");
        fputs(sbuf_str(&json), stdout);
        sbuf_free(&json);
    }
    return CL_EXIT_OK;
}

const cli_command cli_cmd_status = {
    .name = "status",
    .summary = "ingest runs, failed files and statements that do not reconcile",
    .usage = "status [options]",
    .description = description,
    .opts = opts,
    .run = run,
};
