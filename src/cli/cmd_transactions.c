/* cmd_transactions.c - `cardledger transactions`: the filtered rows themselves, newest (or largest) first. */
#include "cli.h"
#include "filters.h"
#include "output.h"

#include "query/query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const cli_opt opts[] = {
    CLI_OPTS_DB,
    CLI_OPTS_PERIOD,
    CLI_OPTS_CARD,
    CLI_OPTS_WHAT,
    CLI_OPTS_ROWS,
    {"sort", 0, "ORDER", "date (newest first, default) or amount (largest first)"},
    {"limit", 'n', "N", "at most N rows (default 50; 0: all)"},
    CLI_OPT_FORMAT("table (default), csv or json"),
    CLI_OPT_END,
};

static const char description[] =
    "Without --from/--to/--year every date is included. Amounts are as on the\n"
    "statement from the card holder's side: charges negative, credits positive;\n"
    "--min and --max bound the size of the amount whatever its sign. CSV and JSON\n"
    "carry every field (ids, both dates, card and label, merchant, foreign amount,\n"
    "statement id and file); JSON amounts are exact decimal strings.\n"
    "\n"
    "Examples:\n"
    "  cardledger transactions --merchant starbucks --year 2024\n"
    "  cardledger transactions --search 'uber' --min 20 --sort amount -n 20\n"
    "  cardledger transactions --kind refund --card 4101 --limit 0 --format csv > refunds.csv\n";

enum { C_ID, C_DATE, C_POSTED, C_CARD, C_LABEL, C_CARD_SHOWN, C_MERCHANT, C_DESC, C_CATEGORY, C_KIND,
       C_AMOUNT, C_CURRENCY, C_FAMOUNT, C_FCURRENCY, C_STATEMENT, C_FILE, C_N };

static const out_col cols[C_N] = {
    [C_ID] = {.name = "id", .type = OUT_NUM, .data_only = true},
    [C_DATE] = {.name = "date", .data_only = true},
    [C_POSTED] = {.name = "posting_date"},
    [C_CARD] = {.name = "card", .data_only = true},
    [C_LABEL] = {.name = "card_label", .data_only = true},
    [C_CARD_SHOWN] = {.name = "card", .table_only = true, .max_width = 28},
    [C_MERCHANT] = {.name = "merchant", .data_only = true},
    [C_DESC] = {.name = "description", .max_width = 44},
    [C_CATEGORY] = {.name = "category", .max_width = 20},
    [C_KIND] = {.name = "kind"},
    [C_AMOUNT] = {.name = "amount", .type = OUT_AMOUNT},
    [C_CURRENCY] = {.name = "currency"},
    [C_FAMOUNT] = {.name = "foreign_amount", .type = OUT_AMOUNT, .data_only = true},
    [C_FCURRENCY] = {.name = "foreign_currency", .data_only = true},
    [C_STATEMENT] = {.name = "statement_id", .type = OUT_NUM, .data_only = true},
    [C_FILE] = {.name = "file", .data_only = true},
};

static void add_rows(out_table *t, const q_txn_page *p)
{
    for (int i = 0; i < p->nrows; i++) {
        const q_txn *x = &p->rows[i];
        char id[24], sid[24], date[11], posted[11], amount[32], famount[32], card[64], shown[160];
        snprintf(id, sizeof id, "%lld", x->id);
        snprintf(sid, sizeof sid, "%lld", x->statement_id);
        snprintf(card, sizeof card, "%s:%s", x->issuer ? x->issuer : "?", x->card_last4);
        if (x->card_label)
            snprintf(shown, sizeof shown, "%s (%s)", x->card_label, card);
        else
            snprintf(shown, sizeof shown, "%s", card);
        const char *v[C_N] = {
            [C_ID] = id,
            [C_DATE] = x->transaction_date == CL_DATE_NONE ? NULL : cl_date_format(x->transaction_date, date),
            [C_POSTED] = cl_date_format(x->posting_date, posted),
            [C_CARD] = card,
            [C_LABEL] = x->card_label,
            [C_CARD_SHOWN] = shown,
            [C_MERCHANT] = x->merchant,
            [C_DESC] = x->description,
            [C_CATEGORY] = x->category,
            [C_KIND] = x->kind,
            [C_AMOUNT] = cl_money_format(x->amount, amount),
            [C_CURRENCY] = x->currency,
            [C_FAMOUNT] = x->has_foreign ? cl_money_format(x->foreign_amount, famount) : NULL,
            [C_FCURRENCY] = x->has_foreign ? x->foreign_currency : NULL,
            [C_STATEMENT] = sid,
            [C_FILE] = x->file_path,
        };
        out_row(t, v);
    }
}

static int run(const cli_command *cmd, const cli_args *a)
{
    if (a->npos > 0)
        return cli_usage_error(cmd, "unexpected argument '%s'", a->pos[0]);
    q_txn_opts o = {.sort = Q_SORT_DATE};
    const char *s = cli_get(cmd, a, "sort");
    if (s && !q_sort_parse(s, &o.sort))
        return cli_usage_error(cmd, "--sort '%s': not date or amount", s);
    out_format fmt = OUT_TABLE;
    s = cli_get(cmd, a, "format");
    if (s && !out_format_parse(s, OUT_ALLOW_TABLE | OUT_ALLOW_CSV | OUT_ALLOW_JSON, &fmt))
        return cli_usage_error(cmd, "--format '%s': not table, csv or json", s);
    long limit;
    if (!cli_get_int(cmd, a, "limit", 50, 0, 100000000, &limit))
        return CL_EXIT_USAGE;
    q_filter f;
    cli_filter_store st;
    int rc;
    db_conn *c = cli_filters_open(cmd, a, false, &f, &st, &rc);
    if (!c)
        return rc;
    out_table t;
    out_init(&t, cols, C_N);
    cl_err err = {0};
    char *cursor = NULL;
    bool more = false;
    long left = limit;
    /* pages of up to 1000 rows, each continuing where the last ended */
    for (;;) {
        o.limit = (int)(left == 0 || left > 1000 ? 1000 : left);
        o.cursor = cursor;
        q_txn_page *p;
        if (q_transactions(c, &f, &o, &p, &err) != 0) {
            rc = cli_query_error(cmd, &err);
            break;
        }
        add_rows(&t, p);
        free(cursor);
        cursor = p->next_cursor;
        p->next_cursor = NULL;
        if (limit)
            left -= p->nrows;
        q_txn_page_free(p);
        if (!cursor)
            break;
        if (limit && left <= 0) {
            more = true;
            break;
        }
    }
    free(cursor);
    db_close(c);
    cli_filter_store_free(&st);
    if (rc == 0) {
        out_print(&t, fmt, stdout);
        if (fmt == OUT_TABLE && t.nrows == 0)
            printf("(no transactions match)\n");
        else if (fmt == OUT_TABLE)
            printf("(%d %s%s)\n", t.nrows, t.nrows == 1 ? "transaction" : "transactions",
                   more ? "; there are more: --limit N, or 0 for all" : "");
    }
    out_free(&t);
    return rc;
}

const cli_command cli_cmd_transactions = {
    .name = "transactions",
    .summary = "the transactions themselves, filtered, newest first",
    .usage = "transactions [--from D] [--to D] [--year Y] [--card C]... [--category C]... [--kind K]... "
             "[--merchant TEXT] [--search TEXT] [--min A] [--max A] [--sort date|amount] [--limit N] "
             "[--format table|csv|json]",
    .description = description,
    .opts = opts,
    .run = run,
};
