/* lay_hsbc_sg.c - HSBC Singapore credit card statement.
 *
 * Imitates peer-corpus/cases/hsbc/credit: card name and bank address,
 * "Statement From DD MON YYYY to DD MON YYYY", the two-line heading
 * "POST / TRAN / DATE DATE DESCRIPTION AMOUNT(SGD)", the card holder line
 * with the masked number, "Previous Statement Balance", rows "DD Mon DD Mon
 * DESCRIPTION amount" (post date first) followed by a city/country line
 * that belongs to the description, a blank line after each transaction,
 * credits as "60.00CR", Total Debit Transactions (previous balance
 * included) and Total Credit Transactions, and the Total Due / Minimum box. */
#include "layout.h"
#include "fmt.h"
#include "names.h"

#include <stdio.h>

#define CW 4.6
#define C(c) (20.0 + (c) * CW)
#define LH 10.0
#define CARD "HSBC VISA REVOLUTION"

static const sg_font body = {SG_DJV_SANS, 7, false};
static const sg_font bold = {SG_DJV_SANS, 7, true};

static void heads(sg_render *r, double y)
{
    sg_doc *d = r->doc;
    sg_text(d, &bold, C(0), y, SG_LEFT, "POST");
    sg_text(d, &bold, C(18), y, SG_LEFT, "TRAN");
    sg_text(d, &bold, C(0), y + LH, SG_LEFT, "DATE");
    sg_text(d, &bold, C(18), y + LH, SG_LEFT, "DATE");
    sg_text(d, &bold, C(32), y + LH, SG_LEFT, "DESCRIPTION");
    sg_text(d, &bold, C(86), y + LH, SG_LEFT, "AMOUNT(SGD)");
    char holder[48];
    snprintf(holder, sizeof holder, "%s", r->st->holder);
    sg_title_case(holder);
    sg_text(d, &body, C(1), y + LH * 2, SG_LEFT,
            sg_strf("%s %s", holder, sg_card_grouped(r->st, "-", 4, 11)));
    r->truth.last4_printed = true;
    r->y = y + LH * 4;
}

static void next_page(sg_render *r)
{
    sg_new_page(r);
    sg_text(r->doc, &bold, C(0), 40, SG_LEFT, CARD);
    sg_text(r->doc, &body, C(0), 60, SG_LEFT, r->st->holder);
    heads(r, 80);
    r->bottom = 780;
}

/* "60.00CR" */
static const sg_amount_style amount = {&body, C(106), C(106), "", "CR"};

static void row(sg_render *r, const sg_txn *t)
{
    int lines = t->location[0] ? 2 : 1;
    sg_need(r, LH * lines);
    double y = r->y;
    sg_text(r->doc, &body, C(1), y, SG_LEFT, sg_datef("DD Mon", t->posted));
    sg_text(r->doc, &body, C(17), y, SG_LEFT, sg_datef("DD Mon", t->date));
    sg_text(r->doc, &body, C(32), y, SG_LEFT, t->merchant);
    if (t->location[0])
        sg_text(r->doc, &body, C(32), y + LH, SG_LEFT, t->location);
    sg_amount(r, &amount, y, t->amount);
    sg_row(r, t, y, SG_ROW_POSTED);
    r->y += LH * (lines + 1);
}

static void first_page(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    sg_new_page(r);
    sg_text(d, &bold, C(0), 40, SG_LEFT, CARD);
    sg_text(d, &body, C(0), 50, SG_LEFT,
            "HSBC Bank (Singapore) Limited (Company Registration No. 201420624K)");
    sg_text(d, &body, C(0), 60, SG_LEFT, "Robinson Road PO Box 896, Singapore 901746");
    sg_text(d, &body, C(0), 70, SG_LEFT, "GST REG NO.: MR-8500194-3");
    sg_text(d, &bold, C(0), 90, SG_LEFT, s->holder);
    sg_text(d, &body, C(0), 100, SG_LEFT,
            sg_strf("Statement From %s to %s", sg_datef("DD MON YYYY", s->period_start),
                    sg_datef("DD MON YYYY", s->period_end)));
    r->truth.period_printed = true;
    double y = sg_para(r, &body, C(0), 110, 530, LH,
                       "Please examine this statement immediately. Transaction details are now "
                       "printed on both sides of the statement. If no discrepancy is reported "
                       "within 14 days from the statement date, the account will be considered "
                       "as correct.");
    y = sg_para(r, &body, C(0), y + LH, 530, LH,
                "Please settle this statement promptly. If the minimum payment is not received "
                "by the due date, a late payment charge will be charged to your card account.");
    heads(r, y);
    r->bottom = 780;
}

