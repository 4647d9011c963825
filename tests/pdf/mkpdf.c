/* mkpdf.c - make a test PDF from a description (see pdfgen.h).
 *
 *   mkpdf DESC_FILE|- OUT.pdf            render a description
 *   mkpdf --statement SEED PAGES OUT.pdf a synthetic statement
 *   mkpdf --statement-desc SEED PAGES    print that statement's description */
#include "pdfgen.h"
#include "common/sbuf.h"
#include "common/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_stream(FILE *f)
{
    sbuf b = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sbuf_append(&b, buf, n);
    return sbuf_detach(&b);
}

int main(int argc, char **argv)
{
    char err[512];
    char *desc = NULL;
    const char *out = NULL;
    if (argc == 5 && strcmp(argv[1], "--statement") == 0) {
        desc = pdfgen_statement_desc((unsigned)atoi(argv[2]), atoi(argv[3]));
        out = argv[4];
    } else if (argc == 4 && strcmp(argv[1], "--statement-desc") == 0) {
        desc = pdfgen_statement_desc((unsigned)atoi(argv[2]), atoi(argv[3]));
        fputs(desc, stdout);
        free(desc);
        return 0;
    } else if (argc == 3) {
        FILE *f = strcmp(argv[1], "-") == 0 ? stdin : fopen(argv[1], "r");
        if (!f) {
            perror(argv[1]);
            return 1;
        }
        desc = read_stream(f);
        if (f != stdin)
            fclose(f);
        out = argv[2];
    } else {
        fprintf(stderr, "usage: mkpdf DESC_FILE|- OUT.pdf\n"
                        "       mkpdf --statement SEED PAGES OUT.pdf\n"
                        "       mkpdf --statement-desc SEED PAGES\n");
        return 2;
    }
    int rc = pdfgen_render(desc, out, err, sizeof err);
    free(desc);
    pdfgen_cleanup();
    if (rc) {
        fprintf(stderr, "mkpdf: %s\n", err);
        return 1;
    }
    return 0;
}
