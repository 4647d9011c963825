/* cmd_parse.c - `cardledger parse`: statements from PDFs or page_*.txt
 * directories to JSON lines or CSV, without a database. */
#include "bank/bank.h"
#include "cli.h"
#include "common/err.h"
#include "common/log.h"
#include "common/util.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static const cli_opt opts[] = {
    {"format", 'f', "FMT", "output format: json (one object per statement per line, default) or csv"},
    {"profile", 'p', "ID", "use this bank profile instead of detecting it (see 'cardledger profiles')"},
    {"password-file", 0, "F", "passwords to try on encrypted PDFs, one per line (else $CARDLEDGER_PDF_PASSWORDS_FILE)"},
    CLI_OPT_END,
};

typedef struct targets {
    char **v;
    size_t n;
} targets;

static void add_target(targets *t, const char *path)
{
    t->v = xrealloc(t->v, (t->n + 1) * sizeof *t->v);
    t->v[t->n++] = xstrdup(path);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_pdf_name(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcasecmp(name + n - 4, ".pdf") == 0;
}

/* Collect PDFs and page_*.txt directories under dir, in name order.
 * Symbolic links to directories are not followed (no loops). */
static void walk(targets *t, const char *dir, int depth)
{
    if (bank_is_pages_dir(dir)) {
        add_target(t, dir);
        return;
    }
    DIR *d = opendir(dir);
    if (!d || depth > 32) {
        if (d)
            closedir(d);
        return;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        names = xrealloc(names, (n + 1) * sizeof *names);
        names[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
        struct stat ls, sb;
        if (lstat(path, &ls) == 0 && S_ISDIR(ls.st_mode))
            walk(t, path, depth + 1);
        else if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && is_pdf_name(names[i]))
            add_target(t, path);
        free(names[i]);
    }
    free(names);
}

/* Expand one INPUT; prints an error and returns -1 when it yields nothing. */
static int expand(targets *t, const char *input)
{
    struct stat sb;
    if (stat(input, &sb) != 0) {
        fprintf(stderr, "cardledger parse: %s: %s\n", input, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(sb.st_mode)) {
        add_target(t, input);
        return 0;
    }
    size_t before = t->n;
    walk(t, input, 0);
    if (t->n == before) {
        fprintf(stderr, "cardledger parse: %s: no PDF files or page_*.txt directories found\n", input);
        return -1;
    }
    return 0;
}

/* A password file that cannot be read is reported with a warning and the
 * files are still parsed; encrypted PDFs then fail with "needs a password". */
static void load_passwords(const cli_command *cmd, const cli_args *a, pdf_passwords *pw)
{
    cl_err err = {0};
    if (pdf_passwords_from_option(cli_get(cmd, a, "password-file"), pw, &err) != 0) {
        fprintf(stderr, "cardledger parse: warning: %s\n", err.msg);
        pw->list = NULL;
        pw->n = 0;
    }
}

static int run(const cli_command *cmd, const cli_args *a)
{
    const char *format = cli_get(cmd, a, "format");
    bool csv = false;
    if (format && strcmp(format, "json") != 0) {
        if (strcmp(format, "csv") != 0)
            return cli_usage_error(cmd, "--format must be json or csv, not '%s'", format);
        csv = true;
    }
    if (a->npos == 0)
        return cli_usage_error(cmd, "missing INPUT (a PDF, a directory of PDFs, or a page_*.txt directory)");

    cl_err err = {0};
    bank_registry *reg;
    if (bank_registry_load(NULL, &reg, &err)) {
        fprintf(stderr, "cardledger parse: %s\n", err.msg);
        return CL_EXIT_FAILED;
    }
    const char *profile = cli_get(cmd, a, "profile");
    if (profile && !bank_registry_find(reg, profile)) {
        char *ids = bank_registry_ids(reg);
        int code = cli_usage_error(cmd, "unknown --profile '%s' (known: %s)", profile, ids);
        free(ids);
        bank_registry_free(reg);
        return code;
    }
    pdf_passwords pw = {0};
    load_passwords(cmd, a, &pw);

    int failed = 0;
    targets t = {0};
    for (int i = 0; i < a->npos; i++)
        failed |= expand(&t, a->pos[i]) != 0;

    bank_parse_opts po = {.profile_id = profile};
    if (csv && t.n)
        bank_csv_write_header(stdout);
    for (size_t i = 0; i < t.n; i++) {
        bank_statement *s = NULL;
        cl_err_clear(&err);
        double t0 = util_now_ms();
        if (bank_parse_path(reg, t.v[i], &pw, &po, &s, &err)) {
            fprintf(stderr, "cardledger parse: %s\n", err.msg);
            failed = 1;
        } else {
            if (csv)
                bank_statement_write_csv(s, stdout);
            else
                bank_statement_write_json(s, stdout);
            fflush(stdout);
            log_debug("statement_parsed", LOG_S("file", s->file), LOG_S("issuer", s->issuer),
                      LOG_I("transactions", s->n_txns), LOG_B("reconciled", s->reconciled),
                      LOG_D("ms", util_now_ms() - t0));
            for (size_t w = 0; csv && w < s->n_warnings; w++)
                log_warn("statement_warning", LOG_S("file", s->file), LOG_S("warning", s->warnings[w]));
            bank_statement_free(s);
        }
        free(t.v[i]);
    }
    free(t.v);
    pdf_passwords_free(&pw);
    pdf_release_thread();
    bank_registry_free(reg);
    return failed ? CL_EXIT_FAILED : CL_EXIT_OK;
}

const cli_command cli_cmd_parse = {
    .name = "parse",
    .summary = "extract statements (PDF or page_*.txt directory) to JSON or CSV; no database",
    .usage = "parse [--format json|csv] [--profile ID] [--password-file F] INPUT...",
    .description =
        "INPUT is a PDF file, a directory (searched recursively for PDFs and for\n"
        "directories of page_*.txt files), or a directory holding page_*.txt files,\n"
        "read as one statement whose pages are those layout-text files in name order.\n"
        "\n"
        "The bank profile is detected from the statement text and PDF metadata; when\n"
        "none matches, the generic profile is tried (and says so in `warnings`).\n"
        "JSON output is one object per statement per line: file, sha256, pages, issuer,\n"
        "account_last4, currency, statement_date, period_start, period_end, summary\n"
        "(as printed; null where not printed), reconciled, reconcile_difference,\n"
        "transactions (date, posted_date, description, amount, currency, foreign_amount,\n"
        "foreign_currency, page, line) and warnings. Amounts are strings with two\n"
        "decimals: charges negative, payments and credits positive. CSV output has one\n"
        "row per transaction, with a header.\n"
        "\n"
        "A statement whose transactions do not add up to its printed balances is still\n"
        "printed, with \"reconciled\": false, the difference and a warning. A file that\n"
        "fails prints one line on stderr naming it and the reason; the others are still\n"
        "parsed, and the exit status is 1.\n"
        "\n"
        "Passwords for encrypted PDFs come from --password-file or the file named by\n"
        "$CARDLEDGER_PDF_PASSWORDS_FILE, one per line, each tried in turn; a password\n"
        "file readable by group or others is refused with a warning.\n"
        "\n"
        "examples:\n"
        "  cardledger parse statements/2024-01.pdf\n"
        "  cardledger parse --format csv ~/Documents/statements > all.csv\n"
        "  cardledger parse --profile generic unknown-bank.pdf\n"
        "  cardledger parse peer-corpus/cases/dbs/credit\n",
    .opts = opts,
    .run = run,
};
