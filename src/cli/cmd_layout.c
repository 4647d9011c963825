/* cmd_layout.c - `cardledger layout`: print the layout text of PDFs, the
 * text bank profiles match, so a user can see why a statement parses (or
 * not). Also the extraction benchmark's in-process loop (--quiet --timing). */
#include "cli.h"
#include "common/err.h"
#include "common/log.h"
#include "common/util.h"
#include "pdf/pdf.h"

#include <stdio.h>
#include <string.h>

static const cli_opt opts[] = {
    {"password-file", 0, "FILE", "passwords to try on encrypted PDFs, one per line (mode 600)"},
    {"words", 0, NULL, "print the words with their positions (tab-separated) instead of the text"},
    {"metadata", 0, NULL, "print the PDF metadata (producer, creator, title, author) before the text"},
    {"quiet", 'q', NULL, "extract but print nothing (errors still go to stderr)"},
    {"timing", 0, NULL, "print files, pages and milliseconds per page on stderr at the end"},
    {"memory-limit", 0, "MB", "fail a PDF that needs more memory than this (default: no limit)"},
    CLI_OPT_END,
};

static void print_text(const pdf_text *t, FILE *out)
{
    for (int p = 0; p < t->n_pages; p++) {
        if (p > 0)
            fputc('\f', out);
        const pdf_page *pg = &t->pages[p];
        for (int i = 0; i < pg->n_lines; i++) {
            fputs(pg->lines[i].text, out);
            fputc('\n', out);
        }
    }
}

static void print_words(const pdf_text *t, FILE *out)
{
    fputs("page\tline\tcol\tx0\ty0\tx1\ty1\tsize\ttext\n", out);
    for (int p = 0; p < t->n_pages; p++)
        for (int i = 0; i < t->pages[p].n_lines; i++) {
            const pdf_line *l = &t->pages[p].lines[i];
            for (int k = 0; k < l->n_words; k++) {
                const pdf_word *w = &l->words[k];
                fprintf(out, "%d\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%s\n", p + 1, i + 1, w->col,
                        (double)w->x0, (double)w->y0, (double)w->x1, (double)w->y1, (double)w->size,
                        w->text);
            }
        }
}

static void print_metadata(const pdf_text *t, FILE *out)
{
    fprintf(out, "producer: %s\ncreator: %s\ntitle: %s\nauthor: %s\npages: %d\n\n",
            t->producer ? t->producer : "", t->creator ? t->creator : "", t->title ? t->title : "",
            t->author ? t->author : "", t->n_pages);
}

static int run(const cli_command *cmd, const cli_args *a)
{
    if (a->npos == 0)
        return cli_usage_error(cmd, "give at least one PDF file");
    long mb;
    if (!cli_get_int(cmd, a, "memory-limit", 0, 0, 1 << 20, &mb))
        return CL_EXIT_USAGE;
    bool quiet = cli_flag(cmd, a, "quiet"), words = cli_flag(cmd, a, "words");
    bool metadata = cli_flag(cmd, a, "metadata"), timing = cli_flag(cmd, a, "timing");

    cl_err err = {0};
    pdf_passwords pw;
    if (pdf_passwords_from_option(cli_get(cmd, a, "password-file"), &pw, &err) != 0) {
        fprintf(stderr, "cardledger layout: %s\n", err.msg);
        return cl_err_exit_code(&err);
    }
    pdf_set_memory_limit((size_t)mb << 20);
    static char obuf[1 << 16];
    setvbuf(stdout, obuf, _IOFBF, sizeof obuf);

    int failed = 0;
    long pages = 0;
    double start = util_now_ms();
    for (int i = 0; i < a->npos; i++) {
        const char *path = a->pos[i];
        pdf_text *t;
        if (pdf_text_load(path, &pw, &t, &err) != 0) {
            fflush(stdout);
            fprintf(stderr, "cardledger layout: %s\n", err.msg);
            failed++;
            continue;
        }
        if (t->repaired)
            log_warn("pdf_repaired", LOG_S("file", path),
                     LOG_S("detail", "the file was damaged and MuPDF repaired it; check the output"));
        pages += t->n_pages;
        if (!quiet) {
            if (a->npos > 1)
                printf("%s==> %s <==\n", i > 0 ? "\n" : "", path);
            if (metadata)
                print_metadata(t, stdout);
            if (words)
                print_words(t, stdout);
            else
                print_text(t, stdout);
        }
        pdf_text_free(t);
    }
    double ms = util_now_ms() - start;
    fflush(stdout);
    if (timing)
        fprintf(stderr, "layout: %d files, %ld pages, %d failed, %.1f ms, %.3f ms/page, %.3f ms/file\n",
                a->npos, pages, failed, ms, pages ? ms / (double)pages : 0.0,
                a->npos ? ms / a->npos : 0.0);
    pdf_passwords_free(&pw);
    pdf_release_thread();
    return failed ? CL_EXIT_FAILED : CL_EXIT_OK;
}

const cli_command cli_cmd_layout = {
    .name = "layout",
    .summary = "print the layout text of PDF statements (what bank profiles match)",
    .usage = "layout [options] FILE.pdf...",
    .description =
        "Reads each PDF with MuPDF and prints its text the way bank profiles see it:\n"
        "words on one baseline form a line, ordered left to right; words of a phrase\n"
        "are separated by one space, and columns by two or more spaces placed so that\n"
        "columns line up (much like `pdftotext -layout`). Pages are separated by a\n"
        "form feed (\\f). With several files, each starts with a line \"==> FILE <==\".\n"
        "\n"
        "Encrypted PDFs are opened with the passwords of --password-file, else of the\n"
        "file named by $CARDLEDGER_PDF_PASSWORDS_FILE (one password per line; the file\n"
        "must not be readable by group or others: such a file is refused with a warning).\n"
        "A file that cannot be read prints one\n"
        "line naming it and the reason (empty file, not a PDF, corrupt PDF, needs a\n"
        "password, wrong password, scanned statement: no text layer) and the others are\n"
        "still printed; the exit code is then 1. A damaged PDF that MuPDF repairs is\n"
        "printed with a warning (event pdf_repaired) on stderr.\n"
        "\n"
        "--words prints one tab-separated row per word: page, line (1-based, as in the\n"
        "text), col (0-based character column in the line), the box x0 y0 x1 y1 in PDF\n"
        "points from the page's top-left corner, font size, text.\n"
        "\n"
        "examples:\n"
        "  cardledger layout statement.pdf | less\n"
        "  cardledger layout --password-file ~/.cardledger-passwords locked.pdf\n"
        "  cardledger layout --words statement.pdf | awk -F'\\t' '$9 ~ /^[0-9,.]+$/'\n"
        "  cardledger layout --quiet --timing statements/*.pdf     # extraction speed\n",
    .opts = opts,
    .run = run,
};
