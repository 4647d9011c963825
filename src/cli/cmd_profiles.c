/* cmd_profiles.c - `cardledger profiles` (list the bank profiles) and
 * `cardledger profile check ID FILE` (show what each line matched). */
#include "bank/bank.h"
#include "cli.h"
#include "common/path.h"
#include "ingest/input.h"
#include "common/err.h"
#include "common/util.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static int load_registry(const char *cmd, bank_registry **reg)
{
    cl_err err = {0};
    if (bank_registry_load(NULL, reg, &err)) {
        fprintf(stderr, "cardledger %s: %s\n", cmd, err.msg);
        return -1;
    }
    return 0;
}

static int run_profiles(const cli_command *cmd, const cli_args *a)
{
    if (a->npos)
        return cli_usage_error(cmd, "unexpected argument '%s'", a->pos[0]);
    bank_registry *reg;
    if (load_registry("profiles", &reg))
        return CL_EXIT_FAILED;
    printf("%-20s %-40s %s\n", "ID", "ISSUER", "SOURCE");
    for (int i = 0; i < reg->n; i++)
        printf("%-20s %-40s %s\n", reg->v[i]->id, reg->v[i]->issuer, reg->v[i]->source);
    char *dir = bank_user_profile_dir();
    printf("\nuser profiles: %s/ID.profile (a user file replaces the built-in profile with the same id)\n",
           dir ? dir : "(no $XDG_CONFIG_HOME or $HOME)");
    free(dir);
    bank_registry_free(reg);
    return CL_EXIT_OK;
}

const cli_command cli_cmd_profiles = {
    .name = "profiles",
    .summary = "list the bank profiles (built-in and user files)",
    .usage = "profiles",
    .description =
        "Lists every bank profile with its id, issuer and source: \"built-in\" for the\n"
        "profiles compiled into the program, or the path of a user file in\n"
        "$XDG_CONFIG_HOME/cardledger/banks/ (default ~/.config/cardledger/banks/).\n"
        "A user file with the id of a built-in profile replaces it. The profile format\n"
        "is described in docs/profiles.md; try a new one with 'cardledger profile check'.\n"
        "\n"
        "example:\n"
        "  cardledger profiles\n",
    .run = run_profiles,
};

typedef struct check_ctx {
    int unmatched, txns;
} check_ctx;

static void check_trace(void *ctx, int page, int line, const char *text, bank_line_kind kind, const char *detail)
{
    check_ctx *c = ctx;
    c->unmatched += kind == BANK_LINE_UNMATCHED;
    c->txns += kind == BANK_LINE_TXN;
    if (kind == BANK_LINE_NONE && !*detail && !*text)
        return;
    char tag[200];
    snprintf(tag, sizeof tag, "%s%s%s", bank_line_kind_name(kind), *detail ? ": " : "", detail);
    size_t n = strlen(text);
    while (n && text[n - 1] == ' ')
        n--;
    printf("p%d:%-4d %-34s | %.*s\n", page, line, tag, (int)n, text);
}

static int load_doc(const char *path, pdf_text **doc, cl_err *err)
{
    /* The one loader, with the same caps as every command (defaults). */
    ingest_caps caps = {.memory_limit = (size_t)INGEST_DEFAULT_MEMORY_MB << 20,
                        .max_pages = PDF_DEFAULT_MAX_PAGES, .time_limit_s = INGEST_DEFAULT_TIMEOUT_S};
    ingest_caps_apply(&caps);
    char *shown = path_escape(path);
    ingest_loaded l;
    int rc = ingest_input_load(path, shown, NULL, NULL, &l, err);
    free(shown);
    if (rc)
        return -1;
    *doc = l.doc;               /* the caller frees it */
    return 0;
}

/* ID is a registered profile id, or a path to a profile file to try. */
static const bank_profile *pick_profile(const bank_registry *reg, const char *id, bank_profile **own, cl_err *err)
{
    *own = NULL;
    if (!strchr(id, '/') && !strstr(id, ".profile")) {
        const bank_profile *p = bank_registry_find(reg, id);
        if (!p) {
            char *ids = bank_registry_ids(reg);
            cl_err_set(err, CL_E_USAGE, "unknown profile '%s' (known: %s)", id, ids);
            free(ids);
        }
        return p;
    }
    char *text;
    size_t len;
    if (util_read_file(id, &text, &len, err))
        return NULL;
    *own = bank_profile_parse(text, len, id, err);
    free(text);
    return *own;
}

