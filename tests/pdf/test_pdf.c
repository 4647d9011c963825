/* test_pdf.c - layout lines from words (pure, no MuPDF), and PDFs drawn
 * with cairo read back through MuPDF: text, order, columns, word boxes,
 * metadata, errors, memory cap, password files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "common/util.h"
#include "pdf/layout.h"
#include "pdf/pdf.h"
#include "pdfgen.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmpdir[256];

/* ---- helpers ---------------------------------------------------------------- */

/* A word whose characters are 0.5 em wide. */
static pdf_raw_word rw(const char *t, float x0, float base, float size)
{
    int n = (int)strlen(t);
    return (pdf_raw_word){.text = t, .len = n, .nchars = n, .x0 = x0, .x1 = x0 + 0.5f * size * (float)n,
                          .y0 = base - 0.8f * size, .y1 = base + 0.2f * size, .base = base, .size = size};
}

/* A word ending at x1 (right-aligned). */
static pdf_raw_word rw_right(const char *t, float x1, float base, float size)
{
    pdf_raw_word w = rw(t, 0, base, size);
    w.x0 = x1 - 0.5f * size * (float)w.nchars;
    w.x1 = x1;
    return w;
}

static void page_free(pdf_page *p)
{
    pdf_text *t = xcalloc(1, sizeof *t);
    t->pages = xmalloc(sizeof *t->pages);
    t->pages[0] = *p;
    t->n_pages = 1;
    pdf_text_free(t);
}

static pdf_page layout(const pdf_raw_word *w, int n)
{
    pdf_page p = {0};
    pdf_layout_page(w, n, &p);
    return p;
}

/* Character column -> byte offset in a UTF-8 string. */
static size_t col_to_byte(const char *s, int col)
{
    size_t i = 0;
    for (int c = 0; s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (c == col)
                return i;
            c++;
        }
    }
    return i;
}

/* Every word's text sits at its col in the line text. */
static void assert_cols_match(const pdf_page *p)
{
    for (int i = 0; i < p->n_lines; i++)
        for (int k = 0; k < p->lines[i].n_words; k++) {
            const pdf_word *w = &p->lines[i].words[k];
            size_t off = col_to_byte(p->lines[i].text, w->col);
            assert_memory_equal(p->lines[i].text + off, w->text, strlen(w->text));
        }
}

/* Number of spaces between the end of word a and the start of b. */
static int spaces_between(const pdf_line *l, int a, int b)
{
    const pdf_word *x = &l->words[a];
    int len = 0;
    for (const char *s = x->text; *s; s++)
        len += ((unsigned char)*s & 0xC0) != 0x80;
    return l->words[b].col - (x->col + len);
}

static int word_end_col(const pdf_word *w)
{
    return w->col + (int)strlen(w->text);
}

/* ---- pure layout -------------------------------------------------------------- */

static void test_layout_empty(void **state)
{
    (void)state;
    pdf_page p = layout(NULL, 0);
    assert_int_equal(p.n_lines, 0);
    pdf_raw_word blank = rw("", 10, 10, 10);
    p = layout(&blank, 1);
    assert_int_equal(p.n_lines, 0);
}

static void test_layout_order_from_position(void **state)
{
    (void)state;
    /* Drawn footer first, then amount before description: order must come
     * from positions only. */
    pdf_raw_word w[] = {
        rw("Footer", 50, 700, 7),      rw_right("12.75", 500, 112, 9), rw("COFFEE", 151, 112, 9),
        rw("BLUE", 100, 112, 9),       rw("01/15", 50, 112, 9),        rw("BOTTLE", 121, 112, 9),
        rw("HEADER", 50, 60, 14),
    };
    pdf_page p = layout(w, (int)ARRAY_LEN(w));
    int nonempty = 0;
    const char *order[] = {"HEADER", "01/15", "Footer"};
    for (int i = 0; i < p.n_lines; i++) {
        if (p.lines[i].n_words == 0) {
            assert_string_equal(p.lines[i].text, "");
            continue;
        }
        assert_true(nonempty < 3);
        assert_string_equal(p.lines[i].words[0].text, order[nonempty]);
        if (i > 0)
            assert_true(p.lines[i].y > p.lines[i - 1].y);
        nonempty++;
    }
    assert_int_equal(nonempty, 3);
    const pdf_line *row = NULL;
    for (int i = 0; i < p.n_lines; i++)
        if (p.lines[i].n_words == 5)
            row = &p.lines[i];
    assert_non_null(row);
    const char *words[] = {"01/15", "BLUE", "BOTTLE", "COFFEE", "12.75"};
    for (int k = 0; k < 5; k++) {
        assert_string_equal(row->words[k].text, words[k]);
        if (k > 0)
            assert_true(row->words[k].x0 > row->words[k - 1].x0);
    }
    assert_non_null(strstr(row->text, "BLUE BOTTLE COFFEE"));
    assert_true(spaces_between(row, 0, 1) >= 2);
    assert_true(spaces_between(row, 3, 4) >= 2);
    assert_cols_match(&p);
    page_free(&p);
}

