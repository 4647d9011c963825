/* mupdf_glue.h - the MuPDF calls that need its PDF-specific header, which
 * cannot share a translation unit with our pdf.h (both define pdf_page).
 * Included only by files of src/pdf. */
#ifndef CL_PDF_MUPDF_GLUE_H
#define CL_PDF_MUPDF_GLUE_H

#include <mupdf/fitz.h>

/* Open a PDF document from a stream (no handler lookup by file name).
 * Throws like any MuPDF call. */
fz_document *pdf_mupdf_open(fz_context *ctx, fz_stream *stm);

/* True when MuPDF had to repair the cross-reference table. */
int pdf_mupdf_was_repaired(fz_context *ctx, fz_document *doc);

#endif
