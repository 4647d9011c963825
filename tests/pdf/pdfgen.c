/* pdfgen.c - test PDFs drawn with cairo from a text description (see
 * pdfgen.h), and a synthetic multi-page statement for benchmarks. */
#include "pdfgen.h"
#include "common/sbuf.h"
#include "common/util.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct gen {
    cairo_surface_t *surface;
    cairo_t *cr;
    int pages;
    int drawn;          /* something was drawn on the current page */
    double frame;       /* degrees */
    double w, h;
} gen;

static const char *family_name(const char *f)
{
    if (strcmp(f, "sans") == 0)
        return "Liberation Sans";
    if (strcmp(f, "serif") == 0)
        return "Liberation Serif";
    if (strcmp(f, "mono") == 0)
        return "Liberation Mono";
    return f;
}

static void set_font(cairo_t *cr, const char *family, double size, int bold)
{
    char name[128];
    snprintf(name, sizeof name, "%s", family_name(family));
    for (char *p = name; *p; p++)
        if (*p == '_')
            *p = ' ';
    cairo_select_font_face(cr, name, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

static void apply_frame(gen *g)
{
    cairo_identity_matrix(g->cr);
    if (g->frame == 90) {
        cairo_translate(g->cr, g->w, 0);
        cairo_rotate(g->cr, M_PI / 2);
    } else if (g->frame == 270) {
        cairo_translate(g->cr, 0, g->h);
        cairo_rotate(g->cr, -M_PI / 2);
    }
}

static void new_page(gen *g, double w, double h, const char *path)
{
    if (!g->surface) {
        g->surface = cairo_pdf_surface_create(path, w, h);
        g->cr = cairo_create(g->surface);
        set_font(g->cr, "sans", 10, 0);
    } else if (!g->drawn && g->pages == 1) {
        cairo_pdf_surface_set_size(g->surface, w, h);   /* the implicit first page */
        g->pages = 0;
    } else {
        cairo_show_page(g->cr);
        cairo_pdf_surface_set_size(g->surface, w, h);
    }
    g->drawn = 0;
    g->w = w;
    g->h = h;
    g->frame = 0;
    apply_frame(g);
    g->pages++;
}

static void draw_image(cairo_t *cr, double x, double y, double w, double h)
{
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 64, 64);
    unsigned char *data = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img);
    cairo_surface_flush(img);
    for (int r = 0; r < 64; r++)
        for (int c = 0; c < 64; c++) {
            unsigned char v = (unsigned char)(((r / 4 + c / 3) % 2) ? 40 : 220);
            unsigned char *px = data + r * stride + c * 4;
            px[0] = px[1] = px[2] = v;
            px[3] = 255;
        }
    cairo_surface_mark_dirty(img);
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, w / 64.0, h / 64.0);
    cairo_set_source_surface(cr, img, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_surface_destroy(img);
}

static int set_meta(gen *g, const char *key, const char *value)
{
    static const struct {
        const char *key;
        cairo_pdf_metadata_t m;
    } keys[] = {{"title", CAIRO_PDF_METADATA_TITLE}, {"author", CAIRO_PDF_METADATA_AUTHOR},
                {"subject", CAIRO_PDF_METADATA_SUBJECT}, {"keywords", CAIRO_PDF_METADATA_KEYWORDS},
                {"creator", CAIRO_PDF_METADATA_CREATOR}};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcmp(keys[i].key, key) == 0) {
            cairo_pdf_surface_set_metadata(g->surface, keys[i].m, value);
            return 0;
        }
    return -1;
}

