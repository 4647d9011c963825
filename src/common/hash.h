/* hash.h - SHA-256 of files and buffers (OpenSSL libcrypto). */
#ifndef CL_HASH_H
#define CL_HASH_H

#include "err.h"

#include <stddef.h>

#define CL_SHA256_HEX 65    /* 64 hex digits and NUL */

/* Streams the file; memory use is constant. */
int cl_sha256_file(const char *path, char hex[CL_SHA256_HEX], cl_err *err);
void cl_sha256_buf(const void *data, size_t len, char hex[CL_SHA256_HEX]);

#endif
