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
#include "items.h"
#include "fmt.h"

#define CW 4.4
#define C(c) (24.0 + (c) * CW)
#define LH 11.0
#define BANK "Trust Bank Singapore Limited\nGST Reg No: 201227788K"

static const sg_font body = {SG_DJV_SANS, 7.5, false};
static const sg_font bold = {SG_DJV_SANS, 7.5, true};
static const sg_font title = {SG_DJV_SANS, 10, true};

/* The bank's name centred over the right half on page 1, further left
 * on the others. */
static const sg_item first_frame[] = {
    SG_LINES(&body, C(96), 36, SG_CENTER, LH, BANK),
    SG_AT(&body, C(119), 810, SG_RIGHT, "Page {PAGE} of {PAGES}"),
    SG_ITEMS_END,
};

static const sg_item frame[] = {
    SG_LINES(&body, C(72), 36, SG_CENTER, LH, BANK),
    SG_AT(&body, C(119), 810, SG_RIGHT, "Page {PAGE} of {PAGES}"),
    SG_ITEMS_END,
};

static const sg_item heads[] = {
    SG_AT(&bold, C(0), 0, SG_LEFT, "TRANSACTION DETAILS"),
    SG_AT(&bold, C(0), LH, SG_LEFT, "Posting date"),
    SG_AT(&bold, C(18), LH, SG_LEFT, "Description"),
    SG_AT(&bold, C(76), LH, SG_RIGHT, "Amount in FCY"),
    SG_AT(&bold, C(95), LH, SG_RIGHT, "Amount in SGD"),
    SG_ITEMS_END,
};

/* The transactions start on page 2. */
static const sg_list_spec list = {
    .frame = frame, .heads = heads, .heads_h = LH * 3, .top = 90, .bottom = 780,
};

/* Previous balance + Purchases + Cash advance + Interest/Fees -
 * Repayments/Credits = Current outstanding balance, values as S$. */
static const sg_item first_page[] = {
    SG_AT(&title, C(67), 100, SG_LEFT, "Credit card statement"),
    SG_AT(&body, C(68), 112, SG_LEFT, "Statement cycle"),
    SG_AT(&body, C(98), 112, SG_LEFT, "{START:D Mon YYYY} - {END:D Mon YYYY}"),
    SG_AT(&body, C(68), 123, SG_LEFT, "Statement balance"),
    SG_AT(&body, C(98), 123, SG_LEFT, "S${NEW}"),
    SG_AT(&body, C(68), 134, SG_LEFT, "Minimum amount due"),
    SG_AT(&body, C(98), 134, SG_LEFT, "S${MIN}"),
    SG_AT(&body, C(68), 145, SG_LEFT, "Payment due date"),
    SG_AT(&body, C(98), 145, SG_LEFT, "{DUE:D Mon YYYY}"),
    SG_AT(&body, C(68), 156, SG_LEFT, "Approved credit limit"),
    SG_AT(&body, C(98), 156, SG_LEFT, "S${LIMIT}"),
    SG_AT(&bold, C(0), 200, SG_LEFT, "HELLO, YOUR TRUST CREDIT CARD STATEMENT IS READY"),
    SG_AT(&body, C(0), 211, SG_LEFT, "FOR VIEWING. Here's what you've been up to this month."),
    SG_AT(&bold, C(0), 250, SG_LEFT, "ACTIVITY SUMMARY"),
    SG_AT(&body, C(83), 268, SG_LEFT, "Repayments/"),
    SG_AT(&body, C(5), 279, SG_LEFT, "Previous balance"),
    SG_AT(&body, C(24), 279, SG_LEFT, "+"),
    SG_AT(&body, C(28), 279, SG_LEFT, "Purchases"),
    SG_AT(&body, C(40), 279, SG_LEFT, "+"),
    SG_AT(&body, C(44), 279, SG_LEFT, "Cash advance"),
    SG_AT(&body, C(59), 279, SG_LEFT, "+"),
    SG_AT(&body, C(63), 279, SG_LEFT, "Interest/Fees"),
    SG_AT(&body, C(79), 279, SG_LEFT, "-"),
    SG_AT(&body, C(99), 279, SG_LEFT, "="),
    SG_AT(&body, C(103), 279, SG_LEFT, "Current outstanding balance"),
    SG_AT(&body, C(85), 290, SG_LEFT, "Credits"),
    SG_AT(&body, C(9), 312, SG_LEFT, "S${PREV}"),
    SG_AT(&body, C(29), 312, SG_LEFT, "S${PURCHASES}"),
    SG_AT(&body, C(47), 312, SG_LEFT, "S$0.00"),
    SG_AT(&body, C(64), 312, SG_LEFT, "S${CHARGES}"),
    SG_AT(&body, C(82), 312, SG_LEFT, "S${CREDITS}"),
    SG_AT(&body, C(107), 312, SG_LEFT, "S${NEW}"),
    SG_AT(&bold, C(0), 360, SG_LEFT, "IMPORTANT NOTICE"),
    SG_PARA(&body, C(0), 371, 520, LH,
            "1. Trust takes great care to ensure the information on your statement is safe. "
            "Please check your statement and advise us of any discrepancy within 14 days from "
            "this statement date."),
    SG_PARA_NEXT(&body, C(0), 0, 520, LH,
                 "2. This statement only shows transactions which have been posted. The dates "
                 "shown are the dates each transaction has been posted."),
    SG_ITEMS_END,
};

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
    r->next_page = sg_list_next_page;
    sg_new_page(r);
    sg_items(r, first_frame);
    sg_items(r, first_page);
    r->truth.period_printed = true;
    sg_summary(r, SG_SUM_PREVIOUS, s->prev_balance);
    sg_summary(r, SG_SUM_PURCHASES, s->purchases);
    sg_summary(r, SG_SUM_FEES, s->fees + s->interest);
    sg_summary(r, SG_SUM_PAYMENTS, s->payments + s->refunds);
    sg_summary(r, SG_SUM_NEW, s->new_balance);
    sg_list_next_page(r);
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
    .spec = &list,
};
