/* output.c - aligned tables (UTF-8 aware widths), RFC 4180 CSV and JSON arrays from one row set. */
#include "output.h"

#include "common/json.h"
#include "common/sbuf.h"
#include "common/util.h"

#include <stdlib.h>
#include <string.h>

bool out_format_parse(const char *s, unsigned allowed, out_format *out)
{
    static const char *const names[] = {"table", "csv", "json"};
    for (int i = 0; i < 3; i++)
        if ((allowed & (1u << i)) && strcmp(s, names[i]) == 0) {
            *out = (out_format)i;
            return true;
        }
    return false;
}

void out_init(out_table *t, const out_col *cols, int ncols)
{
    memset(t, 0, sizeof *t);
    t->cols = cols;
    t->ncols = ncols;
    t->footer = -1;
}

void out_row(out_table *t, const char *const *vals)
{
    if (t->nrows == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 64;
        t->cells = xrealloc(t->cells, (size_t)t->cap * (size_t)t->ncols * sizeof *t->cells);
    }
    for (int c = 0; c < t->ncols; c++)
        t->cells[t->nrows * t->ncols + c] = vals[c] ? xstrdup(vals[c]) : NULL;
    t->nrows++;
}

void out_begin_footer(out_table *t) { t->footer = t->nrows; }

void out_free(out_table *t)
{
    for (int i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    memset(t, 0, sizeof *t);
}

char *out_money_grouped(cl_money v, char out[40])
{
    char plain[32];
    cl_money_format(v, plain);
    const char *digits = plain[0] == '-' ? plain + 1 : plain;
    size_t whole = strcspn(digits, ".");
    char *o = out;
    if (plain[0] == '-')
        *o++ = '-';
    for (size_t i = 0; i < whole; i++) {
        if (i > 0 && (whole - i) % 3 == 0)
            *o++ = ',';
        *o++ = digits[i];
    }
    strcpy(o, digits + whole);
    return out;
}

/* Display width: code points, not bytes. */
static int width(const char *s)
{
    int w = 0;
    for (; s && *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

/* The first n code points of s (bytes). */
static size_t prefix_bytes(const char *s, int n)
{
    size_t i = 0;
    for (int w = 0; s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80 && w++ == n)
            break;
    }
    return i;
}

static const char *cell(const out_table *t, int r, int c) { return t->cells[r * t->ncols + c]; }

/* The table text of a cell: grouped amounts, cut long text. */
static void table_text(const out_col *col, const char *v, sbuf *b)
{
    sbuf_truncate(b, 0);
    if (!v)
        return;
    cl_money m;
    if (col->type == OUT_AMOUNT && cl_money_parse(v, &m)) {
        char g[40];
        sbuf_puts(b, out_money_grouped(m, g));
    } else if (col->max_width > 3 && width(v) > col->max_width) {
        sbuf_append(b, v, prefix_bytes(v, col->max_width - 3));
        sbuf_puts(b, "...");
    } else {
        sbuf_puts(b, v);
    }
}

static void dashes(FILE *fp, int n)
{
    for (int i = 0; i < n; i++)
        fputc('-', fp);
}

static void print_table(const out_table *t, FILE *fp)
{
    int *w = xcalloc((size_t)t->ncols, sizeof *w);
    sbuf b = {0};
    for (int c = 0; c < t->ncols; c++) {
        if (t->cols[c].data_only)
            continue;
        w[c] = width(t->cols[c].name);
        for (int r = 0; r < t->nrows; r++) {
            table_text(&t->cols[c], cell(t, r, c), &b);
            if (width(sbuf_str(&b)) > w[c])
                w[c] = width(sbuf_str(&b));
        }
    }
    int total = 0;
    for (int r = -1; r < t->nrows; r++) {
        if (r == t->footer && r >= 0) {
            dashes(fp, total);
            fputc('\n', fp);
        }
        sbuf line = {0};
        bool first = true;
        for (int c = 0; c < t->ncols; c++) {
            if (t->cols[c].data_only)
                continue;
            const char *text;
            if (r < 0) {
                text = t->cols[c].name;
            } else {
                table_text(&t->cols[c], cell(t, r, c), &b);
                text = sbuf_str(&b);
            }
            int pad = w[c] - width(text);
            if (!first)
                sbuf_puts(&line, "  ");
            bool right = t->cols[c].type != OUT_STR;
            if (right)
                sbuf_printf(&line, "%*s", pad, "");
            sbuf_puts(&line, text);
            if (!right)
                sbuf_printf(&line, "%*s", pad, "");
            first = false;
        }
        /* no trailing blanks */
        while (line.len && line.p[line.len - 1] == ' ')
            sbuf_truncate(&line, line.len - 1);
        fprintf(fp, "%s\n", sbuf_str(&line));
        if (r < 0) {
            total = width(sbuf_str(&line));
            for (int c = 0, first2 = 1; c < t->ncols; c++) {
                if (t->cols[c].data_only)
                    continue;
                fputs(first2 ? "" : "  ", fp);
                dashes(fp, w[c]);
                first2 = 0;
            }
            fprintf(fp, "\n");
        }
        sbuf_free(&line);
    }
    sbuf_free(&b);
    free(w);
}

static void csv_field(sbuf *b, const char *v)
{
    if (!v)
        return;
    if (strpbrk(v, ",\"\r\n") || (*v == ' ' || (*v && v[strlen(v) - 1] == ' '))) {
        sbuf_putc(b, '"');
        for (const char *p = v; *p; p++) {
            if (*p == '"')
                sbuf_putc(b, '"');
            sbuf_putc(b, *p);
        }
        sbuf_putc(b, '"');
    } else {
        sbuf_puts(b, v);
    }
}

static void print_csv(const out_table *t, FILE *fp)
{
    sbuf b = {0};
    int rows = t->footer >= 0 ? t->footer : t->nrows;
    for (int r = -1; r < rows; r++) {
        sbuf_truncate(&b, 0);
        bool first = true;
        for (int c = 0; c < t->ncols; c++) {
            if (t->cols[c].table_only)
                continue;
            if (!first)
                sbuf_putc(&b, ',');
            csv_field(&b, r < 0 ? t->cols[c].name : cell(t, r, c));
            first = false;
        }
        fprintf(fp, "%s\r\n", sbuf_str(&b));
    }
    sbuf_free(&b);
}

static void print_json(const out_table *t, FILE *fp)
{
    sbuf b = {0};
    int rows = t->footer >= 0 ? t->footer : t->nrows;
    sbuf_putc(&b, '[');
    for (int r = 0; r < rows; r++) {
        sbuf_puts(&b, r ? ",\n{" : "\n{");
        bool first = true;
        for (int c = 0; c < t->ncols; c++) {
            if (t->cols[c].table_only)
                continue;
            if (!first)
                sbuf_putc(&b, ',');
            cl_json_string(&b, t->cols[c].name, false);
            sbuf_putc(&b, ':');
            const char *v = cell(t, r, c);
            if (!v)
                sbuf_puts(&b, "null");
            else if (t->cols[c].type == OUT_NUM)
                sbuf_puts(&b, v);
            else
                cl_json_string(&b, v, false);
            first = false;
        }
        sbuf_putc(&b, '}');
    }
    sbuf_puts(&b, rows ? "\n]\n" : "]\n");
    fputs(sbuf_str(&b), fp);
    sbuf_free(&b);
}

void out_print(const out_table *t, out_format f, FILE *fp)
{
    switch (f) {
    case OUT_TABLE: print_table(t, fp); break;
    case OUT_CSV: print_csv(t, fp); break;
    case OUT_JSON: print_json(t, fp); break;
    }
}
