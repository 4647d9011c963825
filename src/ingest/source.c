/* source.c - one file to a statement: SHA-256, MuPDF layout, bank profiles. */
#include "source.h"
#include "bank/bank.h"
#include "common/path.h"
#include "common/util.h"
#include "input.h"

#include <stdlib.h>
#include <string.h>

struct ingest_source {
    bank_registry *reg;
    pdf_passwords pw;
};

const char *ingest_parser_version(void) { return "cardledger " CARDLEDGER_VERSION_STR; }

void ingest_source_limit_memory(size_t bytes)
{
    pdf_set_memory_limit(bytes);
}

int ingest_source_new(const char *password_file, ingest_source **out, cl_err *err)
{
    ingest_source *s = xcalloc(1, sizeof *s);
    /* --password-file, else $CARDLEDGER_PDF_PASSWORDS_FILE; a file others
     * may read is refused with a warning, as in every command. */
    if (pdf_passwords_from_option(password_file, &s->pw, err) < 0) {
        free(s);
        return -1;
    }
    if (bank_registry_load(NULL, &s->reg, err) < 0) {
        ingest_source_free(s);
        return -1;
    }
    *out = s;
    return 0;
}

void ingest_source_free(ingest_source *s)
{
    if (!s)
        return;
    bank_registry_free(s->reg);
    pdf_passwords_free(&s->pw);
    free(s);
}

void ingest_doc_free(ingest_doc *d)
{
    bank_statement_free(d->st);
    for (int i = 0; i < d->n_pages; i++)
        free(d->pages[i]);
    free(d->pages);
    memset(d, 0, sizeof *d);
}

int ingest_source_read(const ingest_source *s, const char *stored, ingest_doc *out, cl_err *err)
{
    memset(out, 0, sizeof *out);
    /* Paths are stored escaped (common/path.h): open the bytes they stand for. */
    char *path = path_unescape(stored);
    ingest_loaded l;
    int rc = ingest_input_load(path, stored, NULL, &s->pw, &l, err);
    free(path);
    if (rc < 0)
        return -1;
    memcpy(out->sha256, l.sha256, sizeof out->sha256);
    if (ingest_loaded_statement(&l, s->reg, NULL, &out->st, err) < 0) {
        ingest_loaded_free(&l);
        return -1;
    }
    out->st->file = xstrdup(stored);
    memcpy(out->st->sha256, out->sha256, sizeof out->st->sha256);
    out->n_pages = l.doc->n_pages;
    out->pages = xcalloc((size_t)l.doc->n_pages, sizeof *out->pages);
    for (int i = 0; i < l.doc->n_pages; i++)
        out->pages[i] = pdf_page_text(&l.doc->pages[i]);
    ingest_loaded_free(&l);
    return 0;
}