static void total_box(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    sg_need(r, LH * 8);
    double y = r->y + LH * 3;
    sg_text(d, &bold, C(84), y, SG_LEFT, CARD);
    sg_text(d, &body, C(84), y + LH, SG_LEFT, "Total Due");
    sg_text(d, &body, C(113), y + LH, SG_LEFT, "Minimum");
    sg_text(d, &body, C(0), y + LH * 2, SG_LEFT, "HSBC Bank (Singapore) Limited");
    sg_text(d, &body, C(0), y + LH * 3, SG_LEFT, "Robinson Road PO Box 896");
    sg_text(d, &bold, C(84), y + LH * 3, SG_LEFT, sg_num(s->new_balance));
    sg_text(d, &bold, C(113), y + LH * 3, SG_LEFT, sg_num(s->min_payment));
    sg_text(d, &body, C(0), y + LH * 4, SG_LEFT, "Singapore 901746");
    sg_box(d, C(82), y - LH, C(125) - C(82), LH * 5, 0.5);
    sg_summary(r, SG_SUM_NEW, s->new_balance);
}

static void render(sg_render *r)
{
    const sg_statement *s = r->st;
    r->next_page = next_page;
    first_page(r);
    sg_text(r->doc, &body, C(32), r->y, SG_LEFT, "Previous Statement Balance");
    sg_amount(r, &amount, r->y, -s->prev_balance);
    sg_summary(r, SG_SUM_PREVIOUS, s->prev_balance);
    r->y += LH * 2;
    for (size_t i = 0; i < s->n; i++)
        row(r, &s->txns[i]);
    cl_money credits = s->payments + s->refunds;
    sg_need(r, LH * 2);
    sg_text(r->doc, &body, C(32), r->y, SG_LEFT, "Total Debit Transactions");
    sg_text(r->doc, &body, C(107), r->y, SG_RIGHT,
            sg_num(s->prev_balance + s->purchases + s->fees + s->interest));
    sg_text(r->doc, &body, C(32), r->y + LH, SG_LEFT, "Total Credit Transactions");
    sg_text(r->doc, &body, C(107), r->y + LH, SG_RIGHT, sg_num(credits));
    sg_summary(r, SG_SUM_PAYMENTS, credits);
    r->y += LH * 2;
    total_box(r);
}

const sg_layout sg_layout_hsbc_sg = {
    .id = "hsbc_sg",
    .issuer = "HSBC Bank (Singapore) Limited",
    .page_w = 595, .page_h = 842,
    .orders = {SG_ORDER_NATURAL, SG_ORDER_SHUFFLE, SG_ORDER_NATURAL, SG_ORDER_RIGHT_FIRST},
    .gen = {
        .region = SG_REGION_SG, .currency = "SGD", .card_prefix = "4400", .card_len = 16,
        .foreign = false, .location = true, .payment_location = true, .apr_bp = 2690,
        .late_fee = 10000, .annual_fee = 19620, .payment_desc = "PAYMENT RECEIVED THANK YOU",
        .refund_prefix = "REFUND ", .interest_desc = "FINANCE CHARGE",
        .late_fee_desc = "LATE CHARGE", .fx_fee_desc = "FOREIGN TRANSACTION FEE",
        .annual_fee_desc = "ANNUAL FEE",
    },
    .render = render,
};
