/* json.c - JSON string literals; see json.h. */
#include "common/json.h"
#include "common/util.h"

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
        int n = util_utf8_decode((const char *)p, &c);
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