static void test_layout_phrase_and_column_gaps(void **state)
{
    (void)state;
    float s = 10;
    /* Gaps of 0.3 em join a phrase; 0.8 em and more separate columns,
     * even after text whose characters take more columns than their width. */
    pdf_raw_word narrow = rw("iiiiiiiiiiiiiiiiiiii", 100, 50, s);
    narrow.x1 = narrow.x0 + 20 * 0.25f * s;     /* 20 narrow characters */
    pdf_raw_word w[] = {
        rw("PAYMENT", 0, 20, s), rw("THANK", 0, 20, s), rw("YOU", 0, 20, s),
        narrow, rw("NEXT", 0, 50, s),
    };
    w[1].x0 = w[0].x1 + 0.3f * s;
    w[1].x1 = w[1].x0 + 25;
    w[2].x0 = w[1].x1 + 0.3f * s;
    w[2].x1 = w[2].x0 + 15;
    w[4].x0 = narrow.x1 + 0.8f * s;
    w[4].x1 = w[4].x0 + 20;
    pdf_page p = layout(w, (int)ARRAY_LEN(w));
    assert_int_equal(p.n_lines, 2);
    assert_string_equal(p.lines[0].text, "PAYMENT THANK YOU");
    assert_int_equal(p.lines[1].n_words, 2);
    assert_int_equal(spaces_between(&p.lines[1], 0, 1), 2);
    assert_cols_match(&p);
    page_free(&p);
}

static void test_layout_columns_line_up(void **state)
{
    (void)state;
    float s = 9;
    pdf_raw_word w[] = {
        rw("01/15", 50, 100, s), rw("COFFEE", 110, 100, s), rw_right("1,234.56", 500, 100, s),
        rw("01/16", 50, 112, s), rw("AMAZON", 110, 112, s), rw_right("12.75", 500, 112, s),
        rw("01/17", 50, 124, s), rw("TAXI", 110, 124, s),   rw_right("(3.00)", 500, 124, s),
    };
    pdf_page p = layout(w, (int)ARRAY_LEN(w));
    assert_int_equal(p.n_lines, 3);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(p.lines[i].n_words, 3);
        /* left-aligned columns start at the same column */
        assert_int_equal(p.lines[i].words[0].col, p.lines[0].words[0].col);
        assert_int_equal(p.lines[i].words[1].col, p.lines[0].words[1].col);
        /* right-aligned amounts end at the same column */
        assert_int_equal(word_end_col(&p.lines[i].words[2]), word_end_col(&p.lines[0].words[2]));
        assert_true(spaces_between(&p.lines[i], 1, 2) >= 2);
    }
    /* the column scale follows the page: 110 - 50 points at 4.5 points a column */
    assert_int_equal(p.lines[0].words[1].col - p.lines[0].words[0].col, (int)lroundf(60.0f / 4.5f));
    assert_cols_match(&p);
    page_free(&p);
}

static void test_layout_baseline_tolerance(void **state)
{
    (void)state;
    float s = 10;
    pdf_raw_word w[] = {
        rw("A", 10, 100, s), rw("B", 40, 100 + 0.2f * s, s), rw("C", 70, 100 - 0.1f * s, s),
        rw("D", 100, 100 + 0.6f * s, s),
    };
    pdf_page p = layout(w, (int)ARRAY_LEN(w));
    assert_int_equal(p.n_lines, 2);
    assert_int_equal(p.lines[0].n_words, 3);
    assert_string_equal(p.lines[0].words[0].text, "A");
    assert_string_equal(p.lines[0].words[1].text, "B");
    assert_string_equal(p.lines[0].words[2].text, "C");
    assert_string_equal(p.lines[1].words[0].text, "D");
    page_free(&p);
}

