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
#include "layout.h"
#include "fmt.h"

#define CW 2.6
#define C(c) (18.0 + (c) * CW)
#define LH 9.0

static const sg_font body = {SG_LIB_SANS, 6, false};
static const sg_font bold = {SG_LIB_SANS, 6, true};

static void frame(sg_render *r, int page)
{
    sg_doc *d = r->doc;
    sg_text(d, &body, C(210), 800, SG_RIGHT, sg_strf("Page %d of " SG_PAGES_TOKEN, page));
    sg_text(d, &body, C(0), 810, SG_LEFT,
            "This statement serves as a tax invoice for Goods and Services Tax purposes in "
            "Singapore.");
    sg_text(d, &body, C(0), 819, SG_LEFT,
            "Standard Chartered Bank (Singapore) Limited | Reg. No. 201224747C | GST Group "
            "Registration No. MR-8500053-0 | Reg. Add. 8 Marina Boulevard, #27-01, Marina Bay "
            "Financial Centre, Singapore 018981");
}

static void heads(sg_render *r, double y)
{
    sg_doc *d = r->doc;
    sg_text(d, &bold, C(1), y, SG_LEFT, "Transaction");
    sg_text(d, &bold, C(28), y, SG_LEFT, "Posting");
    sg_text(d, &bold, C(213), y, SG_RIGHT, "Amount");
    sg_text(d, &bold, C(110), y + 8, SG_LEFT, "Description");
    sg_text(d, &bold, C(4), y + 16, SG_LEFT, "Date");
    sg_text(d, &bold, C(25), y + 16, SG_LEFT, "Date");
    sg_text(d, &bold, C(213), y + 16, SG_RIGHT, "(SGD)");
    r->y = y + 16 + LH * 2;
}

static void next_page(sg_render *r)
{
    frame(r, sg_new_page(r));
    heads(r, 40);
    r->bottom = 780;
}

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

