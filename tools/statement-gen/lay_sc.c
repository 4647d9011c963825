/* lay_sc.c - Standard Chartered Bank (Singapore) credit card statement.
 *
 * Imitates peer-corpus/cases/standard_chartered/credit in a small face on
 * a wide grid: Statement Date / Payment Due Date ": DD Mon YYYY", the card
 * table, Approved/Available Credit Limit, the Previous Balance - Payments -
 * Credits + Purchases + Cash Advance + Charges = New Balance line, then
 * rows "DD Mon DD Mon DESCRIPTION Transaction Ref <20 digits> amount"
 * (transaction date, posting date; the Transaction Ref column is not part
 * of the description) with a blank line between rows, credits as
 * "120.00CR", BALANCE FROM PREVIOUS STATEMENT first, NEW BALANCE and
 * MINIMUM PAYMENT DUE after, and a two-line legal footer on every page.
 * Ground truth: payments_and_credits = Payments + Credits, fees = Charges
 * (fees and interest), interest null. */
#include "items.h"
#include "fmt.h"

#define CW 2.6
#define C(c) (18.0 + (c) * CW)
#define LH 9.0

static const sg_font body = {SG_LIB_SANS, 6, false};
static const sg_font bold = {SG_LIB_SANS, 6, true};
static const sg_font title = {SG_LIB_SANS, 9, true};

/* The page number and a two-line legal footer. */
static const sg_item frame[] = {
    SG_AT(&body, C(210), 800, SG_RIGHT, "Page {PAGE} of {PAGES}"),
    SG_AT(&body, C(0), 810, SG_LEFT,
          "This statement serves as a tax invoice for Goods and Services Tax purposes in "
          "Singapore."),
    SG_AT(&body, C(0), 819, SG_LEFT,
          "Standard Chartered Bank (Singapore) Limited | Reg. No. 201224747C | GST Group "
          "Registration No. MR-8500053-0 | Reg. Add. 8 Marina Boulevard, #27-01, Marina Bay "
          "Financial Centre, Singapore 018981"),
    SG_ITEMS_END,
};

/* Three lines 8 apart: Transaction / Posting, Description, Date / Date. */
static const sg_item heads[] = {
    SG_AT(&bold, C(1), 0, SG_LEFT, "Transaction"),
    SG_AT(&bold, C(28), 0, SG_LEFT, "Posting"),
    SG_AT(&bold, C(213), 0, SG_RIGHT, "Amount"),
    SG_AT(&bold, C(110), 8, SG_LEFT, "Description"),
    SG_AT(&bold, C(4), 16, SG_LEFT, "Date"),
    SG_AT(&bold, C(25), 16, SG_LEFT, "Date"),
    SG_AT(&bold, C(213), 16, SG_RIGHT, "(SGD)"),
    SG_ITEMS_END,
};

static const sg_list_spec list = {
    .frame = frame, .heads = heads, .heads_h = 16 + LH * 2, .top = 40, .bottom = 780,
};

/* Previous Balance - Payments - Credits + Purchases + Cash Advance +
 * Charges = New Balance on one line, after the card table. */
static const sg_item first_page[] = {
    SG_AT(&title, C(36), 40, SG_LEFT, "Credit Card and Personal Loan Statement"),
    SG_LINES(&body, C(11), 76, SG_LEFT, LH, "{NAME}\n{ADDR1}\n{ADDR2}\n{ADDR3}"),
    SG_AT(&body, C(144), 76, SG_LEFT, "Statement Date"),
    SG_AT(&body, C(190), 76, SG_LEFT, ": {STMT:DD Mon YYYY}"),
    SG_AT(&body, C(144), 85, SG_LEFT, "Payment Due Date"),
    SG_AT(&body, C(190), 85, SG_LEFT, ": {DUE:DD Mon YYYY}"),
    SG_AT(&bold, C(13), 140, SG_LEFT, "Account/Card No."),
    SG_AT(&bold, C(69), 140, SG_LEFT, "New Balance"),
    SG_AT(&bold, C(121), 140, SG_LEFT, "Min. Payment Due"),
    SG_AT(&body, C(3), 149, SG_LEFT, "SMART CREDIT CARD"),
    SG_AT(&body, C(101), 158, SG_RIGHT, "{NEW}"),
    SG_AT(&body, C(186), 158, SG_RIGHT, "{MIN}"),
    SG_AT(&body, C(3), 167, SG_LEFT, "{CARD_DASH:6-11}"),
    SG_AT(&bold, C(3), 185, SG_LEFT, "TOTAL"),
    SG_AT(&bold, C(101), 185, SG_RIGHT, "{NEW}"),
    SG_AT(&bold, C(186), 185, SG_RIGHT, "{MIN}"),
    SG_AT(&bold, C(3), 203, SG_LEFT, "Important Information"),
    SG_LINES(&body, C(5), 221, SG_LEFT, LH,
             "1) Please examine your statement and advise us of any discrepancy within 14 days "
             "from this statement date.\n"
             "2) Please settle this statement promptly. If minimum payment is not received by "
             "payment due date, late payment charge will be levied."),
    SG_AT(&body, C(1), 257, SG_LEFT, "Approved Credit Limit :"),
    SG_AT(&body, C(102), 257, SG_RIGHT, "{LIMIT:whole}"),
    SG_AT(&body, C(104), 257, SG_LEFT, "Available Credit Limit :"),
    SG_AT(&body, C(210), 257, SG_RIGHT, "{AVAIL:whole}"),

    SG_AT(&bold, C(4), 275, SG_LEFT, "Previous Balance"),
    SG_AT(&bold, C(41), 275, SG_LEFT, "Payments"),
    SG_AT(&bold, C(73), 275, SG_LEFT, "Credits"),
    SG_AT(&bold, C(109), 275, SG_LEFT, "Purchases"),
    SG_AT(&bold, C(140), 275, SG_LEFT, "Cash Advance"),
    SG_AT(&bold, C(178), 275, SG_LEFT, "Charges"),
    SG_AT(&bold, C(206), 275, SG_LEFT, "New Balance"),
    SG_AT(&bold, C(32), 275, SG_LEFT, "-"),
    SG_AT(&bold, C(65), 275, SG_LEFT, "-"),
    SG_AT(&bold, C(100), 275, SG_LEFT, "+"),
    SG_AT(&bold, C(133), 275, SG_LEFT, "+"),
    SG_AT(&bold, C(170), 275, SG_LEFT, "+"),
    SG_AT(&bold, C(202), 275, SG_LEFT, "="),
    SG_AT(&body, C(19), 293, SG_RIGHT, "{PREV}"),
    SG_AT(&body, C(54), 293, SG_RIGHT, "{PAYMENTS}"),
    SG_AT(&body, C(84), 293, SG_RIGHT, "{REFUNDS}"),
    SG_AT(&body, C(121), 293, SG_RIGHT, "{PURCHASES}"),
    SG_AT(&body, C(154), 293, SG_RIGHT, "0.00"),
    SG_AT(&body, C(190), 293, SG_RIGHT, "{CHARGES}"),
    SG_AT(&body, C(215), 293, SG_RIGHT, "{NEW}"),
    SG_AT(&bold, C(3), 320, SG_LEFT, "SMART CREDIT CARD"),
    SG_AT(&body, C(188), 320, SG_LEFT, "{CARD_DASH:6-11}"),
    SG_ITEMS_END,
};