static void test_layout_merge_and_duplicates(void **state)
{
    (void)state;
    float s = 10;
    /* A word drawn as two touching pieces, in reverse order; a word drawn
     * twice half a point apart (fake bold); two pieces split by a space
     * glyph narrower than the word gap. */
    pdf_raw_word zon = rw("ZON", 0, 20, s), ama = rw("AMA", 100, 20, s);
    zon.x0 = ama.x1 + 0.02f * s;
    zon.x1 = zon.x0 + 15;
    /* Letters drawn one by one: the second of two narrow equal letters
     * sits within 0.3 em of the first, and is not a duplicate. */
    pdf_raw_word co = rw("CO", 100, 80, s), f1 = rw("F", 110, 80, s), f2 = rw("F", 112.8f, 80, s),
                 ee = rw("EE", 115.6f, 80, s);
    f1.x1 = 112.8f;
    f2.x1 = 115.6f;
    pdf_raw_word w[] = {
        zon, ama, rw("BOLD", 100, 40, s), rw("BOLD", 100.5f, 40, s), rw("NO", 100, 60, s), rw("GAP", 0, 60, s),
        ee, f2, co, f1,
    };
    w[4].space_after = true;
    w[5].space_before = true;
    w[5].x0 = w[4].x1 + 0.1f * s;
    w[5].x1 = w[5].x0 + 15;
    pdf_page p = layout(w, (int)ARRAY_LEN(w));
    assert_int_equal(p.n_lines, 4);
    assert_int_equal(p.lines[0].n_words, 1);
    assert_string_equal(p.lines[0].words[0].text, "AMAZON");
    assert_float_equal(p.lines[0].words[0].x0, ama.x0, 0.001);
    assert_float_equal(p.lines[0].words[0].x1, zon.x1, 0.001);
    assert_int_equal(p.lines[1].n_words, 1);
    assert_string_equal(p.lines[1].text, "BOLD");
    assert_string_equal(p.lines[2].text, "NO GAP");
    assert_string_equal(p.lines[3].text, "COFFEE");
    page_free(&p);
}

static void test_layout_utf8_columns(void **state)
{
    (void)state;
    float s = 10;
    pdf_raw_word w[] = {rw("CAF\xc3\x89", 10, 20, s), rw("\xe2\x82\xac" "5.00", 200, 20, s), rw("X", 300, 20, s)};
    w[0].nchars = 4;
    w[0].x1 = w[0].x0 + 20;
    w[1].nchars = 5;
    w[1].x1 = w[1].x0 + 25;
    pdf_page p = layout(w, 3);
    assert_int_equal(p.n_lines, 1);
    assert_int_equal(p.lines[0].n_words, 3);
    assert_cols_match(&p);
    page_free(&p);
}

static void test_layout_empty_lines(void **state)
{
    (void)state;
    float s = 10;
    pdf_raw_word w[] = {
        rw("one", 10, 100, s), rw("two", 10, 112, s), rw("three", 10, 124, s), rw("four", 10, 136, s),
        rw("after-gap", 10, 172, s), rw("far", 10, 600, s),
    };
    pdf_page p = layout(w, (int)ARRAY_LEN(w));
    /* regular pitch: no empty line; 3 pitches: 2 empty lines at most */
    const char *want[] = {"one", "two", "three", "four", "", "", "after-gap", "", "", "far"};
    assert_int_equal(p.n_lines, (int)ARRAY_LEN(want));
    for (int i = 0; i < p.n_lines; i++)
        assert_string_equal(p.lines[i].text, want[i]);
    page_free(&p);
}

/* Typographic hyphens, minus signs and quotes fold to ASCII; other
 * non-ASCII text (accents, the euro sign, en dashes) stays as it is. */
static void test_fold(void **state)
{
    (void)state;
    assert_int_equal(pdf_fold_char(0x2212), '-');
    assert_int_equal(pdf_fold_char(0x2011), '-');
    assert_int_equal(pdf_fold_char(0x2019), '\'');
    assert_int_equal(pdf_fold_char(0x201C), '"');
    assert_int_equal(pdf_fold_char(0x2013), 0x2013);
    assert_int_equal(pdf_fold_char('A'), 'A');
    char s[] = "\xe2\x88\x92" "12.50 MCDONALD\xe2\x80\x99S CAF\xc3\x89 \xe2\x82\xac" "5 a\xe2\x80\x93" "b";
    pdf_fold_utf8(s);
    assert_string_equal(s, "-12.50 MCDONALD'S CAF\xc3\x89 \xe2\x82\xac" "5 a\xe2\x80\x93" "b");
    char t[] = "\xe2\x88";   /* a truncated sequence is left alone */
    pdf_fold_utf8(t);
    assert_string_equal(t, "\xe2\x88");
}

