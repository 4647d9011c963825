/* lay_trust.c - Trust Bank (Singapore) credit card statement.
 *
 * Imitates peer-corpus/cases/trust/credit: page 1 with "Statement cycle
 * D Mon YYYY - D Mon YYYY", Statement balance, Minimum amount due and the
 * ACTIVITY SUMMARY (Previous balance + Purchases + Cash advance +
 * Interest/Fees - Repayments/Credits = Current outstanding balance, values
 * as "S$107.00"); from page 2 "TRANSACTION DETAILS" with Posting date
 * (the only date printed), Description (mixed case), Amount in FCY
 * ("USD 12.34" for foreign purchases) and Amount in SGD, credits as
 * "+80.00", a blank line after each row, and a closing dated "Total
 * outstanding balance" row. No card number is printed (account_last4
 * null). Ground truth: fees = Interest/Fees, interest null. */
#include "layout.h"
#include "fmt.h"

#define CW 4.4
#define C(c) (24.0 + (c) * CW)
#define LH 11.0

static const sg_font body = {SG_DJV_SANS, 7.5, false};
static const sg_font bold = {SG_DJV_SANS, 7.5, true};

static void frame(sg_render *r, int page, int col)
{
    sg_text(r->doc, &body, C(col + 14), 36, SG_CENTER, "Trust Bank Singapore Limited");
    sg_text(r->doc, &body, C(col + 14), 47, SG_CENTER, "GST Reg No: 201227788K");
    sg_text(r->doc, &body, C(119), 810, SG_RIGHT, sg_strf("Page %d of " SG_PAGES_TOKEN, page));
}

static void heads(sg_render *r, double y)
{
    sg_doc *d = r->doc;
    sg_text(d, &bold, C(0), y, SG_LEFT, "TRANSACTION DETAILS");
    sg_text(d, &bold, C(0), y + LH, SG_LEFT, "Posting date");
    sg_text(d, &bold, C(18), y + LH, SG_LEFT, "Description");
    sg_text(d, &bold, C(76), y + LH, SG_RIGHT, "Amount in FCY");
    sg_text(d, &bold, C(95), y + LH, SG_RIGHT, "Amount in SGD");
    r->y = y + LH * 3;
}

static void next_page(sg_render *r)
{
    frame(r, sg_new_page(r), 58);
    heads(r, 90);
    r->bottom = 780;
}

static const char *sgd(cl_money v)
{
    return sg_strf("S$%s", sg_num(v));
}

