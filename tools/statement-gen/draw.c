/* draw.c - display lists per page, emitted to a cairo PDF surface at the
 * end in each page's drawing order. */
#include "draw.h"
#include "prng.h"

#include "common/util.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

typedef enum item_kind { IT_TEXT, IT_RULE, IT_BOX, IT_FILL } item_kind;

typedef struct item {
    item_kind kind;
    sg_align align;
    sg_font font;
    double x, y, x1, y1, width;
    double rgb[3];
    char *text;
} item;

typedef struct page {
    sg_order order;
    item *items;
    size_t n, cap;
} page;

struct sg_doc {
    cairo_surface_t *surface;
    cairo_t *cr;
    double width, height;
    double rgb[3];
    page *pages;
    size_t n_pages, cap_pages;
    char **strings;             /* every string the doc owns */
    size_t n_strings, cap_strings;
    sg_face cur_face;           /* font selected on cr, to skip re-selection */
    double cur_size;
    bool cur_bold;
};

static const char *const face_family[SG_FACE_COUNT] = {
    [SG_LIB_SANS] = "Liberation Sans",   [SG_LIB_SERIF] = "Liberation Serif",
    [SG_LIB_MONO] = "Liberation Mono",   [SG_DJV_SANS] = "DejaVu Sans",
    [SG_DJV_SERIF] = "DejaVu Serif",     [SG_DJV_MONO] = "DejaVu Sans Mono",
    [SG_DJV_COND] = "DejaVu Sans Condensed",
};

static char *own(sg_doc *d, char *s)
{
    if (d->n_strings == d->cap_strings) {
        d->cap_strings = d->cap_strings ? d->cap_strings * 2 : 256;
        d->strings = xrealloc(d->strings, d->cap_strings * sizeof *d->strings);
    }
    d->strings[d->n_strings++] = s;
    return s;
}

sg_doc *sg_doc_new(const char *path, double width, double height, cl_err *err)
{
    cairo_surface_t *s = cairo_pdf_surface_create(path, width, height);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cl_err_set(err, CL_E_IO, "%s: cannot create pdf: %s", path,
                   cairo_status_to_string(cairo_surface_status(s)));
        cairo_surface_destroy(s);
        return NULL;
    }
    sg_doc *d = xcalloc(1, sizeof *d);
    d->surface = s;
    d->cr = cairo_create(s);
    d->width = width;
    d->height = height;
    d->cur_face = SG_FACE_COUNT;
    return d;
}

void sg_doc_free(sg_doc *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n_pages; i++)
        free(d->pages[i].items);
    free(d->pages);
    for (size_t i = 0; i < d->n_strings; i++)
        free(d->strings[i]);
    free(d->strings);
    if (d->cr)
        cairo_destroy(d->cr);
    if (d->surface)
        cairo_surface_destroy(d->surface);
    free(d);
}

void sg_doc_meta(sg_doc *d, const char *title, const char *author, const char *creator,
                 const char *create_date)
{
    cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_AUTHOR, author);
    cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATOR, creator);
    cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATE_DATE, create_date);
    cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_MOD_DATE, create_date);
}

int sg_doc_new_page(sg_doc *d, sg_order order)
{
    if (d->n_pages == d->cap_pages) {
        d->cap_pages = d->cap_pages ? d->cap_pages * 2 : 8;
        d->pages = xrealloc(d->pages, d->cap_pages * sizeof *d->pages);
    }
    page *p = &d->pages[d->n_pages++];
    memset(p, 0, sizeof *p);
    p->order = order;
    d->rgb[0] = d->rgb[1] = d->rgb[2] = 0;
    return (int)d->n_pages;
}

int sg_doc_page(const sg_doc *d)
{
    return (int)d->n_pages;
}

double sg_doc_width(const sg_doc *d)
{
    return d->width;
}

double sg_doc_height(const sg_doc *d)
{
    return d->height;
}

static item *add_item(sg_doc *d, item_kind kind)
{
    if (d->n_pages == 0)
        sg_doc_new_page(d, SG_ORDER_NATURAL);
    page *p = &d->pages[d->n_pages - 1];
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 128;
        p->items = xrealloc(p->items, p->cap * sizeof *p->items);
    }
    item *it = &p->items[p->n++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    memcpy(it->rgb, d->rgb, sizeof it->rgb);
    return it;
}

void sg_text(sg_doc *d, const sg_font *f, double x, double y, sg_align a, const char *text)
{
    if (!text || !*text)
        return;
    item *it = add_item(d, IT_TEXT);
    it->font = *f;
    it->x = x;
    it->y = y;
    it->align = a;
    it->text = own(d, xstrdup(text));
}

void sg_color(sg_doc *d, double r, double g, double b)
{
    d->rgb[0] = r;
    d->rgb[1] = g;
    d->rgb[2] = b;
}

