/* fuzz_layout.c - libFuzzer target: layout lines from positioned words
 * (the pure half of PDF extraction), on words with arbitrary boxes, sizes
 * and text. Input: records of 6 floats + flags + text length, then text. */
#include "pdf/layout.h"
#include "pdf/pdf.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* libFuzzer calls these. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_WORDS 4096

typedef struct rec {
    float x0, y0, x1, y1, base, size;
    uint8_t flags, len;
} __attribute__((packed)) rec;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pdf_raw_word *w = calloc(MAX_WORDS, sizeof *w);
    int n = 0;
    size_t off = 0;
    while (n < MAX_WORDS && off + sizeof(rec) <= size) {
        rec r;
        memcpy(&r, data + off, sizeof r);
        off += sizeof r;
        size_t len = r.len;
        if (off + len > size)
            len = size - off;
        pdf_raw_word *p = &w[n++];
        p->text = (const char *)data + off;
        p->len = (int)len;
        int chars = 0;
        for (size_t i = 0; i < len; i++)
            chars += (data[off + i] & 0xC0) != 0x80;
        p->nchars = chars;
        off += len;
        /* MuPDF never gives NaN or infinite boxes; anything finite goes. */
        float f[] = {r.x0, r.y0, r.x1, r.y1, r.base, r.size};
        for (int k = 0; k < 6; k++)
            if (!isfinite(f[k]))
                f[k] = 0;
        p->x0 = f[0], p->y0 = f[1], p->x1 = f[2], p->y1 = f[3], p->base = f[4], p->size = f[5];
        p->space_before = r.flags & 1;
        p->space_after = r.flags & 2;
    }
    pdf_text *t = calloc(1, sizeof *t);
    t->pages = calloc(1, sizeof *t->pages);
    t->n_pages = 1;
    pdf_layout_page(w, n, &t->pages[0]);
    char *text = pdf_page_text(&t->pages[0]);
    free(text);
    pdf_text_free(t);
    free(w);
    return 0;
}