static void first_page(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    const sg_font title = {SG_DJV_SANS, 10, true};
    frame(r, sg_new_page(r), 82);
    sg_text(d, &title, C(67), 100, SG_LEFT, "Credit card statement");
    const char *lab[] = {"Statement cycle", "Statement balance", "Minimum amount due",
                         "Payment due date", "Approved credit limit"};
    const char *val[] = {sg_strf("%s - %s", sg_datef("D Mon YYYY", s->period_start),
                                 sg_datef("D Mon YYYY", s->period_end)),
                         sgd(s->new_balance), sgd(s->min_payment),
                         sg_datef("D Mon YYYY", s->due_date), sgd(s->credit_limit)};
    for (int i = 0; i < 5; i++) {
        sg_text(d, &body, C(68), 112 + LH * i, SG_LEFT, lab[i]);
        sg_text(d, &body, C(98), 112 + LH * i, SG_LEFT, val[i]);
    }
    r->truth.period_printed = true;
    sg_text(d, &bold, C(0), 200, SG_LEFT, "HELLO, YOUR TRUST CREDIT CARD STATEMENT IS READY");
    sg_text(d, &body, C(0), 211, SG_LEFT, "FOR VIEWING. Here's what you've been up to this month.");
    sg_text(d, &bold, C(0), 250, SG_LEFT, "ACTIVITY SUMMARY");
    const char *l1[] = {"Previous balance", "+", "Purchases", "+", "Cash advance", "+",
                        "Interest/Fees", "-", "", "=", "Current outstanding balance"};
    const int c1[] = {5, 24, 28, 40, 44, 59, 63, 79, 83, 99, 103};
    sg_text(d, &body, C(83), 268, SG_LEFT, "Repayments/");
    for (int i = 0; i < 11; i++)
        sg_text(d, &body, C(c1[i]), 279, SG_LEFT, l1[i]);
    sg_text(d, &body, C(85), 290, SG_LEFT, "Credits");
    cl_money credits = s->payments + s->refunds, charges = s->fees + s->interest;
    const cl_money v[] = {s->prev_balance, s->purchases, 0, charges, credits, s->new_balance};
    const int vc[] = {9, 29, 47, 64, 82, 107};
    for (int i = 0; i < 6; i++)
        sg_text(d, &body, C(vc[i]), 312, SG_LEFT, sgd(v[i]));
    sg_summary(r, SG_SUM_PREVIOUS, s->prev_balance);
    sg_summary(r, SG_SUM_PURCHASES, s->purchases);
    sg_summary(r, SG_SUM_FEES, charges);
    sg_summary(r, SG_SUM_PAYMENTS, credits);
    sg_summary(r, SG_SUM_NEW, s->new_balance);
    sg_text(d, &bold, C(0), 360, SG_LEFT, "IMPORTANT NOTICE");
    double y = sg_para(r, &body, C(0), 371, 520, LH,
                       "1. Trust takes great care to ensure the information on your statement is "
                       "safe. Please check your statement and advise us of any discrepancy within "
                       "14 days from this statement date.");
    sg_para(r, &body, C(0), y, 520, LH,
            "2. This statement only shows transactions which have been posted. The dates shown "
            "are the dates each transaction has been posted.");
}

static void row(sg_render *r, const sg_txn *t)
{
    sg_need(r, LH);
    double y = r->y;
    sg_text(r->doc, &body, C(0), y, SG_LEFT, sg_datef("DD Mon", t->posted));
    sg_text(r->doc, &body, C(18), y, SG_LEFT, t->desc);
    if (t->foreign)
        sg_text(r->doc, &body, C(76), y, SG_RIGHT,
                sg_strf("%s %s", t->foreign_currency, sg_num(t->foreign_amount)));
    sg_text(r->doc, &body, C(95), y, SG_RIGHT,
            t->amount > 0 ? sg_strf("+%s", sg_num(t->amount)) : sg_num(t->amount));
    sg_row(r, t, y, SG_ROW_POST_ONLY | (t->foreign ? SG_ROW_FOREIGN : 0));
    r->y += LH * 2;
}

static void render(sg_render *r)
{
    const sg_statement *s = r->st;
    r->next_page = next_page;
    first_page(r);
    next_page(r);
    for (size_t i = 0; i < s->n; i++)
        row(r, &s->txns[i]);
    sg_need(r, LH);
    sg_text(r->doc, &body, C(0), r->y, SG_LEFT, sg_datef("DD Mon", s->stmt_date));
    sg_text(r->doc, &body, C(18), r->y, SG_LEFT, "Total outstanding balance");
    sg_text(r->doc, &body, C(95), r->y, SG_RIGHT, sg_num(s->new_balance));
}

const sg_layout sg_layout_trust = {
    .id = "trust",
    .issuer = "Trust Bank Singapore Limited",
    .page_w = 595, .page_h = 842,
    .orders = {SG_ORDER_NATURAL, SG_ORDER_FOOTER_FIRST, SG_ORDER_SHUFFLE, SG_ORDER_NATURAL},
    .gen = {
        .region = SG_REGION_SG, .currency = "SGD", .card_prefix = "4834", .card_len = 16,
        .foreign = true, .mixed_case = true, .location = false, .apr_bp = 2790,
        .late_fee = 10000, .annual_fee = 0, .payment_desc = "Payment received - thank you",
        .refund_prefix = "Refund ", .interest_desc = "Interest charged",
        .late_fee_desc = "Late payment fee", .fx_fee_desc = "Foreign transaction fee",
        .annual_fee_desc = "Annual fee",
    },
    .render = render,
};