static void first_page(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    const sg_font title = {SG_LIB_SANS, 9, true};
    frame(r, sg_new_page(r));
    sg_text(d, &title, C(36), 40, SG_LEFT, "Credit Card and Personal Loan Statement");
    const char *left[] = {s->holder, s->address[0], s->address[1], s->address[2]};
    for (int i = 0; i < 4; i++)
        sg_text(d, &body, C(11), 76 + LH * i, SG_LEFT, left[i]);
    sg_text(d, &body, C(144), 76, SG_LEFT, "Statement Date");
    sg_text(d, &body, C(190), 76, SG_LEFT, sg_strf(": %s", sg_datef("DD Mon YYYY", s->stmt_date)));
    sg_text(d, &body, C(144), 85, SG_LEFT, "Payment Due Date");
    sg_text(d, &body, C(190), 85, SG_LEFT, sg_strf(": %s", sg_datef("DD Mon YYYY", s->due_date)));
    const char *masked = sg_card_grouped(s, "-", 6, 11);
    sg_text(d, &bold, C(13), 140, SG_LEFT, "Account/Card No.");
    sg_text(d, &bold, C(69), 140, SG_LEFT, "New Balance");
    sg_text(d, &bold, C(121), 140, SG_LEFT, "Min. Payment Due");
    sg_text(d, &body, C(3), 149, SG_LEFT, "SMART CREDIT CARD");
    sg_text(d, &body, C(101), 158, SG_RIGHT, sg_num(s->new_balance));
    sg_text(d, &body, C(186), 158, SG_RIGHT, sg_num(s->min_payment));
    sg_text(d, &body, C(3), 167, SG_LEFT, masked);
    sg_text(d, &bold, C(3), 185, SG_LEFT, "TOTAL");
    sg_text(d, &bold, C(101), 185, SG_RIGHT, sg_num(s->new_balance));
    sg_text(d, &bold, C(186), 185, SG_RIGHT, sg_num(s->min_payment));
    r->truth.last4_printed = true;
    sg_text(d, &bold, C(3), 203, SG_LEFT, "Important Information");
    sg_text(d, &body, C(5), 221, SG_LEFT,
            "1) Please examine your statement and advise us of any discrepancy within 14 days "
            "from this statement date.");
    sg_text(d, &body, C(5), 230, SG_LEFT,
            "2) Please settle this statement promptly. If minimum payment is not received by "
            "payment due date, late payment charge will be levied.");
    sg_text(d, &body, C(1), 257, SG_LEFT, "Approved Credit Limit :");
    sg_text(d, &body, C(102), 257, SG_RIGHT, sg_whole(s->credit_limit));
    sg_text(d, &body, C(104), 257, SG_LEFT, "Available Credit Limit :");
    sg_text(d, &body, C(210), 257, SG_RIGHT, sg_whole(s->credit_limit - s->new_balance));

    const char *labels[] = {"Previous Balance", "Payments", "Credits", "Purchases",
                            "Cash Advance", "Charges", "New Balance"};
    const int lc[] = {4, 41, 73, 109, 140, 178, 206};
    const char *ops[] = {"-", "-", "+", "+", "+", "="};
    const int oc[] = {32, 65, 100, 133, 170, 202};
    for (int i = 0; i < 7; i++)
        sg_text(d, &bold, C(lc[i]), 275, SG_LEFT, labels[i]);
    for (int i = 0; i < 6; i++)
        sg_text(d, &bold, C(oc[i]), 275, SG_LEFT, ops[i]);
    const cl_money v[] = {s->prev_balance, s->payments, s->refunds, s->purchases, 0,
                          s->fees + s->interest, s->new_balance};
    const int vc[] = {19, 54, 84, 121, 154, 190, 215};
    for (int i = 0; i < 7; i++)
        sg_text(d, &body, C(vc[i]), 293, SG_RIGHT, sg_num(v[i]));
    sg_summary(r, SG_SUM_PREVIOUS, s->prev_balance);
    sg_summary(r, SG_SUM_PAYMENTS, s->payments + s->refunds);
    sg_summary(r, SG_SUM_PURCHASES, s->purchases);
    sg_summary(r, SG_SUM_FEES, s->fees + s->interest);
    sg_summary(r, SG_SUM_NEW, s->new_balance);
    sg_text(d, &bold, C(3), 320, SG_LEFT, "SMART CREDIT CARD");
    sg_text(d, &body, C(188), 320, SG_LEFT, masked);
    heads(r, 338);
    r->bottom = 780;
}

static void render(sg_render *r)
{
    const sg_statement *s = r->st;
    r->next_page = next_page;
    first_page(r);
    line(r, "BALANCE FROM PREVIOUS STATEMENT", -s->prev_balance);
    for (size_t i = 0; i < s->n; i++)
        row(r, &s->txns[i]);
    line(r, "NEW BALANCE", -s->new_balance);
    line(r, "MINIMUM PAYMENT DUE", -s->min_payment);
    sg_need(r, LH * 8);
    sg_doc *d = r->doc;
    sg_text(d, &bold, C(3), r->y + LH, SG_LEFT, "360 REWARDS POINTS SUMMARY");
    sg_text(d, &bold, C(57), r->y + LH * 3, SG_LEFT, "Total Relationship Rewards");
    sg_text(d, &bold, C(210), r->y + LH * 3, SG_RIGHT, "Points Earned");
    const char *pts = sg_whole(s->purchases);
    sg_text(d, &body, C(1), r->y + LH * 5, SG_LEFT, "CREDIT CARDS");
    sg_text(d, &body, C(210), r->y + LH * 5, SG_RIGHT, pts);
    sg_text(d, &body, C(1), r->y + LH * 7, SG_LEFT,
            "Total 360 Reward Points awarded in this statement");
    sg_text(d, &body, C(210), r->y + LH * 7, SG_RIGHT, pts);
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
};
