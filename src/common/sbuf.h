/* sbuf.h - a growable, always NUL-terminated byte string.
 * A zero-initialised sbuf is empty and valid; sbuf_free releases it.
 * Allocation failure aborts (see util.h): strings here are small. */
#ifndef CL_SBUF_H
#define CL_SBUF_H

#include <stddef.h>

typedef struct sbuf {
    char *p;        /* NULL or NUL-terminated */
    size_t len;
    size_t cap;
} sbuf;

void sbuf_reserve(sbuf *b, size_t extra);
void sbuf_append(sbuf *b, const char *s, size_t n);
void sbuf_puts(sbuf *b, const char *s);
void sbuf_putc(sbuf *b, char c);
void sbuf_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sbuf_truncate(sbuf *b, size_t len);
/* Never NULL: "" for an empty buffer. Borrowed. */
const char *sbuf_str(const sbuf *b);
/* Hand the string to the caller (never NULL) and reset the buffer. */
char *sbuf_detach(sbuf *b);
void sbuf_free(sbuf *b);

#endif
