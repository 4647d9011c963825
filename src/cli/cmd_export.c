/* cmd_export.c - `cardledger export`: the filtered transactions as CSV, a JSON array, a ledger/hledger journal or beancount. */
#include "cli.h"
#include "filters.h"

#include "common/json.h"
#include "common/sbuf.h"
#include "common/util.h"
#include "query/query.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const cli_opt opts[] = {
    CLI_OPTS_DB,
    CLI_OPTS_PERIOD,
    CLI_OPTS_CARD,
    CLI_OPTS_WHAT,
    CLI_OPTS_ROWS,
    CLI_OPT_FORMAT("csv, json, ledger (hledger too) or beancount (required)"),
    {"payments-account", 0, "ACCOUNT", "the account card payments come from (default Assets:Checking)"},
    CLI_OPT_END,
};

static const char description[] =
    "Writes every matching transaction to standard output, oldest first, read in\n"
    "pages so any number of rows streams. Without --from/--to/--year every date\n"
    "is included. Amounts are exact, each in its own currency (the commodity).\n"
    "\n"
    "ledger and beancount: one account per card, Liabilities:Cards:Issuer-1234\n"
    "(a bank account: Assets:Bank:Issuer-1234); purchases, refunds, cash advances\n"
    "and withdrawals against Expenses:<category path> (Expenses:Uncategorized\n"
    "without one); fees Expenses:Fees; interest Expenses:Interest (earned on an\n"
    "account: Income:Interest); payments and transfers against --payments-account;\n"
    "deposits Income:Deposits; balance transfers Liabilities:BalanceTransfers;\n"
    "adjustments Equity:Adjustments. beancount gets an open directive per account.\n"
    "\n"
    "Examples:\n"
    "  cardledger export --format ledger --year 2024 > 2024.journal && hledger -f 2024.journal balance\n"
    "  cardledger export --format beancount > all.beancount && bean-check all.beancount\n"
    "  cardledger export --format csv --card 4242 --kind purchase,refund > chase.csv\n";

typedef enum fmt { F_CSV, F_JSON, F_LEDGER, F_BEANCOUNT } fmt;

/* An account and the first day it is used (beancount's open directive). */
typedef struct acct {
    char *name;
    cl_date first;
} acct;

typedef struct wctx {
    fmt f;
    FILE *fp;
    const char *payments;
    long rows;
    acct *accts;
    int naccts, cap;
    sbuf line;
} wctx;

/* One account-name component: letters, digits and '-', starting with a
 * capital or digit (beancount's rule; ledger accepts it too). */
static void component(sbuf *b, const char *s)
{
    bool start = true, dash = false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (isalnum(*p)) {
            if (dash && !start)
                sbuf_putc(b, '-');
            dash = false;
            sbuf_putc(b, (char)(start ? toupper(*p) : *p));
            start = false;
        } else {
            dash = true;
        }
    }
    if (start)
        sbuf_puts(b, "X");
}

/* "Food & Drink:Coffee" -> "Expenses:Food-Drink:Coffee". */
static void path_account(sbuf *b, const char *root, const char *path)
{
    sbuf_puts(b, root);
    const char *s = path;
    while (s && *s) {
        const char *colon = strchr(s, ':');
        size_t n = colon ? (size_t)(colon - s) : strlen(s);
        char *part = xstrndup(s, n);
        sbuf_putc(b, ':');
        component(b, part);
        free(part);
        s = colon ? colon + 1 : NULL;
    }
}

static void own_account(sbuf *b, const q_export_row *r)
{
    sbuf_puts(b, r->is_account ? "Assets:Bank:" : "Liabilities:Cards:");
    component(b, r->issuer ? r->issuer : "card");
    sbuf_putc(b, '-');
    sbuf_puts(b, r->card_last4 ? r->card_last4 : "0000");
}

static void other_account(sbuf *b, const q_export_row *r, const char *payments)
{
    const char *k = r->kind ? r->kind : "";
    if (!strcmp(k, "fee"))
        sbuf_puts(b, "Expenses:Fees");
    else if (!strcmp(k, "interest"))
        sbuf_puts(b, r->is_account && r->amount > 0 ? "Income:Interest" : "Expenses:Interest");
    else if (!strcmp(k, "payment") || !strcmp(k, "transfer"))
        sbuf_puts(b, payments);
    else if (!strcmp(k, "deposit"))
        sbuf_puts(b, "Income:Deposits");
    else if (!strcmp(k, "balance_transfer"))
        sbuf_puts(b, "Liabilities:BalanceTransfers");
    else if (!strcmp(k, "adjustment"))
        sbuf_puts(b, "Equity:Adjustments");
    else if (r->category_path)
        path_account(b, "Expenses", r->category_path);
    else
        sbuf_puts(b, "Expenses:Uncategorized");
}

