/* pdfgen.h - test PDFs drawn with cairo from a small text description, so
 * the suite makes its PDFs instead of committing opaque binaries.
 *
 * Description: one command per line, '#' starts a comment line.
 *   page [W H]               start a page (default 612 792, US letter)
 *   font FAMILY SIZE [bold]  sans, serif, mono (Liberation) or a fontconfig name
 *                            (spaces written as '_', e.g. DejaVu_Sans)
 *   text X Y TEXT...         TEXT (rest of line, verbatim) with its left end at
 *                            X and its baseline at Y, points from the top-left
 *   right X Y TEXT...        the same with the right end at X
 *   frame DEG                draw what follows on the page turned DEG degrees
 *                            (90 or 270: a landscape page drawn on a portrait one)
 *   rect X Y W H             a filled grey rectangle
 *   image X Y W H            a raster image (a scan has only images)
 *   meta KEY VALUE...        title, author, subject, keywords or creator
 * Draw order is line order, so a description can draw a page out of
 * reading order. */
#ifndef CL_TESTS_PDFGEN_H
#define CL_TESTS_PDFGEN_H

#include <stddef.h>

/* Render desc to a PDF at out_path. Returns 0, or -1 with a message. */
int pdfgen_render(const char *desc, const char *out_path, char *errbuf, size_t errsz);

/* The description of a synthetic credit-card statement of `pages` pages
 * (header, summary, then transaction rows with right-aligned amounts;
 * amounts are drawn before descriptions on odd rows). Caller frees. */
char *pdfgen_statement_desc(unsigned seed, int pages);

/* Width in points of TEXT in FAMILY at SIZE (as `font` and `text` would
 * draw it), for tests that check word boxes. */
double pdfgen_text_width(const char *family, double size, int bold, const char *text);

/* Release cairo's and fontconfig's caches (leak checkers see them). */
void pdfgen_cleanup(void);

#endif