/* After the list, from the flow's y. */
static const sg_item rewards[] = {
    SG_AT(&bold, C(3), LH, SG_LEFT, "360 REWARDS POINTS SUMMARY"),
    SG_AT(&bold, C(57), LH * 3, SG_LEFT, "Total Relationship Rewards"),
    SG_AT(&bold, C(210), LH * 3, SG_RIGHT, "Points Earned"),
    SG_AT(&body, C(1), LH * 5, SG_LEFT, "CREDIT CARDS"),
    SG_AT(&body, C(210), LH * 5, SG_RIGHT, "{PURCHASES:whole}"),
    SG_AT(&body, C(1), LH * 7, SG_LEFT, "Total 360 Reward Points awarded in this statement"),
    SG_AT(&body, C(210), LH * 7, SG_RIGHT, "{PURCHASES:whole}"),
    SG_ITEMS_END,
};

/* "120.00CR" */
static const sg_amount_style amount = {&body, C(213), C(213), "", "CR"};

/* A labelled amount and a blank line, like the rows. */
static void line(sg_render *r, const char *label, cl_money v)
{
    sg_amount_line(r, &amount, LH, C(47), label, v, 2);
}

static void row(sg_render *r, const sg_txn *t)
{
    sg_need(r, LH);
    double y = r->y;
    sg_text(r->doc, &body, C(6), y, SG_LEFT, sg_datef("DD Mon", t->date));
    sg_text(r->doc, &body, C(27), y, SG_LEFT, sg_datef("DD Mon", t->posted));
    sg_text(r->doc, &body, C(47), y, SG_LEFT, t->desc);
    if (t->kind == SG_PURCHASE || t->kind == SG_REFUND)
        sg_text(r->doc, &body, C(142), y, SG_LEFT, sg_strf("Transaction Ref %s", t->ref));
    sg_amount(r, &amount, y, t->amount);
    sg_row(r, t, y, SG_ROW_POSTED);
    r->y += LH * 2;
}

static void render(sg_render *r)
{
    const sg_statement *s = r->st;
    r->next_page = sg_list_next_page;
    sg_new_page(r);
    sg_items(r, frame);
    sg_items(r, first_page);
    r->truth.last4_printed = true;
    sg_summary(r, SG_SUM_PREVIOUS, s->prev_balance);
    sg_summary(r, SG_SUM_PAYMENTS, s->payments + s->refunds);
    sg_summary(r, SG_SUM_PURCHASES, s->purchases);
    sg_summary(r, SG_SUM_FEES, s->fees + s->interest);
    sg_summary(r, SG_SUM_NEW, s->new_balance);
    sg_list_heads(r, 338);
    line(r, "BALANCE FROM PREVIOUS STATEMENT", -s->prev_balance);
    for (size_t i = 0; i < s->n; i++)
        row(r, &s->txns[i]);
    line(r, "NEW BALANCE", -s->new_balance);
    line(r, "MINIMUM PAYMENT DUE", -s->min_payment);
    sg_need(r, LH * 8);
    sg_items_at(r, rewards, r->y);
}

const sg_layout sg_layout_standard_chartered = {
    .id = "standard_chartered",
    .issuer = "Standard Chartered Bank (Singapore) Limited",
    .page_w = 595, .page_h = 842,
    .orders = {SG_ORDER_NATURAL, SG_ORDER_RIGHT_FIRST, SG_ORDER_REVERSE, SG_ORDER_NATURAL},
    .gen = {
        .region = SG_REGION_SG, .currency = "SGD", .card_prefix = "555598", .card_len = 16,
        .foreign = false, .location = true, .apr_bp = 2790, .late_fee = 10000,
        .annual_fee = 19620, .payment_desc = "PAYMENT - THANK YOU", .refund_prefix = "",
        .interest_desc = "FINANCE CHARGES", .late_fee_desc = "LATE PAYMENT FEE",
        .fx_fee_desc = "FOREIGN TRANSACTION FEE", .annual_fee_desc = "ANNUAL FEE",
    },
    .render = render,
    .spec = &list,
};