void sg_rule(sg_doc *d, double x0, double y0, double x1, double y1, double width)
{
    item *it = add_item(d, IT_RULE);
    it->x = x0, it->y = y0, it->x1 = x1, it->y1 = y1, it->width = width;
}

void sg_box(sg_doc *d, double x, double y, double w, double h, double width)
{
    item *it = add_item(d, IT_BOX);
    it->x = x, it->y = y, it->x1 = w, it->y1 = h, it->width = width;
}

void sg_fill(sg_doc *d, double x, double y, double w, double h)
{
    item *it = add_item(d, IT_FILL);
    it->x = x, it->y = y, it->x1 = w, it->y1 = h;
}

static void select_font(sg_doc *d, const sg_font *f)
{
    if (d->cur_face != f->face || d->cur_bold != f->bold) {
        cairo_select_font_face(d->cr, face_family[f->face], CAIRO_FONT_SLANT_NORMAL,
                               f->bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        d->cur_face = f->face;
        d->cur_bold = f->bold;
        d->cur_size = -1;
    }
    if (d->cur_size != f->size) {
        cairo_set_font_size(d->cr, f->size);
        d->cur_size = f->size;
    }
}

double sg_text_width(sg_doc *d, const sg_font *f, const char *text)
{
    cairo_text_extents_t ext;
    select_font(d, f);
    cairo_text_extents(d->cr, text, &ext);
    return ext.x_advance;
}

int sg_wrap(sg_doc *d, const sg_font *f, const char *text, double width, char **lines,
            int max_lines)
{
    int n = 0;
    const char *p = text;
    while (*p == ' ')
        p++;
    while (*p && n < max_lines) {
        size_t len = strlen(p);
        size_t best = len;
        if (n < max_lines - 1 && sg_text_width(d, f, p) > width) {
            /* Longest prefix ending before a space that fits; at least one word. */
            best = 0;
            for (size_t i = 1; i < len; i++) {
                if (p[i] != ' ')
                    continue;
                char *cand = xstrndup(p, i);
                bool fits = sg_text_width(d, f, cand) <= width;
                free(cand);
                if (!fits && best)
                    break;
                best = i;
                if (!fits)
                    break;
            }
            if (!best)
                best = len;
        }
        lines[n++] = own(d, xstrndup(p, best));
        p += best;
        while (*p == ' ')
            p++;
    }
    return n;
}

/* --- line index ------------------------------------------------------ */

static long baseline_key(double y)
{
    return lround(y * 100.0);
}

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

int sg_doc_line_of(const sg_doc *d, int pageno, double y)
{
    if (pageno < 1 || (size_t)pageno > d->n_pages)
        return 0;
    const page *p = &d->pages[pageno - 1];
    long *keys = xmalloc((p->n + 1) * sizeof *keys);
    size_t n = 0;
    for (size_t i = 0; i < p->n; i++)
        if (p->items[i].kind == IT_TEXT)
            keys[n++] = baseline_key(p->items[i].y);
    qsort(keys, n, sizeof *keys, cmp_long);
    long want = baseline_key(y);
    int line = 0, idx = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && keys[i] == keys[i - 1])
            continue;
        idx++;
        if (keys[i] == want) {
            line = idx;
            break;
        }
    }
    free(keys);
    return line;
}

typedef struct baseline {
    long key;
    double size;
} baseline;

static int cmp_baseline(const void *a, const void *b)
{
    const baseline *x = a, *y = b;
    return (x->key > y->key) - (x->key < y->key);
}

bool sg_doc_close_baselines(const sg_doc *d, int pageno, double min_gap, double *a, double *b)
{
    const page *p = &d->pages[pageno - 1];
    baseline *v = xmalloc((p->n + 1) * sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < p->n; i++)
        if (p->items[i].kind == IT_TEXT)
            v[n++] = (baseline){baseline_key(p->items[i].y), p->items[i].font.size};
    qsort(v, n, sizeof *v, cmp_baseline);
    /* Largest font on each distinct baseline. */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m && v[m - 1].key == v[i].key) {
            if (v[i].size > v[m - 1].size)
                v[m - 1].size = v[i].size;
        } else {
            v[m++] = v[i];
        }
    }
    bool close = false;
    for (size_t i = 1; i < m && !close; i++) {
        double smaller = v[i].size < v[i - 1].size ? v[i].size : v[i - 1].size;
        double need = min_gap > smaller * 0.5 ? min_gap : smaller * 0.5;
        if ((double)(v[i].key - v[i - 1].key) / 100.0 < need) {
            *a = (double)v[i - 1].key / 100;
            *b = (double)v[i].key / 100;
            close = true;
        }
    }
    free(v);
    return close;
}

