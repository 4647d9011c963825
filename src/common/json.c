/* json.c - JSON string literals; see json.h. */
#include "common/json.h"

/* The code point of the UTF-8 sequence at p and its length, or 0 when
 * the bytes there are not a valid, shortest-form sequence. */
static int utf8_decode(const unsigned char *p, unsigned *cp)
{
    int n = p[0] < 0x80 ? 1 : (p[0] & 0xE0) == 0xC0 ? 2 : (p[0] & 0xF0) == 0xE0 ? 3 : (p[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0)
        return 0;
    unsigned c = n == 1 ? p[0] : p[0] & (0x7F >> n);
    for (int k = 1; k < n; k++) {
        if ((p[k] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (p[k] & 0x3F);
    }
    static const unsigned min[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < min[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return n;
}

void cl_json_string(sbuf *b, const char *s, bool ascii)
{
    sbuf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        /* Plain ASCII goes in runs. */
        const unsigned char *q = p;
        while (*q >= 0x20 && *q < 0x80 && *q != '"' && *q != '\\')
            q++;
        if (q > p) {
            sbuf_append(b, (const char *)p, (size_t)(q - p));
            p = q;
            continue;
        }
        unsigned c;
        int n = utf8_decode(p, &c);
        if (n == 0) {
            sbuf_putc(b, '?');
            p++;
            continue;
        }
        if (c == '"' || c == '\\') {
            sbuf_putc(b, '\\');
            sbuf_putc(b, (char)c);
        } else if (c == '\n') {
            sbuf_puts(b, "\\n");
        } else if (c == '\t') {
            sbuf_puts(b, "\\t");
        } else if (c < 0x20) {
            sbuf_printf(b, "\\u%04X", c);
        } else if (c >= 0x80 && ascii) {
            if (c >= 0x10000)
                sbuf_printf(b, "\\u%04X\\u%04X", 0xD800 + ((c - 0x10000) >> 10), 0xDC00 + ((c - 0x10000) & 0x3FF));
            else
                sbuf_printf(b, "\\u%04X", c);
        } else {
            sbuf_append(b, (const char *)p, (size_t)n);
        }
        p += n;
    }
    sbuf_putc(b, '"');
}
