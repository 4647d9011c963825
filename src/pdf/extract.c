/* extract.c - a PDF file to pdf_text with MuPDF: the reader context and its
 * memory cap, opening and passwords, metadata, and each page's characters
 * to positioned words that layout.c turns into lines.
 *
 * One MuPDF context per thread is created on first use and kept (creating
 * one costs more than reading a small page); pdf_release_thread() drops
 * it. MuPDF never prints: its errors and warnings go to log_debug, and
 * failures come back as one-line cl_err messages naming the file. */
#include "pdf.h"
#include "layout.h"
#include "mupdf_glue.h"
#include "common/log.h"
#include "common/path.h"
#include "common/sbuf.h"
#include "common/util.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- memory accounting --------------------------------------------------- */

typedef struct mem_acct {
    size_t used;    /* live bytes of this thread's context */
    size_t base;    /* live bytes when the current document started */
    size_t peak;    /* most bytes the current document held */
    bool hit;       /* an allocation was refused by the cap */
} mem_acct;

typedef union mem_hdr {
    size_t n;
    max_align_t align;
} mem_hdr;

static size_t g_limit;  /* 0: no cap */
static int g_max_pages = PDF_DEFAULT_MAX_PAGES;
static double g_time_limit_ms;              /* 0: none */
static _Thread_local double t_deadline;     /* util_now_ms() value; 0: none */
static _Thread_local bool t_late;           /* the deadline passed */
static _Thread_local unsigned t_allocs;
static _Thread_local mem_acct t_mem;
static _Thread_local fz_context *t_ctx;
static _Thread_local const char *t_path;   /* for log events */
static _Thread_local int t_problems;        /* MuPDF errors and warnings in this document */
static _Thread_local char t_first_problem[160];

/* Past the document's time limit? Looked at every 64th allocation (the
 * clock is cheap, not free); once late, every allocation fails, which
 * makes MuPDF throw out of whatever it is doing. */
static bool late(void)
{
    if (!t_deadline || t_late)
        return t_late;
    if ((++t_allocs & 63) == 0 && util_now_ms() > t_deadline)
        t_late = true;
    return t_late;
}

static bool over_cap(mem_acct *m, size_t more)
{
    if (late())
        return true;
    if (g_limit && m->used + more > m->base + g_limit) {
        m->hit = true;
        return true;
    }
    return false;
}

static void note_peak(mem_acct *m)
{
    if (m->used - m->base > m->peak)
        m->peak = m->used - m->base;
}

static void *acct_malloc(void *user, size_t n)
{
    mem_acct *m = user;
    if (n > SIZE_MAX / 2 || over_cap(m, n))
        return NULL;
    mem_hdr *h = malloc(sizeof *h + n);
    if (!h)
        return NULL;
    h->n = n;
    m->used += n;
    note_peak(m);
    return h + 1;
}

static void acct_free(void *user, void *p)
{
    mem_acct *m = user;
    if (!p)
        return;
    mem_hdr *h = (mem_hdr *)p - 1;
    m->used -= h->n;
    free(h);
}

static void *acct_realloc(void *user, void *p, size_t n)
{
    mem_acct *m = user;
    if (!p)
        return acct_malloc(user, n);
    if (n == 0) {
        acct_free(user, p);
        return NULL;
    }
    mem_hdr *h = (mem_hdr *)p - 1;
    size_t old = h->n;
    if (n > SIZE_MAX / 2 || (n > old && over_cap(m, n - old)))
        return NULL;
    mem_hdr *nh = realloc(h, sizeof *nh + n);
    if (!nh)
        return NULL;
    nh->n = n;
    m->used = m->used - old + n;
    note_peak(m);
    return nh + 1;
}

void pdf_set_max_pages(int n) { g_max_pages = n > 0 ? n : PDF_DEFAULT_MAX_PAGES; }

void pdf_set_time_limit(double seconds) { g_time_limit_ms = seconds > 0 ? seconds * 1000.0 : 0; }

void pdf_set_memory_limit(size_t bytes)
{
    g_limit = bytes;
    /* The store size is chosen when a context is made: start afresh. */
    pdf_release_thread();
}

