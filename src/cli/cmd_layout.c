/* cmd_layout.c - `cardledger layout`: print the layout text of PDFs, the
 * text bank profiles match, so a user can see why a statement parses (or
 * not). Also the extraction benchmark's in-process loop (--quiet --timing). */
#include "cli.h"
#include "common/err.h"
#include "common/log.h"
#include "common/util.h"
#include "ingest/walk.h"
#include "pdf/pdf.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const cli_opt opts[] = {
    CLI_OPT_PASSWORD_FILE,
    {"words", 0, NULL, "print the words with their positions (tab-separated) instead of the text"},
    {"metadata", 0, NULL, "print the PDF metadata (producer, creator, title, author) before the text"},
    {"quiet", 'q', NULL, "extract but print nothing (errors still go to stderr)"},
    {"timing", 0, NULL, "print files, pages and milliseconds per page on stderr at the end"},
    CLI_OPTS_CAPS,
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
    ingest_caps caps;
    if (!cli_get_caps(cmd, a, &caps))
        return CL_EXIT_USAGE;
    bool quiet = cli_flag(cmd, a, "quiet"), words = cli_flag(cmd, a, "words");
    bool metadata = cli_flag(cmd, a, "metadata"), timing = cli_flag(cmd, a, "timing");

    cl_err err = {0};
    pdf_passwords pw;
    if (pdf_passwords_from_option(cli_get(cmd, a, "password-file"), &pw, &err) != 0) {
        fprintf(stderr, "cardledger layout: %s\n", err.msg);
        return cl_err_exit_code(&err);
    }
    ingest_caps_apply(&caps);
    static char obuf[1 << 16];
    setvbuf(stdout, obuf, _IOFBF, sizeof obuf);

    int failed = 0, files = 0;
    long pages = 0;
    double start = util_now_ms();
    /* "==> FILE <==" when more than one file may be printed. */
    struct stat st0;
    bool headers = a->npos > 1 || (stat(a->pos[0], &st0) == 0 && S_ISDIR(st0.st_mode));
    ingest_walk *w = ingest_walk_new(a->pos, a->npos);
    const ingest_walk_item *it;
    while ((it = ingest_walk_next(w))) {
        ingest_loaded l;
        files++;
        if (it->error || ingest_input_load(it->path, it->shown, it->kind, &pw, &l, &err) != 0) {
            fflush(stdout);
            fprintf(stderr, "cardledger layout: %s\n", it->error ? it->error : err.msg);
            failed++;
            continue;
        }
        const pdf_text *t = l.doc;
        if (t->repaired)
            log_warn("pdf_repaired", LOG_S("file", it->shown),
                     LOG_S("detail", "the file was damaged and MuPDF repaired it; check the output"));
        pages += t->n_pages;
        if (!quiet) {
            if (headers)
                printf("%s==> %s <==\n", files > 1 ? "\n" : "", it->shown);
            if (metadata)
                print_metadata(t, stdout);
            if (words)
                print_words(t, stdout);
            else
                print_text(t, stdout);
        }
        ingest_loaded_free(&l);
    }
    ingest_walk_free(w);
    double ms = util_now_ms() - start;
    fflush(stdout);
    if (timing)
        fprintf(stderr, "layout: %d files, %ld pages, %d failed, %.1f ms, %.3f ms/page, %.3f ms/file\n",
                files, pages, failed, ms, pages ? ms / (double)pages : 0.0, files ? ms / files : 0.0);
    pdf_passwords_free(&pw);
    pdf_release_thread();
    return failed ? CL_EXIT_FAILED : CL_EXIT_OK;
}

const cli_command cli_cmd_layout = {
    .name = "layout",
    .summary = "print the layout text of PDF statements (what bank profiles match)",
    .positional = "INPUT...",
    .description =
        "INPUT is a PDF, a page_*.txt folder or a directory searched for them (as\n"
        "ingest and parse search it). Reads each PDF with MuPDF and prints its text the\n"
        "way bank profiles see it:\n"
        "words on one baseline form a line, ordered left to right; words of a phrase\n"
        "are separated by one space, and columns by two or more spaces placed so that\n"
        "columns line up (much like `pdftotext -layout`). Pages are separated by a\n"
        "form feed (\\f). With several files (or a directory), each starts with a line\n"
        "\"==> FILE <==\".\n"
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
