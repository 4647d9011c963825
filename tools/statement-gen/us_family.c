/* us_family.c - a US issuer's statement from its us_spec: the pages
 * around the activity, the activity table (sections of dated rows with
 * their totals) and the closing blocks. */
#include "us_family.h"
#include "fmt.h"
#include "items.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A row's amount in the spec's style (v from the holder's view). */
static const char *row_amount(const us_spec *sp, cl_money v)
{
    cl_money printed = -v; /* charges print positive */
    switch (sp->amt) {
    case US_AMT_MINUS: return sg_money_signed(printed, "");
    case US_AMT_MINUS_DOLLAR: return sg_money_signed(printed, "$");
    case US_AMT_MINUS_SP_DOLLAR:
        return printed < 0 ? sg_strf("- $%s", sg_num(printed)) : sg_strf("$%s", sg_num(printed));
    case US_AMT_CR: return printed < 0 ? sg_strf("%sCR", sg_num(printed)) : sg_num(printed);
    case US_AMT_COLUMNS: return sg_num(printed);
    }
    return "";
}

/* A section total as printed: credits per the style, charges plain. */
static const char *total_amount(const us_spec *sp, cl_money v)
{
    cl_money printed = -v;
    switch (sp->amt) {
    case US_AMT_CR:
        return printed < 0 ? sg_strf("$%sCR", sg_num(printed)) : sg_strf("$%s", sg_num(printed));
    case US_AMT_COLUMNS: return sg_strf("$%s", sg_num(printed));
    case US_AMT_MINUS_SP_DOLLAR:
        return printed < 0 ? sg_strf("- $%s", sg_num(printed)) : sg_strf("$%s", sg_num(printed));
    default: return sg_money_signed(printed, "$");
    }
}

/* Line i of a foreign purchase's currency lines, NULL past the last. */
static const char *fx_line(const us_spec *sp, const sg_txn *t, int i)
{
    const char *amt = sg_num(t->foreign_amount), *cur = t->foreign_currency;
    const char *rate6 = sg_rate(t->rate_micro, 6);
    switch (sp->fx) {
    case US_FX_NONE: return NULL;
    case US_FX_AMEX:
        return i == 0 ? sg_strf("Foreign Spend Amount: %s %s", amt, cur)
               : i == 1 ? sg_strf("Commission Amount: 0.00 Currency Exchange Rate: %s",
                                  sg_rate(t->rate_micro, 4))
                        : NULL;
    case US_FX_AT: return i == 0 ? sg_strf("%s %s @ %s", amt, cur, rate6) : NULL;
    case US_FX_CITI:
        return i == 0 ? sg_strf("%s %s EXCHANGE RATE %s", amt, t->foreign_name, rate6) : NULL;
    case US_FX_DISCOVER:
        return i == 0 ? sg_strf("Foreign Currency %s %s Rate %s", amt, cur, rate6) : NULL;
    case US_FX_WF: return i == 0 ? sg_strf("%s %s EXCHG RATE %s", amt, cur, rate6) : NULL;
    case US_FX_USB: return i == 0 ? sg_strf("%s %s CONVERSION RATE %s", amt, cur, rate6) : NULL;
    case US_FX_BARCLAYS:
        return i == 0 ? sg_strf("%s %s @ %s", amt, t->foreign_name, rate6) : NULL;
    case US_FX_CHASE:
        return i == 0   ? sg_strf("%s %s", sg_datef(sp->date_fmt, t->date), t->foreign_name)
               : i == 1 ? sg_strf("%s X %s (EXCHG RATE)", amt, rate6)
                        : NULL;
    }
    return NULL;
}

/* The issuer's extra column (reference, category, points, Daily Cash). */
static void extra_column(sg_render *r, const us_spec *sp, const sg_txn *t, double y)
{
    sg_doc *d = r->doc;
    cl_money dollars = (t->amount < 0 ? -t->amount : t->amount) / 100;
    switch (sp->extra) {
    case US_X_NONE: break;
    case US_X_REF4: sg_text(d, sp->body, sp->x_extra, y, SG_LEFT, sg_strf("%.4s", t->ref)); break;
    case US_X_REF17:
        sg_text(d, sp->body, sp->x_extra, y, SG_LEFT,
                sg_strf("%.7s%c%c%.8s", t->ref, 'A' + (t->ref[7] - '0'), 'K' + (t->ref[8] - '0'),
                        t->ref + 9));
        break;
    case US_X_CATEGORY: sg_text(d, sp->body, sp->x_extra, y, SG_LEFT, t->category); break;
    case US_X_POINTS:
        if (t->kind == SG_PURCHASE)
            sg_text(d, sp->body, sp->x_extra, y, SG_RIGHT, sg_strf("%lld", (long long)dollars));
        else if (t->kind == SG_REFUND)
            sg_text(d, sp->body, sp->x_extra, y, SG_RIGHT, sg_strf("-%lld", (long long)dollars));
        break;
    case US_X_DAILY_CASH:
        if (t->kind == SG_PURCHASE) {
            int pct = t->seq % 3 == 0 ? 2 : 1;
            cl_money cash = (-t->amount * pct + 50) / 100;
            sg_text(d, sp->body, sp->x_extra - 40, y, SG_RIGHT, sg_strf("%d%%", pct));
            sg_text(d, sp->body, sp->x_extra, y, SG_RIGHT, sg_strf("$%s", sg_num(cash)));
        }
        break;
    }
}

