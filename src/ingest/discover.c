/* discover.c - the summary's failed files, seen contents, revived paths. */
#include "discover.h"
#include "common/log.h"
#include "common/sbuf.h"
#include "common/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ingest_summary_note_failure(ingest_summary *s, const char *file, const char *reason)
{
    if (s->n_failures >= INGEST_SUMMARY_FAILURES)
        return;
    size_t n = strlen(file);    /* most reasons start with the file's name */
    if (strncmp(reason, file, n) == 0 && reason[n] == ':' && reason[n + 1] == ' ')
        reason += n + 2;
    snprintf(s->failures[s->n_failures].file, sizeof s->failures[0].file, "%s", file);
    snprintf(s->failures[s->n_failures].reason, sizeof s->failures[0].reason, "%s", reason);
    s->n_failures++;
}

void ingest_summary_forget_missing(ingest_summary *s, long n)
{
    s->files_failed -= n;
    for (long k = 0; k < n && s->n_failures > 0; k++)
        for (int i = s->n_failures - 1; i >= 0; i--)
            if (strstr(s->failures[i].reason, "No such file or directory")) {
                memmove(&s->failures[i], &s->failures[i + 1],
                        (size_t)(s->n_failures - i - 1) * sizeof s->failures[0]);
                s->n_failures--;
                break;
            }
}

bool ingest_content_set_add(ingest_content_set *s, const char *hex)
{
    char head[17];
    memcpy(head, hex, 16);
    head[16] = '\0';
    uint64_t h = strtoull(head, NULL, 16) | 1;
    if (s->n * 2 >= s->cap) {
        ingest_content_set t = {xcalloc(s->cap ? s->cap * 2 : 1024, sizeof *t.v), s->cap ? s->cap * 2 : 1024, 0};
        for (size_t i = 0; i < s->cap; i++)
            if (s->v[i]) {
                size_t j = (size_t)(s->v[i] >> 3) & (t.cap - 1);
                while (t.v[j])
                    j = (j + 1) & (t.cap - 1);
                t.v[j] = s->v[i];
                t.n++;
            }
        free(s->v);
        *s = t;
    }
    size_t j = (size_t)(h >> 3) & (s->cap - 1);
    while (s->v[j]) {
        if (s->v[j] == h)
            return false;
        j = (j + 1) & (s->cap - 1);
    }
    s->v[j] = h;
    s->n++;
    return true;
}

void ingest_dry_run_classify(const db_file_entry *files, int n, const bool *known, ingest_content_set *seen,
                             ingest_summary *s, FILE *out)
{
    for (int i = 0; i < n; i++) {
        const char *what = known[i] ? "known" : ingest_content_set_add(seen, files[i].sha256) ? "new" : "copy";
        if (*what == 'n')
            log_debug("ingest_would_read", LOG_S("file", files[i].path));
        fprintf(out, "%s\t%s\n", what, files[i].path);
        s->files_new += *what == 'n';
        s->files_known += *what != 'n';
        s->files_copies += *what == 'c';
    }
}

void ingest_content_set_free(ingest_content_set *s)
{
    free(s->v);
    memset(s, 0, sizeof *s);
}

/* Escaped paths hold no newline, so the batch travels as two
 * newline-joined parameters. */
long ingest_revive_moved(db_conn *db, const db_file_entry *files, int nfiles, long long run_id, cl_err *err)
{
    sbuf shas = {0}, paths = {0};
    for (int i = 0; i < nfiles; i++) {
        sbuf_printf(&shas, "%s%s", i ? "\n" : "", files[i].sha256);
        sbuf_printf(&paths, "%s%s", i ? "\n" : "", files[i].path);
    }
    char id[24];
    snprintf(id, sizeof id, "%lld", run_id);
    const char *params[] = {sbuf_str(&shas), sbuf_str(&paths), id};
    long n = db_exec(db,
                     "UPDATE raw.source_files f SET status = 'pending', path = v.path FROM "
                     "(SELECT DISTINCT ON (sha256) sha256, path FROM unnest(string_to_array($1, E'\\n'), "
                     "string_to_array($2, E'\\n')) AS u(sha256, path) ORDER BY sha256, path) v "
                     "WHERE f.sha256 = v.sha256 AND f.status = 'failed' AND f.last_run_id = $3::bigint "
                     "AND f.path <> v.path AND f.last_error LIKE '%: No such file or directory'",
                     3, params, err);
    sbuf_free(&shas);
    sbuf_free(&paths);
    return n;
}
