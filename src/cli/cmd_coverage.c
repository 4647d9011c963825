/* cmd_coverage.c - `cardledger coverage`: a grid of months per card proving that no statement is missing. */
#include "cli.h"
#include "filters.h"
#include "output.h"

#include "common/json.h"
#include "common/sbuf.h"
#include "query/query.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static const cli_opt opts[] = {
    CLI_OPTS_DB,
    CLI_OPTS_PERIOD,
    CLI_OPTS_CARD,
    {"strict", 0, NULL, "exit 1 unless every month of every card in the range is ok"},
    CLI_OPT_FORMAT("table (default) or json"),
    CLI_OPT_END,
};

static const char description[] =
    "A month of a card is\n"
    "  ok            its statement is present, reconciles with its printed totals, and\n"
    "                its previous balance is the prior statement's new balance\n"
    "  unreconciled  present, but its transactions do not add up to its totals\n"
    "  chain-break   present, but its previous balance is not the prior statement's\n"
    "                new balance: a statement between them is missing or was misread\n"
    "  missing       no statement period covers it while the card was active\n"
    "  inactive      before the card's first statement, or after its last when that\n"
    "                one's new balance is 0.00 (shown '-'); after a last statement with\n"
    "                a balance, the cycles other cards' statements show have passed\n"
    "                are missing\n"
    "A month's statement is the one whose period ends in it, so cycles such as\n"
    "13 Dec - 12 Jan need no calendar alignment; more than 5 days between one\n"
    "statement's end and the next one's start is a missing statement. --from/--to\n"
    "take months (YYYY-MM); without them, this calendar year. --strict exits 1 when\n"
    "any month in the range is not ok (or no statement is in it at all): the proof\n"
    "that, say, all of 2024 from every card is in.\n"
    "\n"
    "Examples:\n"
    "  cardledger coverage --year 2024 --strict\n"
    "  cardledger coverage --from 2023-07 --to 2024-06 --card amex_us:5212 --format json\n";

static const char *cell(q_cov_state s)
{
    switch (s) {
    case Q_COV_OK: return "ok";
    case Q_COV_UNRECONCILED: return "UNREC";
    case Q_COV_CHAIN_BREAK: return "BREAK";
    case Q_COV_MISSING: return "MISS";
    case Q_COV_INACTIVE: return "-";
    }
    return "?";
}

static void card_name(const q_cov_card *k, char *out, size_t n)
{
    if (k->label)
        snprintf(out, n, "%s:%s (%s)", k->issuer, k->card_last4, k->label);
    else
        snprintf(out, n, "%s:%s", k->issuer, k->card_last4);
}

static void print_table(const q_coverage *cv)
{
    static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int w = 4;
    char name[200];
    for (int i = 0; i < cv->ncards; i++) {
        card_name(&cv->cards[i], name, sizeof name);
        if ((int)strlen(name) > w)
            w = (int)strlen(name);
    }
    char a[8], b[8];
    printf("coverage %s to %s: ok, UNREC unreconciled, BREAK chain break, MISS missing, - inactive\n",
           q_month_format(cv->from, a), q_month_format(cv->to, b));
    if (cv->ncards == 0) {
        printf("(no statements of these cards)\n");
        return;
    }
    /* one block per calendar year */
    for (int y0 = cv->from; y0 <= cv->to; y0 = q_month(q_month_year(y0) + 1, 1)) {
        int y1 = q_month(q_month_year(y0), 12);
        if (y1 > cv->to)
            y1 = cv->to;
        printf("\n%-*d", w, q_month_year(y0));
        for (int m = y0; m <= y1; m++)
            printf(m < y1 ? "  %-5s" : "  %s", mon[q_month_mon(m) - 1]);
        printf("\n");
        for (int i = 0; i < cv->ncards; i++) {
            const q_cov_card *k = &cv->cards[i];
            card_name(k, name, sizeof name);
            sbuf line = {0};
            sbuf_printf(&line, "%-*s", w, name);
            for (int m = y0; m <= y1; m++)
                sbuf_printf(&line, "  %-5s", cell(k->months[m - cv->from]));
            while (line.len && line.p[line.len - 1] == ' ')
                sbuf_truncate(&line, line.len - 1);
            printf("%s\n", sbuf_str(&line));
            sbuf_free(&line);
        }
    }
    printf("\n");
    if (cv->problem_cells == 0) {
        if (cv->active_cells)
            printf("all %d card-months are ok\n", cv->active_cells);
        else
            printf("no statement covers any month of the range\n");
        return;
    }
    printf("problems (%d of %d card-months):\n", cv->problem_cells, cv->active_cells);
    for (int i = 0; i < cv->ncards; i++) {
        const q_cov_card *k = &cv->cards[i];
        card_name(k, name, sizeof name);
        for (int j = 0; j < k->nproblems; j++)
            printf("  %-*s  %s  %-12s  %s\n", w, name, q_month_format(k->problems[j].month, a),
                   q_cov_state_name(k->problems[j].state), k->problems[j].detail);
    }
}

