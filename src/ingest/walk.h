/* walk.h - the one walker: every command (layout, parse, profile check,
 * ingest) finds its inputs under its PATH arguments with it.
 *
 * - Each argument is made absolute and canonical (realpath), so a file is
 *   registered by the same path whatever the directory a run started in.
 * - Directories are searched depth-first, entries in byte order of their
 *   names (the same files in the same order on every run and host).
 * - Symbolic links are followed, but every directory is entered once (a
 *   link loop or two links to one folder cost nothing); no deeper than
 *   INGEST_WALK_MAX_DEPTH levels below an argument.
 * - A directory holding page_*.txt files is one document (input.h), not
 *   searched further.
 * - Hidden entries (names starting with '.') and files that are no input
 *   kind are skipped and counted (debug log). A file named on the command
 *   line is taken whatever its name.
 * - What cannot be taken (a missing argument, an unreadable directory, a
 *   FIFO or device named on the command line, a path longer than 4,095
 *   bytes, too deep) is yielded as an item with an error: one line for the
 *   caller to report; the walk goes on.
 * Memory grows with the depth and the size of the largest directory. */
#ifndef CL_INGEST_WALK_H
#define CL_INGEST_WALK_H

#include "input.h"

#include <stdbool.h>
#include <sys/stat.h>

#define INGEST_WALK_MAX_DEPTH 32

typedef struct ingest_walk ingest_walk;

typedef struct ingest_walk_item {
    const char *path;           /* the bytes to open */
    const char *shown;          /* path_escape(path): for output, logs and the database */
    const ingest_input_kind *kind;  /* NULL when error is set */
    struct stat st;
    const char *error;          /* a one-line reason naming shown, or NULL */
    int arg;                    /* index of the PATH argument it was found under */
} ingest_walk_item;

ingest_walk *ingest_walk_new(char *const *paths, int n);
/* The next input or error (borrowed until the next call); NULL at the end. */
const ingest_walk_item *ingest_walk_next(ingest_walk *w);
/* Entries skipped (hidden, not an input kind) and errors yielded so far. */
long ingest_walk_skipped(const ingest_walk *w);
long ingest_walk_errors(const ingest_walk *w);
/* Inputs and errors yielded so far under PATH argument arg. */
long ingest_walk_found(const ingest_walk *w, int arg);
void ingest_walk_free(ingest_walk *w);

#endif
