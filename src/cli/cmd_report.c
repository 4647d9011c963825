/* cmd_report.c - `cardledger report`: spend, refunds and payments grouped by time, category, merchant, card or kind. */
#include "cli.h"
#include "filters.h"
#include "output.h"

#include "query/query.h"

#include <stdio.h>
#include <string.h>

static const cli_opt opts[] = {
    CLI_OPTS_DB,
    CLI_OPTS_PERIOD,
    CLI_OPTS_CARD,
    CLI_OPTS_WHAT,
    {"by", 0, "GROUP", "month (default), week, day, year, category, merchant, card or kind"},
    {"top", 0, "N", "only the N groups with the most spend (per currency); the total counts all"},
    CLI_OPT_FORMAT("table (default), csv or json"),
    CLI_OPT_END,
};

static const char description[] =
    "Spend is purchases + fees + interest + cash advances - refunds; payments and\n"
    "balance transfers are never spend. Every figure is per currency. Without\n"
    "--from/--to/--year the report covers this calendar year. The table ends with\n"
    "a total row per currency; --format json prints one array of objects whose\n"
    "amounts are exact decimal strings:\n"
    "  {\"key\": \"2024-01\", \"currency\": \"USD\", \"transactions\": 41,\n"
    "   \"spend\": \"1234.56\", \"refunds\": \"12.00\", \"payments\": \"1500.00\"}\n"
    "\n"
    "Examples:\n"
    "  cardledger report --year 2024                       # spend per month\n"
    "  cardledger report --year 2024 --by merchant --top 10\n"
    "  cardledger report --by category --card chase:4101 --from 2024-03 --to 2024-05\n"
    "  cardledger report --by week --kind fee,interest --format csv\n";

static int run(const cli_command *cmd, const cli_args *a)
{
    if (a->npos > 0)
        return cli_usage_error(cmd, "unexpected argument '%s'", a->pos[0]);
    q_by by = Q_BY_MONTH;
    const char *s = cli_get(cmd, a, "by");
    if (s && !q_by_parse(s, &by))
        return cli_usage_error(cmd, "--by '%s': not one of %s", s, q_by_names());
    out_format fmt = OUT_TABLE;
    s = cli_get(cmd, a, "format");
    if (s && !out_format_parse(s, OUT_ALLOW_TABLE | OUT_ALLOW_CSV | OUT_ALLOW_JSON, &fmt))
        return cli_usage_error(cmd, "--format '%s': not table, csv or json", s);
    long top;
    if (!cli_get_int(cmd, a, "top", 0, 1, 1000000, &top))
        return CL_EXIT_USAGE;
    q_filter f;
    cli_filter_store st;
    int rc;
    db_conn *c = cli_filters_open(cmd, a, true, &f, &st, &rc);
    if (!c)
        return rc;
    cl_err err = {0};
    q_report *r;
    if (q_report_run(c, &f, by, (int)top, &r, &err) != 0) {
        rc = cli_query_error(cmd, &err);
        db_close(c);
        cli_filter_store_free(&st);
        return rc;
    }
    db_close(c);
    cli_filter_store_free(&st);

    out_col cols[] = {
        {.name = "key"}, {.name = "label"}, {.name = "currency"}, {.name = "transactions", .type = OUT_NUM},
        {.name = "spend", .type = OUT_AMOUNT}, {.name = "refunds", .type = OUT_AMOUNT},
        {.name = "payments", .type = OUT_AMOUNT},
    };
    /* the table names the key column by the grouping; only cards have labels */
    if (fmt == OUT_TABLE)
        cols[0].name = q_by_name(by);
    if (by != Q_BY_CARD)
        cols[1].table_only = cols[1].data_only = true;
    else
        cols[1].max_width = 24;
    cols[0].max_width = by == Q_BY_MERCHANT ? 40 : 0;
    out_table t;
    out_init(&t, cols, 7);
    for (int pass = 0; pass < 2; pass++) {
        const q_report_row *rows = pass ? r->totals : r->rows;
        int n = pass ? r->ntotals : r->nrows;
        if (pass)
            out_begin_footer(&t);
        for (int i = 0; i < n; i++) {
            char cnt[24], sp[32], rf[32], pm[32];
            snprintf(cnt, sizeof cnt, "%lld", rows[i].transactions);
            const char *v[] = {rows[i].key, rows[i].label, rows[i].currency, cnt, cl_money_format(rows[i].spend, sp),
                               cl_money_format(rows[i].refunds, rf), cl_money_format(rows[i].payments, pm)};
            out_row(&t, v);
        }
    }
    out_print(&t, fmt, stdout);
    if (fmt == OUT_TABLE && r->nrows == 0)
        printf("(no transactions match)\n");
    if (fmt == OUT_TABLE && r->omitted)
        printf("(%d more %s not shown; the total counts them)\n", r->omitted,
               r->omitted == 1 ? "group" : "groups");
    out_free(&t);
    q_report_free(r);
    return CL_EXIT_OK;
}

const cli_command cli_cmd_report = {
    .name = "report",
    .summary = "spend, refunds and payments by month, category, merchant, card, kind ...",
    .usage = "report [--from D] [--to D] [--year Y] [--card C]... [--category C]... [--kind K]... "
             "[--merchant TEXT] [--by GROUP] [--top N] [--format table|csv|json]",
    .description = description,
    .opts = opts,
    .run = run,
};
