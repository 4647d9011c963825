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
#include "items.h"
#include "fmt.h"
#include "names.h"

#include <stdio.h>
#include <string.h>

#define CW 4.6
#define C(c) (20.0 + (c) * CW)
#define LH 10.0
#define CARD "HSBC VISA REVOLUTION"

static const sg_font body = {SG_DJV_SANS, 7, false};
static const sg_font bold = {SG_DJV_SANS, 7, true};

/* Two heading lines, then the card holder (title case) with the masked
 * number; the rows start two lines below. */
static const sg_item heads[] = {
    SG_AT(&bold, C(0), 0, SG_LEFT, "POST"),
    SG_AT(&bold, C(18), 0, SG_LEFT, "TRAN"),
    SG_AT(&bold, C(0), LH, SG_LEFT, "DATE"),
    SG_AT(&bold, C(18), LH, SG_LEFT, "DATE"),
    SG_AT(&bold, C(32), LH, SG_LEFT, "DESCRIPTION"),
    SG_AT(&bold, C(86), LH, SG_LEFT, "AMOUNT(SGD)"),
    SG_AT(&body, C(1), LH * 2, SG_LEFT, "{HOLDER} {CARD_DASH:4-11}"),
    SG_ITEMS_END,
};

static const sg_item frame[] = {
    SG_AT(&bold, C(0), 40, SG_LEFT, CARD),
    SG_AT(&body, C(0), 60, SG_LEFT, "{NAME}"),
    SG_ITEMS_END,
};

static const sg_list_spec list = {
    .frame = frame, .heads = heads, .heads_h = LH * 4, .top = 80, .bottom = 780,
};

/* The list's headings follow the two paragraphs. */
static const sg_item first_page[] = {
    SG_AT(&bold, C(0), 40, SG_LEFT, CARD),
    SG_LINES(&body, C(0), 50, SG_LEFT, LH,
             "HSBC Bank (Singapore) Limited (Company Registration No. 201420624K)\n"
             "Robinson Road PO Box 896, Singapore 901746\nGST REG NO.: MR-8500194-3"),
    SG_AT(&bold, C(0), 90, SG_LEFT, "{NAME}"),
    SG_AT(&body, C(0), 100, SG_LEFT, "Statement From {START:DD MON YYYY} to {END:DD MON YYYY}"),
    SG_PARA(&body, C(0), 110, 530, LH,
            "Please examine this statement immediately. Transaction details are now printed on "
            "both sides of the statement. If no discrepancy is reported within 14 days from the "
            "statement date, the account will be considered as correct."),
    SG_PARA_NEXT(&body, C(0), LH, 530, LH,
                 "Please settle this statement promptly. If the minimum payment is not received "
                 "by the due date, a late payment charge will be charged to your card account."),
    SG_ITEMS_END,
};

/* Total Due and Minimum, boxed, beside the bank's address; from the
 * flow's y. */
static const sg_item total_box[] = {
    SG_AT(&bold, C(84), 0, SG_LEFT, CARD),
    SG_AT(&body, C(84), LH, SG_LEFT, "Total Due"),
    SG_AT(&body, C(113), LH, SG_LEFT, "Minimum"),
    SG_AT(&body, C(0), LH * 2, SG_LEFT, "HSBC Bank (Singapore) Limited"),
    SG_AT(&body, C(0), LH * 3, SG_LEFT, "Robinson Road PO Box 896"),
    SG_AT(&bold, C(84), LH * 3, SG_LEFT, "{NEW}"),
    SG_AT(&bold, C(113), LH * 3, SG_LEFT, "{MIN}"),
    SG_AT(&body, C(0), LH * 4, SG_LEFT, "Singapore 901746"),
    SG_BOX(C(82), -LH, C(125) - C(82), LH * 5, 0.5),
    SG_ITEMS_END,
};

/* {HOLDER}: the holder's name in title case, as the card line prints it. */
static const char *token(const sg_render *r, const char *name, const char *arg)
{
    if (strcmp(name, "HOLDER"))
        return NULL;
    char holder[48];
    snprintf(holder, sizeof holder, "%s", r->st->holder);
    sg_title_case(holder);
    return sg_strf("%s", holder);
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

static void render(sg_render *r)
{
    const sg_statement *s = r->st;
    r->next_page = sg_list_next_page;
    sg_new_page(r);
    sg_list_heads(r, sg_items(r, first_page));
    r->truth.last4_printed = r->truth.period_printed = true;
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
    sg_need(r, LH * 8);
    sg_items_at(r, total_box, r->y + LH * 3);
    sg_summary(r, SG_SUM_NEW, s->new_balance);
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
    .spec = &list,
    .token = token,
};