static void test_amount_like(void **state)
{
    (void)state;
    const char *yes[] = {"1,234.56", "-1,234.56", "(1,234.56)", "1,234.56 CR", "$1,234.56", "1.234,56",
                         "12.75DR", "01/15", "\xe2\x82\xac" "5.00"};
    const char *no[] = {"CR", "", "AMAZON 12.75", "Page 1", "12 JAN", "-", "$"};
    for (size_t i = 0; i < ARRAY_LEN(yes); i++)
        assert_true(pdf_layout_amount_like(yes[i], (int)strlen(yes[i])));
    for (size_t i = 0; i < ARRAY_LEN(no); i++)
        assert_false(pdf_layout_amount_like(no[i], (int)strlen(no[i])));
}

/* ---- PDFs drawn with cairo ---------------------------------------------------- */

static char *make_pdf(const char *name, const char *desc)
{
    char *path = xmalloc(512), err[256];
    snprintf(path, 512, "%s/%s", tmpdir, name);
    if (pdfgen_render(desc, path, err, sizeof err) != 0)
        fail_msg("pdfgen: %s", err);
    return path;
}

static const char *statement_desc =
    "page\n"
    "meta title March statement\n"
    "meta author Example Bank\n"
    "meta creator statement-writer 2.1\n"
    "font sans 9\n"
    "right 558 100 1,234.56\n"
    "text 54 100 01/15\n"
    "text 110 100 BLUE BOTTLE COFFEE\n"
    "right 558 112.5 12.75\n"
    "text 54 112.5 01/16\n"
    "text 110 112.5 AMAZON MKTPLACE\n"
    "text 110 125 PAYMENT THANK YOU\n"
    "text 54 125 01/17\n"
    "right 558 125 -400.00\n"
    "font sans 7\n"
    "text 54 760 Footer drawn before the heading\n"
    "font sans 14 bold\n"
    "text 54 60 EXAMPLE BANK\n";

static const pdf_line *find_line(const pdf_page *p, const char *first_word)
{
    for (int i = 0; i < p->n_lines; i++)
        if (p->lines[i].n_words && strcmp(p->lines[i].words[0].text, first_word) == 0)
            return &p->lines[i];
    return NULL;
}

static void test_pdf_statement_page(void **state)
{
    (void)state;
    char *path = make_pdf("statement.pdf", statement_desc);
    pdf_text *t;
    cl_err err = {0};
    assert_int_equal(pdf_text_load(path, NULL, &t, &err), 0);
    assert_int_equal(t->n_pages, 1);
    assert_false(t->repaired);
    const pdf_page *p = &t->pages[0];
    assert_float_equal(p->width, 612, 0.01);
    assert_float_equal(p->height, 792, 0.01);

    /* reading order: heading, three rows, footer */
    const char *first[] = {"EXAMPLE", "01/15", "01/16", "01/17", "Footer"};
    int k = 0;
    for (int i = 0; i < p->n_lines; i++)
        if (p->lines[i].n_words) {
            assert_true(k < 5);
            assert_string_equal(p->lines[i].words[0].text, first[k++]);
        }
    assert_int_equal(k, 5);

    const pdf_line *r1 = find_line(p, "01/15"), *r2 = find_line(p, "01/16"), *r3 = find_line(p, "01/17");
    assert_non_null(strstr(r1->text, "BLUE BOTTLE COFFEE"));
    assert_non_null(strstr(r3->text, "PAYMENT THANK YOU"));
    const pdf_line *rows[] = {r1, r2, r3};
    const char *amounts[] = {"1,234.56", "12.75", "-400.00"};
    for (int i = 0; i < 3; i++) {
        const pdf_line *l = rows[i];
        const pdf_word *amt = &l->words[l->n_words - 1];
        assert_string_equal(amt->text, amounts[i]);
        assert_int_equal(word_end_col(amt), word_end_col(&r1->words[r1->n_words - 1]));
        assert_int_equal(l->words[1].col, r1->words[1].col);
        assert_true(spaces_between(l, 0, 1) >= 2);
        assert_true(spaces_between(l, l->n_words - 2, l->n_words - 1) >= 2);
        /* boxes: the amount's right edge is where it was drawn */
        assert_float_equal(amt->x1, 558, 0.5);
        assert_float_equal(amt->x0, (float)(558 - pdfgen_text_width("sans", 9, 0, amounts[i])), 0.5);
        assert_float_equal(amt->size, 9, 0.05);
        assert_true(amt->y0 < l->y && l->y <= amt->y1);
    }
    const pdf_word *blue = &r1->words[1];
    assert_string_equal(blue->text, "BLUE");
    assert_float_equal(blue->x0, 110, 0.5);
    assert_float_equal(blue->x1, (float)(110 + pdfgen_text_width("sans", 9, 0, "BLUE")), 0.5);
    assert_float_equal(r1->y, 100, 0.2);
    assert_float_equal(r2->y, 112.5, 0.2);
    assert_cols_match(p);

    assert_string_equal(t->title, "March statement");
    assert_string_equal(t->author, "Example Bank");
    assert_string_equal(t->creator, "statement-writer 2.1");
    assert_non_null(t->producer);
    assert_non_null(strstr(t->producer, "cairo"));
    pdf_text_free(t);
    free(path);
}