static void note_account(wctx *w, const char *name, cl_date d)
{
    for (int i = 0; i < w->naccts; i++)
        if (!strcmp(w->accts[i].name, name))
            return;     /* rows come oldest first: the first use is the earliest */
    if (w->naccts == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 32;
        w->accts = xrealloc(w->accts, (size_t)w->cap * sizeof *w->accts);
    }
    w->accts[w->naccts++] = (acct){xstrdup(name), d};
}

/* Text on one line: control characters become spaces. */
static void one_line(sbuf *b, const char *s, const char *drop)
{
    for (; s && *s; s++)
        sbuf_putc(b, (unsigned char)*s < 0x20 || (drop && strchr(drop, *s)) ? ' ' : *s);
}

static void csv_field(sbuf *b, const char *s)
{
    if (!s)
        return;
    if (strpbrk(s, ",\"\r\n")) {
        sbuf_putc(b, '"');
        for (; *s; s++) {
            if (*s == '"')
                sbuf_putc(b, '"');
            sbuf_putc(b, *s);
        }
        sbuf_putc(b, '"');
    } else {
        sbuf_puts(b, s);
    }
}

static const char *const fields[] = {"id", "date", "posting_date", "card", "card_label", "account_type",
                                     "merchant", "description", "category", "kind", "amount", "currency",
                                     "foreign_amount", "foreign_currency", "statement_id"};
#define NFIELDS (sizeof fields / sizeof fields[0])

static void data_row(wctx *w, const q_export_row *r)
{
    char id[24], sid[24], date[11], posted[11], amount[32], famount[32], card[64];
    snprintf(id, sizeof id, "%lld", r->id);
    snprintf(sid, sizeof sid, "%lld", r->statement_id);
    snprintf(card, sizeof card, "%s:%s", r->issuer ? r->issuer : "?", r->card_last4 ? r->card_last4 : "");
    const char *v[NFIELDS] = {
        id, r->transaction_date == CL_DATE_NONE ? NULL : cl_date_format(r->transaction_date, date),
        cl_date_format(r->posting_date, posted), card, r->card_label, r->is_account ? "account" : "card",
        r->merchant, r->description, r->category_path, r->kind, cl_money_format(r->amount, amount),
        r->currency, r->has_foreign ? cl_money_format(r->foreign_amount, famount) : NULL,
        r->has_foreign ? r->foreign_currency : NULL, sid,
    };
    sbuf *b = &w->line;
    if (w->f == F_CSV) {
        for (size_t i = 0; i < NFIELDS; i++) {
            if (i)
                sbuf_putc(b, ',');
            csv_field(b, v[i]);
        }
        sbuf_putc(b, '\n');
        return;
    }
    sbuf_puts(b, w->rows ? ",\n{" : "{");
    for (size_t i = 0; i < NFIELDS; i++) {
        if (i)
            sbuf_putc(b, ',');
        cl_json_string(b, fields[i], false);
        sbuf_putc(b, ':');
        if (!v[i])
            sbuf_puts(b, "null");
        else if (i == 0 || i == NFIELDS - 1)
            sbuf_puts(b, v[i]);             /* ids are numbers; amounts exact strings */
        else
            cl_json_string(b, v[i], false);
    }
    sbuf_putc(b, '}');
}

static void journal_row(wctx *w, const q_export_row *r)
{
    sbuf *b = &w->line;
    sbuf own = {0}, other = {0};
    own_account(&own, r);
    other_account(&other, r, w->payments);
    note_account(w, sbuf_str(&own), r->posting_date);
    note_account(w, sbuf_str(&other), r->posting_date);
    char date[11], amount[32], neg[32];
    cl_date_format(r->posting_date, date);
    cl_money_format(r->amount, amount);
    cl_money_format(-r->amount, neg);
    const char *payee = r->merchant ? r->merchant : r->description;
    if (w->f == F_LEDGER) {
        sbuf_printf(b, "%s * ", date);
        one_line(b, payee, ";|");
        if (r->merchant && r->description) {
            sbuf_puts(b, " | ");
            one_line(b, r->description, ";|");
        }
        sbuf_printf(b, "\n    ; id:%lld kind:%s\n", r->id, r->kind);
        sbuf_printf(b, "    %s  %s %s\n    %s  %s %s\n\n", sbuf_str(&own), amount, r->currency,
                    sbuf_str(&other), neg, r->currency);
    } else {
        sbuf_printf(b, "%s * \"", date);
        one_line(b, payee, "\"\\");
        sbuf_puts(b, "\" \"");
        one_line(b, r->description, "\"\\");
        sbuf_printf(b, "\"\n  id: \"%lld\"\n  kind: \"%s\"\n", r->id, r->kind);
        sbuf_printf(b, "  %s  %s %s\n  %s  %s %s\n\n", sbuf_str(&own), amount, r->currency, sbuf_str(&other),
                    neg, r->currency);
    }
    sbuf_free(&own);
    sbuf_free(&other);
}

