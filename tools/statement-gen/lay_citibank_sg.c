/* lay_citibank_sg.c - Citibank Singapore credit card statement.
 *
 * Imitates peer-corpus/cases/citibank/credit: YOUR BILL SUMMARY (Statement
 * Date as "March 12, 2022"), the card table, a PAYMENT SLIP and card line
 * with the full card number, the PREVIOUS BALANCE - PAYMENTS & CREDITS +
 * PURCHASES & ADVANCES + INTEREST CHARGES + FEES & CHARGES = CURRENT
 * BALANCE box (stacked labels), then one list "DATE DESCRIPTION AMOUNT
 * (SGD)" opening with "BALANCE PREVIOUS STATEMENT", rows dated "DD MON",
 * credits in parentheses, and closing with TOTAL PAYMENTS & CREDITS,
 * TOTAL PURCHASES & CHARGES (previous balance included) and NEW BALANCE
 * THIS STATEMENT. */
#include "layout.h"
#include "fmt.h"

#define CW 3.35
#define C(c) (20.0 + (c) * CW)
#define LH 9.0
#define CARD "CITI CASH BACK PLUS MASTERCARD"

static const sg_font body = {SG_DJV_SANS, 6.5, false};
static const sg_font bold = {SG_DJV_SANS, 6.5, true};

static const char *long_date(cl_date d)
{
    return sg_datef("Month D, YYYY", d);
}

static void page_head(sg_render *r, int page)
{
    sg_doc *d = r->doc;
    sg_text(d, &body, C(168), 30, SG_RIGHT, "Citibank Singapore Ltd");
    sg_text(d, &body, C(168), 39, SG_RIGHT, "Robinson Road P. O. Box 355 S(900705)");
    sg_text(d, &body, C(168), 57, SG_RIGHT, sg_strf("Page %d of " SG_PAGES_TOKEN, page));
}

static void list_head(sg_render *r, double y)
{
    sg_text(r->doc, &bold, C(1), y, SG_LEFT, "DATE");
    sg_text(r->doc, &bold, C(18), y, SG_LEFT, "DESCRIPTION");
    sg_text(r->doc, &bold, C(167), y, SG_RIGHT, "AMOUNT (SGD)");
    r->y = y + LH * 2;
}

static void next_page(sg_render *r)
{
    page_head(r, sg_new_page(r));
    list_head(r, 84);
    r->bottom = 800;
}

static void bill_summary(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    sg_text(d, &bold, C(104), 84, SG_LEFT, "YOUR BILL SUMMARY");
    sg_text(d, &body, C(7), 93, SG_LEFT, "778900 2029384756");
    sg_pair(r, &body, C(104), C(168), 102, "Statement Date", long_date(s->stmt_date));
    sg_text(d, &body, C(7), 111, SG_LEFT, "(2029384)");
    sg_text(d, &body, C(65), 111, SG_LEFT, "778900/BR");
    sg_pair(r, &body, C(104), C(168), 111, "Credit Limit", sg_strf("$%s", sg_num(s->credit_limit)));
    sg_text(d, &body, C(7), 120, SG_LEFT, s->holder);
    sg_pair(r, &body, C(104), C(168), 120, "Current Balance", sg_strf("$%s", sg_num(s->new_balance)));
    sg_text(d, &body, C(7), 129, SG_LEFT, s->address[0]);
    sg_text(d, &body, C(7), 138, SG_LEFT, s->address[1]);
    sg_pair(r, &body, C(104), C(168), 138, "Total Minimum Payment",
            sg_strf("$%s", sg_num(s->min_payment)));
    sg_text(d, &body, C(7), 147, SG_LEFT, s->address[2]);
    sg_pair(r, &body, C(104), C(168), 147, "Payment Due Date", long_date(s->due_date));
    sg_text(d, &body, C(168), 156, SG_RIGHT, "GST Registration No. 200912");
    sg_text(d, &body, C(1), 183, SG_LEFT, "This Statement serves as a Tax Invoice if GST is charged.");
}