/* ---- context ------------------------------------------------------------- */

static void note_problem(const char *message)
{
    if (t_problems++ == 0)
        snprintf(t_first_problem, sizeof t_first_problem, "%s", message);
}

static void mu_warning(void *user, const char *message)
{
    note_problem(message);
    log_debug("mupdf_warning", LOG_S("file", t_path ? t_path : ""), LOG_S("message", message));
}

static void mu_error(void *user, const char *message)
{
    note_problem(message);
    log_debug("mupdf_error", LOG_S("file", t_path ? t_path : ""), LOG_S("message", message));
}

static fz_context *get_ctx(void)
{
    if (t_ctx)
        return t_ctx;
    fz_alloc_context alloc = {&t_mem, acct_malloc, acct_realloc, acct_free};
    size_t store = g_limit ? g_limit / 4 : (size_t)FZ_STORE_DEFAULT;
    t_mem.base = t_mem.used;
    t_mem.hit = false;
    fz_context *ctx = fz_new_context(&alloc, NULL, store);
    if (!ctx)
        return NULL;
    fz_set_error_callback(ctx, mu_error, NULL);
    fz_set_warning_callback(ctx, mu_warning, NULL);
    t_ctx = ctx;
    return ctx;
}

void pdf_release_thread(void)
{
    if (t_ctx) {
        fz_drop_context(t_ctx);
        t_ctx = NULL;
    }
}

/* ---- errors -------------------------------------------------------------- */

/* Fill err from the exception just caught. */
static int late_error(const char *path, cl_err *err)
{
    return cl_err_set(err, CL_E_TIMEOUT, "%s: took longer than the %g s time limit per file", path,
                      g_time_limit_ms / 1000.0);
}

static int caught(fz_context *ctx, const char *path, const char *what, cl_err *err)
{
    if (t_late)
        return late_error(path, err);
    if (t_mem.hit || fz_caught(ctx) == FZ_ERROR_MEMORY) {
        if (g_limit)
            return cl_err_set(err, CL_E_NOMEM,
                              "%s: needs more than the %g MB memory limit of the PDF reader",
                              path, (double)g_limit / 1048576.0);
        return cl_err_set(err, CL_E_NOMEM, "%s: out of memory reading the PDF", path);
    }
    return cl_err_set(err, CL_E_PDF, "%s: %s (%s)", path, what, fz_caught_message(ctx));
}

/* Zero-byte and non-PDF files are told apart before MuPDF, whose repair
 * would otherwise try hard on any file. */
static int check_head(const char *name, const void *data, size_t len, cl_err *err)
{
    if (len == 0)
        return cl_err_set(err, CL_E_PDF, "%s: empty file", name);
    if (!memmem(data, len < 1024 ? len : 1024, "%PDF-", 5))
        return cl_err_set(err, CL_E_PDF, "%s: not a PDF (no %%PDF header)", name);
    return 0;
}

/* ---- characters to words ------------------------------------------------- */

typedef struct word_buf {
    pdf_raw_word *w;
    size_t *off;            /* text offset of each word in .text */
    int n, cap;
    sbuf text;
    bool open;              /* w[n] is being built */
    bool pending_space;     /* a space glyph since the last word */
} word_buf;

static float minf(float a, float b) { return a < b ? a : b; }
static float maxf(float a, float b) { return a > b ? a : b; }

static bool is_space(int c)
{
    return c <= 32 || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F ||
           c == 0x3000 || c == 0xFEFF || c == 0x7F;
}