/* One transaction: dates, wrapped description, currency lines, extra
 * column and amount, kept on one page. */
static void row(sg_render *r, const us_spec *sp, const sg_txn *t)
{
    sg_doc *d = r->doc;
    char *lines[6];
    int n = sg_desc_lines(r, sp->body, t->desc, sp->desc_w, lines,
                          sp->desc_lines ? sp->desc_lines : 6);
    int fx = 0;
    bool foreign = t->foreign && sp->fx != US_FX_NONE;
    while (foreign && fx_line(sp, t, fx))
        fx++;
    sg_need(r, sp->lh * (n + fx));
    double y = r->y;
    const char *date = sg_datef(sp->date_fmt, t->date);
    if (sp->star_payments && t->kind == SG_PAYMENT)
        date = sg_strf("%s*", date);
    if (sp->x_post > 0) {
        const char *posted = sg_datef(sp->date_fmt, t->posted);
        sg_text(d, sp->body, sp->x_date, y, SG_LEFT, sp->post_first ? posted : date);
        sg_text(d, sp->body, sp->x_post, y, SG_LEFT, sp->post_first ? date : posted);
    } else {
        sg_text(d, sp->body, sp->x_date, y, SG_LEFT, date);
    }
    for (int i = 0; i < n; i++)
        sg_text(d, sp->body, sp->x_desc, y + sp->lh * i, SG_LEFT, lines[i]);
    bool credit_col = sp->amt == US_AMT_COLUMNS && t->amount > 0;
    double x_amt = credit_col ? sp->x_credit : sp->x_amt;
    if (sp->amount_first)
        sg_text(d, sp->body, x_amt, y, SG_RIGHT, row_amount(sp, t->amount));
    for (int i = 0; i < fx; i++)
        sg_text(d, sp->body, sp->x_desc, y + sp->lh * (n + i), SG_LEFT, fx_line(sp, t, i));
    extra_column(r, sp, t, y);
    if (!sp->amount_first)
        sg_text(d, sp->body, x_amt, y, SG_RIGHT, row_amount(sp, t->amount));
    sg_row(r, t, y, (sp->x_post > 0 ? SG_ROW_POSTED : 0) | (foreign ? SG_ROW_FOREIGN : 0));
    r->y += sp->lh * (n + fx);
}

/* A section: its title, its rows in statement order and its total;
 * nothing when it is empty unless it is always printed. */
static void section(sg_render *r, const us_spec *sp, const us_section *sec)
{
    const sg_txn **v;
    size_t n = sg_select(r->st, -1, &v), count = 0;
    cl_money sum = 0;
    for (size_t i = 0; i < n; i++)
        if (sec->kinds & US_K(v[i]->kind))
            count++, sum += v[i]->amount;
    if (count || sec->always) {
        sg_need(r, sp->lh * (sp->tight ? 2 : 3)); /* the title and a row, or its total */
        sg_text(r->doc, sp->bold, sp->x_title, r->y, SG_LEFT, sg_expand(r, sec->title));
        r->y += sp->lh;
        for (size_t i = 0; i < n; i++)
            if (sec->kinds & US_K(v[i]->kind))
                row(r, sp, v[i]);
        if (sec->total) {
            sg_need(r, sp->lh);
            bool credit_col = sp->amt == US_AMT_COLUMNS && sum > 0;
            sg_text(r->doc, sp->bold, sp->x_title, r->y, SG_LEFT, sg_expand(r, sec->total));
            sg_text(r->doc, sp->bold, credit_col ? sp->x_credit : sp->x_amt, r->y, SG_RIGHT,
                    total_amount(sp, sum));
            r->y += sp->lh;
        }
        if (!sp->tight)
            r->y += sp->lh * 0.5;
    }
    free(v);
}

/* The sections in order; inside them (r->section) page breaks repeat the
 * activity's title and column headings. */
