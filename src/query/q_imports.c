/* q_imports.c - recent ingest runs, failed files, unreconciled statements. */
#include "q_imports.h"

#include "common/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *dup_or_null(const db_result *r, int row, int col)
{
    const char *v = db_value(r, row, col);
    return v ? xstrdup(v) : NULL;
}

static void copy(char *dst, size_t n, const db_result *r, int row, int col)
{
    const char *v = db_value(r, row, col);
    snprintf(dst, n, "%s", v ? v : "");
}

static long long num(const db_result *r, int row, int col)
{
    const char *v = db_value(r, row, col);
    return v ? strtoll(v, NULL, 10) : 0;
}

static int load_runs(db_conn *c, const char *limit, q_imports *im, cl_err *err)
{
    const char *p[] = {limit};
    db_result *r = db_query(c,
                            "SELECT id, to_char(started_at, 'YYYY-MM-DD HH24:MI:SS'), status, "
                            "files_found, files_new, files_stored, files_duplicate, files_failed, "
                            "txns_inserted, unreconciled, coalesce(elapsed_ms, -1), error "
                            "FROM raw.ingest_runs ORDER BY id DESC LIMIT $1::int",
                            1, p, err);
    if (!r)
        return -1;
    im->nruns = db_nrows(r);
    im->runs = xcalloc((size_t)im->nruns + 1, sizeof *im->runs);
    for (int i = 0; i < im->nruns; i++) {
        q_import_run *x = &im->runs[i];
        x->id = num(r, i, 0);
        copy(x->started, sizeof x->started, r, i, 1);
        copy(x->status, sizeof x->status, r, i, 2);
        x->files_found = num(r, i, 3);
        x->files_new = num(r, i, 4);
        x->files_stored = num(r, i, 5);
        x->files_duplicate = num(r, i, 6);
        x->files_failed = num(r, i, 7);
        x->txns_inserted = num(r, i, 8);
        x->unreconciled = num(r, i, 9);
        x->elapsed_ms = num(r, i, 10);
        x->error = dup_or_null(r, i, 11);
    }
    db_result_free(r);
    return 0;
}

static int load_failed(db_conn *c, const char *limit, q_imports *im, cl_err *err)
{
    const char *p[] = {limit};
    db_result *r = db_query(c,
                            "SELECT id, path, last_error, "
                            "coalesce(to_char(processed_at, 'YYYY-MM-DD HH24:MI'), ''), attempts, "
                            "count(*) OVER () FROM raw.source_files WHERE status = 'failed' "
                            "ORDER BY processed_at DESC NULLS LAST, id DESC LIMIT $1::int",
                            1, p, err);
    if (!r)
        return -1;
    im->nfailed = db_nrows(r);
    im->failed = xcalloc((size_t)im->nfailed + 1, sizeof *im->failed);
    for (int i = 0; i < im->nfailed; i++) {
        q_failed_file *x = &im->failed[i];
        x->id = num(r, i, 0);
        x->path = dup_or_null(r, i, 1);
        x->error = dup_or_null(r, i, 2);
        copy(x->when, sizeof x->when, r, i, 3);
        x->attempts = (int)num(r, i, 4);
        im->failed_total = num(r, i, 5);
    }
    db_result_free(r);
    return 0;
}

static int load_unreconciled(db_conn *c, const char *limit, q_imports *im, cl_err *err)
{
    const char *p[] = {limit};
    db_result *r = db_query(c,
                            "SELECT s.id, s.issuer, s.card_last4, s.period_start, s.period_end, "
                            "s.currency, coalesce(s.reconcile_difference::text, ''), f.path, "
                            "count(*) OVER () FROM raw.statements s "
                            "JOIN raw.source_files f ON f.id = s.source_file_id "
                            "WHERE NOT s.reconciled ORDER BY s.period_end DESC, s.id DESC "
                            "LIMIT $1::int",
                            1, p, err);
    if (!r)
        return -1;
    im->nunreconciled = db_nrows(r);
    im->unreconciled = xcalloc((size_t)im->nunreconciled + 1, sizeof *im->unreconciled);
    for (int i = 0; i < im->nunreconciled; i++) {
        q_unreconciled *x = &im->unreconciled[i];
        x->statement_id = num(r, i, 0);
        x->issuer = dup_or_null(r, i, 1);
        copy(x->card_last4, sizeof x->card_last4, r, i, 2);
        x->period_start = cl_date_parse_iso(db_value(r, i, 3));
        x->period_end = cl_date_parse_iso(db_value(r, i, 4));
        copy(x->currency, sizeof x->currency, r, i, 5);
        copy(x->difference, sizeof x->difference, r, i, 6);
        x->path = dup_or_null(r, i, 7);
        im->unreconciled_total = num(r, i, 8);
    }
    db_result_free(r);
    return 0;
}

int q_imports_run(db_conn *c, int limit, q_imports **out, cl_err *err)
{
    *out = NULL;
    if (limit < 1 || limit > 1000)
        return cl_err_set(err, CL_E_USAGE, "limit %d: must be from 1 to 1000", limit);
    char lim[16];
    snprintf(lim, sizeof lim, "%d", limit);
    q_imports *im = xcalloc(1, sizeof *im);
    if (load_runs(c, lim, im, err) < 0 || load_failed(c, lim, im, err) < 0 ||
        load_unreconciled(c, lim, im, err) < 0) {
        q_imports_free(im);
        return -1;
    }
    *out = im;
    return 0;
}

void q_imports_free(q_imports *im)
{
    if (!im)
        return;
    for (int i = 0; i < im->nruns; i++)
        free(im->runs[i].error);
    for (int i = 0; i < im->nfailed; i++) {
        free(im->failed[i].path);
        free(im->failed[i].error);
    }
    for (int i = 0; i < im->nunreconciled; i++) {
        free(im->unreconciled[i].issuer);
        free(im->unreconciled[i].path);
    }
    free(im->runs);
    free(im->failed);
    free(im->unreconciled);
    free(im);
}
