/* items.h - page blocks as data: a layout lists its texts, label/value
 * pairs, rules, boxes, shaded areas and paragraphs with their positions,
 * and sg_items() draws the list. Texts are templates filled from the
 * statement, so a block that prints "Account ending in 1234" or "$412.30"
 * is still a constant table.
 *
 * The list order is the drawing order: pages drawn in their natural order
 * (draw.h) keep it, so a layout moved onto a table must list its items in
 * the order it used to draw them.
 *
 * Template tokens (sg_expand):
 *   {NAME} {ADDR1} {ADDR2} {ADDR3}  holder and address lines
 *   {LAST4}                         last 4 digits of the card
 *   {CARD} / {CARD:6-11}            full number grouped by spaces / with
 *                                   digits 6..11 (0-based) as X
 *   {CARD_DASH} / {CARD_DASH:6-11}  the same grouped by dashes
 *   {PAGE}                          number of the current page ({PAGES},
 *                                   the page count, is left to draw.c)
 *   {DAYS} {YEAR}                   days in the cycle, statement year
 *   {STMT:pat} {DUE:pat} {START:pat} {END:pat}
 *                                   statement, due, period start and end
 *                                   dates in a fmt.h pattern: {DUE:MM/DD/YY}
 *   {PREV} {NEW} {MIN} {LIMIT} {AVAIL} {PAYMENTS} {REFUNDS} {CREDITS}
 *   {PURCHASES} {FEES} {INTEREST} {DEBITS} {CHARGES}
 *                                   amounts (magnitudes; AVAIL = limit -
 *                                   new balance, CREDITS = payments +
 *                                   refunds, DEBITS = purchases + fees +
 *                                   interest, CHARGES = fees + interest)
 *                                   as "1,234.56"; with :whole "1,234";
 *                                   with :-P (P a prefix, say $) signed as
 *                                   a credit, "-$1,234.56"; with :+P as a
 *                                   charge, "+$1,234.56" (both "$0.00"
 *                                   for zero)
 * A layout adds its own tokens through sg_layout.token. An unknown name
 * is a bug (assert); braces that do not form a token print as they stand. */
#ifndef SG_ITEMS_H
#define SG_ITEMS_H

#include "layout.h"

typedef enum sg_op {
    SG_OP_END,      /* ends a list */
    SG_OP_TEXT,
    SG_OP_PAIR,     /* label left at x, value right-aligned at x1 */
    SG_OP_RULE,     /* line from (x, y) to (x1, y1), w wide */
    SG_OP_BOX,      /* outline at (x, y), x1 by y1, line w wide */
    SG_OP_FILL,     /* grey (level w) area at (x, y), x1 by y1 */
    SG_OP_PARA,     /* text wrapped to width x1, lines y1 apart */
    SG_OP_PARA_NEXT,/* the same, y (a gap) below where the list's last
                       paragraph ended */
    SG_OP_LINES,    /* lines of text (split at \n) y1 apart: an address */
} sg_op;

typedef struct sg_item {
    sg_op op;
    const sg_font *font;
    sg_align align;
    double x, y;
    double x1, y1;
    double w;
    const char *text;           /* text, paragraph, or the pair's label */
    const char *value;          /* the pair's value */
} sg_item;

/* Items for the tables. Ys are page coordinates, or offsets from y0 for
 * lists drawn with sg_items_at(). */
#define SG_AT(f, x_, y_, a, t)                                                                   \
    {.op = SG_OP_TEXT, .font = (f), .x = (x_), .y = (y_), .align = (a), .text = (t)}
#define SG_PAIR(f, xl, xr, y_, label, val)                                                      \
    {.op = SG_OP_PAIR, .font = (f), .x = (xl), .x1 = (xr), .y = (y_), .text = (label),          \
     .value = (val)}
#define SG_RULE(x0, y0, x1_, y1_, width)                                                         \
    {.op = SG_OP_RULE, .x = (x0), .y = (y0), .x1 = (x1_), .y1 = (y1_), .w = (width)}
#define SG_BOX(x_, y_, wd, ht, width)                                                            \
    {.op = SG_OP_BOX, .x = (x_), .y = (y_), .x1 = (wd), .y1 = (ht), .w = (width)}
#define SG_FILL(x_, y_, wd, ht, grey)                                                            \
    {.op = SG_OP_FILL, .x = (x_), .y = (y_), .x1 = (wd), .y1 = (ht), .w = (grey)}
#define SG_PARA(f, x_, y_, width, lh, t)                                                         \
    {.op = SG_OP_PARA, .font = (f), .x = (x_), .y = (y_), .x1 = (width), .y1 = (lh), .text = (t)}
#define SG_PARA_NEXT(f, x_, gap, width, lh, t)                                                   \
    {.op = SG_OP_PARA_NEXT, .font = (f), .x = (x_), .y = (gap), .x1 = (width), .y1 = (lh),      \
     .text = (t)}
#define SG_LINES(f, x_, y_, a, lh, t)                                                            \
    {.op = SG_OP_LINES, .font = (f), .x = (x_), .y = (y_), .align = (a), .y1 = (lh), .text = (t)}
#define SG_ITEMS_END {.op = SG_OP_END}

/* The holder's name and the first two address lines (SG_LINES text). */
#define SG_HOLDER_LINES "{NAME}\n{ADDR1}\n{ADDR2}"

/* Draws items up to SG_OP_END with every y measured from y0 (0: page
 * coordinates; r->y: a block that follows the flow). Returns the baseline
 * after the last paragraph drawn (y0 when none), where text may follow. */
double sg_items_at(sg_render *r, const sg_item *items, double y0);
/* The same in page coordinates. */
double sg_items(sg_render *r, const sg_item *items);

/* The later pages of a layout whose transactions run as one list: each
 * repeats the frame and the list's column headings. A layout puts one in
 * sg_layout.spec and sets r->next_page = sg_list_next_page. */
typedef struct sg_list_spec {
    const sg_item *frame;       /* header, footer and page number of later pages */
    const sg_item *heads;       /* column headings, y from where they start */
    double heads_h;             /* the rows start that far below them */
    double top;                 /* where the headings start on later pages */
    double bottom;              /* the last baseline rows may use */
    bool heads_in_section;      /* later pages repeat them only inside r->section */
} sg_list_spec;

/* The column headings at y; the rows follow below them. */
void sg_list_heads(sg_render *r, double y);
/* Starts a later page of the list. */
void sg_list_next_page(sg_render *r);

/* Fills the tokens of text (see above). Returns text itself when it has
 * no braces, else a short-lived fmt.h buffer (at most 255 bytes). */
const char *sg_expand(const sg_render *r, const char *text);

#endif
