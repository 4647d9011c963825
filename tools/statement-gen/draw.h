/* draw.h - a page-description layer over cairo's PDF surface.
 *
 * Layouts add text and rules to the current page; nothing reaches cairo
 * until sg_doc_finish(), which emits every page in the order its policy
 * asks for (reading order, reversed, right column first, footer first,
 * column by column, shuffled). Keeping the pages until the end also lets
 * headers print "Page 2 of {PAGES}": the token is replaced by the page
 * count when the page is emitted.
 *
 * Coordinates are PDF points, origin top left, y down; y of text is its
 * baseline. Lines of a page, as the ground truth counts them, are the
 * distinct text baselines from the top (sg_doc_line_of). */
#ifndef SG_DRAW_H
#define SG_DRAW_H

#include "common/err.h"

#include <stdbool.h>

typedef enum sg_face {
    SG_LIB_SANS, SG_LIB_SERIF, SG_LIB_MONO,
    SG_DJV_SANS, SG_DJV_SERIF, SG_DJV_MONO, SG_DJV_COND,
    SG_FACE_COUNT
} sg_face;

typedef struct sg_font {
    sg_face face;
    double size;
    bool bold;
} sg_font;

typedef enum sg_align { SG_LEFT, SG_RIGHT, SG_CENTER } sg_align;

typedef enum sg_order {
    SG_ORDER_NATURAL,       /* as added */
    SG_ORDER_REVERSE,       /* last added first */
    SG_ORDER_RIGHT_FIRST,   /* right-most anchors first (amount column before text) */
    SG_ORDER_FOOTER_FIRST,  /* the bottom eighth of the page first, then the rest */
    SG_ORDER_BY_COLUMN,     /* left to right, each column top to bottom */
    SG_ORDER_SHUFFLE,       /* a fixed pseudo-random permutation */
} sg_order;

#define SG_PAGES_TOKEN "{PAGES}"

typedef struct sg_doc sg_doc;

/* Opens the PDF surface on path (written by sg_doc_finish). Page size in
 * points. Returns NULL with err set on failure. */
sg_doc *sg_doc_new(const char *path, double width, double height, cl_err *err);
void sg_doc_free(sg_doc *d);
/* PDF Info entries; create_date as "YYYY-MM-DDThh:mm:ss". */
void sg_doc_meta(sg_doc *d, const char *title, const char *author, const char *creator,
                 const char *create_date);

/* Starts a page drawn with the given policy; returns its 1-based number. */
int sg_doc_new_page(sg_doc *d, sg_order order);
int sg_doc_page(const sg_doc *d);
double sg_doc_width(const sg_doc *d);
double sg_doc_height(const sg_doc *d);

/* Text: anchor x is the left edge, right edge or centre per align. */
void sg_text(sg_doc *d, const sg_font *f, double x, double y, sg_align a, const char *text);
/* Grey level (0 black .. 1 white) or colour for what is added next. */
void sg_color(sg_doc *d, double r, double g, double b);
void sg_rule(sg_doc *d, double x0, double y0, double x1, double y1, double width);
void sg_box(sg_doc *d, double x, double y, double w, double h, double width);
void sg_fill(sg_doc *d, double x, double y, double w, double h);

/* Advance width of text in font f. */
double sg_text_width(sg_doc *d, const sg_font *f, const char *text);
/* Split text at spaces into lines no wider than width. Returns the number
 * of lines (at most max_lines; the last one takes the rest) and stores
 * pointers to NUL-terminated copies in lines[] (owned by d, valid until
 * sg_doc_free). */
int sg_wrap(sg_doc *d, const sg_font *f, const char *text, double width, char **lines,
            int max_lines);

/* 1-based index of baseline y among the distinct text baselines of page
 * (1-based), top first; 0 when no text sits on y. */
int sg_doc_line_of(const sg_doc *d, int page, double y);

/* True when two neighbouring distinct baselines of page are closer than
 * min_gap or half the smaller of their largest font sizes (a layout bug:
 * a text extractor could merge them into one line); sets *a and *b. */
bool sg_doc_close_baselines(const sg_doc *d, int page, double min_gap, double *a, double *b);

/* Emits all pages and closes the file. Returns 0 or -1 with err set. */
int sg_doc_finish(sg_doc *d, cl_err *err);

#endif