static void put_utf8(sbuf *b, int c)
{
    char s[4];
    size_t n;
    if (c < 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        c = 0xFFFD;
    if (c < 0x80) {
        s[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        s[0] = (char)(0xC0 | (c >> 6));
        s[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        s[0] = (char)(0xE0 | (c >> 12));
        s[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        s[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        s[0] = (char)(0xF0 | (c >> 18));
        s[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        s[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        s[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    sbuf_append(b, s, n);
}

static void word_close(word_buf *wb, bool space_after)
{
    if (!wb->open)
        return;
    pdf_raw_word *w = &wb->w[wb->n];
    w->space_after = space_after;
    w->len = (int)(wb->text.len - wb->off[wb->n]);
    wb->n++;
    wb->open = false;
}

/* Rotation taking the page's main text direction to left-to-right. */
typedef struct frame {
    float dx, dy;       /* main direction */
    float ox, oy;       /* subtracted after rotating: page corner at 0,0 */
} frame;

static fz_point to_frame(const frame *f, fz_point p)
{
    return fz_make_point(f->dx * p.x + f->dy * p.y - f->ox, -f->dy * p.x + f->dx * p.y - f->oy);
}

typedef struct char_geom {
    float x0, y0, x1, y1, base, size;
} char_geom;

static char_geom char_box(const frame *f, const fz_stext_char *ch)
{
    fz_point p[4] = {to_frame(f, ch->quad.ul), to_frame(f, ch->quad.ur), to_frame(f, ch->quad.ll),
                     to_frame(f, ch->quad.lr)};
    char_geom g = {p[0].x, p[0].y, p[0].x, p[0].y, to_frame(f, ch->origin).y, ch->size};
    for (int i = 1; i < 4; i++) {
        g.x0 = minf(g.x0, p[i].x);
        g.x1 = maxf(g.x1, p[i].x);
        g.y0 = minf(g.y0, p[i].y);
        g.y1 = maxf(g.y1, p[i].y);
    }
    return g;
}

static void word_add_char(word_buf *wb, const char_geom *g, int c)
{
    bool combining = c >= 0x300 && c <= 0x36F;
    float s = g->size >= 1.0f ? g->size : 1.0f;
    if (wb->open && !combining) {
        pdf_raw_word *w = &wb->w[wb->n];
        float gap = g->x0 - w->x1;
        if (gap > LAYOUT_WORD_GAP * s || gap < -0.3f * s || fabsf(g->base - w->base) > LAYOUT_LINE_TOL * s)
            word_close(wb, false);
    }
    if (!wb->open) {
        if (wb->n == wb->cap) {
            wb->cap = wb->cap ? wb->cap * 2 : 256;
            wb->w = xrealloc(wb->w, (size_t)wb->cap * sizeof *wb->w);
            wb->off = xrealloc(wb->off, (size_t)wb->cap * sizeof *wb->off);
        }
        wb->w[wb->n] = (pdf_raw_word){.x0 = g->x0, .y0 = g->y0, .x1 = g->x1, .y1 = g->y1,
                                      .base = g->base, .size = g->size,
                                      .space_before = wb->pending_space};
        wb->off[wb->n] = wb->text.len;
        wb->open = true;
        wb->pending_space = false;
    } else {
        pdf_raw_word *w = &wb->w[wb->n];
        w->x0 = minf(w->x0, g->x0);
        w->x1 = maxf(w->x1, g->x1);
        w->y0 = minf(w->y0, g->y0);
        w->y1 = maxf(w->y1, g->y1);
        w->size = maxf(w->size, g->size);
    }
    put_utf8(&wb->text, c);
    wb->w[wb->n].nchars++;   /* code points, as cols count them */
}

static int dir_bucket(fz_point d)
{
    if (fabsf(d.x) >= fabsf(d.y))
        return d.x >= 0 ? 0 : 2;
    return d.y >= 0 ? 1 : 3;
}

/* The main text direction, and the frame that makes it left-to-right with
 * the page's top-left corner at 0,0. */
static frame page_frame(fz_stext_page *sp, fz_rect bounds, float *width, float *height)
{
    static const float dirs[4][2] = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
    long count[4] = {0};
    for (fz_stext_block *b = sp->first_block; b; b = b->next) {
        if (b->type != FZ_STEXT_BLOCK_TEXT)
            continue;
        for (fz_stext_line *l = b->u.t.first_line; l; l = l->next)
            for (fz_stext_char *ch = l->first_char; ch; ch = ch->next)
                count[dir_bucket(l->dir)]++;
    }
    int best = 0;
    for (int i = 1; i < 4; i++)
        if (count[i] > count[best])
            best = i;
    frame f = {dirs[best][0], dirs[best][1], 0, 0};
    fz_point c[4] = {to_frame(&f, fz_make_point(bounds.x0, bounds.y0)),
                     to_frame(&f, fz_make_point(bounds.x1, bounds.y0)),
                     to_frame(&f, fz_make_point(bounds.x0, bounds.y1)),
                     to_frame(&f, fz_make_point(bounds.x1, bounds.y1))};
    float x0 = c[0].x, y0 = c[0].y, x1 = c[0].x, y1 = c[0].y;
    for (int i = 1; i < 4; i++) {
        x0 = fminf(x0, c[i].x);
        y0 = fminf(y0, c[i].y);
        x1 = fmaxf(x1, c[i].x);
        y1 = fmaxf(y1, c[i].y);
    }
    f.ox = x0;
    f.oy = y0;
    *width = x1 - x0;
    *height = y1 - y0;
    return f;
}

/* The words of one structured-text page into wb (emptied first); returns
 * the number of characters skipped because they run in another direction. */
static int page_words(fz_stext_page *sp, fz_rect bounds, word_buf *wb, pdf_page *page)
{
    wb->n = 0;
    wb->open = wb->pending_space = false;
    sbuf_truncate(&wb->text, 0);
    frame f = page_frame(sp, bounds, &page->width, &page->height);
    int skipped = 0, clipped = 0;
    for (fz_stext_block *b = sp->first_block; b; b = b->next) {
        if (b->type != FZ_STEXT_BLOCK_TEXT)
            continue;
        for (fz_stext_line *l = b->u.t.first_line; l; l = l->next) {
            bool along = l->dir.x * f.dx + l->dir.y * f.dy >= 0.9f;
            for (fz_stext_char *ch = l->first_char; ch; ch = ch->next) {
                if (!along) {
                    skipped++;
                } else if (is_space(ch->c)) {
                    word_close(wb, true);
                    wb->pending_space = true;
                } else {
                    char_geom g = char_box(&f, ch);
                    float cx = (g.x0 + g.x1) / 2, cy = (g.y0 + g.y1) / 2;
                    if (cx >= 0 && cy >= 0 && cx <= page->width && cy <= page->height)
                        word_add_char(wb, &g, pdf_fold_char(ch->c));
                    else
                        clipped++;
                }
            }
            word_close(wb, false);
            wb->pending_space = false;
        }
    }
    for (int i = 0; i < wb->n; i++)
        wb->w[i].text = wb->text.p + wb->off[i];
    if (clipped)
        log_debug("pdf_text_clipped", LOG_S("file", t_path ? t_path : ""), LOG_I("chars", clipped), LOG_S("reason", "outside the page"));
    return skipped;
}

/* ---- document ------------------------------------------------------------ */

static char *meta(fz_context *ctx, fz_document *doc, const char *key)
{
    char buf[1024];
    int n = -1;
    buf[0] = '\0';
    fz_var(n);
    fz_try(ctx)
        n = fz_lookup_metadata(ctx, doc, key, buf, (int)sizeof buf);
    fz_catch(ctx)
        n = -1;
    if (n <= 0 || !buf[0])
        return NULL;
    for (char *p = buf; *p; p++)
        if ((unsigned char)*p < 32)
            *p = ' ';
    return xstrdup(buf);
}

static int open_doc(fz_context *ctx, const char *path, const void *data, size_t len, fz_document **out,
                    cl_err *err)
{
    fz_stream *stm = NULL;
    fz_document *doc = NULL;
    fz_var(stm);
    fz_var(doc);
    fz_try(ctx) {
        stm = fz_open_memory(ctx, data, len);
        doc = pdf_mupdf_open(ctx, stm);
    }
    fz_always(ctx)
        fz_drop_stream(ctx, stm);
    fz_catch(ctx)
        return caught(ctx, path, "corrupt or truncated PDF", err);
    *out = doc;
    return 0;
}

static int try_password(fz_context *ctx, fz_document *doc, const char *password)
{
    int ok = 0;
    fz_var(ok);
    fz_try(ctx)
        ok = fz_authenticate_password(ctx, doc, password);
    fz_catch(ctx)
        ok = 0;
    return ok;
}

static int authenticate(fz_context *ctx, fz_document *doc, const char *path, const pdf_passwords *pw,
                        cl_err *err)
{
    int needs = 0;
    fz_var(needs);
    fz_try(ctx)
        needs = fz_needs_password(ctx, doc);
    fz_catch(ctx)
        return caught(ctx, path, "corrupt or truncated PDF", err);
    if (!needs)
        return 0;
    if (!pw || pw->n == 0)
        return cl_err_set(err, CL_E_PASSWORD,
                          "%s: needs a password. HINT: give --password-file FILE or set "
                          "CARDLEDGER_PDF_PASSWORDS_FILE (one password per line)", path);
    int ok = 0;
    for (int i = 0; i < pw->n && !ok; i++)
        ok = try_password(ctx, doc, pw->list[i]);
    if (!ok)
        return cl_err_set(err, CL_E_PASSWORD, "%s: wrong password (none of the %d given works)", path,
                          pw->n);
    return 0;
}

/* Load page i into t->pages[i]. */
static int load_page(fz_context *ctx, fz_document *doc, int i, word_buf *wb, pdf_text *t, cl_err *err)
{
    fz_page *page = NULL;
    fz_stext_page *sp = NULL;
    fz_rect bounds = fz_empty_rect;
    /* No FZ_STEXT_MEDIABOX_CLIP: it bounds every glyph (a quarter of the
     * time); page_words drops off-page characters from their boxes. */
    fz_stext_options opts = {.flags = FZ_STEXT_INHIBIT_SPACES};
    fz_var(page);
    fz_var(sp);
    fz_var(bounds);
    fz_try(ctx) {
        page = fz_load_page(ctx, doc, i);
        bounds = fz_bound_page(ctx, page);
        sp = fz_new_stext_page_from_page(ctx, page, &opts);
    }
    fz_always(ctx)
        fz_drop_page(ctx, page);
    fz_catch(ctx) {
        char what[64];
        snprintf(what, sizeof what, "corrupt PDF: page %d", i + 1);
        return caught(ctx, t->path, what, err);
    }
    int skipped = page_words(sp, bounds, wb, &t->pages[i]);
    fz_drop_stext_page(ctx, sp);
    if (skipped)
        log_debug("pdf_text_skipped", LOG_S("file", t->path), LOG_I("page", i + 1),
                  LOG_I("chars", skipped), LOG_S("reason", "not in the page's text direction"));
    pdf_layout_page(wb->w, wb->n, &t->pages[i]);
    return 0;
}

static int load_pages(fz_context *ctx, fz_document *doc, pdf_text *t, cl_err *err)
{
    int n = 0;
    fz_var(n);
    fz_try(ctx)
        n = fz_count_pages(ctx, doc);
    fz_catch(ctx)
        return caught(ctx, t->path, "corrupt or truncated PDF", err);
    if (n <= 0)
        return cl_err_set(err, CL_E_PDF, "%s: corrupt or truncated PDF (no pages found)", t->path);
    /* A damaged page tree can claim 2^31 pages: not a statement. */
    if (n > g_max_pages)
        return cl_err_set(err, CL_E_PDF, "%s: claims %d pages, more than the limit of %d per document",
                          t->path, n, g_max_pages);
    t->pages = xcalloc((size_t)n, sizeof *t->pages);
    word_buf wb = {0};
    int rc = 0;
    long words = 0;
    for (int i = 0; i < n && rc == 0; i++) {
        if (t_deadline && util_now_ms() > t_deadline) {
            t_late = true;
            rc = late_error(t->path, err);
            break;
        }
        rc = load_page(ctx, doc, i, &wb, t, err);
        t->n_pages = i + 1;
        words += wb.n;
    }
    free(wb.w);
    free(wb.off);
    sbuf_free(&wb.text);
    /* No text at all is a scan, unless MuPDF struggled with the file. */
    if (rc == 0 && words == 0 && t_problems)
        rc = cl_err_set(err, CL_E_PDF, "%s: corrupt PDF: no readable text (%s)", t->path, t_first_problem);
    else if (rc == 0 && words == 0)
        rc = cl_err_set(err, CL_E_PDF, "%s: scanned statement: no text layer (OCR it first)", t->path);
    return rc;
}

int pdf_text_load_buf(const char *name, const void *data, size_t len, const pdf_passwords *pw,
                      pdf_text **out, cl_err *err)
{
    *out = NULL;
    const char *path = name;
    if (check_head(name, data, len, err))
        return -1;
    fz_context *ctx = get_ctx();
    if (!ctx)
        return cl_err_set(err, CL_E_NOMEM, "%s: cannot start the PDF reader: out of memory", path);
    t_mem.base = t_mem.used;
    t_mem.peak = 0;
    t_mem.hit = false;
    t_path = path;
    t_problems = 0;
    t_first_problem[0] = '\0';
    t_late = false;
    t_deadline = g_time_limit_ms > 0 ? util_now_ms() + g_time_limit_ms : 0;

    fz_document *doc = NULL;
    pdf_text *t = NULL;
    int rc = open_doc(ctx, path, data, len, &doc, err);
    if (rc == 0)
        rc = authenticate(ctx, doc, path, pw, err);
    if (rc == 0) {
        t = xcalloc(1, sizeof *t);
        t->path = xstrdup(path);
        t->producer = meta(ctx, doc, FZ_META_INFO_PRODUCER);
        t->creator = meta(ctx, doc, FZ_META_INFO_CREATOR);
        t->title = meta(ctx, doc, FZ_META_INFO_TITLE);
        t->author = meta(ctx, doc, FZ_META_INFO_AUTHOR);
        rc = load_pages(ctx, doc, t, err);
        t->repaired = pdf_mupdf_was_repaired(ctx, doc) != 0;
    }
    if (t_late)     /* whatever failed, it failed because time ran out */
        rc = late_error(path, err);
    else if (rc == 0 && t_mem.hit)   /* MuPDF swallowed a refused allocation */
        rc = cl_err_set(err, CL_E_NOMEM, "%s: needs more than the %g MB memory limit of the PDF reader",
                        path, (double)g_limit / 1048576.0);
    t_deadline = 0;                 /* dropping the document must not fail */
    t_late = false;
    fz_drop_document(ctx, doc);
    fz_empty_store(ctx);
    log_debug("pdf_loaded", LOG_S("file", path), LOG_I("pages", t ? t->n_pages : 0),
              LOG_I("peak_bytes", t_mem.peak), LOG_I("mupdf_problems", t_problems), LOG_B("ok", rc == 0));
    t_path = NULL;
    if (rc) {
        pdf_text_free(t);
        return -1;
    }
    *out = t;
    return 0;
}

int pdf_read_regular(const char *path, const char *name, void **data, size_t *len, cl_err *err)
{
    if (!name)
        name = path;
    struct stat st;
    int fd = path_open_regular(path, name, &st, err);
    if (fd < 0)
        return -1;
    /* The whole file is read once: MuPDF parses these bytes, and the
     * caller hashes the same bytes (no second open, no race). */
    if (g_limit && (size_t)st.st_size > g_limit) {
        close(fd);
        return cl_err_set(err, CL_E_NOMEM, "%s: the file is larger than the %g MB memory limit", name,
                          (double)g_limit / 1048576.0);
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        close(fd);
        return cl_err_set(err, CL_E_NOMEM, "%s: out of memory reading the file", name);
    }
    for (;;) {
        if (n == cap) {     /* the file grew while being read */
            char *nb = g_limit && cap * 2 > g_limit ? NULL : realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                close(fd);
                return cl_err_set(err, CL_E_NOMEM, "%s: out of memory reading the file", name);
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            int e = errno;
            free(buf);
            close(fd);
            return cl_err_set(err, CL_E_IO, "%s: %s", name, strerror(e));
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    close(fd);
    *data = buf;
    *len = n;
    return 0;
}

int pdf_text_load(const char *path, const pdf_passwords *pw, pdf_text **out, cl_err *err)
{
    *out = NULL;
    void *data;
    size_t len;
    if (pdf_read_regular(path, NULL, &data, &len, err))
        return -1;
    int rc = pdf_text_load_buf(path, data, len, pw, out, err);
    free(data);
    return rc;
}
