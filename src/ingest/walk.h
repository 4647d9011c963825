/* walk.h - find the PDFs under the PATH arguments, one at a time.
 *
 * Directories are searched recursively in directory order; symbolic links
 * are followed, but every directory is entered once (so a link loop or two
 * links to one folder cost nothing). Hidden entries (names starting with
 * '.') and files not named *.pdf are skipped and counted. A file named
 * explicitly on the command line is taken whatever its name. Memory grows
 * with the depth and the number of directories, never with the number of
 * files. */
#ifndef CL_INGEST_WALK_H
#define CL_INGEST_WALK_H

#include "common/err.h"

#include <stdbool.h>
#include <sys/stat.h>

typedef struct ingest_walk ingest_walk;

/* Fails (CL_E_USAGE) when a path does not exist. */
ingest_walk *ingest_walk_new(char *const *paths, int n, cl_err *err);
/* The next file: its path (borrowed until the next call) and stat; NULL at
 * the end. Unreadable directories are logged and counted as skipped. */
const char *ingest_walk_next(ingest_walk *w, struct stat *st);
long ingest_walk_skipped(const ingest_walk *w);
void ingest_walk_free(ingest_walk *w);

#endif
