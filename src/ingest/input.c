/* input.c - the table of input kinds and the one document loader. */
#include "input.h"
#include "bank/bank.h"
#include "bank/csvin.h"
#include "bank/ofx.h"
#include "common/path.h"
#include "common/sbuf.h"
#include "common/util.h"

#include <dirent.h>
#include <stdio.h>
#include <pthread.h>
#include <errno.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static int load_pdf(const char *path, const char *name, const pdf_passwords *pw, ingest_loaded *out,
                    cl_err *err)
{
    void *data;
    size_t len;
    if (pdf_read_regular(path, name, &data, &len, err))
        return -1;
    cl_sha256_buf(data, len, out->sha256);
    int rc = pdf_text_load_buf(name, data, len, pw, &out->doc, err);
    free(data);
    return rc;
}

/* A folder's identity is its pages' text in name order. */
static void pages_sha256(const pdf_text *doc, char hex[CL_SHA256_HEX])
{
    sbuf b = {0};
    for (int p = 0; p < doc->n_pages; p++)
        for (int i = 0; i < doc->pages[p].n_lines; i++) {
            sbuf_puts(&b, doc->pages[p].lines[i].text);
            sbuf_putc(&b, '\n');
        }
    cl_sha256_buf(b.p ? b.p : "", b.len, hex);
    sbuf_free(&b);
}

static int load_pages(const char *path, const char *name, const pdf_passwords *pw, ingest_loaded *out,
                      cl_err *err)
{
    if (pdf_text_load_pages_dir(path, name, &out->doc, err))
        return -1;
    pages_sha256(out->doc, out->sha256);
    return 0;
}

/* ---- downloads: CSV and OFX/QFX ------------------------------------------------ */

static const char *csv_map_file;
static bank_csvmaps *csv_maps;
static cl_err csv_maps_err;
static pthread_once_t csv_maps_once = PTHREAD_ONCE_INIT;

void ingest_input_set_csv_map(const char *file) { csv_map_file = file; }

static void csv_maps_load(void)
{
    if (bank_csvmaps_load(NULL, csv_map_file, &csv_maps, &csv_maps_err))
        csv_maps = NULL;
}

static const bank_csvmaps *maps(cl_err *err)
{
    pthread_once(&csv_maps_once, csv_maps_load);
    if (!csv_maps)
        cl_err_set(err, csv_maps_err.code, "%s", csv_maps_err.msg);
    return csv_maps;
}

/* A download's text as one page of lines: the raw tier's page text. */
static pdf_text *text_doc(const char *name, const char *data, size_t len)
{
    pdf_text *t = xcalloc(1, sizeof *t);
    t->path = xstrdup(name);
    t->n_pages = 1;
    t->pages = xcalloc(1, sizeof *t->pages);
    pdf_page *pg = &t->pages[0];
    int cap = 0;
    for (const char *p = data, *end = data + len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (n && p[n - 1] == '\r')
            n--;
        if (pg->n_lines == cap) {
            cap = cap ? 2 * cap : 64;
            pg->lines = xrealloc(pg->lines, (size_t)cap * sizeof *pg->lines);
        }
        pdf_line *l = &pg->lines[pg->n_lines++];
        memset(l, 0, sizeof *l);
        l->text = xmalloc(n + 1);
        memcpy(l->text, p, n);
        l->text[n] = 0;
        l->y = (float)pg->n_lines;
        p = nl ? nl + 1 : end;
    }
    return t;
}

static int load_download(const char *path, const char *name, bool ofx, ingest_loaded *out, cl_err *err)
{
    void *data;
    size_t len;
    const bank_csvmaps *m = maps(err);
    if (!m || pdf_read_regular(path, name, &data, &len, err))
        return -1;
    cl_sha256_buf(data, len, out->sha256);
    int rc = ofx ? bank_ofx_parse(m, path, name, data, len, &out->st, err)
                 : bank_csv_parse(m, name, data, len, &out->st, err);
    if (rc == 0)
        out->doc = text_doc(name, data, len);
    free(data);
    return rc;
}

static int load_csv(const char *path, const char *name, const pdf_passwords *pw, ingest_loaded *out,
                    cl_err *err)
{
    (void)pw;
    return load_download(path, name, false, out, err);
}

static int load_ofx(const char *path, const char *name, const pdf_passwords *pw, ingest_loaded *out,
                    cl_err *err)
{
    (void)pw;
    return load_download(path, name, true, out, err);
}