/* One description line; returns 0 or -1 for a bad line. */
static int do_line(gen *g, char *line, const char *path)
{
    char cmd[16];
    int n = 0;
    if (sscanf(line, "%15s %n", cmd, &n) != 1 || cmd[0] == '#')
        return 0;
    char *rest = line + n;
    double x, y, w, h, size;
    int m = 0;
    if (strcmp(cmd, "page") == 0) {
        if (sscanf(rest, "%lf %lf", &w, &h) != 2)
            w = 612, h = 792;
        new_page(g, w, h, path);
        return 0;
    }
    if (!g->surface)
        new_page(g, 612, 792, path);
    cairo_t *cr = g->cr;
    g->drawn |= strcmp(cmd, "text") == 0 || strcmp(cmd, "right") == 0 || strcmp(cmd, "rect") == 0 ||
                strcmp(cmd, "image") == 0;
    if (strcmp(cmd, "font") == 0) {
        char fam[100], bold[16] = "";
        if (sscanf(rest, "%99s %lf %15s", fam, &size, bold) < 2)
            return -1;
        set_font(cr, fam, size, strcmp(bold, "bold") == 0);
    } else if (strcmp(cmd, "text") == 0 || strcmp(cmd, "right") == 0) {
        if (sscanf(rest, "%lf %lf %n", &x, &y, &m) != 2)
            return -1;
        const char *s = rest + m;
        if (cmd[0] == 'r') {
            cairo_text_extents_t e;
            cairo_text_extents(cr, s, &e);
            x -= e.x_advance;
        }
        cairo_move_to(cr, x, y);
        cairo_show_text(cr, s);
    } else if (strcmp(cmd, "frame") == 0) {
        g->frame = atof(rest);
        apply_frame(g);
    } else if (strcmp(cmd, "rect") == 0 || strcmp(cmd, "image") == 0) {
        if (sscanf(rest, "%lf %lf %lf %lf", &x, &y, &w, &h) != 4)
            return -1;
        if (cmd[0] == 'i') {
            draw_image(cr, x, y, w, h);
        } else {
            cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
            cairo_rectangle(cr, x, y, w, h);
            cairo_fill(cr);
            cairo_set_source_rgb(cr, 0, 0, 0);
        }
    } else if (strcmp(cmd, "meta") == 0) {
        char key[32];
        if (sscanf(rest, "%31s %n", key, &m) != 1 || set_meta(g, key, rest + m) != 0)
            return -1;
    } else {
        return -1;
    }
    return 0;
}

int pdfgen_render(const char *desc, const char *out_path, char *errbuf, size_t errsz)
{
    gen g = {0};
    char *copy = xstrdup(desc), *rest = copy;
    int lineno = 0, rc = 0;
    while (rest && rc == 0) {
        char *line = strsep(&rest, "\n");
        lineno++;
        if (do_line(&g, line, out_path) != 0) {
            snprintf(errbuf, errsz, "line %d: cannot understand '%s'", lineno, line);
            rc = -1;
        }
    }
    free(copy);
    if (!g.surface)
        new_page(&g, 612, 792, out_path);
    cairo_destroy(g.cr);
    cairo_surface_finish(g.surface);
    if (rc == 0 && cairo_surface_status(g.surface) != CAIRO_STATUS_SUCCESS) {
        snprintf(errbuf, errsz, "%s: %s", out_path, cairo_status_to_string(cairo_surface_status(g.surface)));
        rc = -1;
    }
    cairo_surface_destroy(g.surface);
    return rc;
}

double pdfgen_text_width(const char *family, double size, int bold, const char *text)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_A8, 8, 8);
    cairo_t *cr = cairo_create(s);
    set_font(cr, family, size, bold);
    /* unhinted metrics, as on the PDF surface */
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_set_font_options(cr, fo);
    cairo_font_options_destroy(fo);
    cairo_text_extents_t e;
    cairo_text_extents(cr, text, &e);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    return e.x_advance;
}

/* ---- a synthetic statement ------------------------------------------------ */

