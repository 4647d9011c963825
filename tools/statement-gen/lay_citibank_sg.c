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
#include "items.h"
#include "fmt.h"

#include <string.h>

#define CW 3.35
#define C(c) (20.0 + (c) * CW)
#define LH 9.0
#define CARD "CITI CASH BACK PLUS MASTERCARD"
#define LONG_DATE "Month D, YYYY"

static const sg_font body = {SG_DJV_SANS, 6.5, false};
static const sg_font bold = {SG_DJV_SANS, 6.5, true};

static const sg_item page_head[] = {
    SG_AT(&body, C(168), 30, SG_RIGHT, "Citibank Singapore Ltd"),
    SG_AT(&body, C(168), 39, SG_RIGHT, "Robinson Road P. O. Box 355 S(900705)"),
    SG_AT(&body, C(168), 57, SG_RIGHT, "Page {PAGE} of {PAGES}"),
    SG_ITEMS_END,
};

static const sg_item list_head[] = {
    SG_AT(&bold, C(1), 0, SG_LEFT, "DATE"),
    SG_AT(&bold, C(18), 0, SG_LEFT, "DESCRIPTION"),
    SG_AT(&bold, C(167), 0, SG_RIGHT, "AMOUNT (SGD)"),
    SG_ITEMS_END,
};

static const sg_list_spec list = {
    .frame = page_head, .heads = list_head, .heads_h = LH * 2, .top = 84, .bottom = 800,
};

static const sg_item bill_summary[] = {
    SG_AT(&bold, C(104), 84, SG_LEFT, "YOUR BILL SUMMARY"),
    SG_AT(&body, C(7), 93, SG_LEFT, "778900 2029384756"),
    SG_PAIR(&body, C(104), C(168), 102, "Statement Date", "{STMT:" LONG_DATE "}"),
    SG_AT(&body, C(7), 111, SG_LEFT, "(2029384)"),
    SG_AT(&body, C(65), 111, SG_LEFT, "778900/BR"),
    SG_PAIR(&body, C(104), C(168), 111, "Credit Limit", "${LIMIT}"),
    SG_AT(&body, C(7), 120, SG_LEFT, "{NAME}"),
    SG_PAIR(&body, C(104), C(168), 120, "Current Balance", "${NEW}"),
    SG_LINES(&body, C(7), 129, SG_LEFT, LH, "{ADDR1}\n{ADDR2}"),
    SG_PAIR(&body, C(104), C(168), 138, "Total Minimum Payment", "${MIN}"),
    SG_AT(&body, C(7), 147, SG_LEFT, "{ADDR3}"),
    SG_PAIR(&body, C(104), C(168), 147, "Payment Due Date", "{DUE:" LONG_DATE "}"),
    SG_AT(&body, C(168), 156, SG_RIGHT, "GST Registration No. 200912"),
    SG_AT(&body, C(1), 183, SG_LEFT, "This Statement serves as a Tax Invoice if GST is charged."),
    SG_ITEMS_END,
};

/* Two-line column headings right-aligned over their values. */
static const sg_item cards_table[] = {
    SG_AT(&bold, C(3), 192, SG_LEFT, "YOUR CITIBANK CARDS"),
    SG_LINES(&bold, C(78), 192, SG_RIGHT, LH, "CURRENT\nBALANCE"),
    SG_LINES(&bold, C(104), 192, SG_RIGHT, LH, "AMOUNT\nPAST DUE"),
    SG_LINES(&bold, C(125), 192, SG_RIGHT, LH, "MINIMUM\nPAYMENT"),
    SG_LINES(&bold, C(145), 192, SG_RIGHT, LH, "REWARD\nPROGRAMME"),
    SG_LINES(&bold, C(168), 192, SG_RIGHT, LH, "TOTAL POINTS\nAVAILABLE"),
    SG_AT(&body, C(3), 219, SG_LEFT, CARD),
    SG_AT(&body, C(78), 219, SG_RIGHT, "{NEW}"),
    SG_AT(&body, C(104), 219, SG_RIGHT, "0.00"),
    SG_AT(&body, C(125), 219, SG_RIGHT, "{MIN}"),
    SG_AT(&body, C(145), 219, SG_RIGHT, "CASH BACK"),
    SG_AT(&body, C(168), 219, SG_RIGHT, "{POINTS}"),
    SG_ITEMS_END,
};

