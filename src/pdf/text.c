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

void pdf_fold_utf8(char *s)
{
    char *out = s;
    for (const char *p = s; *p;) {
        unsigned c;
        int f, n = util_utf8_decode(p, &c);
        if (n > 1 && (f = pdf_fold_char((int)c)) != (int)c) {
            *out++ = (char)f;   /* ASCII: the text only shrinks */
            p += n;
        } else {
            *out++ = *p++;
        }
    }
    *out = '\0';
}
