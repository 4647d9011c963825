/* walk.c - depth-first search in name order with a visited-directory set. */
#include "walk.h"

#include "common/path.h"
#include "common/sbuf.h"
#include "common/util.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct frame {
    char **names;               /* this directory's entries, sorted: a d_type
                                 * byte, then the name */
    size_t n, next;
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
    char *shown;
    sbuf error;
    ingest_walk_item item;
    dir_id *seen;               /* open-addressing set; dev 0 + ino 0 = empty slot */
    size_t seen_cap, seen_n;
    long skipped, errors;
    long *found;                /* items yielded per argument */
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

ingest_walk *ingest_walk_new(char *const *paths, int n)
{
    ingest_walk *w = xcalloc(1, sizeof *w);
    w->args = paths;
    w->nargs = n;
    w->found = xcalloc((size_t)(n > 0 ? n : 1), sizeof *w->found);
    return w;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

/* Fill the item for the current path; shown is path_escape()d. */
static const ingest_walk_item *item(ingest_walk *w, const ingest_input_kind *kind, const struct stat *st)
{
    free(w->shown);
    w->shown = path_escape(sbuf_str(&w->path));
    w->found[w->next_arg - 1]++;
    w->item = (ingest_walk_item){.path = sbuf_str(&w->path), .shown = w->shown, .kind = kind,
                                 .arg = w->next_arg - 1};
    if (st)
        w->item.st = *st;
    return &w->item;
}

static const ingest_walk_item *fail(ingest_walk *w, const char *reason)
{
    const ingest_walk_item *it = item(w, NULL, NULL);
    sbuf_truncate(&w->error, 0);
    if (strlen(it->shown) > 300)
        sbuf_printf(&w->error, "%.300s...", it->shown);
    else
        sbuf_puts(&w->error, it->shown);
    sbuf_puts(&w->error, ": ");
    sbuf_puts(&w->error, reason);
    w->item.error = sbuf_str(&w->error);
    w->errors++;
    return &w->item;
}

static const ingest_walk_item *fail_kind(ingest_walk *w, mode_t mode)
{
    char why[64];
    snprintf(why, sizeof why, "not a regular file (%s)", path_kind_name(mode));
    return fail(w, why);
}

/* Enter the directory at w->path; an error item when it cannot be read. */
static const ingest_walk_item *push_dir(ingest_walk *w, const struct stat *st)
{
    if (!seen_add(w, (dir_id){st->st_dev, st->st_ino}))
        return NULL;            /* entered already (a link loop or a second link) */
    if (w->depth >= INGEST_WALK_MAX_DEPTH)
        return fail(w, "more than 32 folder levels deep: not searched");
    DIR *d = opendir(sbuf_str(&w->path));
    if (!d)
        return fail(w, strerror(errno));
    frame f = {.path_len = w->path.len};
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (f.n == cap) {
            cap = cap ? cap * 2 : 32;
            f.names = xrealloc(f.names, cap * sizeof *f.names);
        }
        size_t len = strlen(e->d_name);
        char *entry = xmalloc(len + 2);
        entry[0] = (char)e->d_type;
        memcpy(entry + 1, e->d_name, len + 1);
        f.names[f.n++] = entry;
    }
    closedir(d);
    if (f.n > 1)
        qsort(f.names, f.n, sizeof *f.names, cmp_name);
    if (w->depth == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 16;
        w->stack = xrealloc(w->stack, (size_t)w->cap * sizeof *w->stack);
    }
    w->stack[w->depth++] = f;
    return NULL;
}

static void pop_dir(ingest_walk *w)
{
    frame *f = &w->stack[--w->depth];
    for (size_t i = 0; i < f->n; i++)
        free(f->names[i]);
    free(f->names);
}

/* A directory at w->path: a folder document, else walked into. */
static const ingest_walk_item *directory(ingest_walk *w, const struct stat *st)
{
    const ingest_input_kind *k = ingest_input_folder(sbuf_str(&w->path));
    if (k)
        return item(w, k, st);
    return push_dir(w, st);
}

/* Start on the next PATH argument. */
static const ingest_walk_item *next_arg(ingest_walk *w)
{
    const char *a = w->args[w->next_arg++];
    sbuf_truncate(&w->path, 0);
    sbuf_puts(&w->path, a);
    if (strlen(a) > PATH_LIMIT)
        return fail(w, "path longer than 4,095 bytes");
    char *real = realpath(a, NULL);
    if (!real)
        return fail(w, strerror(errno));
    sbuf_truncate(&w->path, 0);
    sbuf_puts(&w->path, real);
    free(real);
    struct stat st;
    if (stat(sbuf_str(&w->path), &st) != 0)
        return fail(w, strerror(errno));
    if (S_ISDIR(st.st_mode))
        return directory(w, &st);
    if (!S_ISREG(st.st_mode))
        return fail_kind(w, st.st_mode);
    /* The kind by the name given (a link may be named otherwise). */
    return item(w, ingest_input_for_file(sbuf_str(&w->path), a), &st);
}

/* The next entry of the innermost directory; NULL when it holds nothing
 * to yield (skipped, entered, or a directory already seen). */
static const ingest_walk_item *next_entry(ingest_walk *w, frame *f)
{
    const char *entry = f->names[f->next++], *name = entry + 1;
    if (name[0] == '.') {
        w->skipped++;
        return NULL;
    }
    const ingest_input_kind *k = ingest_input_by_name(name);
    /* Cheap rejection of files that are no input kind, before any stat. */
    if (!k && (unsigned char)entry[0] == DT_REG) {
        w->skipped++;
        return NULL;
    }
    sbuf_truncate(&w->path, f->path_len);
    if (f->path_len == 0 || w->path.p[f->path_len - 1] != '/')
        sbuf_putc(&w->path, '/');
    sbuf_puts(&w->path, name);
    if (w->path.len > PATH_LIMIT)
        return fail(w, "path longer than 4,095 bytes");
    struct stat st;
    if (stat(sbuf_str(&w->path), &st) != 0) {
        if (!k) {               /* a dangling link that is no input anyway */
            w->skipped++;
            return NULL;
        }
        return fail(w, strerror(errno));
    }
    if (S_ISDIR(st.st_mode))
        return directory(w, &st);
    if (k && !k->folder && S_ISREG(st.st_mode))
        return item(w, k, &st);
    if (k && !S_ISREG(st.st_mode))
        return fail_kind(w, st.st_mode);
    w->skipped++;
    return NULL;
}

const ingest_walk_item *ingest_walk_next(ingest_walk *w)
{
    for (;;) {
        const ingest_walk_item *it;
        if (w->depth == 0) {
            if (w->next_arg >= w->nargs)
                return NULL;
            if ((it = next_arg(w)))
                return it;
            continue;
        }
        frame *f = &w->stack[w->depth - 1];
        if (f->next >= f->n) {
            pop_dir(w);
            continue;
        }
        if ((it = next_entry(w, f)))
            return it;
    }
}

long ingest_walk_skipped(const ingest_walk *w) { return w->skipped; }
long ingest_walk_errors(const ingest_walk *w) { return w->errors; }
long ingest_walk_found(const ingest_walk *w, int arg) { return arg < w->nargs ? w->found[arg] : 0; }

void ingest_walk_free(ingest_walk *w)
{
    if (!w)
        return;
    while (w->depth > 0)
        pop_dir(w);
    free(w->stack);
    free(w->seen);
    free(w->found);
    free(w->shown);
    sbuf_free(&w->path);
    sbuf_free(&w->error);
    free(w);
}
