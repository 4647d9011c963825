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
#include "layout.h"
#include "fmt.h"

#include <string.h>

#define CW 3.9
#define C(c) (22.0 + (c) * CW)
#define LH 10.0

static const sg_font body = {SG_DJV_MONO, 6.5, false};
static const sg_font bold = {SG_DJV_MONO, 6.5, true};

static void frame(sg_render *r, int page)
{
    const char *l[] = {"OCBC Bank", "65 Chulia Street, OCBC Centre", "Singapore 049513", "",
                       "Contact Us", "1800 363 3333", "(65) 6363 3333 when overseas"};
    for (int i = 0; i < 7; i++)
        sg_text(r->doc, i == 0 ? &bold : &body, C(102), 30 + LH * i, SG_LEFT, l[i]);
    sg_text(r->doc, &body, C(23), 812, SG_LEFT, "HCBS00128(00041)");
    sg_text(r->doc, &body, C(93), 812, SG_LEFT,
            sg_strf("00041 - PAGE %d OF " SG_PAGES_TOKEN, page));
}

static void heads(sg_render *r, double y)
{
    sg_text(r->doc, &bold, C(0), y, SG_LEFT, "TRANSACTION DATE");
    sg_text(r->doc, &bold, C(42), y, SG_LEFT, "DESCRIPTION");
    sg_text(r->doc, &bold, C(121), y, SG_LEFT, "AMOUNT (SGD)");
    r->y = y + LH * 2;
}

static void next_page(sg_render *r)
{
    frame(r, sg_new_page(r));
    heads(r, 120);
    r->bottom = 790;
}

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

static void header(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    sg_text(d, &body, C(45), 130, SG_LEFT, "hold ref.no: Y");
    sg_text(d, &body, C(45), 140, SG_LEFT, "00041");
    const char *who[] = {s->holder, s->address[0], s->address[1], s->address[2]};
    for (int i = 0; i < 4; i++)
        sg_text(d, &body, C(0), 150 + LH * i, SG_LEFT, who[i]);
    const char *h[] = {"STATEMENT DATE", "PAYMENT DUE DATE", "TOTAL CREDIT LIMIT",
                       "TOTAL AVAILABLE CREDIT LIMIT", "TOTAL MINIMUM DUE"};
    const int hc[] = {1, 27, 54, 81, 121};
    const char *v[] = {sg_datef("DD-MM-YYYY", s->stmt_date), sg_datef("DD-MM-YYYY", s->due_date),
                       sg_strf("S$%s", sg_whole(s->credit_limit)),
                       sg_strf("S$%s", sg_num(s->credit_limit - s->new_balance)),
                       sg_strf("S$%s", sg_num(s->min_payment))};
    const int vc[] = {4, 27, 62, 89, 131};
    for (int i = 0; i < 5; i++) {
        sg_text(d, &bold, C(hc[i]), 220, SG_LEFT, h[i]);
        sg_text(d, &body, C(vc[i]), 240, SG_LEFT, v[i]);
    }
    sg_text(d, &body, C(0), 260, SG_LEFT,
            "Please examine this statement and advise us of any discrepancy within 7 days.");
    sg_text(d, &body, C(0), 280, SG_LEFT,
            sg_strf("PAYMENT DUE DATE : %s", sg_datef("DD MON YY", s->due_date)));
}

static void render(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    r->next_page = next_page;
    frame(r, sg_new_page(r));
    header(r);
    heads(r, 300);
    r->bottom = 790;
    sg_text(d, &bold, C(0), r->y, SG_LEFT, "OCBC 365 CREDIT CARD");
    sg_text(d, &body, C(0), r->y + LH, SG_LEFT, s->holder);
    sg_text(d, &body, C(42), r->y + LH, SG_LEFT, sg_card_grouped(s, "-", -1, -1));
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
    sg_text(d, &bold, C(0), r->y, SG_LEFT, "PLEASE PAY THIS PORTION");
    sg_text(d, &body, C(0), r->y + LH, SG_LEFT,
            sg_strf("%s  %s  S$%s  S$%s  S$%s", sg_datef("DD-MM-YYYY", s->stmt_date),
                    sg_datef("DD-MM-YYYY", s->due_date), sg_whole(s->credit_limit),
                    sg_num(s->new_balance), sg_num(s->min_payment)));
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
};
