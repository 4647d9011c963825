/* util.h - small helpers every layer uses: checked allocation, whole-file
 * reads, string trimming. Allocation failure of these small objects prints
 * one line and exits: there is no sane recovery and no data to lose
 * (database work is transactional). Large, input-driven allocations (PDF
 * pages) go through their own limits instead. */
#ifndef CL_UTIL_H
#define CL_UTIL_H

#include "err.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Read a whole regular file (a FIFO or device is refused, see
 * path_open_regular); *out is NUL-terminated, *len excludes the NUL.
 * Returns 0, or -1 with err set (message names the file). */
int util_read_file(const char *path, char **out, size_t *len, cl_err *err);

/* Collapse runs of white space to one space and trim both ends, in place. */
char *util_collapse_space(char *s);

/* True when s starts with prefix. */
bool util_starts_with(const char *s, const char *prefix);

/* The code point of the UTF-8 sequence at s and its length in bytes, or
 * 0 when the bytes there are not a valid, shortest-form sequence. */
int util_utf8_decode(const char *s, unsigned *cp);

/* Monotonic clock in milliseconds. */
double util_now_ms(void);

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