/* A landscape page drawn turned on a portrait page reads like the same
 * page drawn upright. */
static void test_pdf_turned_page(void **state)
{
    (void)state;
    const char *body = "font sans 9\nright 700 100 1,234.56\ntext 54 100 01/15\ntext 110 100 BLUE BOTTLE\n"
                       "text 54 112 01/16\ntext 110 112 TAXI\nright 700 112 9.00\n";
    char upright[1024], turned[1024];
    snprintf(upright, sizeof upright, "page 792 612\n%s", body);
    snprintf(turned, sizeof turned, "page 612 792\nframe 90\n%s", body);
    char *a = make_pdf("upright.pdf", upright), *b = make_pdf("turned.pdf", turned);
    pdf_text *ta, *tb;
    cl_err err = {0};
    assert_int_equal(pdf_text_load(a, NULL, &ta, &err), 0);
    assert_int_equal(pdf_text_load(b, NULL, &tb, &err), 0);
    assert_int_equal(ta->pages[0].n_lines, tb->pages[0].n_lines);
    for (int i = 0; i < ta->pages[0].n_lines; i++)
        assert_string_equal(ta->pages[0].lines[i].text, tb->pages[0].lines[i].text);
    assert_float_equal(tb->pages[0].width, 792, 0.01);
    assert_float_equal(tb->pages[0].lines[0].words[0].x0, 54, 0.5);
    pdf_text_free(ta);
    pdf_text_free(tb);
    free(a);
    free(b);
}

/* Text drawn a character at a time in reverse, and a word drawn twice a
 * third of a point apart (fake bold), read as plain words. */
static void test_pdf_pieces(void **state)
{
    (void)state;
    const char *word = "AMAZON", *tail = "MKTPLACE";
    char desc[2048], *d = desc;
    d += sprintf(d, "page\nfont sans 10\n");
    double x = 100;
    double xs[6];
    for (int i = 0; i < 6; i++) {
        char prefix[8];
        snprintf(prefix, sizeof prefix, "%.*s", i, word);
        xs[i] = x + pdfgen_text_width("sans", 10, 0, prefix);
    }
    for (int i = 5; i >= 0; i--)
        d += sprintf(d, "text %.3f 100 %c\n", xs[i], word[i]);
    double after = x + pdfgen_text_width("sans", 10, 0, "AMAZON ");
    d += sprintf(d, "text %.3f 100 %s\n", after, tail);
    d += sprintf(d, "font sans 10 bold\ntext 100 130 TOTAL\ntext 100.3 130 TOTAL\n");
    char *path = make_pdf("pieces.pdf", desc);
    pdf_text *t;
    cl_err err = {0};
    assert_int_equal(pdf_text_load(path, NULL, &t, &err), 0);
    const pdf_page *p = &t->pages[0];
    assert_int_equal(p->n_lines, 2);
    assert_string_equal(p->lines[0].text, "AMAZON MKTPLACE");
    assert_int_equal(p->lines[0].n_words, 2);
    assert_float_equal(p->lines[0].words[0].x0, 100, 0.5);
    assert_string_equal(p->lines[1].text, "TOTAL");
    pdf_text_free(t);
    free(path);
}