static void cards_table(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    const char *h1[] = {"CURRENT", "AMOUNT", "MINIMUM", "REWARD", "TOTAL POINTS"};
    const char *h2[] = {"BALANCE", "PAST DUE", "PAYMENT", "PROGRAMME", "AVAILABLE"};
    const double xs[] = {C(78), C(104), C(125), C(145), C(168)};
    sg_text(d, &bold, C(3), 192, SG_LEFT, "YOUR CITIBANK CARDS");
    for (int i = 0; i < 5; i++) {
        sg_text(d, &bold, xs[i], 192, SG_RIGHT, h1[i]);
        sg_text(d, &bold, xs[i], 201, SG_RIGHT, h2[i]);
    }
    const char *v[] = {sg_num(s->new_balance), "0.00", sg_num(s->min_payment), "CASH BACK",
                       sg_num(s->purchases / 100)};
    sg_text(d, &body, C(3), 219, SG_LEFT, CARD);
    for (int i = 0; i < 5; i++)
        sg_text(d, &body, xs[i], 219, SG_RIGHT, v[i]);
}

static void payment_slip(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    const char *full = sg_card_grouped(s, " ", -1, -1);
    sg_text(d, &bold, C(4), 246, SG_LEFT, "PAYMENT SLIP");
    sg_rule(d, C(0), 238, C(170), 238, 0.4);
    sg_text(d, &body, C(2), 264, SG_LEFT, s->holder);
    sg_text(d, &body, C(131), 264, SG_LEFT,
            sg_strf("Statement Date: %s", long_date(s->stmt_date)));
    sg_text(d, &body, C(131), 273, SG_LEFT,
            sg_strf("Payment Due Date: %s", long_date(s->due_date)));
    sg_text(d, &bold, C(10), 282, SG_LEFT, "CREDIT CARD TYPE");
    sg_text(d, &bold, C(47), 282, SG_LEFT, "ACCOUNT NUMBER");
    sg_text(d, &bold, C(93), 282, SG_LEFT, "CURRENT BALANCE $");
    sg_text(d, &bold, C(133), 282, SG_LEFT, "MINIMUM PAYMENT $");
    sg_text(d, &body, C(2), 309, SG_LEFT, "8");
    sg_text(d, &body, C(10), 309, SG_LEFT, "CITI CASH BACK PLUS");
    sg_text(d, &body, C(10), 318, SG_LEFT, "MASTERCARD");
    sg_text(d, &body, C(45), 327, SG_LEFT, full);
    sg_text(d, &body, C(98), 327, SG_RIGHT, sg_num(s->new_balance));
    sg_text(d, &body, C(138), 327, SG_RIGHT, sg_num(s->min_payment));
    sg_text(d, &body, C(2), 354, SG_LEFT, sg_strf("%s %s", CARD, full));
    sg_text(d, &body, C(115), 354, SG_LEFT, sg_strf("Payment Due Date: %s", long_date(s->due_date)));
    r->truth.last4_printed = true;
}

static void balance_box(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    const double x[] = {C(7), C(34), C(63), C(91), C(120), C(145)};
    const char *l1[] = {"PREVIOUS", "PAYMENTS", "PURCHASES", "INTEREST", "FEES", "CURRENT"};
    const char *l2[] = {"BALANCE", "&", "&", "CHARGES", "&", "BALANCE"};
    for (int i = 0; i < 6; i++) {
        sg_text(d, &bold, x[i], 381, SG_LEFT, l1[i]);
        sg_text(d, &bold, x[i] + (i == 1 || i == 2 || i == 4 ? 12 : 0), 390, SG_LEFT, l2[i]);
    }
    sg_text(d, &bold, C(25), 399, SG_LEFT, "-");
    sg_text(d, &bold, C(35), 399, SG_LEFT, "CREDITS");
    sg_text(d, &bold, C(52), 408, SG_LEFT, "+");
    sg_text(d, &bold, C(63), 408, SG_LEFT, "ADVANCES");
    sg_text(d, &bold, C(81), 408, SG_LEFT, "+");
    sg_text(d, &bold, C(110), 408, SG_LEFT, "+");
    sg_text(d, &bold, C(120), 408, SG_LEFT, "CHARGES");
    sg_text(d, &bold, C(137), 408, SG_LEFT, "=");
    cl_money credits = s->payments + s->refunds;
    const cl_money v[] = {s->prev_balance, credits, s->purchases, s->interest, s->fees,
                          s->new_balance};
    const double xr[] = {C(15), C(42), C(72), C(99), C(125), C(153)};
    for (int i = 0; i < 6; i++)
        sg_text(d, &body, xr[i], 426, SG_RIGHT, sg_num(v[i]));
    sg_summary_all(r, credits);
}