static int on_row(const q_export_row *r, void *ud)
{
    wctx *w = ud;
    sbuf_truncate(&w->line, 0);
    if (w->f == F_CSV || w->f == F_JSON)
        data_row(w, r);
    else
        journal_row(w, r);
    w->rows++;
    if (fputs(sbuf_str(&w->line), w->fp) == EOF)
        return 1;
    return 0;
}

static bool account_ok(const char *s)
{
    static const char *const roots[] = {"Assets:", "Liabilities:", "Equity:", "Income:", "Expenses:"};
    bool root = false;
    for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++)
        root = root || (util_starts_with(s, roots[i]) && s[strlen(roots[i])]);
    if (!root || s[strlen(s) - 1] == ':' || strstr(s, "::"))
        return false;
    for (const char *p = strchr(s, ':'); p; p = strchr(p + 1, ':'))
        if (!isupper((unsigned char)p[1]) && !isdigit((unsigned char)p[1]))
            return false;
    return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789:-") == strlen(s);
}

static int run(const cli_command *cmd, const cli_args *a)
{
    if (a->npos > 0)
        return cli_usage_error(cmd, "unexpected argument '%s'", a->pos[0]);
    const char *s = cli_get(cmd, a, "format");
    static const char *const names[] = {"csv", "json", "ledger", "beancount"};
    int f = -1;
    for (int i = 0; s && i < 4; i++)
        if (!strcmp(s, names[i]))
            f = i;
    if (!s)
        return cli_usage_error(cmd, "--format is required: csv, json, ledger or beancount");
    if (f < 0)
        return cli_usage_error(cmd, "--format '%s': not csv, json, ledger or beancount", s);
    const char *pay = cli_get(cmd, a, "payments-account");
    if (!pay)
        pay = "Assets:Checking";
    if (!account_ok(pay))
        return cli_usage_error(cmd, "--payments-account '%s': not an account such as Assets:Checking "
                                    "(Assets, Liabilities, Equity, Income or Expenses, then capitalized "
                                    "names of letters, digits and '-', separated by ':')", pay);
    q_filter flt;
    cli_filter_store st;
    int rc;
    db_conn *c = cli_filters_open(cmd, a, false, &flt, &st, &rc);
    if (!c)
        return rc;
    wctx w = {.f = (fmt)f, .fp = stdout, .payments = pay};
    if (w.f == F_CSV) {
        for (size_t i = 0; i < NFIELDS; i++)
            printf("%s%s", i ? "," : "", fields[i]);
        printf("\n");
    } else if (w.f == F_JSON) {
        printf("[");
    } else if (w.f == F_LEDGER) {
        printf("; cardledger export: charges are negative on the card's account\n\n");
    } else {
        printf("; cardledger export\n\n");
    }
    cl_err err = {0};
    int r = q_export_run(c, &flt, 0, on_row, &w, &err);
    if (r < 0) {
        rc = cli_query_error(cmd, &err);
    } else if (r > 0) {
        fprintf(stderr, "cardledger export: writing standard output: %s\n", strerror(errno));
        rc = 1;
    } else {
        if (w.f == F_JSON)
            printf("%s]\n", w.rows ? "\n" : "");
        for (int i = 0; i < w.naccts; i++) {
            char d[11];
            if (w.f == F_BEANCOUNT)
                printf("%s open %s\n", cl_date_format(w.accts[i].first, d), w.accts[i].name);
            else if (w.f == F_LEDGER)
                printf("account %s\n", w.accts[i].name);
        }
        if (fflush(stdout) == EOF || ferror(stdout)) {
            fprintf(stderr, "cardledger export: writing standard output: %s\n", strerror(errno));
            rc = 1;
        }
    }
    for (int i = 0; i < w.naccts; i++)
        free(w.accts[i].name);
    free(w.accts);
    sbuf_free(&w.line);
    db_close(c);
    cli_filter_store_free(&st);
    return rc;
}

const cli_command cli_cmd_export = {
    .name = "export",
    .summary = "the transactions for spreadsheets and plain-text accounting (csv, json, ledger, beancount)",
    .usage = "export --format csv|json|ledger|beancount [--from D] [--to D] [--year Y] [--card C]... "
             "[--category C]... [--kind K]... [--merchant TEXT] [--search TEXT] [--min A] [--max A] "
             "[--payments-account ACCOUNT]",
    .description = description,
    .opts = opts,
    .run = run,
};