static void activity(sg_render *r, const us_spec *sp)
{
    r->section = 1;
    for (const us_section *sec = sp->sections; sec->title; sec++)
        section(r, sp, sec);
    r->section = 0;
}

/* --- closing blocks --------------------------------------------------- */

void us_ytd_lines(sg_render *r, const sg_font *title_font, const sg_font *body, double x_label,
                  double x_value, double lh, const char *title, const char *fees,
                  const char *interest)
{
    const sg_statement *s = r->st;
    sg_text(r->doc, title_font, x_label, r->y, SG_LEFT, sg_expand(r, title));
    sg_pair(r, body, x_label, x_value, r->y + lh, sg_expand(r, fees),
            sg_strf("$%s", sg_num(s->ytd_fees)));
    sg_pair(r, body, x_label, x_value, r->y + lh * 2, sg_expand(r, interest),
            sg_strf("$%s", sg_num(s->ytd_interest)));
}

/* The year-to-date block one line below the activity. */
static void ytd(sg_render *r, const us_spec *sp)
{
    const us_ytd_spec *y = &sp->ytd;
    sg_need(r, sp->lh * 4);
    r->y += sp->lh;
    us_ytd_lines(r, sp->bold, sp->body, y->x_label, y->x_value, sp->lh, y->title, y->fees,
                 y->interest);
    r->y += sp->lh * 3;
}

/* Four columns between the section titles and the amounts. */
static void interest_table(sg_render *r, const us_spec *sp)
{
    const us_interest_spec *in = &sp->interest;
    const char *const *heads = in->heads, *apr_suffix = in->apr_suffix;
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    double lh = sp->lh, x0 = sp->x_title, x3 = sp->x_amt;
    double xs[4] = {x0, x0 + (x3 - x0) * 0.25, x0 + (x3 - x0) * 0.80, x3};
    sg_need(r, lh * 7);
    r->y += lh;
    sg_text(d, sp->bold, x0, r->y, SG_LEFT, in->title);
    r->y += lh;
    for (int i = 0; i < 4; i++)
        sg_text(d, sp->bold, xs[i], r->y, i < 2 ? SG_LEFT : SG_RIGHT, heads[i]);
    const char *apr = sg_strf("%d.%02d%%%s", s->apr_bp / 100, s->apr_bp % 100, apr_suffix);
    const char *rows[2][4] = {
        {in->purchases, apr, sg_strf("$%s", sg_num(s->interest_base)),
         sg_strf("$%s", sg_num(s->interest))},
        {in->advances, sg_strf("29.99%%%s", apr_suffix), "$0.00", "$0.00"},
    };
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < 4; i++)
            sg_text(d, sp->body, xs[i], r->y + lh * (k + 1), i < 2 ? SG_LEFT : SG_RIGHT,
                    rows[k][i]);
    r->y += lh * 3;
    if (in->footer) {
        sg_text(d, sp->body, x0, r->y, SG_LEFT, sg_expand(r, in->footer));
        r->y += lh;
    }
}

/* --- pages ------------------------------------------------------------ */

/* Item lists in order, up to a NULL. */
static void draw_lists(sg_render *r, const sg_item *const *lists)
{
    for (; *lists; lists++)
        sg_items(r, *lists);
}

/* The activity's title and column headings at r->y. */
static void activity_heads(sg_render *r, const us_spec *sp)
{
    if (sp->title) {
        sg_items_at(r, sp->title, r->y);
        r->y += sp->lh * 1.5;
    }
    if (sp->col_heads) {
        sg_items_at(r, sp->col_heads, r->y);
        r->y += sp->lh * sp->heads_lines;
    }
}

/* Starts a page after the first; inside the activity (r->section) it
 * carries the activity's title and column headings. */
static void next_page(sg_render *r)
{
    const us_spec *sp = r->lay->spec;
    sg_new_page(r);
    draw_lists(r, sp->next);
    r->y = sp->top;
    r->bottom = sp->bottom;
    if (r->section)
        activity_heads(r, sp);
}

void us_render(sg_render *r)
{
    const us_spec *sp = r->lay->spec;
    const sg_statement *s = r->st;
    sg_new_page(r);
    draw_lists(r, sp->first);
    r->truth.last4_printed = true;
    r->truth.period_printed = sp->prints_period;
    sg_summary_all(r, -(s->payments + s->refunds));
    r->section = 1; /* the activity's first page already carries its headings */
    r->next_page = next_page;
    if (sp->start > 0) {
        r->y = sp->start;
        r->bottom = sp->bottom;
        activity_heads(r, sp);
    } else {
        next_page(r);
    }
    activity(r, sp);
    if (sp->closing) {
        sp->closing(r);
    } else {
        ytd(r, sp);
        interest_table(r, sp);
    }
}
