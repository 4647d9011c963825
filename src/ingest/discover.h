/* discover.h - helpers of finding and registering files that need no run
 * state: the summary's failed-file list, the set of contents a dry run has
 * seen, and reviving files whose registered path was gone. */
#ifndef CL_INGEST_DISCOVER_H
#define CL_INGEST_DISCOVER_H

#include "common/err.h"
#include "db/queue.h"
#include "ingest.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* Keep a failed file and its reason for the summary (the first
 * INGEST_SUMMARY_FAILURES; a reason that starts with the file's name has
 * it dropped). */
void ingest_summary_note_failure(ingest_summary *s, const char *file, const char *reason);
/* n files counted as failed with "No such file or directory" were not
 * failures after all (revived): take them out of the counts and list. */
void ingest_summary_forget_missing(ingest_summary *s, long n);

/* Contents seen (the first 64 bits of each SHA-256; 0 marks an empty slot). */
typedef struct ingest_content_set {
    uint64_t *v;
    size_t cap, n;
} ingest_content_set;
/* Add the content of hex; false when it was there already. */
bool ingest_content_set_add(ingest_content_set *s, const char *hex);
void ingest_content_set_free(ingest_content_set *s);

/* --dry-run: classify a looked-up batch as the run would, by content: new,
 * known (registered before) or copy (the same content as an earlier file
 * of the run); one line "WHAT<TAB>PATH" each on out, in order, and counted. */
void ingest_dry_run_classify(const db_file_entry *files, int n, const bool *known, ingest_content_set *seen,
                             ingest_summary *s, FILE *out);

/* A file run_id failed because its registered path was gone (an older run
 * registered it by a relative path, or it moved) is pending again when the
 * walk finds its content at a path that exists: the path was the problem,
 * not the content. Returns the files revived, or -1 with err set. */
long ingest_revive_moved(db_conn *db, const db_file_entry *files, int nfiles, long long run_id,
                         cl_err *err);

#endif
