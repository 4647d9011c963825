/* lay_maybank.c - Maybank (Malaysia) credit card statement.
 *
 * Imitates peer-corpus/cases/maybank/credit: bank address block with
 * "Page k of N", card product, Statement Date "DD Mon YY", masked Card
 * Number, Credit Limit and Payment Due Date beside the address, then
 * "Date Description Amount (RM)", YOUR PREVIOUS STATEMENT BALANCE, rows
 * "DD/MM DD/MM DESCRIPTION amount" (posting date first, then transaction
 * date), credits as "500.00 CR", and TOTAL DEBITS (previous balance
 * included), TOTAL CREDITS, NEW BALANCE. */
#include "layout.h"
#include "fmt.h"

#define CW 5.2
#define C(c) (20.0 + (c) * CW)
#define LH 12.0

static const sg_font body = {SG_LIB_SERIF, 8, false};
static const sg_font bold = {SG_LIB_SERIF, 8, true};

static void bank_block(sg_render *r, int page)
{
    const char *l[] = {"Maybank Islamic Berhad", "Menara Maybank, Jalan Tun Perak",
                       "50050 Kuala Lumpur, Malaysia", "maybank2u.com.my"};
    for (int i = 0; i < 4; i++)
        sg_text(r->doc, &body, C(72), 36 + LH * i, SG_LEFT, l[i]);
    sg_text(r->doc, &body, C(72), 36 + LH * 5, SG_LEFT, sg_strf("Page %d of " SG_PAGES_TOKEN, page));
}

static void heads(sg_render *r, double y)
{
    sg_text(r->doc, &bold, C(8), y, SG_LEFT, "Date");
    sg_text(r->doc, &bold, C(19), y, SG_LEFT, "Description");
    sg_text(r->doc, &bold, C(98), y, SG_RIGHT, "Amount (RM)");
    r->y = y + LH * 2;
}

static void next_page(sg_render *r)
{
    bank_block(r, sg_new_page(r));
    heads(r, 130);
    r->bottom = 790;
}

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
    r->next_page = next_page;
    bank_block(r, sg_new_page(r));
    sg_text(d, &bold, C(8), 132, SG_LEFT, "MAYBANK ISLAMIC IKHWAN MASTERCARD");
    const char *lab[] = {"Statement Date", "Card Number", "Credit Limit", "Payment Due Date"};
    const char *val[] = {sg_datef("DD Mon YY", s->stmt_date), sg_card_grouped(s, " ", 6, 11),
                         sg_num(s->credit_limit), sg_datef("DD Mon YY", s->due_date)};
    const char *left[] = {s->holder, s->address[0], s->address[1], s->address[2]};
    for (int i = 0; i < 4; i++) {
        sg_text(d, &body, C(8), 156 + LH * i, SG_LEFT, left[i]);
        sg_text(d, &body, C(48), 156 + LH * i, SG_LEFT, lab[i]);
        sg_text(d, &body, C(65), 156 + LH * i, SG_LEFT, val[i]);
    }
    r->truth.last4_printed = true;
    heads(r, 230);
    r->bottom = 790;
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
};
