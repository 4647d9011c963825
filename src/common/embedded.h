/* embedded.h - files compiled into the binary (migrations, bank profiles)
 * by scripts/embed-files.py. Arrays end with an entry whose name is NULL. */
#ifndef CL_EMBEDDED_H
#define CL_EMBEDDED_H

#include <stddef.h>

typedef struct cl_embedded_file {
    const char *name;
    const char *text;
    size_t len;
} cl_embedded_file;

#endif
