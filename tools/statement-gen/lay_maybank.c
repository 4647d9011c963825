/* lay_maybank.c - Maybank (Malaysia) credit card statement.
 *
 * Imitates peer-corpus/cases/maybank/credit: bank address block with
 * "Page k of N", card product, Statement Date "DD Mon YY", masked Card
 * Number, Credit Limit and Payment Due Date beside the address, then
 * "Date Description Amount (RM)", YOUR PREVIOUS STATEMENT BALANCE, rows
 * "DD/MM DD/MM DESCRIPTION amount" (posting date first, then transaction
 * date), credits as "500.00 CR", and TOTAL DEBITS (previous balance
 * included), TOTAL CREDITS, NEW BALANCE. */
#include "items.h"
#include "fmt.h"

#define CW 5.2
#define C(c) (20.0 + (c) * CW)
#define LH 12.0

static const sg_font body = {SG_LIB_SERIF, 8, false};
static const sg_font bold = {SG_LIB_SERIF, 8, true};

/* The bank's address and the page number, on every page. */
static const sg_item bank_block[] = {
    SG_LINES(&body, C(72), 36, SG_LEFT, LH,
             "Maybank Islamic Berhad\nMenara Maybank, Jalan Tun Perak\n"
             "50050 Kuala Lumpur, Malaysia\nmaybank2u.com.my\n\nPage {PAGE} of {PAGES}"),
    SG_ITEMS_END,
};

static const sg_item heads[] = {
    SG_AT(&bold, C(8), 0, SG_LEFT, "Date"),
    SG_AT(&bold, C(19), 0, SG_LEFT, "Description"),
    SG_AT(&bold, C(98), 0, SG_RIGHT, "Amount (RM)"),
    SG_ITEMS_END,
};

static const sg_list_spec list = {
    .frame = bank_block, .heads = heads, .heads_h = LH * 2, .top = 130, .bottom = 790,
};

/* The address block beside the statement's particulars, row by row. */
static const sg_item particulars[] = {
    SG_AT(&bold, C(8), 132, SG_LEFT, "MAYBANK ISLAMIC IKHWAN MASTERCARD"),
    SG_AT(&body, C(8), 156, SG_LEFT, "{NAME}"),
    SG_AT(&body, C(48), 156, SG_LEFT, "Statement Date"),
    SG_AT(&body, C(65), 156, SG_LEFT, "{STMT:DD Mon YY}"),
    SG_AT(&body, C(8), 168, SG_LEFT, "{ADDR1}"),
    SG_AT(&body, C(48), 168, SG_LEFT, "Card Number"),
    SG_AT(&body, C(65), 168, SG_LEFT, "{CARD:6-11}"),
    SG_AT(&body, C(8), 180, SG_LEFT, "{ADDR2}"),
    SG_AT(&body, C(48), 180, SG_LEFT, "Credit Limit"),
    SG_AT(&body, C(65), 180, SG_LEFT, "{LIMIT}"),
    SG_AT(&body, C(8), 192, SG_LEFT, "{ADDR3}"),
    SG_AT(&body, C(48), 192, SG_LEFT, "Payment Due Date"),
    SG_AT(&body, C(65), 192, SG_LEFT, "{DUE:DD Mon YY}"),
    SG_ITEMS_END,
};

/* "500.00 CR" */
static const sg_amount_style amount = {&body, C(93), C(94), "", "CR"};

static void line(sg_render *r, const char *label, cl_money v)
{
    sg_amount_line(r, &amount, LH, C(8), label, v, 1);
}

static void render(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    r->next_page = sg_list_next_page;
    sg_new_page(r);
    sg_items(r, bank_block);
    sg_items(r, particulars);
    r->truth.last4_printed = true;
    sg_list_heads(r, 230);
    line(r, "YOUR PREVIOUS STATEMENT BALANCE", -s->prev_balance);
    sg_summary(r, SG_SUM_PREVIOUS, s->prev_balance);
    r->y += LH;
    for (size_t i = 0; i < s->n; i++) {
        const sg_txn *t = &s->txns[i];
        sg_need(r, LH);
        sg_text(d, &body, C(8), r->y, SG_LEFT, sg_datef("DD/MM", t->posted));
        sg_text(d, &body, C(19), r->y, SG_LEFT, sg_datef("DD/MM", t->date));
        sg_text(d, &body, C(30), r->y, SG_LEFT, t->desc);
        sg_amount(r, &amount, r->y, t->amount);
        sg_row(r, t, r->y, SG_ROW_POSTED);
        r->y += LH;
    }
    r->y += LH;
    cl_money credits = s->payments + s->refunds;
    line(r, "TOTAL DEBITS", -(s->prev_balance + s->purchases + s->fees + s->interest));
    line(r, "TOTAL CREDITS", -credits);
    line(r, "NEW BALANCE", -s->new_balance);
    sg_summary(r, SG_SUM_PAYMENTS, credits);
    sg_summary(r, SG_SUM_NEW, s->new_balance);
}

const sg_layout sg_layout_maybank = {
    .id = "maybank",
    .issuer = "Maybank Islamic Berhad",
    .page_w = 595, .page_h = 842,
    .orders = {SG_ORDER_RIGHT_FIRST, SG_ORDER_NATURAL, SG_ORDER_SHUFFLE, SG_ORDER_NATURAL},
    .gen = {
        .region = SG_REGION_MY, .currency = "MYR", .card_prefix = "541234", .card_len = 16,
        .foreign = false, .location = true, .apr_bp = 1800, .late_fee = 1000,
        .annual_fee = 25000, .payment_desc = "PAYMENT VIA MAYBANK2U THANK YOU",
        .refund_prefix = "REFUND ", .interest_desc = "FINANCE CHARGES",
        .late_fee_desc = "LATE PAYMENT CHARGE", .fx_fee_desc = "FOREIGN TRANSACTION FEE",
        .annual_fee_desc = "ANNUAL FEE",
    },
    .render = render,
    .spec = &list,
};
