/* lay_ocbc.c - OCBC Bank (Singapore) credit card statement.
 *
 * Imitates peer-corpus/cases/ocbc/credit in a monospaced face: bank
 * address block, the STATEMENT DATE / PAYMENT DUE DATE / TOTAL CREDIT LIMIT
 * / TOTAL AVAILABLE CREDIT LIMIT / TOTAL MINIMUM DUE header (DD-MM-YYYY),
 * "TRANSACTION DATE DESCRIPTION AMOUNT (SGD)", the card name and a line
 * with the holder and the full card number (dashes), LAST MONTH'S BALANCE,
 * rows "DD/MM MERCHANT CITY CC amount" with the city and country code in
 * their own columns (all part of the description), credits in
 * parentheses, TOTAL NEW TRANSACTIONS (previous balance plus debits),
 * TOTAL AMOUNT DUE, the PLEASE PAY THIS PORTION strip and a
 * "... - PAGE k OF N" footer. */
#include "items.h"
#include "fmt.h"

#include <string.h>

#define CW 3.9
#define C(c) (22.0 + (c) * CW)
#define LH 10.0

static const sg_font body = {SG_DJV_MONO, 6.5, false};
static const sg_font bold = {SG_DJV_MONO, 6.5, true};

static const sg_item frame[] = {
    SG_AT(&bold, C(102), 30, SG_LEFT, "OCBC Bank"),
    SG_LINES(&body, C(102), 40, SG_LEFT, LH,
             "65 Chulia Street, OCBC Centre\nSingapore 049513\n\nContact Us\n1800 363 3333\n"
             "(65) 6363 3333 when overseas"),
    SG_AT(&body, C(23), 812, SG_LEFT, "HCBS00128(00041)"),
    SG_AT(&body, C(93), 812, SG_LEFT, "00041 - PAGE {PAGE} OF {PAGES}"),
    SG_ITEMS_END,
};

static const sg_item heads[] = {
    SG_AT(&bold, C(0), 0, SG_LEFT, "TRANSACTION DATE"),
    SG_AT(&bold, C(42), 0, SG_LEFT, "DESCRIPTION"),
    SG_AT(&bold, C(121), 0, SG_LEFT, "AMOUNT (SGD)"),
    SG_ITEMS_END,
};

static const sg_list_spec list = {
    .frame = frame, .heads = heads, .heads_h = LH * 2, .top = 120, .bottom = 790,
};

/* The holder's address and a row of headed values (dates DD-MM-YYYY). */
static const sg_item header[] = {
    SG_LINES(&body, C(45), 130, SG_LEFT, LH, "hold ref.no: Y\n00041"),
    SG_LINES(&body, C(0), 150, SG_LEFT, LH, "{NAME}\n{ADDR1}\n{ADDR2}\n{ADDR3}"),
    SG_AT(&bold, C(1), 220, SG_LEFT, "STATEMENT DATE"),
    SG_AT(&body, C(4), 240, SG_LEFT, "{STMT:DD-MM-YYYY}"),
    SG_AT(&bold, C(27), 220, SG_LEFT, "PAYMENT DUE DATE"),
    SG_AT(&body, C(27), 240, SG_LEFT, "{DUE:DD-MM-YYYY}"),
    SG_AT(&bold, C(54), 220, SG_LEFT, "TOTAL CREDIT LIMIT"),
    SG_AT(&body, C(62), 240, SG_LEFT, "S${LIMIT:whole}"),
    SG_AT(&bold, C(81), 220, SG_LEFT, "TOTAL AVAILABLE CREDIT LIMIT"),
    SG_AT(&body, C(89), 240, SG_LEFT, "S${AVAIL}"),
    SG_AT(&bold, C(121), 220, SG_LEFT, "TOTAL MINIMUM DUE"),
    SG_AT(&body, C(131), 240, SG_LEFT, "S${MIN}"),
    SG_AT(&body, C(0), 260, SG_LEFT,
          "Please examine this statement and advise us of any discrepancy within 7 days."),
    SG_AT(&body, C(0), 280, SG_LEFT, "PAYMENT DUE DATE : {DUE:DD MON YY}"),
    SG_ITEMS_END,
};

