/* path.h - file names as bytes: a lossless printable form, and opening
 * only regular files.
 *
 * A Unix file name is any bytes but '/' and NUL; it need not be UTF-8.
 * Everything that shows or stores a path (logs, JSON, the database) uses
 * path_escape()'s form, which is valid UTF-8 and round-trips:
 * path_unescape(path_escape(p)) == p for every p. Escaped: a backslash as
 * "\\", and every byte that is not part of valid UTF-8, a control
 * character or DEL as "\xHH". Valid UTF-8 names (the usual case) are kept
 * as they are. */
#ifndef CL_PATH_H
#define CL_PATH_H

#include "err.h"

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

/* Longest path accepted (bytes, without the NUL), as PATH_MAX - 1. */
#define PATH_LIMIT 4095

/* The printable form of p. Caller frees. */
char *path_escape(const char *p);
/* The bytes an escaped form stands for (an unknown escape is kept as it
 * is, so a path stored before escaping existed still works). Caller frees. */
char *path_unescape(const char *s);
/* True when p needs no escaping (path_escape(p) would equal p). */
bool path_is_plain(const char *p);

/* Open path for reading only if it is a regular file: the check is fstat
 * on the open descriptor (no race with a rename), and the open does not
 * block on a FIFO. name (NULL: path) is what error messages show, e.g.
 * "x.pdf: not a regular file (a FIFO)". Returns the descriptor (blocking,
 * close-on-exec) and fills *st, or -1 with err set. */
int path_open_regular(const char *path, const char *name, struct stat *st, cl_err *err);

/* What a file mode is, for messages: "a directory", "a FIFO", ... */
const char *path_kind_name(mode_t mode);

#endif
