/* render.c - page flow and the ground-truth record shared by all layouts. */
#include "layout.h"
#include "fmt.h"

#include "common/util.h"

#include <stdio.h>
#include <string.h>

int sg_new_page(sg_render *r)
{
    int next = sg_doc_page(r->doc) + 1;
    return sg_doc_new_page(r->doc, r->lay->orders[(next - 1) % 4]);
}

void sg_need(sg_render *r, double height)
{
    if (r->y + height > r->bottom + 0.01 && r->next_page)
        r->next_page(r);
}

void sg_row(sg_render *r, const sg_txn *t, double y, unsigned flags)
{
    sg_truth *tr = &r->truth;
    if (tr->n == tr->cap) {
        tr->cap = tr->cap ? tr->cap * 2 : 64;
        tr->rows = xrealloc(tr->rows, tr->cap * sizeof *tr->rows);
    }
    tr->rows[tr->n++] = (sg_truth_row){.t = t, .page = sg_doc_page(r->doc), .y = y,
                                       .flags = flags};
}

void sg_summary(sg_render *r, sg_sum_field f, cl_money printed)
{
    r->truth.sum_set[f] = true;
    r->truth.sum[f] = printed;
}

void sg_summary_all(sg_render *r, cl_money payments_printed)
{
    const sg_statement *s = r->st;
    sg_summary(r, SG_SUM_PREVIOUS, s->prev_balance);
    sg_summary(r, SG_SUM_PAYMENTS, payments_printed);
    sg_summary(r, SG_SUM_PURCHASES, s->purchases);
    sg_summary(r, SG_SUM_FEES, s->fees);
    sg_summary(r, SG_SUM_INTEREST, s->interest);
    sg_summary(r, SG_SUM_NEW, s->new_balance);
}

void sg_truth_free(sg_truth *t)
{
    free(t->rows);
    memset(t, 0, sizeof *t);
}

int sg_truth_check(const sg_render *r, cl_err *err)
{
    const sg_statement *s = r->st;
    const sg_truth *tr = &r->truth;
    if (tr->n != s->n)
        return cl_err_set(err, CL_E_FAILED, "%s: %zu transactions printed, %zu generated",
                          s->profile, tr->n, s->n);
    int pages = sg_doc_page(r->doc);
    for (int p = 1; p <= pages; p++) {
        double a, b;
        if (sg_doc_close_baselines(r->doc, p, 3.0, &a, &b))
            return cl_err_set(err, CL_E_FAILED, "%s: page %d: baselines %.2f and %.2f too close",
                              s->profile, p, a, b);
    }
    cl_money sum = 0;
    for (size_t i = 0; i < tr->n; i++) {
        for (size_t j = 0; j < i; j++)
            if (tr->rows[j].t == tr->rows[i].t)
                return cl_err_set(err, CL_E_FAILED, "%s: transaction %d printed twice",
                                  s->profile, tr->rows[i].t->seq);
        if (sg_doc_line_of(r->doc, tr->rows[i].page, tr->rows[i].y) == 0)
            return cl_err_set(err, CL_E_FAILED, "%s: transaction %d has no text line",
                              s->profile, tr->rows[i].t->seq);
        sum += tr->rows[i].t->amount;
    }
    if (s->new_balance - s->prev_balance != -sum)
        return cl_err_set(err, CL_E_FAILED, "%s: transactions do not reconcile", s->profile);
    /* The printed summary must be self-consistent where it is complete. */
    const cl_money *v = tr->sum;
    if (tr->sum_set[SG_SUM_PREVIOUS] && tr->sum_set[SG_SUM_NEW]) {
        bool acct = r->lay->account;
        if (v[SG_SUM_PREVIOUS] != (acct ? sg_account_balance(s->prev_balance) : s->prev_balance) ||
            v[SG_SUM_NEW] != (acct ? sg_account_balance(s->new_balance) : s->new_balance))
            return cl_err_set(err, CL_E_FAILED, "%s: printed balances differ", s->profile);
    }
    return 0;
}

const char *sg_card_grouped(const sg_statement *s, const char *sep, int mask_from, int mask_to)
{
    const char *n = s->card_full;
    int len = (int)strlen(n);
    static const int g16[] = {4, 4, 4, 4, 0}, g15[] = {4, 6, 5, 0};
    const int *groups = len == 15 ? g15 : g16;
    char out[64];
    size_t o = 0;
    int i = 0;
    for (const int *g = groups; *g; g++) {
        if (g != groups)
            o += (size_t)snprintf(out + o, sizeof out - o, "%s", sep);
        for (int k = 0; k < *g && i < len; k++, i++)
            out[o++] = i >= mask_from && i <= mask_to ? 'X' : n[i];
    }
    out[o] = '\0';
    return sg_strf("%s", out);
}

void sg_pair(sg_render *r, const sg_font *f, double xl, double xr, double y, const char *label,
             const char *value)
{
    sg_text(r->doc, f, xl, y, SG_LEFT, label);
    sg_text(r->doc, f, xr, y, SG_RIGHT, value);
}

double sg_para(sg_render *r, const sg_font *f, double x, double y, double width, double lh,
               const char *text)
{
    char *lines[64];
    int n = sg_wrap(r->doc, f, text, width, lines, 64);
    for (int i = 0; i < n; i++, y += lh)
        sg_text(r->doc, f, x, y, SG_LEFT, lines[i]);
    return y;
}

int sg_desc_lines(sg_render *r, const sg_font *f, const char *text, double width, char **out,
                  int max)
{
    return sg_wrap(r->doc, f, text, width, out, max);
}

void sg_amount(sg_render *r, const sg_amount_style *a, double y, cl_money v)
{
    if (v > 0) {
        sg_text(r->doc, a->font, a->x, y, SG_RIGHT, sg_strf("%s%s", a->open, sg_num(v)));
        sg_text(r->doc, a->font, a->x_close, y, SG_LEFT, a->close);
    } else {
        sg_text(r->doc, a->font, a->x, y, SG_RIGHT, sg_num(v));
    }
}

void sg_amount_line(sg_render *r, const sg_amount_style *a, double lh, double x,
                    const char *label, cl_money v, int lines)
{
    sg_need(r, lh);
    sg_text(r->doc, a->font, x, r->y, SG_LEFT, label);
    sg_amount(r, a, r->y, v);
    r->y += lh * lines;
}