static void test_pdf_pages_and_mono(void **state)
{
    (void)state;
    char *path = make_pdf("pages.pdf", "page\nfont mono 10\ntext 72 72 PAYMENT THANK YOU      -50.00\n"
                                       "page 595 842\nfont serif 11\ntext 72 72 second page\n"
                                       "page\nfont sans 10\ntext 72 72 third page\n");
    pdf_text *t;
    cl_err err = {0};
    assert_int_equal(pdf_text_load(path, NULL, &t, &err), 0);
    assert_int_equal(t->n_pages, 3);
    /* one space glyph in a monospaced run stays one space; six are a column break */
    assert_non_null(strstr(t->pages[0].lines[0].text, "PAYMENT THANK YOU  "));
    assert_int_equal(t->pages[0].lines[0].n_words, 4);
    assert_true(spaces_between(&t->pages[0].lines[0], 2, 3) >= 2);
    assert_float_equal(t->pages[1].width, 595, 0.01);
    assert_string_equal(t->pages[1].lines[0].text, "second page");
    assert_string_equal(t->pages[2].lines[0].text, "third page");
    char *txt = pdf_page_text(&t->pages[2]);
    assert_string_equal(txt, "third page\n");
    free(txt);
    pdf_text_free(t);
    free(path);
}

static void test_pdf_bad_files(void **state)
{
    (void)state;
    char path[512];
    pdf_text *t = (pdf_text *)1;
    cl_err err = {0};

    snprintf(path, sizeof path, "%s/empty.pdf", tmpdir);
    FILE *f = fopen(path, "w");
    fclose(f);
    assert_int_equal(pdf_text_load(path, NULL, &t, &err), -1);
    assert_null(t);
    assert_int_equal(err.code, CL_E_PDF);
    assert_non_null(strstr(err.msg, path));
    assert_non_null(strstr(err.msg, "empty file"));

    snprintf(path, sizeof path, "%s/notes.pdf", tmpdir);
    f = fopen(path, "w");
    fputs("these are notes, not a PDF\n", f);
    fclose(f);
    assert_int_equal(pdf_text_load(path, NULL, &t, &err), -1);
    assert_int_equal(err.code, CL_E_PDF);
    assert_non_null(strstr(err.msg, "not a PDF"));

    snprintf(path, sizeof path, "%s/missing.pdf", tmpdir);
    assert_int_equal(pdf_text_load(path, NULL, &t, &err), -1);
    assert_int_equal(err.code, CL_E_IO);
    assert_non_null(strstr(err.msg, path));

    char *scan = make_pdf("scan.pdf", "page\nrect 50 50 200 100\nimage 100 300 300 300\n");
    assert_int_equal(pdf_text_load(scan, NULL, &t, &err), -1);
    assert_int_equal(err.code, CL_E_PDF);
    assert_non_null(strstr(err.msg, "scanned statement: no text layer"));
    free(scan);
}

static void test_pdf_memory_limit(void **state)
{
    (void)state;
    /* about 20,000 characters: several MB of structured text */
    char *desc = xmalloc(1 << 16), *p = desc;
    p += sprintf(p, "page\nfont mono 3\n");
    for (int y = 10; y < 780; y += 6)
        p += sprintf(p, "text 10 %d ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                        "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ\n", y);
    char *path = make_pdf("dense.pdf", desc);
    free(desc);
    pdf_text *t;
    cl_err err = {0};
    pdf_set_memory_limit(512 * 1024);
    assert_int_equal(pdf_text_load(path, NULL, &t, &err), -1);
    assert_int_equal(err.code, CL_E_NOMEM);
    assert_non_null(strstr(err.msg, path));
    assert_non_null(strstr(err.msg, "memory limit"));
    pdf_set_memory_limit(0);
    assert_int_equal(pdf_text_load(path, NULL, &t, &err), 0);
    assert_true(t->pages[0].n_lines > 100);
    pdf_text_free(t);
    free(path);
}

typedef struct thread_job {
    const char *path;
    const char *want;   /* page 1 text */
    int mismatches;
} thread_job;

static void *load_repeatedly(void *arg)
{
    thread_job *job = arg;
    for (int i = 0; i < 8; i++) {
        pdf_text *t;
        cl_err err = {0};
        if (pdf_text_load(job->path, NULL, &t, &err) != 0) {
            job->mismatches++;
            continue;
        }
        char *txt = pdf_page_text(&t->pages[0]);
        job->mismatches += strcmp(txt, job->want) != 0;
        free(txt);
        pdf_text_free(t);
    }
    pdf_release_thread();
    return NULL;
}

/* Each thread gets its own MuPDF context: parallel loads agree with a
 * serial one. */
static void test_pdf_threads(void **state)
{
    (void)state;
    char *path = make_pdf("threads.pdf", statement_desc);
    pdf_text *t;
    cl_err err = {0};
    assert_int_equal(pdf_text_load(path, NULL, &t, &err), 0);
    char *want = pdf_page_text(&t->pages[0]);
    pdf_text_free(t);
    thread_job jobs[3];
    pthread_t th[3];
    for (int i = 0; i < 3; i++) {
        jobs[i] = (thread_job){path, want, 0};
        assert_int_equal(pthread_create(&th[i], NULL, load_repeatedly, &jobs[i]), 0);
    }
    for (int i = 0; i < 3; i++) {
        pthread_join(th[i], NULL);
        assert_int_equal(jobs[i].mismatches, 0);
    }
    free(want);
    free(path);
}

static void write_file(const char *path, const char *text, mode_t mode)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    assert_int_equal(chmod(path, mode), 0);
}