static const char *const merchants[] = {
    "BLUE BOTTLE COFFEE PORTLAND OR", "AMAZON.COM*2K4L19 AMZN.COM/BILL WA", "WHOLE FOODS MARKET #10234",
    "SHELL OIL 57442113 SEATTLE WA", "UBER *TRIP HELP.UBER.COM CA", "NETFLIX.COM LOS GATOS CA",
    "TRADER JOE'S #552 QPS", "DELTA AIR LINES ATLANTA", "STARBUCKS STORE 04471", "APPLE.COM/BILL 866-712-7753",
    "COSTCO WHSE #0112", "SPOTIFY USA", "CHEVRON 0093321", "TARGET T-1203 BELLEVUE WA",
    "PAYMENT THANK YOU", "HOME DEPOT #4702", "WALGREENS #9921", "LYFT *RIDE SAT 5PM",
};

static unsigned next_rand(unsigned *s)
{
    *s = *s * 1103515245u + 12345u;
    return (*s >> 8) & 0xFFFFFF;
}

static void money(char *buf, size_t n, long cents)
{
    long a = labs(cents);
    if (a >= 100000)
        snprintf(buf, n, "%s%ld,%03ld.%02ld", cents < 0 ? "-" : "", a / 100000, (a / 100) % 1000, a % 100);
    else
        snprintf(buf, n, "%s%ld.%02ld", cents < 0 ? "-" : "", a / 100, a % 100);
}

char *pdfgen_statement_desc(unsigned seed, int pages)
{
    sbuf b = {0};
    unsigned s = seed * 2654435761u + 1;
    sbuf_printf(&b, "meta title Card statement %u\nmeta creator cardledger pdfgen\n", seed);
    for (int p = 1; p <= pages; p++) {
        sbuf_puts(&b, "page\nfont sans 14 bold\ntext 54 60 EXAMPLE BANK PLATINUM CARD\n");
        sbuf_printf(&b, "font sans 8\nright 558 60 Page %d of %d\n", p, pages);
        sbuf_puts(&b, "text 54 78 Account ending in 4321    Statement closing date 02/04/2024\n");
        double y = 110;
        if (p == 1) {
            static const char *const labels[] = {"Previous Balance", "Payments and Credits", "Purchases",
                                                 "Fees Charged", "Interest Charged", "New Balance"};
            sbuf_puts(&b, "font sans 10 bold\ntext 54 100 Account Summary\nfont sans 9\n");
            for (int i = 0; i < 6; i++) {
                char amt[32];
                money(amt, sizeof amt, (long)(next_rand(&s) % 500000));
                sbuf_printf(&b, "text 54 %.1f %s\nright 300 %.1f $%s\n", 116 + 12.0 * i, labels[i],
                            116 + 12.0 * i, amt);
            }
            y = 200;
        }
        sbuf_printf(&b, "font sans 9 bold\ntext 54 %.1f Date\ntext 110 %.1f Description\n"
                        "right 558 %.1f Amount\nfont sans 9\n", y, y, y);
        y += 16;
        for (; y < 740; y += 12.5) {
            unsigned r = next_rand(&s);
            char amt[32], date[8];
            money(amt, sizeof amt, (long)(r % 90000) + 100 - ((r % 17 == 0) ? 200000 : 0));
            snprintf(date, sizeof date, "%02u/%02u", 1 + r % 2, 1 + (r >> 4) % 28);
            const char *desc = merchants[(r >> 9) % (sizeof merchants / sizeof merchants[0])];
            if ((r >> 3) & 1)   /* amount first: content order is not reading order */
                sbuf_printf(&b, "right 558 %.1f %s\ntext 54 %.1f %s\ntext 110 %.1f %s\n", y, amt, y, date,
                            y, desc);
            else
                sbuf_printf(&b, "text 54 %.1f %s\ntext 110 %.1f %s\nright 558 %.1f %s\n", y, date, y, desc,
                            y, amt);
        }
        sbuf_puts(&b, "font sans 7\ntext 54 770 Questions? Call 1-800-555-0100. Example Bank, N.A.\n");
    }
    return sbuf_detach(&b);
}

void pdfgen_cleanup(void)
{
    cairo_debug_reset_static_data();
    FcFini();
}
