/* source.h - read one statement file for ingest: its SHA-256, its pages'
 * layout text and the statement the bank layer extracts from it. */
#ifndef CL_INGEST_SOURCE_H
#define CL_INGEST_SOURCE_H

#include "bank/statement.h"
#include "common/err.h"
#include "common/hash.h"
#include "pdf/pdf.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct ingest_source ingest_source;

/* Load the bank profiles once (before forking workers: they share them).
 * password_file may be NULL. */
int ingest_source_new(const char *password_file, ingest_source **out, cl_err *err);
void ingest_source_free(ingest_source *s);

typedef struct ingest_doc {
    char sha256[CL_SHA256_HEX]; /* of the bytes actually read */
    bank_statement *st;
    char **pages;               /* layout text per page */
    int n_pages;
} ingest_doc;

/* Read and parse path. On error returns -1 with a one-line reason naming the
 * file (e.g. "needs a password", "not a PDF", "no statement recognized"). */
int ingest_source_read(const ingest_source *s, const char *path, ingest_doc *out, cl_err *err);
void ingest_doc_free(ingest_doc *d);

/* Cap MuPDF's allocations per document (0: none); a file that needs more
 * fails with "out of memory" instead of exhausting the worker. */
void ingest_source_limit_memory(size_t bytes);

/* The cardledger version that parsed a file (stored with it). */
const char *ingest_parser_version(void);

#endif
