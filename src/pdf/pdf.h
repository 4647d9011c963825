/* pdf.h - a statement document as positioned words and layout lines.
 *
 * Two sources produce the same structure:
 *   - pdf_text_load(): a PDF read with MuPDF (the only file that includes
 *     MuPDF headers lives in this folder);
 *   - pdf_text_load_pages_dir(): a directory of page_*.txt files holding
 *     `pdftotext -layout` style text (the peer-corpus form).
 *
 * A layout line is the words sharing a baseline, ordered by x, with the
 * horizontal gaps kept as runs of spaces proportional to distance, so the
 * text of a line looks like `pdftotext -layout` output. Every word keeps its
 * box (PDF points; for text pages: columns and line numbers) and font size,
 * and its character column `col` inside the line text, so a profile may use
 * positions as well as text. */
#ifndef CL_PDF_H
#define CL_PDF_H

#include "common/err.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct pdf_word {
    char *text;             /* UTF-8 */
    float x0, y0, x1, y1;   /* box; y grows downwards */
    float size;             /* font size in points (0 for text pages) */
    int col;                /* first character column in the line text
                             * (columns count UTF-8 code points) */
} pdf_word;

typedef struct pdf_line {
    char *text;             /* layout text, no trailing newline */
    float y;                /* baseline */
    pdf_word *words;
    int n_words;
} pdf_line;

typedef struct pdf_page {
    pdf_line *lines;
    int n_lines;
    float width, height;
} pdf_page;

typedef struct pdf_text {
    char *path;
    pdf_page *pages;
    int n_pages;
    char *producer, *creator, *title, *author;  /* metadata or NULL */
    bool repaired;          /* MuPDF had to repair the file */
} pdf_text;

/* Passwords to try, in order. */
typedef struct pdf_passwords {
    char **list;
    int n;
} pdf_passwords;

/* Load PDF at path. On error returns -1 with a one-line message naming the
 * file and the reason; err->code is CL_E_PASSWORD for "needs a password" /
 * "wrong password", CL_E_PDF for not-a-PDF, corrupt, no text layer,
 * CL_E_IO for unreadable files. */
int pdf_text_load(const char *path, const pdf_passwords *pw, pdf_text **out, cl_err *err);

/* The same from the file's bytes; name is what messages show. The bytes
 * must stay valid until the call returns (they are not kept). */
int pdf_text_load_buf(const char *name, const void *data, size_t len, const pdf_passwords *pw,
                      pdf_text **out, cl_err *err);

/* Read a whole regular file (a FIFO, device or directory is refused, see
 * path_open_regular) within the memory limit. name (NULL: path) is shown in
 * messages. Caller frees *data. */
int pdf_read_regular(const char *path, const char *name, void **data, size_t *len, cl_err *err);

/* Load a directory of page_*.txt files (name order) as one document;
 * name (NULL: dir) is what messages and t->path show. A page file holding
 * a NUL byte is refused (it is not text). */
int pdf_text_load_pages_dir(const char *dir, const char *name, pdf_text **out, cl_err *err);

/* The same from page texts in memory (the raw tier's stored pages, for
 * re-processing; tests and fuzzing); texts are copied, NULL ones read as
 * empty pages. Never fails. */
pdf_text *pdf_text_from_pages(const char *name, const char *const *texts, int n);

void pdf_text_free(pdf_text *t);

/* The ASCII character a typographic variant stands for, else c: the minus
 * sign and hyphens become '-', curly single and double quotes ' and ".
 * Producers differ only in how they encode these (Ghostscript shows an
 * ASCII '-' as U+2212 through ISOLatin1Encoding), and profiles, amounts
 * and merchant names must not depend on it. */
int pdf_fold_char(int c);

/* pdf_fold_char() over UTF-8 text, in place (it can only shrink). */
void pdf_fold_utf8(char *s);

/* The layout text of one page, lines joined by '\n'. Caller frees. */
char *pdf_page_text(const pdf_page *p);

/* Read passwords from a file, one per line (empty lines ignored, a final
 * CR stripped, other white space kept). Refuses (error naming the file) a
 * file readable by group or others. Caller frees with pdf_passwords_free. */
int pdf_passwords_load(const char *path, pdf_passwords *out, cl_err *err);
/* The passwords of a --password-file option: PATH when not NULL, else the
 * file named by $CARDLEDGER_PDF_PASSWORDS_FILE, else an empty list. A file
 * readable by group or others is refused with a warning (logged) and an
 * empty list, so every command behaves alike; a missing or unreadable file
 * is an error. */
int pdf_passwords_from_option(const char *path, pdf_passwords *out, cl_err *err);
void pdf_passwords_free(pdf_passwords *pw);

/* Cap the memory MuPDF may allocate per document (0 = no cap). A document
 * that exceeds it fails with CL_E_NOMEM instead of exhausting the worker. */
void pdf_set_memory_limit(size_t bytes);

/* The caps every document gets in every command (see ingest/input.h):
 * a page-count sanity bound (a damaged page tree can claim 2^31 pages)
 * and a time limit per document, checked between pages and inside
 * MuPDF's allocations (0: none). A document that hits one fails with one
 * message naming it (CL_E_PDF, CL_E_TIMEOUT). */
#define PDF_DEFAULT_MAX_PAGES 5000
void pdf_set_max_pages(int n);
void pdf_set_time_limit(double seconds);

/* pdf_text_load() keeps one MuPDF context per thread for speed; this
 * releases the calling thread's (call before the thread or process ends;
 * harmless when there is none). */
void pdf_release_thread(void);

#endif
