/* layout.h - positioned words to layout lines: the pure half of PDF
 * extraction, with no MuPDF in it so it can be tested on its own.
 *
 * Input: the words of one page, in any order (content-stream order is
 * never trusted). Output: pdf_page lines, top to bottom, each the words
 * sharing a baseline ordered by x, joined so that
 *   - words of one phrase (gap under LAYOUT_COL_GAP x font size) are
 *     separated by exactly one space;
 *   - phrases ("fragments") are placed at the character column of their
 *     x position (page median character width as the scale), and always
 *     at least two spaces after the previous one: "2+ spaces" means a
 *     column break, as in `pdftotext -layout`;
 *   - amount-like fragments (digits and punctuation, optional CR/DR) are
 *     placed by their right edge so right-aligned columns line up;
 *   - pieces closer than LAYOUT_WORD_GAP x size (a word drawn in several
 *     pieces) are merged into one word, unless a space glyph split them;
 *   - a word drawn twice at the same place (fake bold) is kept once;
 *   - large vertical gaps give up to two empty lines. */
#ifndef CL_PDF_LAYOUT_H
#define CL_PDF_LAYOUT_H

#include "pdf.h"

#include <stdbool.h>

/* Tuning, in multiples of the font size. */
#define LAYOUT_LINE_TOL 0.35f  /* baselines this close share a line */
#define LAYOUT_WORD_GAP 0.15f  /* a wider gap separates two words */
#define LAYOUT_COL_GAP 0.7f    /* a wider gap separates two columns */

typedef struct pdf_raw_word {
    const char *text;       /* UTF-8, borrowed; not NUL-terminated */
    int len;                /* bytes */
    int nchars;             /* characters */
    float x0, y0, x1, y1;   /* box, y grows downwards */
    float base;             /* baseline y */
    float size;             /* font size */
    bool space_before;      /* a space glyph preceded it in the stream */
    bool space_after;       /* a space glyph followed it */
} pdf_raw_word;

/* Build the lines of *page (which must have no lines yet) from n words.
 * Allocates page->lines and their text and words; freed by
 * pdf_text_free(). Never fails (allocation failure aborts). */
void pdf_layout_page(const pdf_raw_word *words, int n, pdf_page *page);

/* True when s[0..len) looks like an amount or a number: it has a digit,
 * and only digits, punctuation, currency signs and a final CR/DR. */
bool pdf_layout_amount_like(const char *s, int len);

#endif