/* --- emission -------------------------------------------------------- */

typedef struct order_key {
    size_t index;
    double a, b;
} order_key;

static int cmp_key(const void *x, const void *y)
{
    const order_key *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    if (p->b != q->b)
        return p->b < q->b ? -1 : 1;
    return (p->index > q->index) - (p->index < q->index);
}

/* The permutation of a page's items its policy asks for. */
static size_t *page_order(const sg_doc *d, const page *p, int pageno)
{
    size_t *idx = xmalloc((p->n + 1) * sizeof *idx);
    order_key *keys = xmalloc((p->n + 1) * sizeof *keys);
    double footer_y = d->height * 7.0 / 8.0;
    for (size_t i = 0; i < p->n; i++) {
        const item *it = &p->items[i];
        keys[i].index = i;
        keys[i].a = keys[i].b = 0;
        switch (p->order) {
        case SG_ORDER_NATURAL:
        case SG_ORDER_SHUFFLE:
            break;
        case SG_ORDER_REVERSE:
            keys[i].a = -(double)i;
            break;
        case SG_ORDER_RIGHT_FIRST:
            keys[i].a = -it->x;
            break;
        case SG_ORDER_FOOTER_FIRST:
            keys[i].a = it->y >= footer_y ? 0 : 1;
            break;
        case SG_ORDER_BY_COLUMN:
            keys[i].a = floor(it->x / 24.0);
            keys[i].b = it->y;
            break;
        }
    }
    qsort(keys, p->n, sizeof *keys, cmp_key);
    for (size_t i = 0; i < p->n; i++)
        idx[i] = keys[i].index;
    free(keys);
    if (p->order == SG_ORDER_SHUFFLE && p->n > 1) {
        sg_prng r;
        sg_prng_seed(&r, (uint64_t)pageno, "draw-order");
        for (size_t i = p->n - 1; i > 0; i--) {
            size_t j = (size_t)sg_prng_range(&r, 0, (int64_t)i);
            size_t t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
    }
    /* Filled areas are backgrounds: paint them before anything else
     * whatever the order, so they never hide text. */
    size_t *out = xmalloc((p->n + 1) * sizeof *out), k = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < p->n; i++)
            if ((p->items[idx[i]].kind == IT_FILL) == (pass == 0))
                out[k++] = idx[i];
    free(idx);
    return out;
}

/* Replaces the page-count token; returns text itself when absent. */
static const char *expand(const char *text, char *buf, size_t size, size_t pages)
{
    const char *tok = strstr(text, SG_PAGES_TOKEN);
    if (!tok)
        return text;
    snprintf(buf, size, "%.*s%zu%s", (int)(tok - text), text, pages,
             tok + strlen(SG_PAGES_TOKEN));
    return buf;
}

static void emit_item(sg_doc *d, const item *it)
{
    cairo_t *cr = d->cr;
    cairo_set_source_rgb(cr, it->rgb[0], it->rgb[1], it->rgb[2]);
    switch (it->kind) {
    case IT_TEXT: {
        char buf[512];
        const char *s = expand(it->text, buf, sizeof buf, d->n_pages);
        double x = it->x;
        if (it->align != SG_LEFT) {
            double w = sg_text_width(d, &it->font, s);
            x -= it->align == SG_RIGHT ? w : w / 2;
        }
        select_font(d, &it->font);
        cairo_move_to(cr, x, it->y);
        cairo_show_text(cr, s);
        break;
    }
    case IT_RULE:
        cairo_set_line_width(cr, it->width);
        cairo_move_to(cr, it->x, it->y);
        cairo_line_to(cr, it->x1, it->y1);
        cairo_stroke(cr);
        break;
    case IT_BOX:
        cairo_set_line_width(cr, it->width);
        cairo_rectangle(cr, it->x, it->y, it->x1, it->y1);
        cairo_stroke(cr);
        break;
    case IT_FILL:
        cairo_rectangle(cr, it->x, it->y, it->x1, it->y1);
        cairo_fill(cr);
        break;
    }
}

int sg_doc_finish(sg_doc *d, cl_err *err)
{
    for (size_t pi = 0; pi < d->n_pages; pi++) {
        const page *p = &d->pages[pi];
        size_t *idx = page_order(d, p, (int)pi + 1);
        for (size_t i = 0; i < p->n; i++)
            emit_item(d, &p->items[idx[i]]);
        free(idx);
        cairo_show_page(d->cr);
    }
    cairo_destroy(d->cr);
    d->cr = NULL;
    cairo_surface_finish(d->surface);
    cairo_status_t st = cairo_surface_status(d->surface);
    if (st != CAIRO_STATUS_SUCCESS)
        return cl_err_set(err, CL_E_IO, "cannot write pdf: %s", cairo_status_to_string(st));
    return 0;
}
