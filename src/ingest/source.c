/* source.c - one file to a statement: SHA-256, MuPDF layout, bank profiles. */
#include "source.h"
#include "bank/bank.h"
#include "common/util.h"

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

int ingest_source_read(const ingest_source *s, const char *path, ingest_doc *out, cl_err *err)
{
    memset(out, 0, sizeof *out);
    if (cl_sha256_file(path, out->sha256, err) < 0)
        return -1;
    pdf_text *doc = NULL;
    if (pdf_text_load(path, &s->pw, &doc, err) < 0)
        return -1;
    if (doc->n_pages == 0) {
        pdf_text_free(doc);
        return cl_err_set(err, CL_E_PARSE, "%s: no statement recognized (no pages)", path);
    }
    if (bank_parse_doc(s->reg, doc, NULL, &out->st, err) < 0) {
        pdf_text_free(doc);
        return -1;
    }
    out->st->file = xstrdup(path);
    memcpy(out->st->sha256, out->sha256, sizeof out->st->sha256);
    out->n_pages = doc->n_pages;
    out->pages = xcalloc((size_t)doc->n_pages, sizeof *out->pages);
    for (int i = 0; i < doc->n_pages; i++)
        out->pages[i] = pdf_page_text(&doc->pages[i]);
    pdf_text_free(doc);
    return 0;
}
