/* input.h - one way in: the kinds of input every command reads, and the
 * one loader that opens a document of any kind with the same caps.
 *
 * `layout`, `parse`, `profile check` and `ingest` find their inputs with
 * the one walker (walk.h) and open them here, so every command sees the
 * same files the same way. An input kind is one row of a small table: a
 * file kind is recognized by its name's ending (and, for a file named on
 * the command line, by magic bytes), a folder kind by what the directory
 * holds. A new kind (a later issue's .ofx/.qfx/.csv) is one more row with
 * its own load function. */
#ifndef CL_INGEST_INPUT_H
#define CL_INGEST_INPUT_H

#include "bank/statement.h"
#include "common/err.h"
#include "common/hash.h"
#include "pdf/pdf.h"

#include <stdbool.h>
#include <stddef.h>

/* The caps every document gets, in every command. */
typedef struct ingest_caps {
    size_t memory_limit;        /* bytes MuPDF may use per document; 0: none */
    int max_pages;              /* page-count sanity bound */
    double time_limit_s;        /* per document; 0: none */
} ingest_caps;

#define INGEST_DEFAULT_MEMORY_MB 512
#define INGEST_DEFAULT_TIMEOUT_S 60
/* Set the caps for the documents this process (or thread) loads next. */
void ingest_caps_apply(const ingest_caps *c);

typedef struct ingest_loaded {
    const struct ingest_input_kind *kind;
    char sha256[CL_SHA256_HEX]; /* of the bytes read (a folder: of its pages' text) */
    pdf_text *doc;              /* owned; a download's text: one page, its lines */
    bank_statement *st;         /* owned; a download (CSV, OFX) is read straight to
                                 * its statement, NULL for a document the bank
                                 * profiles read (bank_parse_doc) */
} ingest_loaded;

typedef struct ingest_input_kind {
    const char *id;             /* "pdf", "pages" */
    const char *what;           /* for messages: "PDF", "page-text folder" */
    const char *ext;            /* file name ending (case-insensitive); NULL for a folder kind */
    const char *magic;          /* bytes within a file's first 1 KB; NULL: none */
    bool folder;                /* a directory read as one document */
    /* path: the bytes to open; name: what messages show (path_escape). */
    int (*load)(const char *path, const char *name, const pdf_passwords *pw, ingest_loaded *out,
                cl_err *err);
} ingest_input_kind;

/* The kind of a file found in a folder, by its name; NULL: not an input. */
const ingest_input_kind *ingest_input_by_name(const char *name);
/* The kind of a file named on the command line: by name, else by its
 * first bytes, else PDF (whose loader then says "not a PDF"). */
const ingest_input_kind *ingest_input_for_file(const char *path, const char *name);
/* The folder kind a directory is (page_*.txt files), or NULL: walk into it. */
const ingest_input_kind *ingest_input_folder(const char *dir);
/* "PDF files or page_*.txt directories": what the kinds are, for messages. */
const char *ingest_input_kinds_text(void);

/* Open path (kind NULL: decided here) and read its document. Only regular
 * files are opened (fstat after open); every failure is one message
 * naming the file. */
int ingest_input_load(const char *path, const char *name, const ingest_input_kind *kind,
                      const pdf_passwords *pw, ingest_loaded *out, cl_err *err);
/* The identity alone (discovery): SHA-256 of a file's bytes, or of a
 * folder's pages' text. */
int ingest_input_hash(const char *path, const char *name, const ingest_input_kind *kind,
                      char sha256[CL_SHA256_HEX], cl_err *err);
void ingest_loaded_free(ingest_loaded *l);
/* The statement of a loaded input: a download's own (moved out of l), else
 * the bank profiles' reading of its document. */
struct bank_registry;
struct bank_parse_opts;
int ingest_loaded_statement(ingest_loaded *l, const struct bank_registry *reg,
                            const struct bank_parse_opts *po, bank_statement **out, cl_err *err);
/* A CSV mapping file tried before the others (--csv-map); NULL: none.
 * Call before the first CSV is loaded. */
void ingest_input_set_csv_map(const char *file);

#endif
