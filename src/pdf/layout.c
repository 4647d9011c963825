/* layout.c - positioned words to layout lines (design in layout.h).
 *
 * Per page: sort word indices by baseline, cut them into lines where the
 * baseline moves by more than a fraction of the font size, sort each line
 * by x, merge touching pieces into words, group words into fragments
 * (phrases) and place each fragment at its character column. Allocation is
 * per line and per word, never per character. */
#include "layout.h"
#include "common/sbuf.h"
#include "common/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_EMPTY_LINES 2
#define MAX_GAP_COLS 1000   /* a bogus coordinate must not print a huge line */

typedef struct sort_key {
    float k1, k2;
    int i;
} sort_key;

static int cmp_key(const void *a, const void *b)
{
    const sort_key *x = a, *y = b;
    if (x->k1 != y->k1)
        return x->k1 < y->k1 ? -1 : 1;
    if (x->k2 != y->k2)
        return x->k2 < y->k2 ? -1 : 1;
    return (x->i > y->i) - (x->i < y->i);
}

static float wsize(const pdf_raw_word *w)
{
    return w->size >= 1.0f ? w->size : 1.0f;
}

static float minf(float a, float b) { return a < b ? a : b; }
static float maxf(float a, float b) { return a > b ? a : b; }

/* k-th smallest of v[0..n) (reorders v). */
static float select_kth(float *v, int n, int k)
{
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        float pivot = v[(lo + hi) / 2];
        int i = lo, j = hi;
        while (i <= j) {
            while (v[i] < pivot)
                i++;
            while (v[j] > pivot)
                j--;
            if (i <= j) {
                float t = v[i];
                v[i++] = v[j];
                v[j--] = t;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            break;
    }
    return v[k];
}

static float median(float *v, int n)
{
    return n > 0 ? select_kth(v, n, n / 2) : 0.0f;
}

bool pdf_layout_amount_like(const char *s, int len)
{
    int end = len;
    while (end > 0 && s[end - 1] == ' ')
        end--;
    if (end >= 2) {
        char a = (char)(s[end - 2] & ~0x20), b = (char)(s[end - 1] & ~0x20);
        if ((a == 'C' || a == 'D') && b == 'R')
            end -= 2;
    }
    bool digit = false;
    for (int i = 0; i < end; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= '0' && c <= '9')
            digit = true;
        else if (c < 0x80 && (c == 0 || !strchr(" .,-+()$%/'*", c)))
            return false;
    }
    return digit;
}

/* A word of the output: a run of raw pieces (indices into keep[]). */
typedef struct mword {
    int first, count;
    float x0, y0, x1, y1, size;
    int nchars, len;
} mword;

typedef struct page_ctx {
    const pdf_raw_word *w;
    float cw;           /* points per character column */
    float origin;       /* x of column 0 */
    /* scratch, grown as needed and reused for every line */
    sort_key *keys;
    int *keep;
    mword *mw;
    sbuf frag;
} page_ctx;

/* The same text at (nearly) the same place: drawn twice (fake bold).
 * Never closer than half a piece's width, so a letter drawn on its own
 * next to the same letter (the two f of "effect") is not a duplicate. */
static bool is_duplicate(const page_ctx *pc, const int *keep, int nkeep, int j)
{
    const pdf_raw_word *b = &pc->w[j];
    for (int k = nkeep - 1; k >= 0 && k >= nkeep - 3; k--) {
        const pdf_raw_word *a = &pc->w[keep[k]];
        float tol = minf(0.3f * minf(wsize(a), wsize(b)), 0.5f * minf(a->x1 - a->x0, b->x1 - b->x0));
        if (a->len == b->len && fabsf(a->x0 - b->x0) < tol && fabsf(a->base - b->base) < tol &&
            memcmp(a->text, b->text, (size_t)a->len) == 0)
            return true;
    }
    return false;
}

/* Sort the line's pieces by x, drop duplicates, merge touching pieces.
 * Returns the number of words in pc->mw. */
