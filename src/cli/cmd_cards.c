/* cmd_cards.c - `cardledger cards [list | label ISSUER:LAST4 NAME]`: the cards seen, and their names. */
#include "cli.h"
#include "filters.h"
#include "output.h"

#include "query/query.h"

#include <stdio.h>
#include <string.h>

static const cli_opt opts[] = {
    CLI_OPTS_DB,
    CLI_OPT_FORMAT("table (default), csv or json"),
    CLI_OPT_END,
};

static const char description[] =
    "'cards' (or 'cards list') shows every card with its first and last statement,\n"
    "how many statements (and how many of those do not reconcile), transactions and\n"
    "currencies. 'cards label ISSUER:LAST4 NAME' names a card; the name appears in\n"
    "every output and works wherever --card is taken. An empty NAME removes it.\n"
    "A name may not be 4 digits or contain ':'.\n"
    "\n"
    "Examples:\n"
    "  cardledger cards\n"
    "  cardledger cards label chase:4101 Travel\n"
    "  cardledger report --card Travel --by merchant\n";

static int list(const cli_command *cmd, db_conn *c, out_format fmt)
{
    cl_err err = {0};
    q_card *cards;
    int n;
    if (q_cards_list(c, &cards, &n, &err) != 0)
        return cli_query_error(cmd, &err);
    static const out_col cols[] = {
        {.name = "card"}, {.name = "issuer", .data_only = true}, {.name = "card_last4", .data_only = true},
        {.name = "label", .max_width = 24}, {.name = "first_period_start"}, {.name = "last_period_end"},
        {.name = "statements", .type = OUT_NUM}, {.name = "unreconciled", .type = OUT_NUM},
        {.name = "transactions", .type = OUT_NUM}, {.name = "currencies"},
    };
    out_table t;
    out_init(&t, cols, 10);
    for (int i = 0; i < n; i++) {
        char card[64], first[11], last[11], st[16], un[16], tx[24];
        snprintf(card, sizeof card, "%s:%s", cards[i].issuer, cards[i].card_last4);
        snprintf(st, sizeof st, "%d", cards[i].statements);
        snprintf(un, sizeof un, "%d", cards[i].unreconciled);
        snprintf(tx, sizeof tx, "%lld", cards[i].transactions);
        const char *v[] = {card, cards[i].issuer, cards[i].card_last4, cards[i].label,
                           cards[i].first_start == CL_DATE_NONE ? NULL : cl_date_format(cards[i].first_start, first),
                           cards[i].last_end == CL_DATE_NONE ? NULL : cl_date_format(cards[i].last_end, last),
                           st, un, tx, cards[i].currencies};
        out_row(&t, v);
    }
    out_print(&t, fmt, stdout);
    if (fmt == OUT_TABLE && n == 0)
        printf("(no cards yet: 'cardledger ingest FOLDER' reads your statements)\n");
    out_free(&t);
    q_cards_free(cards, n);
    return CL_EXIT_OK;
}

static int run(const cli_command *cmd, const cli_args *a)
{
    const char *action = a->npos > 0 ? a->pos[0] : "list";
    out_format fmt = OUT_TABLE;
    const char *s = cli_get(cmd, a, "format");
    if (s && !out_format_parse(s, OUT_ALLOW_TABLE | OUT_ALLOW_CSV | OUT_ALLOW_JSON, &fmt))
        return cli_usage_error(cmd, "--format '%s': not table, csv or json", s);
    bool is_list = strcmp(action, "list") == 0, is_label = strcmp(action, "label") == 0;
    if (!is_list && !is_label)
        return cli_usage_error(cmd, "unknown action '%s' (list or label)", action);
    if (is_list && a->npos > 1)
        return cli_usage_error(cmd, "list takes no arguments");
    if (is_label && a->npos != 3)
        return cli_usage_error(cmd, "label takes ISSUER:LAST4 and NAME (\"\" removes the name)");
    int rc = 0;
    db_conn *c = cli_open_db(cmd, a, &rc);
    if (!c)
        return rc;
    if (is_list) {
        rc = list(cmd, c, fmt);
    } else {
        cl_err err = {0};
        const char *spec = a->pos[1], *name = a->pos[2];
        if (q_card_set_label(c, spec, name, &err) != 0) {
            /* here the card and the label are arguments, not options */
            rc = err.code == CL_E_USAGE ? cli_usage_error(cmd, "%s", err.msg) : cli_query_error(cmd, &err);
        } else if (*name) {
            printf("%s is now labelled '%s'\n", spec, name);
        } else {
            printf("%s has no label now\n", spec);
        }
    }
    db_close(c);
    return rc;
}

const cli_command cli_cmd_cards = {
    .name = "cards",
    .summary = "the cards seen, with first and last statement; 'cards label' names one",
    .usage = "cards [list | label ISSUER:LAST4 NAME] [--format table|csv|json]",
    .description = description,
    .opts = opts,
    .run = run,
};
