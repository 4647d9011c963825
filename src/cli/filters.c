/* filters.c - reading the shared filter options into a q_filter, with one-line errors naming the option. */
#include "filters.h"

#include "common/util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int cli_this_year(void)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    return tm.tm_year + 1900;
}

/* YYYY-MM-DD, or YYYY-MM meaning its first (or, for an end, last) day. */
static bool parse_day(const char *s, bool end, cl_date *out)
{
    int m;
    if (q_month_parse(s, &m)) {
        int y = q_month_year(m), mo = q_month_mon(m);
        *out = cl_date_from_ymd(y, mo, end ? cl_days_in_month(y, mo) : 1);
        return true;
    }
    *out = cl_date_parse_iso(s);
    return *out != CL_DATE_NONE;
}

static bool parse_year(const char *s, int *y)
{
    if (strlen(s) != 4 || strspn(s, "0123456789") != 4)
        return false;
    *y = atoi(s);
    return *y >= 1900 && *y <= 2199;
}

int cli_filters_read(const cli_command *cmd, const cli_args *a, bool default_this_year, q_filter *f,
                     cli_filter_store *st)
{
    q_filter_init(f);
    memset(st, 0, sizeof *st);
    const char *from = cli_get(cmd, a, "from"), *to = cli_get(cmd, a, "to"), *year = cli_get(cmd, a, "year");
    if (year && (from || to))
        return cli_usage_error(cmd, "--year and --%s exclude each other", from ? "from" : "to");
    if (year) {
        int y;
        if (!parse_year(year, &y))
            return cli_usage_error(cmd, "--year '%s': not a year from 1900 to 2199", year);
        f->from = cl_date_from_ymd(y, 1, 1);
        f->to = cl_date_from_ymd(y, 12, 31);
    }
    if (from && !parse_day(from, false, &f->from))
        return cli_usage_error(cmd, "--from '%s': not a date (YYYY-MM-DD or YYYY-MM)", from);
    if (to && !parse_day(to, true, &f->to))
        return cli_usage_error(cmd, "--to '%s': not a date (YYYY-MM-DD or YYYY-MM)", to);
    if (f->from != CL_DATE_NONE && f->to != CL_DATE_NONE && f->from > f->to)
        return cli_usage_error(cmd, "--from %s is after --to %s", from, to);
    if (!year && !from && !to && default_this_year) {
        int y = cli_this_year();
        f->from = cl_date_from_ymd(y, 1, 1);
        f->to = cl_date_from_ymd(y, 12, 31);
    }

    const char *v[CLI_MAX_VALUES];
    f->ncards = cli_get_all(cmd, a, "card", v, CLI_MAX_VALUES);
    if (f->ncards > Q_MAX_LIST)
        return cli_usage_error(cmd, "--card: at most %d cards", Q_MAX_LIST);
    for (int i = 0; i < f->ncards; i++) {
        if (!*v[i])
            return cli_usage_error(cmd, "--card: empty");
        f->cards[i] = v[i];
    }
    f->ncategories = cli_get_all(cmd, a, "category", v, CLI_MAX_VALUES);
    if (f->ncategories > Q_MAX_LIST)
        return cli_usage_error(cmd, "--category: at most %d categories", Q_MAX_LIST);
    for (int i = 0; i < f->ncategories; i++)
        f->categories[i] = v[i];
    /* kinds are identifiers, so "purchase,fee" is two */
    int nk = cli_get_all(cmd, a, "kind", v, CLI_MAX_VALUES);
    for (int i = 0; i < nk; i++) {
        char *copy = xstrdup(v[i]), *save = NULL;
        if (st->n < Q_MAX_LIST)
            st->kinds_text[st->n++] = copy;
        else
            free(copy), copy = NULL;
        for (char *t = copy ? strtok_r(copy, ",", &save) : NULL; t; t = strtok_r(NULL, ",", &save)) {
            if (f->nkinds >= Q_MAX_LIST)
                return cli_usage_error(cmd, "--kind: at most %d kinds", Q_MAX_LIST);
            f->kinds[f->nkinds++] = t;
        }
        if (!copy)
            return cli_usage_error(cmd, "--kind: given too often");
    }
    f->merchant = cli_get(cmd, a, "merchant");
    if (f->merchant && !*f->merchant)
        return cli_usage_error(cmd, "--merchant: empty");
    f->search = cli_get(cmd, a, "search");
    if (f->search && !*f->search)
        return cli_usage_error(cmd, "--search: empty");
    const char *names[] = {"min", "max"};
    cl_money *vals[] = {&f->min, &f->max};
    bool *has[] = {&f->has_min, &f->has_max};
    for (int i = 0; i < 2; i++) {
        const char *s = cli_get(cmd, a, names[i]);
        if (!s)
            continue;
        if (!cl_money_parse(s, vals[i]) || *vals[i] < 0)
            return cli_usage_error(cmd, "--%s '%s': not an amount (e.g. 100 or 12.50)", names[i], s);
        *has[i] = true;
    }
    if (f->has_min && f->has_max && f->min > f->max)
        return cli_usage_error(cmd, "--min is larger than --max");
    return 0;
}

void cli_filter_store_free(cli_filter_store *st)
{
    for (int i = 0; i < st->n; i++)
        free(st->kinds_text[i]);
    st->n = 0;
}

db_conn *cli_open_db(const cli_command *cmd, const cli_args *a, int *rc)
{
    cl_err err = {0};
    db_conn *c = db_open(cli_get(cmd, a, "db"), cli_flag(cmd, a, "no-migrate") ? DB_NO_MIGRATE : 0, &err);
    if (!c) {
        fprintf(stderr, "cardledger %s: %s\n", cmd->name, err.msg);
        *rc = cl_err_exit_code(&err);
    }
    return c;
}

int cli_query_error(const cli_command *cmd, const cl_err *err)
{
    if (err->code == CL_E_USAGE) {
        /* the read layer names the filter first: "card 'x': ..." */
        size_t n = strspn(err->msg, "abcdefghijklmnopqrstuvwxyz_");
        if (n > 0 && (err->msg[n] == ' ' || err->msg[n] == ':'))
            return cli_usage_error(cmd, "--%s", err->msg);
        return cli_usage_error(cmd, "%s", err->msg);
    }
    fprintf(stderr, "cardledger %s: %s\n", cmd->name, err->msg);
    return cl_err_exit_code(err);
}

db_conn *cli_filters_open(const cli_command *cmd, const cli_args *a, bool default_this_year, q_filter *f,
                          cli_filter_store *st, int *rc)
{
    db_conn *c = NULL;
    *rc = cli_filters_read(cmd, a, default_this_year, f, st);
    if (!*rc)
        c = cli_open_db(cmd, a, rc);
    if (!c)
        cli_filter_store_free(st);
    return c;
}