static void test_password_file(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/passwords", tmpdir);
    write_file(path, "first\n\nsecond one \r\n\n", 0600);
    pdf_passwords pw;
    cl_err err = {0};
    assert_int_equal(pdf_passwords_load(path, &pw, &err), 0);
    assert_int_equal(pw.n, 2);
    assert_string_equal(pw.list[0], "first");
    assert_string_equal(pw.list[1], "second one ");
    pdf_passwords_free(&pw);
    assert_int_equal(pw.n, 0);

    const mode_t open_modes[] = {0640, 0604, 0644};
    for (size_t i = 0; i < ARRAY_LEN(open_modes); i++) {
        assert_int_equal(chmod(path, open_modes[i]), 0);
        assert_int_equal(pdf_passwords_load(path, &pw, &err), -1);
        assert_int_equal(pw.n, 0);
        assert_non_null(strstr(err.msg, path));
        assert_non_null(strstr(err.msg, "readable by group or others"));
    }

    assert_int_equal(chmod(path, 0600), 0);
    setenv("CARDLEDGER_PDF_PASSWORDS_FILE", path, 1);
    assert_int_equal(pdf_passwords_from_option(NULL, &pw, &err), 0);
    assert_int_equal(pw.n, 2);
    pdf_passwords_free(&pw);
    unsetenv("CARDLEDGER_PDF_PASSWORDS_FILE");
    assert_int_equal(pdf_passwords_from_option(NULL, &pw, &err), 0);
    assert_int_equal(pw.n, 0);

    snprintf(path, sizeof path, "%s/no-such-file", tmpdir);
    assert_int_equal(pdf_passwords_from_option(path, &pw, &err), -1);
    assert_int_equal(err.code, CL_E_IO);
    assert_non_null(strstr(err.msg, path));
}

static int setup(void **state)
{
    (void)state;
    const char *base = getenv("CL_TEST_TMP");
    snprintf(tmpdir, sizeof tmpdir, "%s/test_pdf.XXXXXX", base && *base ? base : "/tmp");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    pdf_release_thread();
    pdfgen_cleanup();
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout_empty),
        cmocka_unit_test(test_layout_order_from_position),
        cmocka_unit_test(test_layout_phrase_and_column_gaps),
        cmocka_unit_test(test_layout_columns_line_up),
        cmocka_unit_test(test_layout_baseline_tolerance),
        cmocka_unit_test(test_layout_merge_and_duplicates),
        cmocka_unit_test(test_layout_utf8_columns),
        cmocka_unit_test(test_layout_empty_lines),
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_amount_like),
        cmocka_unit_test(test_pdf_statement_page),
        cmocka_unit_test(test_pdf_turned_page),
        cmocka_unit_test(test_pdf_pieces),
        cmocka_unit_test(test_pdf_pages_and_mono),
        cmocka_unit_test(test_pdf_bad_files),
        cmocka_unit_test(test_pdf_memory_limit),
        cmocka_unit_test(test_pdf_threads),
        cmocka_unit_test(test_password_file),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