/* The card name, then the holder with the full number, from the flow's y. */
static const sg_item card_lines[] = {
    SG_AT(&bold, C(0), 0, SG_LEFT, "OCBC 365 CREDIT CARD"),
    SG_AT(&body, C(0), LH, SG_LEFT, "{NAME}"),
    SG_AT(&body, C(42), LH, SG_LEFT, "{CARD_DASH}"),
    SG_ITEMS_END,
};

/* The payment strip at the flow's y. */
static const sg_item pay_portion[] = {
    SG_AT(&bold, C(0), 0, SG_LEFT, "PLEASE PAY THIS PORTION"),
    SG_AT(&body, C(0), LH, SG_LEFT,
          "{STMT:DD-MM-YYYY}  {DUE:DD-MM-YYYY}  S${LIMIT:whole}  S${NEW}  S${MIN}"),
    SG_ITEMS_END,
};

/* "(45.00)", the closing parenthesis past the column edge */
static const sg_amount_style amount = {&body, C(138), C(138), "(", ")"};

static void row(sg_render *r, const sg_txn *t)
{
    sg_need(r, LH);
    sg_text(r->doc, &body, C(1), r->y, SG_LEFT, sg_datef("DD/MM", t->date));
    sg_text(r->doc, &body, C(42), r->y, SG_LEFT, t->merchant);
    const char *sp = strrchr(t->location, ' ');
    if (sp) {
        sg_text(r->doc, &body, C(81), r->y, SG_LEFT,
                sg_strf("%.*s", (int)(sp - t->location), t->location));
        sg_text(r->doc, &body, C(102), r->y, SG_LEFT, sp + 1);
    } else if (t->location[0]) {
        sg_text(r->doc, &body, C(81), r->y, SG_LEFT, t->location);
    }
    sg_amount(r, &amount, r->y, t->amount);
    sg_row(r, t, r->y, 0);
    r->y += LH;
}

static void line(sg_render *r, int col, const char *label, cl_money v)
{
    sg_amount_line(r, &amount, LH, C(col), label, v, 1);
}

static void render(sg_render *r)
{
    const sg_statement *s = r->st;
    r->next_page = sg_list_next_page;
    sg_new_page(r);
    sg_items(r, frame);
    sg_items(r, header);
    sg_list_heads(r, 300);
    sg_items_at(r, card_lines, r->y);
    r->truth.last4_printed = true;
    r->y += LH * 3;
    line(r, 42, "LAST MONTH'S BALANCE", -s->prev_balance);
    sg_summary(r, SG_SUM_PREVIOUS, s->prev_balance);
    for (size_t i = 0; i < s->n; i++)
        row(r, &s->txns[i]);
    r->y += LH;
    line(r, 0, "TOTAL NEW TRANSACTIONS", -(s->prev_balance + s->purchases + s->fees + s->interest));
    r->y += LH;
    line(r, 0, "TOTAL AMOUNT DUE", -s->new_balance);
    sg_summary(r, SG_SUM_NEW, s->new_balance);
    r->y += LH;
    sg_need(r, LH * 2);
    sg_items_at(r, pay_portion, r->y);
}

const sg_layout sg_layout_ocbc = {
    .id = "ocbc",
    .issuer = "OCBC Bank",
    .page_w = 595, .page_h = 842,
    .orders = {SG_ORDER_NATURAL, SG_ORDER_REVERSE, SG_ORDER_NATURAL, SG_ORDER_BY_COLUMN},
    .full_number = true,
    .gen = {
        .region = SG_REGION_SG, .currency = "SGD", .card_prefix = "4524", .card_len = 16,
        .foreign = false, .location = true, .apr_bp = 2790, .late_fee = 10000,
        .annual_fee = 19620, .payment_desc = "PAYMENT BY INTERNET", .refund_prefix = "",
        .interest_desc = "INTEREST CHARGES", .late_fee_desc = "LATE CHARGE",
        .fx_fee_desc = "FOREIGN TRANSACTION FEE", .annual_fee_desc = "ANNUAL FEE",
    },
    .render = render,
    .spec = &list,
};
