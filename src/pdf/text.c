/* text.c - the document text model shared by both sources: release and
 * page text. */
#include "pdf.h"
#include "common/sbuf.h"
#include "common/util.h"

#include <stdlib.h>

static void line_free(pdf_line *l)
{
    for (int i = 0; i < l->n_words; i++)
        free(l->words[i].text);
    free(l->words);
    free(l->text);
}

void pdf_text_free(pdf_text *t)
{
    if (!t)
        return;
    for (int p = 0; p < t->n_pages; p++) {
        for (int i = 0; i < t->pages[p].n_lines; i++)
            line_free(&t->pages[p].lines[i]);
        free(t->pages[p].lines);
    }
    free(t->pages);
    free(t->path);
    free(t->producer);
    free(t->creator);
    free(t->title);
    free(t->author);
    free(t);
}

char *pdf_page_text(const pdf_page *p)
{
    sbuf b = {0};
    for (int i = 0; i < p->n_lines; i++) {
        sbuf_puts(&b, p->lines[i].text);
        sbuf_putc(&b, '\n');
    }
    return sbuf_detach(&b);
}

int pdf_fold_char(int c)
{
    switch (c) {
    case 0x2010: case 0x2011: case 0x2212: case 0xFE63: case 0xFF0D:
        return '-';
    case 0x2018: case 0x2019: case 0x201B: case 0x2032:
        return '\'';
    case 0x201C: case 0x201D: case 0x201F: case 0x2033:
        return '"';
    default:
        return c;
    }
}

/* Every code point to fold is three bytes of UTF-8 (U+0800..U+FFFF). */
void pdf_fold_utf8(char *s)
{
    char *out = s;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        if ((p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
            int c = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
            int f = pdf_fold_char(c);
            if (f != c) {
                *out++ = (char)f;
                p += 3;
                continue;
            }
        }
        *out++ = (char)*p++;
    }
    *out = '\0';
}
