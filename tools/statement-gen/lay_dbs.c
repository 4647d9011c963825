/* lay_dbs.c - DBS Bank (Singapore) credit card statement.
 *
 * Imitates peer-corpus/cases/dbs/credit: "k of N" at the top right, the
 * STATEMENT DATE / CREDIT LIMIT / MINIMUM PAYMENT / PAYMENT DUE DATE
 * header, "DATE DESCRIPTION AMOUNT (S$)", the card line "... CARD NO.:"
 * with the full card number, PREVIOUS BALANCE, the payments each followed
 * by a "REF NO:" line (not part of the description), "NEW TRANSACTIONS
 * NAME", rows dated "DD MON" with credits as "1,200.00 CR", then SUB-TOTAL,
 * TOTAL, GRAND TOTAL FOR ALL CARD ACCOUNTS and a payment slip printing the
 * full card number twice (spaced and as one 16-digit run). */
#include "layout.h"
#include "fmt.h"

#define CW 4.1
#define C(c) (20.0 + (c) * CW)
#define LH 11.0
#define CARD "DBS ALTITUDE VISA SIGNATURE"

static const sg_font body = {SG_LIB_SANS, 7.5, false};
static const sg_font bold = {SG_LIB_SANS, 7.5, true};

static void page_frame(sg_render *r, int page)
{
    sg_text(r->doc, &body, C(130), 30, SG_RIGHT, sg_strf("%d of " SG_PAGES_TOKEN, page));
    sg_text(r->doc, &body, C(37), 815, SG_LEFT, "PDS_BAR_LOC_ESTMT_998877_998877");
}

static void list_head(sg_render *r, double y)
{
    sg_text(r->doc, &bold, C(0), y, SG_LEFT, "DATE");
    sg_text(r->doc, &bold, C(18), y, SG_LEFT, "DESCRIPTION");
    sg_text(r->doc, &bold, C(128), y, SG_RIGHT, "AMOUNT (S$)");
    r->y = y + LH * 2;
}

static void next_page(sg_render *r)
{
    page_frame(r, sg_new_page(r));
    r->y = 60;
    if (r->section)
        list_head(r, 60);
    r->bottom = 790;
}

static void header(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    for (int i = 0; i < 3; i++)
        sg_text(d, &body, C(3), 90 + LH * i, SG_LEFT, i == 0 ? s->holder : s->address[i - 1]);
    sg_text(d, &body, C(3), 123, SG_LEFT, s->address[2]);
    sg_text(d, &body, C(134), 134, SG_RIGHT, "DBS Cards Marina P.O. Box 999 S(998877)");
    sg_text(d, &body, C(134), 145, SG_RIGHT, "Hotline: 1800 111 2222");
    const char *h[] = {"STATEMENT DATE", "CREDIT LIMIT", "MINIMUM PAYMENT", "PAYMENT DUE DATE"};
    const char *v[] = {sg_datef("DD Mon YYYY", s->stmt_date),
                       sg_strf("$%s", sg_num(s->credit_limit)),
                       sg_strf("$%s", sg_num(s->min_payment)), sg_datef("DD Mon YYYY", s->due_date)};
    const double x[] = {C(16), C(48), C(80), C(114)};
    for (int i = 0; i < 4; i++) {
        sg_text(d, &bold, x[i], 190, SG_CENTER, h[i]);
        sg_text(d, &body, x[i], 201, SG_CENTER, v[i]);
    }
    sg_para(r, &body, C(1), 230, 480, 10,
            "Please settle this statement promptly. If minimum payment is not received by "
            "'Payment Due Date', a late payment charge of $100 will be levied. If payment is not "
            "made in full, an additional finance charge of 27.80% per annum will be levied on "
            "each outstanding balance of each card account from the date each transaction was "
            "effected.");
    sg_text(d, &body, C(130), 290, SG_RIGHT, "Co. Reg. No. 196800306E");
    sg_text(d, &body, C(0), 301, SG_LEFT, "This Statement serves as a TAX INVOICE if GST is charged.");
    sg_text(d, &body, C(130), 301, SG_RIGHT, "GST Registration No: MR-8500180-3");
}

/* "1,200.00 CR" */
static const sg_amount_style amount = {&body, C(126), C(127), "", "CR"};

static void row(sg_render *r, const sg_txn *t)
{
    bool ref = t->kind == SG_PAYMENT;
    sg_need(r, LH * (ref ? 2 : 1));
    double y = r->y;
    sg_text(r->doc, &body, C(0), y, SG_LEFT, sg_datef("DD MON", t->date));
    sg_text(r->doc, &body, C(11), y, SG_LEFT, t->desc);
    sg_amount(r, &amount, y, t->amount);
    if (ref)
        sg_text(r->doc, &body, C(11), y + LH, SG_LEFT, sg_strf("REF NO: MBI%.6s", t->ref));
    sg_row(r, t, y, 0);
    r->y += LH * (ref ? 2 : 1);
}

static void total_line(sg_render *r, double xr_label, const char *label, cl_money v)
{
    sg_need(r, LH);
    sg_text(r->doc, &bold, xr_label, r->y, SG_RIGHT, label);
    sg_text(r->doc, &bold, C(126), r->y, SG_RIGHT, sg_num(v));
    r->y += LH * 2;
}