static void line(sg_render *r, const char *label, const char *amount)
{
    sg_need(r, LH);
    sg_text(r->doc, &body, C(19), r->y, SG_LEFT, label);
    sg_text(r->doc, &body, C(167), r->y, SG_RIGHT, amount);
    r->y += LH;
}

static void row(sg_render *r, const sg_txn *t)
{
    sg_need(r, LH);
    sg_text(r->doc, &body, C(1), r->y, SG_LEFT, sg_datef("DD MON", t->date));
    sg_text(r->doc, &body, C(19), r->y, SG_LEFT, t->desc);
    sg_text(r->doc, &body, C(167), r->y, SG_RIGHT,
            t->amount > 0 ? sg_strf("(%s)", sg_num(t->amount)) : sg_num(t->amount));
    sg_row(r, t, r->y, 0);
    r->y += LH;
}

static void render(sg_render *r)
{
    const sg_statement *s = r->st;
    r->next_page = next_page;
    page_head(r, sg_new_page(r));
    bill_summary(r);
    cards_table(r);
    payment_slip(r);
    balance_box(r);
    list_head(r, 444);
    r->bottom = 800;
    sg_text(r->doc, &body, C(19), r->y, SG_LEFT, "TRANSACTIONS FOR " CARD);
    sg_text(r->doc, &body, C(19), r->y + LH, SG_LEFT, "ALL TRANSACTIONS BILLED IN SINGAPORE DOLLARS");
    r->y += LH * 3;
    line(r, "BALANCE PREVIOUS STATEMENT", sg_num(s->prev_balance));
    for (size_t i = 0; i < s->n; i++)
        row(r, &s->txns[i]);
    line(r, "TOTAL PAYMENTS & CREDITS", sg_num(s->payments + s->refunds));
    line(r, "TOTAL PURCHASES & CHARGES",
         sg_num(s->prev_balance + s->purchases + s->fees + s->interest));
    line(r, "NEW BALANCE THIS STATEMENT", sg_num(s->new_balance));
}

const sg_layout sg_layout_citibank_sg = {
    .id = "citibank_sg",
    .issuer = "Ricoh Americas Corporation, AFP2PDF Plus Version: 1.300.25",
    .page_w = 595, .page_h = 842,
    .orders = {SG_ORDER_SHUFFLE, SG_ORDER_NATURAL, SG_ORDER_RIGHT_FIRST, SG_ORDER_NATURAL},
    .full_number = true,
    .gen = {
        .region = SG_REGION_SG, .currency = "SGD", .card_prefix = "5425", .card_len = 16,
        .foreign = false, .mixed_case = true, .upper_location = true, .location = true,
        .apr_bp = 2690, .late_fee = 10000, .annual_fee = 19620,
        .payment_desc = "ONLINE PAYMENT THANK YOU", .refund_prefix = "",
        .interest_desc = "INTEREST CHARGE", .late_fee_desc = "LATE PAYMENT FEE",
        .fx_fee_desc = "FOREIGN TRANSACTION FEE", .annual_fee_desc = "ANNUAL FEE",
    },
    .render = render,
};
