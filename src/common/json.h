/* json.h - writing JSON text into an sbuf (logs, `parse` output). */
#ifndef CL_JSON_H
#define CL_JSON_H

#include "common/sbuf.h"

#include <stdbool.h>

/* s as a JSON string literal: quotes, backslashes and control characters
 * escaped; bytes that are not valid UTF-8 (a Latin-1 page file, an odd
 * file name) become '?', so the text is always valid JSON. With ascii,
 * every other character is written as \uXXXX (a surrogate pair beyond
 * U+FFFF). */
void cl_json_string(sbuf *b, const char *s, bool ascii);

#endif
