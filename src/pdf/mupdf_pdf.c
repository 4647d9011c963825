/* mupdf_pdf.c - the only file that includes MuPDF's PDF-specific header
 * (see mupdf_glue.h). */
#include "mupdf_glue.h"

#include <mupdf/pdf.h>

fz_document *pdf_mupdf_open(fz_context *ctx, fz_stream *stm)
{
    pdf_document *doc = pdf_open_document_with_stream(ctx, stm);
    return &doc->super;
}

int pdf_mupdf_was_repaired(fz_context *ctx, fz_document *doc)
{
    pdf_document *pdoc = pdf_specifics(ctx, doc);
    return pdoc ? pdf_was_repaired(ctx, pdoc) : 0;
}
