/* bank.h - the bank layer's entry points: detect the issuer of a document,
 * extract its statement with that issuer's profile, reconcile it, and print
 * it as JSON or CSV. No database here: `parse` and ingest both call this.
 *
 *   bank_registry *reg;  bank_registry_load(NULL, &reg, &err);
 *   bank_statement *st;  bank_parse_doc(reg, doc, NULL, &st, &err);
 *   ... st->txns ...     bank_statement_free(st);
 *
 * All functions are safe to call from several threads on one registry. */
#ifndef CL_BANK_H
#define CL_BANK_H

#include "common/err.h"
#include "pdf/pdf.h"
#include "profile.h"
#include "registry.h"
#include "statement.h"

#include <stdio.h>

/* What one layout line was used for (for `profile check`). */
typedef enum bank_line_kind {
    BANK_LINE_NONE,         /* nothing */
    BANK_LINE_TXN,          /* a transaction */
    BANK_LINE_CONTINUATION, /* appended to the description above */
    BANK_LINE_SIGN,         /* a CR/DR marker for the amount above */
    BANK_LINE_FOREIGN,      /* foreign amount of the transaction above */
    BANK_LINE_SUMMARY,      /* a summary value (detail: the field) */
    BANK_LINE_FIELD,        /* a statement field (date, card, ...) */
    BANK_LINE_SECTION,      /* a section starts or ends here */
    BANK_LINE_TABLE,        /* the transaction table starts or ends */
    BANK_LINE_IGNORED,      /* an ignore rule or an ignored section */
    BANK_LINE_EXCLUDED,     /* matched a line pattern but its description is excluded */
    BANK_LINE_UNMATCHED,    /* looks like a transaction, matched nothing */
} bank_line_kind;

const char *bank_line_kind_name(bank_line_kind k);

typedef void (*bank_trace_fn)(void *ctx, int page, int line, const char *text, bank_line_kind kind,
                              const char *detail);

typedef struct bank_parse_opts {
    const char *profile_id;     /* force this profile; NULL detects */
    bank_trace_fn trace;        /* optional: called once per line, in order */
    void *trace_ctx;
} bank_parse_opts;

/* Detection outcome: the chosen profile and the score of every profile
 * that qualified. */
typedef struct bank_detection {
    const bank_profile *profile;    /* NULL: nothing matched */
    int score;
    bool ambiguous;
    char candidates[512];           /* "dbs=3, ocbc=3" */
} bank_detection;

/* Score every profile (except those without detection rules, such as
 * generic) against the document. */
void bank_detect(const bank_registry *reg, const pdf_text *doc, bank_detection *out);

/* Extract the statement of a loaded document. Without opts->profile_id the
 * profile is detected; when none matches, the generic profile is tried and a
 * warning added; "no statement recognized" when it finds nothing either.
 * Sets pages and issuer; file/sha256 are the caller's (ingest/input.h loads). */
int bank_parse_doc(const bank_registry *reg, const pdf_text *doc, const bank_parse_opts *opts,
                   bank_statement **out, cl_err *err);

/* Run one profile on a document (no detection, no fallback). */
bank_statement *bank_extract(const bank_profile *p, const pdf_text *doc, const bank_parse_opts *opts);

/* One JSON object on one line (the `parse --format json` form), with
 * trailing newline. */
void bank_statement_write_json(const bank_statement *s, FILE *out);
/* CSV: the header, then one row per transaction. */
void bank_csv_write_header(FILE *out);
void bank_statement_write_csv(const bank_statement *s, FILE *out);

#endif
