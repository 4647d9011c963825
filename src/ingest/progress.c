/* progress.c - progress bar and summary table of an ingest run. */
#include "progress.h"

#include "common/util.h"

#include <stdio.h>
#include <string.h>

#define BAR_WIDTH 24

void ingest_progress_init(ingest_progress *p, bool on)
{
    memset(p, 0, sizeof *p);
    p->on = on;
    p->start_ms = util_now_ms();
}

static void fmt_duration(double s, char *out, size_t outsz)
{
    long t = (long)(s + 0.5);
    if (t >= 3600)
        snprintf(out, outsz, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
    else
        snprintf(out, outsz, "%ld:%02ld", t / 60, t % 60);
}

void ingest_progress_draw(ingest_progress *p, long done, long total, long long txns, bool force)
{
    if (!p->on)
        return;
    double now = util_now_ms();
    if (!force && p->drawn && now - p->last_ms < 100)
        return;
    p->last_ms = now;
    double secs = (now - p->start_ms) / 1000.0;
    char bar[BAR_WIDTH + 1], eta[32] = "", count[48];
    int fill = total > 0 ? (int)((double)BAR_WIDTH * (double)(done < total ? done : total) / (double)total) : 0;
    for (int i = 0; i < BAR_WIDTH; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[BAR_WIDTH] = '\0';
    if (total >= 0)
        snprintf(count, sizeof count, "%ld/%ld files", done, total);
    else
        snprintf(count, sizeof count, "%ld files (searching)", done);
    double rate = secs > 0.2 ? (double)txns / secs : 0;
    if (total > 0 && done > 0 && done < total && secs > 0.5) {
        char d[24];
        fmt_duration(secs * (double)(total - done) / (double)done, d, sizeof d);
        snprintf(eta, sizeof eta, "  ETA %s", d);
    }
    fprintf(stderr, "\r\033[K[%s] %s  %lld tx  %.0f tx/s%s", bar, count, txns, rate, eta);
    fflush(stderr);
    p->drawn = true;
}

void ingest_progress_clear(ingest_progress *p)
{
    if (!p->on || !p->drawn)
        return;
    fputs("\r\033[K", stderr);
    fflush(stderr);
    p->drawn = false;
}

/* The first failed files with their reasons; 'status' lists them all. */
static void print_failures(const ingest_summary *s, FILE *out)
{
    long total = s->files_failed + s->files_unreadable;
    if (!s->n_failures)
        return;
    fprintf(out, "failed files:\n");
    for (int i = 0; i < s->n_failures; i++)
        fprintf(out, "  %s: %s\n", s->failures[i].file, s->failures[i].reason);
    if (total > s->n_failures)
        fprintf(out, "  ... and %ld more: see 'cardledger status'\n", total - s->n_failures);
    else
        fprintf(out, "  (all of them, with earlier runs' failures: 'cardledger status')\n");
}

void ingest_summary_print(const ingest_summary *s, FILE *out)
{
    double secs = s->elapsed_ms / 1000.0;
    fprintf(out, "%s\n", s->dry_run ? "ingest dry run (nothing was written)" : "ingest summary");
    fprintf(out, "  files found                %9ld\n", s->files_found);
    fprintf(out, "    new                      %9ld\n", s->files_new);
    fprintf(out, "    already known            %9ld\n", s->files_known);
    if (s->files_known_failed)
        fprintf(out, "      of which failed before %9ld  (not retried: use --retry-failed)\n",
                s->files_known_failed);
    fprintf(out, "    unreadable               %9ld\n", s->files_unreadable);
    fprintf(out, "  skipped (hidden, not PDF)  %9ld\n", s->files_skipped);
    if (s->dry_run) {
        if (s->files_copies)
            fprintf(out, "      of which copies        %9ld\n", s->files_copies);
        fprintf(out, "  would be read              %9ld\n", s->files_new);
        fprintf(out, "  elapsed                    %9.1f s\n", secs);
        print_failures(s, out);
        return;
    }
    if (s->files_requeued)
        fprintf(out, "  failed files retried       %9ld\n", s->files_requeued);
    fprintf(out, "  files processed            %9ld\n",
            s->files_stored + s->files_duplicate + s->files_failed);
    fprintf(out, "    stored                   %9ld\n", s->files_stored);
    fprintf(out, "    duplicate statements     %9ld\n", s->files_duplicate);
    fprintf(out, "    failed                   %9ld\n", s->files_failed);
    if (s->files_pending)
        fprintf(out, "  still pending              %9ld  (held by another ingest, or left for the next run)\n",
                s->files_pending);
    fprintf(out, "  transactions inserted      %9lld\n", s->txns_inserted);
    fprintf(out, "    already present          %9lld\n", s->txns_present);
    fprintf(out, "  unreconciled statements    %9ld\n", s->unreconciled);
    fprintf(out, "  workers                    %9d\n", s->workers);
    fprintf(out, "  elapsed                    %9.2f s\n", secs);
    fprintf(out, "  transactions per second    %9.0f\n",
            secs > 0 ? (double)s->txns_inserted / secs : 0.0);
    if (s->aborted)
        fprintf(out, "  run ABORTED: %s\n", s->abort_reason);
    print_failures(s, out);
}