static const ingest_input_kind kinds[] = {
    {"pdf", "PDF", ".pdf", "%PDF-", false, load_pdf},
    {"pages", "page-text folder", NULL, NULL, true, load_pages},
    {"ofx", "OFX download", ".ofx", "OFXHEADER", false, load_ofx},
    {"qfx", "QFX download", ".qfx", NULL, false, load_ofx},
    {"csv", "CSV download", ".csv", NULL, false, load_csv},
};

int ingest_loaded_statement(ingest_loaded *l, const bank_registry *reg, const bank_parse_opts *po,
                            bank_statement **out, cl_err *err)
{
    if (l->st) {
        *out = l->st;
        l->st = NULL;
    } else if (bank_parse_doc(reg, l->doc, po, out, err)) {
        return -1;
    }
    snprintf((*out)->source, sizeof (*out)->source, "%s", l->kind->id);
    return 0;
}

void ingest_caps_apply(const ingest_caps *c)
{
    pdf_set_memory_limit(c->memory_limit);
    pdf_set_max_pages(c->max_pages);
    pdf_set_time_limit(c->time_limit_s);
}

const ingest_input_kind *ingest_input_by_name(const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < ARRAY_LEN(kinds); i++) {
        const char *e = kinds[i].ext;
        size_t k = e ? strlen(e) : 0;
        if (e && n > k && strcasecmp(name + n - k, e) == 0)
            return &kinds[i];
    }
    return NULL;
}

const ingest_input_kind *ingest_input_for_file(const char *path, const char *name)
{
    const char *base = strrchr(name, '/');
    const ingest_input_kind *k = ingest_input_by_name(base ? base + 1 : name);
    if (k)
        return k;
    struct stat st;
    cl_err err = {0};
    int fd = path_open_regular(path, name, &st, &err);
    if (fd >= 0) {
        char head[1024];
        ssize_t got = read(fd, head, sizeof head);
        close(fd);
        for (size_t i = 0; got > 0 && i < ARRAY_LEN(kinds); i++)
            if (kinds[i].magic && memmem(head, (size_t)got, kinds[i].magic, strlen(kinds[i].magic)))
                return &kinds[i];
    }
    return &kinds[0];
}

static bool is_page_name(const char *n)
{
    size_t len = strlen(n);
    return util_starts_with(n, "page_") && len > 9 && strcmp(n + len - 4, ".txt") == 0;
}

const ingest_input_kind *ingest_input_folder(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    bool found = false;
    struct dirent *e;
    while (!found && (e = readdir(d)))
        found = is_page_name(e->d_name);
    closedir(d);
    return found ? &kinds[1] : NULL;
}

const char *ingest_input_kinds_text(void) { return "PDF, OFX, QFX or CSV files or page_*.txt directories"; }

int ingest_input_load(const char *path, const char *name, const ingest_input_kind *kind,
                      const pdf_passwords *pw, ingest_loaded *out, cl_err *err)
{
    memset(out, 0, sizeof *out);
    if (!name)
        name = path;
    if (!kind) {
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
            kind = ingest_input_folder(path);
        else
            kind = ingest_input_for_file(path, name);
        if (!kind)
            return cl_err_set(err, CL_E_IO, "%s: a folder without page_*.txt files is not a statement", name);
    }
    out->kind = kind;
    if (kind->load(path, name, pw, out, err)) {
        ingest_loaded_free(out);
        return -1;
    }
    if (out->doc->n_pages == 0 || !out->doc->pages) {
        ingest_loaded_free(out);
        return cl_err_set(err, CL_E_PARSE, "%s: no statement recognized (no pages)", name);
    }
    return 0;
}

int ingest_input_hash(const char *path, const char *name, const ingest_input_kind *kind,
                      char sha256[CL_SHA256_HEX], cl_err *err)
{
    if (!kind || !kind->folder) {
        cl_err e = {0};
        if (cl_sha256_file(path, sha256, &e) == 0)
            return 0;
        /* its message shows the raw bytes of the name */
        const char *why = strrchr(e.msg, ':');
        return cl_err_set(err, e.code, "%s: %s", name, why ? why + 2 : e.msg);
    }
    ingest_loaded l;
    if (ingest_input_load(path, name, kind, NULL, &l, err))
        return -1;
    memcpy(sha256, l.sha256, CL_SHA256_HEX);
    ingest_loaded_free(&l);
    return 0;
}

void ingest_loaded_free(ingest_loaded *l)
{
    pdf_text_free(l->doc);
    bank_statement_free(l->st);
    memset(l, 0, sizeof *l);
}
