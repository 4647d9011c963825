/* ingest.h - bulk ingest of statement files into the database.
 *
 *   ingest_opts o = {.paths = argv, .npaths = argc, .jobs = 0};
 *   ingest_summary s;
 *   int code = ingest_run(&o, &s);       // an exit code (0, 1, 3, 4)
 *   ingest_summary_print(&s, stdout);
 *
 * The parent process walks the paths, hashes every PDF (SHA-256) and
 * registers it in raw.source_files in batches; N worker processes, each
 * with its own connection, take pending files from that table (the work
 * queue) and store each in one transaction (see worker.h). The parent
 * watches them: a worker that crashes or exceeds the per-file timeout is
 * killed and replaced and its file marked failed with the reason. The
 * summary tables are kept exact by every file's own transaction. */
#ifndef CL_INGEST_H
#define CL_INGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct ingest_opts {
    const char *dsn;            /* --db, or NULL for the default database */
    bool no_migrate;
    char *const *paths;
    int npaths;
    int jobs;                   /* workers; <= 0: the number of cores */
    bool retry_failed;
    bool dry_run;
    bool progress;              /* draw a progress bar on stderr (a terminal) */
    const char *password_file;
    double file_timeout_s;      /* per file; <= 0: none */
    size_t worker_mem_limit;    /* bytes MuPDF may use per document; 0: none */
} ingest_opts;

#define INGEST_SUMMARY_FAILURES 10

typedef struct ingest_summary {
    bool dry_run;
    int workers;
    long long run_id;
    long files_found;           /* PDFs under the paths */
    long files_new;             /* content not seen before (registered now) */
    long files_known;           /* content registered before (not read again) */
    long files_known_failed;    /* of those, failed earlier and not retried */
    long files_skipped;         /* hidden, not *.pdf, unreadable directories */
    long files_unreadable;      /* PDFs that could not be read to hash them */
    long files_requeued;        /* --retry-failed: failed files put back */
    long files_stored;          /* processed by this run: statement stored */
    long files_duplicate;       /* processed: statement imported before */
    long files_failed;          /* processed: failed */
    long files_pending;         /* still pending at the end (another run holds them) */
    long long txns_inserted;
    long long txns_present;     /* fingerprint already stored */
    long unreconciled;          /* statements stored by this run that do not reconcile */
    long files_copies;          /* --dry-run: same content as an earlier file of the run */
    /* The first failed files of this run, for the summary ('status' has all). */
    struct { char file[512], reason[512]; } failures[INGEST_SUMMARY_FAILURES];
    int n_failures;
    double elapsed_ms;
    bool aborted;
    char abort_reason[512];
} ingest_summary;

/* Run an ingest; returns the exit code: 0 every file done, 1 some failed
 * (or the run was interrupted), 2 usage, 3 database unavailable, 4 schema. */
int ingest_run(const ingest_opts *o, ingest_summary *sum);

/* The summary table. */
void ingest_summary_print(const ingest_summary *s, FILE *out);

#endif