static void print_summary(const bank_statement *s)
{
    char a[32], d1[11], d2[11], d3[11];
    printf("\nissuer %s, card %s, currency %s, statement date %s, period %s .. %s\n", s->issuer,
           *s->account_last4 ? s->account_last4 : "-", s->currency, cl_date_format(s->statement_date, d1),
           s->period_start == CL_DATE_NONE ? "-" : cl_date_format(s->period_start, d2),
           cl_date_format(s->period_end, d3));
    const bank_opt_money *f[] = {&s->summary.previous_balance, &s->summary.payments_and_credits,
                                 &s->summary.purchases, &s->summary.fees, &s->summary.interest,
                                 &s->summary.new_balance};
    printf("summary:");
    for (int i = 0; i < BS_N; i++)
        printf(" %s=%s", bank_sumfield_names[i], f[i]->present ? cl_money_format(f[i]->value, a) : "-");
    printf("\nreconciled: %s", s->reconciled ? "yes" : "no");
    if (s->reconcile_known)
        printf(" (difference %s)", cl_money_format(s->reconcile_difference, a));
    printf("\n");
    for (size_t i = 0; i < s->n_warnings; i++)
        printf("warning: %s\n", s->warnings[i]);
}

static int run_profile(const cli_command *cmd, const cli_args *a)
{
    if (a->npos < 1 || strcmp(a->pos[0], "check") != 0)
        return cli_usage_error(cmd, "expected 'profile check ID FILE'");
    if (a->npos != 3)
        return cli_usage_error(cmd, "'profile check' needs a profile ID and a FILE");
    bank_registry *reg;
    if (load_registry("profile", &reg))
        return CL_EXIT_FAILED;
    cl_err err = {0};
    bank_profile *own;
    const bank_profile *p = pick_profile(reg, a->pos[1], &own, &err);
    pdf_text *doc = NULL;
    if (!p || load_doc(a->pos[2], &doc, &err)) {
        fprintf(stderr, "cardledger profile: %s\n", err.msg);
        int code = err.code == CL_E_USAGE ? CL_EXIT_USAGE : CL_EXIT_FAILED;
        bank_profile_free(own);
        bank_registry_free(reg);
        return code;
    }
    bank_detection det;
    bank_detect(reg, doc, &det);
    printf("profile %s (%s), source %s\n", p->id, p->issuer, p->source);
    printf("detection: %s%s; qualifying profiles: %s\n\n", det.profile ? det.profile->id : "no profile matches",
           det.ambiguous ? " (ambiguous)" : "", det.candidates[0] ? det.candidates : "none");
    check_ctx c = {0};
    bank_parse_opts po = {.trace = check_trace, .trace_ctx = &c};
    bank_statement *s = bank_extract(p, doc, &po);
    print_summary(s);
    printf("%d transactions; %d lines look like transactions but matched nothing\n", c.txns, c.unmatched);
    bank_statement_free(s);
    pdf_text_free(doc);
    pdf_release_thread();
    bank_profile_free(own);
    bank_registry_free(reg);
    return c.unmatched ? CL_EXIT_FAILED : CL_EXIT_OK;
}

const cli_command cli_cmd_profile = {
    .name = "profile",
    .summary = "check a bank profile against a statement, line by line",
    .usage = "profile check ID|PROFILE-FILE FILE",
    .description =
        "Runs one profile on FILE (a PDF or a page_*.txt directory) and prints every\n"
        "layout line with what it matched: txn, continuation, sign (a CR/DR marker\n"
        "under an amount), foreign, summary FIELD, summary label FIELD (a box value\n"
        "below), field NAME, section NAME, table, ignored, excluded (a transaction\n"
        "line whose description is excluded, e.g. a total), or UNMATCHED: a line\n"
        "that looks like a transaction (date, text, amount) but matched no pattern.\n"
        "Then the statement's fields, summary, reconciliation and warnings.\n"
        "ID may also be the path of a profile file being written (not yet installed).\n"
        "Exit status 1 when some line is UNMATCHED.\n"
        "\n"
        "examples:\n"
        "  cardledger profile check dbs statement.pdf\n"
        "  cardledger profile check ./mybank.profile statement.pdf\n",
    .run = run_profile,
};
