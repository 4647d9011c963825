/* progress.h - the progress bar of an ingest run (a terminal only) and the
 * final summary table. */
#ifndef CL_INGEST_PROGRESS_H
#define CL_INGEST_PROGRESS_H

#include "ingest.h"

#include <stdbool.h>

typedef struct ingest_progress {
    bool on;                    /* draw at all (stderr is a terminal, no --no-progress) */
    bool drawn;                 /* a bar is on the screen now */
    double start_ms, last_ms;
} ingest_progress;

void ingest_progress_init(ingest_progress *p, bool on);
/* Redraw in place, at most every 100 ms unless force. total < 0: unknown
 * yet (still searching for files). */
void ingest_progress_draw(ingest_progress *p, long done, long total, long long txns, bool force);
/* Erase the bar (before a log line, and at the end). */
void ingest_progress_clear(ingest_progress *p);

#endif