static void slip(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    sg_need(r, LH * 16);
    double y = r->y + LH;
    sg_para(r, &body, C(0), y, 520, 10,
            "Please contact the DBS Treasures hotline immediately at 1800 111 2222, if you find "
            "any discrepancies on your statement. If no discrepancy is reported within 7 days "
            "upon receipt of statement, your statement will be considered correct.");
    y += LH * 4;
    sg_rule(d, C(0), y - 8, C(130), y - 8, 0.4);
    sg_text(d, &body, C(1), y, SG_LEFT, s->holder);
    sg_text(d, &bold, C(6), y + LH, SG_LEFT, "CARD");
    sg_text(d, &bold, C(45), y + LH, SG_LEFT, "TOTAL OUTSTANDING");
    sg_text(d, &bold, C(68), y + LH, SG_LEFT, "MINIMUM PAYMENT");
    sg_text(d, &bold, C(88), y + LH, SG_LEFT, "PLS INDICATE THE PAYMENT");
    sg_text(d, &bold, C(117), y + LH, SG_LEFT, "BANK'S REF");
    sg_text(d, &bold, C(45), y + LH * 2, SG_LEFT, "BALANCE");
    sg_text(d, &bold, C(88), y + LH * 2, SG_LEFT, "AMOUNT FOR EACH A/C");
    const char *full = sg_card_grouped(s, " ", -1, -1);
    sg_text(d, &body, C(6), y + LH * 4, SG_LEFT, CARD);
    sg_text(d, &body, C(45), y + LH * 4, SG_LEFT, "$");
    sg_text(d, &body, C(60), y + LH * 4, SG_RIGHT, sg_num(s->new_balance));
    sg_text(d, &body, C(66), y + LH * 4, SG_LEFT, "$");
    sg_text(d, &body, C(80), y + LH * 4, SG_RIGHT, sg_num(s->min_payment));
    sg_text(d, &body, C(117), y + LH * 4, SG_LEFT, full);
    sg_text(d, &bold, C(6), y + LH * 6, SG_LEFT, "TOTAL");
    sg_text(d, &body, C(45), y + LH * 6, SG_LEFT, "$");
    sg_text(d, &body, C(60), y + LH * 6, SG_RIGHT, sg_num(s->new_balance));
    sg_text(d, &body, C(66), y + LH * 6, SG_LEFT, "$");
    sg_text(d, &body, C(80), y + LH * 6, SG_RIGHT, sg_num(s->min_payment));
    sg_text(d, &body, C(82), y + LH * 6, SG_LEFT, "$");
    sg_text(d, &body, C(91), y + LH * 8, SG_LEFT,
            sg_strf("STATEMENT PRINTED ON %s", sg_datef("DD Mon YYYY", s->stmt_date)));
    sg_text(d, &body, C(91), y + LH * 9, SG_LEFT, "CUSTOMER NO: R998877");
    const sg_font ocr = {SG_LIB_MONO, 8, false};
    sg_text(d, &ocr, C(14), y + LH * 11, SG_LEFT,
            sg_strf("0   %s   000998877   %010lld   6", s->card_full, (long long)s->new_balance));
}

static void render(sg_render *r)
{
    const sg_statement *s = r->st;
    r->next_page = next_page;
    page_frame(r, sg_new_page(r));
    header(r);
    list_head(r, 312);
    r->bottom = 790;
    sg_text(r->doc, &bold, C(0), r->y, SG_LEFT,
            sg_strf("%s CARD NO.: %s", CARD, sg_card_grouped(s, " ", -1, -1)));
    r->truth.last4_printed = true;
    r->y += LH * 2.5;
    sg_text(r->doc, &body, C(11), r->y, SG_LEFT, "PREVIOUS BALANCE");
    sg_text(r->doc, &body, C(126), r->y, SG_RIGHT, sg_num(s->prev_balance));
    sg_summary(r, SG_SUM_PREVIOUS, s->prev_balance);
    r->y += LH * 2;
    r->section = 1;
    for (size_t i = 0; i < s->n; i++)
        if (s->txns[i].kind == SG_PAYMENT)
            row(r, &s->txns[i]);
    r->y += LH;
    sg_need(r, LH * 2);
    sg_text(r->doc, &bold, C(0), r->y, SG_LEFT, sg_strf("NEW TRANSACTIONS %s", s->holder));
    r->y += LH;
    for (size_t i = 0; i < s->n; i++)
        if (s->txns[i].kind != SG_PAYMENT)
            row(r, &s->txns[i]);
    r->section = 0;
    r->y += LH * 2;
    total_line(r, C(113), "SUB-TOTAL:", s->new_balance);
    total_line(r, C(113), "TOTAL:", s->new_balance);
    total_line(r, C(113), "GRAND TOTAL FOR ALL CARD ACCOUNTS:", s->new_balance);
    sg_summary(r, SG_SUM_NEW, s->new_balance);
    slip(r);
}

const sg_layout sg_layout_dbs = {
    .id = "dbs",
    .issuer = "DBS Bank Ltd",
    .page_w = 595, .page_h = 842,
    .orders = {SG_ORDER_NATURAL, SG_ORDER_FOOTER_FIRST, SG_ORDER_BY_COLUMN, SG_ORDER_NATURAL},
    .full_number = true,
    .gen = {
        .region = SG_REGION_SG, .currency = "SGD", .card_prefix = "4119", .card_len = 16,
        .foreign = false, .location = false, .apr_bp = 2780, .late_fee = 10000,
        .annual_fee = 19620, .payment_desc = "PAYMENT - DBS INTERNET/WIRELESS",
        .refund_prefix = "", .interest_desc = "FINANCE CHARGE", .late_fee_desc = "LATE CHARGE",
        .fx_fee_desc = "FOREIGN TRANSACTION FEE", .annual_fee_desc = "ANNUAL FEE",
    },
    .render = render,
};
