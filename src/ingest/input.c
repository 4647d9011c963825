/* input.c - the table of input kinds and the one document loader. */
#include "input.h"
#include "common/path.h"
#include "common/sbuf.h"
#include "common/util.h"

#include <dirent.h>
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

static const ingest_input_kind kinds[] = {
    {"pdf", "PDF", ".pdf", "%PDF-", false, load_pdf},
    {"pages", "page-text folder", NULL, NULL, true, load_pages},
};

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

const char *ingest_input_kinds_text(void) { return "PDF files or page_*.txt directories"; }

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
    memset(l, 0, sizeof *l);
}
