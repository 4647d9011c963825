/* pages_dir.c - a directory of page_*.txt layout-text files read as one
 * document (the peer-corpus form). Words are the runs of non-space
 * characters; their boxes are in character columns and line numbers, so
 * column-based rules work the same as on PDFs. */
#include "pdf.h"
#include "common/sbuf.h"
#include "common/util.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Columns are counted as the line is scanned once (counting from the
 * line's start for every word made a 1 MB line take 26 s). */
static void split_words(pdf_line *l, int lineno)
{
    const char *s = l->text;
    int cap = 0, col = 0;
    for (size_t i = 0; s[i];) {
        if (s[i] == ' ' || s[i] == '\t') {
            i++;
            col++;
            continue;
        }
        size_t start = i;
        int start_col = col;
        while (s[i] && s[i] != ' ' && s[i] != '\t')
            col += ((unsigned char)s[i++] & 0xC0) != 0x80;
        if (l->n_words == cap) {
            cap = cap ? cap * 2 : 8;
            l->words = xrealloc(l->words, (size_t)cap * sizeof *l->words);
        }
        pdf_word *w = &l->words[l->n_words++];
        w->text = xstrndup(s + start, i - start);
        w->col = start_col;
        w->x0 = (float)w->col;
        w->x1 = (float)col;
        w->y0 = (float)lineno;
        w->y1 = (float)lineno + 1;
        w->size = 0;
    }
}

static void load_page(pdf_page *page, char *text)
{
    int cap = 0;
    int lineno = 0;
    /* strsep keeps empty lines, which matter for line numbers. */
    char *rest = text;
    while (rest) {
        char *ln = strsep(&rest, "\n");
        if (!rest && !*ln)
            break;  /* no line after the final newline */
        size_t n = strlen(ln);
        if (n && ln[n - 1] == '\r')
            ln[--n] = '\0';
        for (char *p = ln; *p; p++)
            if (*p == '\f' || *p == '\t')
                *p = ' ';
        pdf_fold_utf8(ln);
        if (page->n_lines == cap) {
            cap = cap ? cap * 2 : 64;
            page->lines = xrealloc(page->lines, (size_t)cap * sizeof *page->lines);
        }
        pdf_line *l = &page->lines[page->n_lines++];
        memset(l, 0, sizeof *l);
        l->text = xstrdup(ln);
        l->y = (float)lineno;
        split_words(l, lineno);
        lineno++;
    }
    page->height = (float)lineno;
}

int pdf_text_load_pages_dir(const char *dir, const char *name, pdf_text **out, cl_err *err)
{
    if (!name)
        name = dir;
    DIR *d = opendir(dir);
    if (!d)
        return cl_err_set(err, CL_E_IO, "%s: %s", name, strerror(errno));
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (util_starts_with(e->d_name, "page_") && len > 9 && strcmp(e->d_name + len - 4, ".txt") == 0) {
            names = xrealloc(names, (n + 1) * sizeof *names);
            names[n++] = xstrdup(e->d_name);
        }
    }
    closedir(d);
    if (n == 0) {
        free(names);
        return cl_err_set(err, CL_E_IO, "%s: no page_*.txt files", name);
    }
    qsort(names, n, sizeof *names, cmp_str);

    pdf_text *t = xcalloc(1, sizeof *t);
    t->path = xstrdup(name);
    t->pages = xcalloc(n, sizeof *t->pages);
    int rc = 0;
    if (n > PDF_DEFAULT_MAX_PAGES) {
        rc = cl_err_set(err, CL_E_PDF, "%s: %zu page files, more than the limit of %d per document", name, n,
                        PDF_DEFAULT_MAX_PAGES);
    }
    for (size_t i = 0; i < n && rc == 0; i++) {
        sbuf path = {0};
        char *text = NULL;
        size_t len = 0;
        sbuf_printf(&path, "%s/%s", dir, names[i]);
        cl_err rerr = {0};
        rc = util_read_file(sbuf_str(&path), &text, &len, &rerr);
        sbuf_free(&path);
        const char *nul = rc == 0 ? memchr(text, '\0', len) : NULL;
        if (rc) {   /* the message names the shown folder, not the raw bytes */
            const char *why = strrchr(rerr.msg, ':');
            rc = cl_err_set(err, rerr.code, "%s/%s: %s", name, names[i], why ? why + 2 : rerr.msg);
        } else if (nul) {
            /* strsep would silently drop everything after it */
            rc = cl_err_set(err, CL_E_PDF, "%s/%s: holds a NUL byte at offset %zu: not a text file", name,
                            names[i], (size_t)(nul - text));
        } else {
            load_page(&t->pages[t->n_pages++], text);
        }
        free(text);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    if (rc) {
        pdf_text_free(t);
        return rc;
    }
    *out = t;
    return 0;
}

pdf_text *pdf_text_from_pages(const char *name, const char *const *texts, int n)
{
    pdf_text *t = xcalloc(1, sizeof *t);
    t->path = xstrdup(name);
    t->pages = xcalloc((size_t)n + 1, sizeof *t->pages);
    for (int i = 0; i < n; i++) {
        char *copy = xstrdup(texts[i] ? texts[i] : "");
        load_page(&t->pages[t->n_pages++], copy);
        free(copy);
    }
    return t;
}