/* The slip and the card line print the full card number. */
static const sg_item payment_slip[] = {
    SG_AT(&bold, C(4), 246, SG_LEFT, "PAYMENT SLIP"),
    SG_RULE(C(0), 238, C(170), 238, 0.4),
    SG_AT(&body, C(2), 264, SG_LEFT, "{NAME}"),
    SG_LINES(&body, C(131), 264, SG_LEFT, LH,
             "Statement Date: {STMT:" LONG_DATE "}\nPayment Due Date: {DUE:" LONG_DATE "}"),
    SG_AT(&bold, C(10), 282, SG_LEFT, "CREDIT CARD TYPE"),
    SG_AT(&bold, C(47), 282, SG_LEFT, "ACCOUNT NUMBER"),
    SG_AT(&bold, C(93), 282, SG_LEFT, "CURRENT BALANCE $"),
    SG_AT(&bold, C(133), 282, SG_LEFT, "MINIMUM PAYMENT $"),
    SG_AT(&body, C(2), 309, SG_LEFT, "8"),
    SG_LINES(&body, C(10), 309, SG_LEFT, LH, "CITI CASH BACK PLUS\nMASTERCARD"),
    SG_AT(&body, C(45), 327, SG_LEFT, "{CARD}"),
    SG_AT(&body, C(98), 327, SG_RIGHT, "{NEW}"),
    SG_AT(&body, C(138), 327, SG_RIGHT, "{MIN}"),
    SG_AT(&body, C(2), 354, SG_LEFT, CARD " {CARD}"),
    SG_AT(&body, C(115), 354, SG_LEFT, "Payment Due Date: {DUE:" LONG_DATE "}"),
    SG_ITEMS_END,
};

/* PREVIOUS BALANCE - PAYMENTS & CREDITS + PURCHASES & ADVANCES + INTEREST
 * CHARGES + FEES & CHARGES = CURRENT BALANCE, labels stacked. */
static const sg_item balance_box[] = {
    SG_LINES(&bold, C(7), 381, SG_LEFT, LH, "PREVIOUS\nBALANCE"),
    SG_AT(&bold, C(34), 381, SG_LEFT, "PAYMENTS"),
    SG_AT(&bold, C(34) + 12, 390, SG_LEFT, "&"),
    SG_AT(&bold, C(63), 381, SG_LEFT, "PURCHASES"),
    SG_AT(&bold, C(63) + 12, 390, SG_LEFT, "&"),
    SG_LINES(&bold, C(91), 381, SG_LEFT, LH, "INTEREST\nCHARGES"),
    SG_AT(&bold, C(120), 381, SG_LEFT, "FEES"),
    SG_AT(&bold, C(120) + 12, 390, SG_LEFT, "&"),
    SG_LINES(&bold, C(145), 381, SG_LEFT, LH, "CURRENT\nBALANCE"),
    SG_AT(&bold, C(25), 399, SG_LEFT, "-"),
    SG_AT(&bold, C(35), 399, SG_LEFT, "CREDITS"),
    SG_AT(&bold, C(52), 408, SG_LEFT, "+"),
    SG_AT(&bold, C(63), 408, SG_LEFT, "ADVANCES"),
    SG_AT(&bold, C(81), 408, SG_LEFT, "+"),
    SG_AT(&bold, C(110), 408, SG_LEFT, "+"),
    SG_AT(&bold, C(120), 408, SG_LEFT, "CHARGES"),
    SG_AT(&bold, C(137), 408, SG_LEFT, "="),
    SG_AT(&body, C(15), 426, SG_RIGHT, "{PREV}"),
    SG_AT(&body, C(42), 426, SG_RIGHT, "{CREDITS}"),
    SG_AT(&body, C(72), 426, SG_RIGHT, "{PURCHASES}"),
    SG_AT(&body, C(99), 426, SG_RIGHT, "{INTEREST}"),
    SG_AT(&body, C(125), 426, SG_RIGHT, "{FEES}"),
    SG_AT(&body, C(153), 426, SG_RIGHT, "{NEW}"),
    SG_ITEMS_END,
};

/* {POINTS}: cash back points, one per dollar of purchases. */
static const char *token(const sg_render *r, const char *name, const char *arg)
{
    return strcmp(name, "POINTS") ? NULL : sg_num(r->st->purchases / 100);
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
    r->next_page = sg_list_next_page;
    sg_new_page(r);
    sg_items(r, page_head);
    sg_items(r, bill_summary);
    sg_items(r, cards_table);
    sg_items(r, payment_slip);
    sg_items(r, balance_box);
    r->truth.last4_printed = true;
    sg_summary_all(r, s->payments + s->refunds);
    sg_list_heads(r, 444);
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
    .spec = &list,
    .token = token,
};