static void print_json(const q_coverage *cv)
{
    sbuf b = {0};
    char m[8], d[11];
    sbuf_printf(&b, "{\"from\":\"%s\",", q_month_format(cv->from, m));
    sbuf_printf(&b, "\"to\":\"%s\",\"complete\":%s,\"cards\":[", q_month_format(cv->to, m),
                cv->problem_cells == 0 && cv->active_cells > 0 ? "true" : "false");
    for (int i = 0; i < cv->ncards; i++) {
        const q_cov_card *k = &cv->cards[i];
        sbuf_puts(&b, i ? ",\n{\"issuer\":" : "\n{\"issuer\":");
        cl_json_string(&b, k->issuer, false);
        sbuf_printf(&b, ",\"card_last4\":\"%s\",\"label\":", k->card_last4);
        if (k->label)
            cl_json_string(&b, k->label, false);
        else
            sbuf_puts(&b, "null");
        sbuf_printf(&b, ",\"first_period_start\":\"%s\"", cl_date_format(k->first_start, d));
        sbuf_printf(&b, ",\"last_period_end\":\"%s\",\"months\":{", cl_date_format(k->last_end, d));
        for (int j = 0; j < cv->nmonths; j++)
            sbuf_printf(&b, "%s\"%s\":\"%s\"", j ? "," : "", q_month_format(cv->from + j, m),
                        q_cov_state_name(k->months[j]));
        sbuf_puts(&b, "},\"problems\":[");
        for (int j = 0; j < k->nproblems; j++) {
            sbuf_printf(&b, "%s{\"month\":\"%s\",\"state\":\"%s\",\"detail\":", j ? "," : "",
                        q_month_format(k->problems[j].month, m), q_cov_state_name(k->problems[j].state));
            cl_json_string(&b, k->problems[j].detail, false);
            sbuf_putc(&b, '}');
        }
        sbuf_puts(&b, "]}");
    }
    sbuf_puts(&b, cv->ncards ? "\n]}\n" : "]}\n");
    fputs(sbuf_str(&b), stdout);
    sbuf_free(&b);
}

static int this_month(void)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    return q_month(tm.tm_year + 1900, tm.tm_mon + 1);
}

static int date_month(cl_date d)
{
    int y, m, day;
    cl_date_to_ymd(d, &y, &m, &day);
    return q_month(y, m);
}

static int run(const cli_command *cmd, const cli_args *a)
{
    if (a->npos > 0)
        return cli_usage_error(cmd, "unexpected argument '%s'", a->pos[0]);
    out_format fmt = OUT_TABLE;
    const char *s = cli_get(cmd, a, "format");
    if (s && !out_format_parse(s, OUT_ALLOW_TABLE | OUT_ALLOW_JSON, &fmt))
        return cli_usage_error(cmd, "--format '%s': not table or json", s);
    q_filter f;
    cli_filter_store st;
    int rc = cli_filters_read(cmd, a, true, &f, &st);
    if (rc) {
        cli_filter_store_free(&st);
        return rc;
    }
    /* only --from: up to this month; only --to: from January of its year */
    int from, to;
    if (f.from == CL_DATE_NONE)
        from = q_month(q_month_year(date_month(f.to)), 1);
    else
        from = date_month(f.from);
    if (f.to == CL_DATE_NONE)
        to = this_month() > from ? this_month() : from;
    else
        to = date_month(f.to);
    db_conn *c = cli_open_db(cmd, a, &rc);
    if (!c) {
        cli_filter_store_free(&st);
        return rc;
    }
    cl_err err = {0};
    q_coverage *cv;
    if (q_coverage_run(c, &f, from, to, &cv, &err) != 0) {
        rc = cli_query_error(cmd, &err);
        db_close(c);
        cli_filter_store_free(&st);
        return rc;
    }
    db_close(c);
    cli_filter_store_free(&st);
    if (fmt == OUT_JSON)
        print_json(cv);
    else
        print_table(cv);
    bool complete = cv->problem_cells == 0 && cv->active_cells > 0;
    q_coverage_free(cv);
    return cli_flag(cmd, a, "strict") && !complete ? CL_EXIT_FAILED : CL_EXIT_OK;
}

const cli_command cli_cmd_coverage = {
    .name = "coverage",
    .summary = "which months of each card are in and reconciled; --strict proves it",
    .usage = "coverage [--year Y | --from YYYY-MM --to YYYY-MM] [--card C]... [--strict] [--format table|json]",
    .description = description,
    .opts = opts,
    .run = run,
};