static int line_words(page_ctx *pc, const sort_key *line, int n)
{
    for (int i = 0; i < n; i++)
        pc->keys[i] = (sort_key){pc->w[line[i].i].x0, pc->w[line[i].i].base, line[i].i};
    qsort(pc->keys, (size_t)n, sizeof *pc->keys, cmp_key);
    int nkeep = 0, nw = 0;
    for (int i = 0; i < n; i++) {
        int j = pc->keys[i].i;
        if (is_duplicate(pc, pc->keep, nkeep, j))
            continue;
        const pdf_raw_word *r = &pc->w[j];
        mword *cur = nw ? &pc->mw[nw - 1] : NULL;
        if (cur) {
            const pdf_raw_word *prev = &pc->w[pc->keep[nkeep - 1]];
            float s = minf(wsize(prev), wsize(r));
            float gap = r->x0 - cur->x1;
            if (gap <= LAYOUT_WORD_GAP * s && gap >= -0.25f * s && !prev->space_after && !r->space_before) {
                cur->count++;
                cur->x1 = maxf(cur->x1, r->x1);
                cur->y0 = minf(cur->y0, r->y0);
                cur->y1 = maxf(cur->y1, r->y1);
                cur->size = maxf(cur->size, r->size);
                cur->nchars += r->nchars;
                cur->len += r->len;
                pc->keep[nkeep++] = j;
                continue;
            }
        }
        pc->mw[nw++] = (mword){nkeep, 1, r->x0, r->y0, r->x1, r->y1, r->size, r->nchars, r->len};
        pc->keep[nkeep++] = j;
    }
    return nw;
}

static char *word_text(const page_ctx *pc, const mword *m)
{
    char *s = xmalloc((size_t)m->len + 1), *p = s;
    for (int k = 0; k < m->count; k++) {
        const pdf_raw_word *r = &pc->w[pc->keep[m->first + k]];
        memcpy(p, r->text, (size_t)r->len);
        p += r->len;
    }
    *p = '\0';
    return s;
}

/* Append fragment mw[a..b) to the line text at its column. */
static void place_fragment(page_ctx *pc, sbuf *text, int *cols, int a, int b, pdf_word *out)
{
    sbuf_truncate(&pc->frag, 0);
    int chars = 0;
    for (int k = a; k < b; k++) {
        if (k > a) {
            sbuf_putc(&pc->frag, ' ');
            chars++;
        }
        out[k].col = chars;     /* relative for now */
        sbuf_append(&pc->frag, out[k].text, (size_t)pc->mw[k].len);
        chars += pc->mw[k].nchars;
    }
    const mword *first = &pc->mw[a], *last = &pc->mw[b - 1];
    bool right = pdf_layout_amount_like(sbuf_str(&pc->frag), (int)pc->frag.len);
    float pos = ((right ? last->x1 : first->x0) - pc->origin) / pc->cw;
    /* Absurd boxes (a hostile PDF's) must not overflow the column
     * arithmetic; the gap is capped below anyway. NaN goes left. */
    if (!(pos > -1e6f))
        pos = -1e6f;
    else if (pos > 1e6f)
        pos = 1e6f;
    long target = lroundf(pos) - (right ? chars : 0);
    long min = *cols == 0 && text->len == 0 ? 0 : *cols + 2;
    long col = target < min ? min : target;
    if (col > min + MAX_GAP_COLS)
        col = min + MAX_GAP_COLS;
    for (long k = *cols; k < col; k++)
        sbuf_putc(text, ' ');
    sbuf_append(text, pc->frag.p, pc->frag.len);
    for (int k = a; k < b; k++)
        out[k].col += (int)col;
    *cols = (int)col + chars;
}

static void build_line(page_ctx *pc, const sort_key *line, int n, pdf_line *out)
{
    int nw = line_words(pc, line, n);
    memset(out, 0, sizeof *out);
    out->words = xcalloc((size_t)nw, sizeof *out->words);
    out->n_words = nw;
    float ysum = 0;
    for (int k = 0; k < nw; k++) {
        const mword *m = &pc->mw[k];
        out->words[k] = (pdf_word){word_text(pc, m), m->x0, m->y0, m->x1, m->y1, m->size, 0};
    }
    for (int i = 0; i < n; i++)
        ysum += pc->w[line[i].i].base;
    out->y = ysum / (float)n;

    sbuf text = {0};
    int cols = 0;
    for (int a = 0; a < nw;) {
        int b = a + 1;
        while (b < nw) {
            const mword *p = &pc->mw[b - 1], *q = &pc->mw[b];
            float s = minf(p->size >= 1 ? p->size : 1, q->size >= 1 ? q->size : 1);
            if (q->x0 - p->x1 >= LAYOUT_COL_GAP * s)
                break;
            b++;
        }
        place_fragment(pc, &text, &cols, a, b, out->words);
        a = b;
    }
    out->text = sbuf_detach(&text);
}

