/* walk.c - depth-first search for PDFs with a visited-directory set. */
#include "walk.h"

#include "common/log.h"
#include "common/sbuf.h"
#include "common/util.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct frame {
    DIR *dir;
    size_t path_len;            /* length of this directory's path in w->path */
} frame;

typedef struct dir_id {
    dev_t dev;
    ino_t ino;
} dir_id;

struct ingest_walk {
    char *const *args;
    int nargs, next_arg;
    frame *stack;
    int depth, cap;
    sbuf path;                  /* current directory path, then the entry */
    dir_id *seen;               /* open-addressing set; dev 0 + ino 0 = empty slot */
    size_t seen_cap, seen_n;
    long skipped;
};

static size_t id_hash(dir_id id)
{
    uint64_t h = (uint64_t)id.ino * 0x9E3779B97F4A7C15ull ^ (uint64_t)id.dev;
    return (size_t)(h ^ (h >> 29));
}

static bool slot_empty(const dir_id *d) { return d->dev == 0 && d->ino == 0; }

/* Add a directory to the seen set; false when it was there already. */
static bool seen_add(ingest_walk *w, dir_id id)
{
    if (w->seen_n * 2 >= w->seen_cap) {
        size_t cap = w->seen_cap ? w->seen_cap * 2 : 64;
        dir_id *t = xcalloc(cap, sizeof *t);
        for (size_t i = 0; i < w->seen_cap; i++) {
            if (slot_empty(&w->seen[i]))
                continue;
            size_t j = id_hash(w->seen[i]) & (cap - 1);
            while (!slot_empty(&t[j]))
                j = (j + 1) & (cap - 1);
            t[j] = w->seen[i];
        }
        free(w->seen);
        w->seen = t;
        w->seen_cap = cap;
    }
    size_t j = id_hash(id) & (w->seen_cap - 1);
    while (!slot_empty(&w->seen[j])) {
        if (w->seen[j].dev == id.dev && w->seen[j].ino == id.ino)
            return false;
        j = (j + 1) & (w->seen_cap - 1);
    }
    w->seen[j] = id;
    w->seen_n++;
    return true;
}

ingest_walk *ingest_walk_new(char *const *paths, int n, cl_err *err)
{
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (stat(paths[i], &st) != 0)
            return cl_err_set(err, CL_E_USAGE, "%s: %s", paths[i], strerror(errno)), NULL;
    }
    ingest_walk *w = xcalloc(1, sizeof *w);
    w->args = paths;
    w->nargs = n;
    return w;
}

static bool is_pdf_name(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcasecmp(name + n - 4, ".pdf") == 0;
}

static void push_dir(ingest_walk *w, const struct stat *st)
{
    if (!seen_add(w, (dir_id){st->st_dev, st->st_ino}))
        return;                 /* entered already (a link loop or a second link) */
    DIR *d = opendir(sbuf_str(&w->path));
    if (!d) {
        log_warn("ingest_dir_unreadable", LOG_S("dir", sbuf_str(&w->path)),
                 LOG_S("error", strerror(errno)));
        w->skipped++;
        return;
    }
    if (w->depth == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 16;
        w->stack = xrealloc(w->stack, (size_t)w->cap * sizeof *w->stack);
    }
    w->stack[w->depth++] = (frame){d, w->path.len};
}

static void pop_dir(ingest_walk *w)
{
    closedir(w->stack[--w->depth].dir);
}

/* Start on the next PATH argument; returns true when it is a file to yield. */
static bool next_arg(ingest_walk *w, struct stat *st)
{
    const char *a = w->args[w->next_arg++];
    sbuf_truncate(&w->path, 0);
    sbuf_puts(&w->path, a);
    while (w->path.len > 1 && w->path.p[w->path.len - 1] == '/')
        sbuf_truncate(&w->path, w->path.len - 1);
    if (stat(sbuf_str(&w->path), st) != 0) {
        log_warn("ingest_path_unreadable", LOG_S("path", a), LOG_S("error", strerror(errno)));
        w->skipped++;
        return false;
    }
    if (S_ISDIR(st->st_mode)) {
        push_dir(w, st);
        return false;
    }
    if (S_ISREG(st->st_mode))
        return true;
    w->skipped++;
    return false;
}

const char *ingest_walk_next(ingest_walk *w, struct stat *st)
{
    for (;;) {
        if (w->depth == 0) {
            if (w->next_arg >= w->nargs)
                return NULL;
            if (next_arg(w, st))
                return sbuf_str(&w->path);
            continue;
        }
        frame *f = &w->stack[w->depth - 1];
        errno = 0;
        struct dirent *e = readdir(f->dir);
        if (!e) {
            pop_dir(w);
            continue;
        }
        const char *name = e->d_name;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
            continue;
        if (name[0] == '.') {
            w->skipped++;
            continue;
        }
        sbuf_truncate(&w->path, f->path_len);
        if (f->path_len == 0 || w->path.p[f->path_len - 1] != '/')
            sbuf_putc(&w->path, '/');
        sbuf_puts(&w->path, name);
        /* Cheap rejection of non-PDF files before any stat. */
        if (e->d_type == DT_REG && !is_pdf_name(name)) {
            w->skipped++;
            continue;
        }
        if (stat(sbuf_str(&w->path), st) != 0) {
            log_warn("ingest_path_unreadable", LOG_S("path", sbuf_str(&w->path)),
                     LOG_S("error", strerror(errno)));
            w->skipped++;
            continue;
        }
        if (S_ISDIR(st->st_mode)) {
            push_dir(w, st);
            continue;
        }
        if (S_ISREG(st->st_mode) && is_pdf_name(name))
            return sbuf_str(&w->path);
        w->skipped++;
    }
}

long ingest_walk_skipped(const ingest_walk *w) { return w->skipped; }

void ingest_walk_free(ingest_walk *w)
{
    if (!w)
        return;
    while (w->depth > 0)
        pop_dir(w);
    free(w->stack);
    free(w->seen);
    sbuf_free(&w->path);
    free(w);
}
