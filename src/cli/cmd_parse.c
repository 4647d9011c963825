/* cmd_parse.c - `cardledger parse`: statements from PDFs or page_*.txt
 * directories to JSON lines or CSV, without a database. */
#include "bank/bank.h"
#include "cli.h"
#include "common/err.h"
#include "common/log.h"
#include "common/util.h"
#include "ingest/walk.h"

#include <stdio.h>
#include <string.h>

static const cli_opt opts[] = {
    CLI_OPT_FORMAT("json (one object per statement per line, default) or csv"),
    {"profile", 'p', "ID", "use this bank profile instead of detecting it (see 'cardledger profiles')"},
    CLI_OPT_PASSWORD_FILE,
    CLI_OPT_CSV_MAP,
    CLI_OPTS_CAPS,
    CLI_OPT_END,
};

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

static bool parse_one(const bank_registry *reg, const ingest_walk_item *it, const pdf_passwords *pw,
                      const bank_parse_opts *po, bool csv)
{
    cl_err err = {0};
    ingest_loaded l;
    bank_statement *s = NULL;
    double t0 = util_now_ms();
    if (ingest_input_load(it->path, it->shown, it->kind, pw, &l, &err) ||
        ingest_loaded_statement(&l, reg, po, &s, &err)) {
        fprintf(stderr, "cardledger parse: %s\n", err.msg);
        if (l.doc)
            ingest_loaded_free(&l);
        return false;
    }
    s->file = xstrdup(it->shown);
    memcpy(s->sha256, l.sha256, sizeof s->sha256);
    if (l.doc->repaired)
        bank_statement_warn(s, "the PDF was damaged and has been repaired: check the result");
    ingest_loaded_free(&l);
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
    return true;
}

static int run(const cli_command *cmd, const cli_args *a)
{
    static const char *const formats[] = {"json", "csv", NULL};
    int format;
    ingest_caps caps;
    if (!cli_get_choice(cmd, a, "format", formats, 0, &format) || !cli_get_caps(cmd, a, &caps))
        return CL_EXIT_USAGE;
    bool csv = format == 1;
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
    ingest_input_set_csv_map(cli_get(cmd, a, "csv-map"));
    pdf_passwords pw = {0};
    load_passwords(cmd, a, &pw);
    ingest_caps_apply(&caps);

    bool failed = false, header = false;
    bank_parse_opts po = {.profile_id = profile};
    ingest_walk *w = ingest_walk_new(a->pos, a->npos);
    long *per_arg = xcalloc((size_t)a->npos, sizeof *per_arg);
    const ingest_walk_item *it;
    while ((it = ingest_walk_next(w))) {
        per_arg[it->arg]++;
        if (it->error) {
            fprintf(stderr, "cardledger parse: %s\n", it->error);
            failed = true;
            continue;
        }
        if (csv && !header) {
            bank_csv_write_header(stdout);
            header = true;
        }
        failed |= !parse_one(reg, it, &pw, &po, csv);
    }
    for (int k = 0; k < a->npos; k++)
        if (!per_arg[k]) {
            fprintf(stderr, "cardledger parse: %s: no %s found\n", a->pos[k], ingest_input_kinds_text());
            failed = true;
        }
    free(per_arg);
    ingest_walk_free(w);
    pdf_passwords_free(&pw);
    pdf_release_thread();
    bank_registry_free(reg);
    return failed ? CL_EXIT_FAILED : CL_EXIT_OK;
}

const cli_command cli_cmd_parse = {
    .name = "parse",
    .summary = "extract statements (PDF, OFX/QFX/CSV download or page_*.txt directory) to JSON or CSV; no database",
    .usage = NULL,
    .description =
        "INPUT is a PDF file, a directory (searched as ingest searches it: recursively,\n"
        "in name order, following symbolic links once, hidden entries skipped), or a\n"
        "directory holding page_*.txt files, read as one statement whose pages are\n"
        "those layout-text files in name order. File names are shown absolute, with\n"
        "bytes that are not UTF-8 escaped as \\xHH (and a backslash as \\\\).\n"
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
        "fails (including one over --memory-limit, --max-pages or --file-timeout, a\n"
        "FIFO or a device) prints one line on stderr naming it and the reason; the\n"
        "others are still parsed, and the exit status is 1.\n"
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
    .positional = "INPUT...",
    .opts = opts,
    .run = run,
};