/* Page scale: median character width, and the leftmost x. */
static void page_scale(page_ctx *pc, int n)
{
    float *v = xmalloc((size_t)n * sizeof *v);
    int m = 0;
    pc->origin = INFINITY;
    for (int i = 0; i < n; i++) {
        const pdf_raw_word *r = &pc->w[i];
        if (r->len <= 0)
            continue;
        pc->origin = minf(pc->origin, r->x0);
        if (r->nchars > 0 && r->x1 > r->x0)
            v[m++] = (r->x1 - r->x0) / (float)r->nchars;
    }
    pc->cw = m ? median(v, m) : 5.0f;
    if (!(pc->cw >= 1.0f))
        pc->cw = 1.0f;
    free(v);
}

static float line_size(const pdf_line *l)
{
    float s = 0;
    for (int k = 0; k < l->n_words; k++)
        s = maxf(s, l->words[k].size);
    return s;
}

/* Copy lines into page->lines with empty lines where the vertical gap is
 * 1.35 times the usual one (the page's median line pitch, or the line
 * height of the larger font around the gap) or more: at most two. */
static void add_empty_lines(pdf_page *page, pdf_line *lines, int n)
{
    float *d = xmalloc((size_t)(n > 1 ? n - 1 : 1) * sizeof *d);
    for (int i = 1; i < n; i++)
        d[i - 1] = lines[i].y - lines[i - 1].y;
    float pitch = n > 1 ? median(d, n - 1) : 0;
    free(d);
    if (!(pitch >= 1.0f))
        pitch = 12.0f;
    int total = n;
    int *extra = xcalloc((size_t)n, sizeof *extra);
    for (int i = 1; i < n; i++) {
        float usual = maxf(pitch, 1.15f * maxf(line_size(&lines[i]), line_size(&lines[i - 1])));
        float k = (lines[i].y - lines[i - 1].y) / usual - 0.35f;
        extra[i] = k >= MAX_EMPTY_LINES ? MAX_EMPTY_LINES : k >= 1.0f ? (int)k : 0;
        total += extra[i];
    }
    page->lines = xcalloc((size_t)total, sizeof *page->lines);
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < extra[i]; k++) {
            pdf_line *e = &page->lines[page->n_lines++];
            e->text = xstrdup("");
            e->y = lines[i - 1].y + (lines[i].y - lines[i - 1].y) * (float)(k + 1) / (float)(extra[i] + 1);
        }
        page->lines[page->n_lines++] = lines[i];
    }
    free(extra);
}

void pdf_layout_page(const pdf_raw_word *words, int n, pdf_page *page)
{
    page->lines = NULL;
    page->n_lines = 0;
    /* Words without text carry nothing. */
    sort_key *order = xmalloc((size_t)(n > 0 ? n : 1) * sizeof *order);
    int m = 0;
    for (int i = 0; i < n; i++)
        if (words[i].len > 0)
            order[m++] = (sort_key){words[i].base, words[i].x0, i};
    if (m == 0) {
        free(order);
        return;
    }
    page_ctx pc = {.w = words};
    page_scale(&pc, n);
    pc.keys = xmalloc((size_t)m * sizeof *pc.keys);
    pc.keep = xmalloc((size_t)m * sizeof *pc.keep);
    pc.mw = xmalloc((size_t)m * sizeof *pc.mw);
    qsort(order, (size_t)m, sizeof *order, cmp_key);

    pdf_line *lines = xmalloc((size_t)m * sizeof *lines);
    int nl = 0;
    for (int a = 0; a < m;) {
        const pdf_raw_word *first = &words[order[a].i];
        int b = a + 1;
        while (b < m) {
            const pdf_raw_word *w = &words[order[b].i];
            if (w->base - first->base > LAYOUT_LINE_TOL * minf(wsize(first), wsize(w)))
                break;
            b++;
        }
        build_line(&pc, order + a, b - a, &lines[nl++]);
        a = b;
    }
    add_empty_lines(page, lines, nl);
    free(lines);
    free(order);
    free(pc.keys);
    free(pc.keep);
    free(pc.mw);
    sbuf_free(&pc.frag);
}
