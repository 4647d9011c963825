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
#include "items.h"
#include "fmt.h"

#include <string.h>

#define CW 4.1
#define C(c) (20.0 + (c) * CW)
#define LH 11.0
#define CARD "DBS ALTITUDE VISA SIGNATURE"

static const sg_font body = {SG_LIB_SANS, 7.5, false};
static const sg_font bold = {SG_LIB_SANS, 7.5, true};
static const sg_font ocr = {SG_LIB_MONO, 8, false};

static const sg_item page_frame[] = {
    SG_AT(&body, C(130), 30, SG_RIGHT, "{PAGE} of {PAGES}"),
    SG_AT(&body, C(37), 815, SG_LEFT, "PDS_BAR_LOC_ESTMT_998877_998877"),
    SG_ITEMS_END,
};

static const sg_item list_head[] = {
    SG_AT(&bold, C(0), 0, SG_LEFT, "DATE"),
    SG_AT(&bold, C(18), 0, SG_LEFT, "DESCRIPTION"),
    SG_AT(&bold, C(128), 0, SG_RIGHT, "AMOUNT (S$)"),
    SG_ITEMS_END,
};

/* Later pages carry the headings only while transactions continue. */
static const sg_list_spec list = {
    .frame = page_frame, .heads = list_head, .heads_h = LH * 2, .top = 60, .bottom = 790,
    .heads_in_section = true,
};

/* The address, the headed values (centred) and the terms. */
static const sg_item header[] = {
    SG_LINES(&body, C(3), 90, SG_LEFT, LH, "{NAME}\n{ADDR1}\n{ADDR2}\n{ADDR3}"),
    SG_LINES(&body, C(134), 134, SG_RIGHT, LH,
             "DBS Cards Marina P.O. Box 999 S(998877)\nHotline: 1800 111 2222"),
    SG_AT(&bold, C(16), 190, SG_CENTER, "STATEMENT DATE"),
    SG_AT(&body, C(16), 201, SG_CENTER, "{STMT:DD Mon YYYY}"),
    SG_AT(&bold, C(48), 190, SG_CENTER, "CREDIT LIMIT"),
    SG_AT(&body, C(48), 201, SG_CENTER, "${LIMIT}"),
    SG_AT(&bold, C(80), 190, SG_CENTER, "MINIMUM PAYMENT"),
    SG_AT(&body, C(80), 201, SG_CENTER, "${MIN}"),
    SG_AT(&bold, C(114), 190, SG_CENTER, "PAYMENT DUE DATE"),
    SG_AT(&body, C(114), 201, SG_CENTER, "{DUE:DD Mon YYYY}"),
    SG_PARA(&body, C(1), 230, 480, 10,
            "Please settle this statement promptly. If minimum payment is not received by "
            "'Payment Due Date', a late payment charge of $100 will be levied. If payment is not "
            "made in full, an additional finance charge of 27.80% per annum will be levied on "
            "each outstanding balance of each card account from the date each transaction was "
            "effected."),
    SG_AT(&body, C(130), 290, SG_RIGHT, "Co. Reg. No. 196800306E"),
    SG_AT(&body, C(0), 301, SG_LEFT, "This Statement serves as a TAX INVOICE if GST is charged."),
    SG_AT(&body, C(130), 301, SG_RIGHT, "GST Registration No: MR-8500180-3"),
    SG_ITEMS_END,
};

/* The payment slip from the flow's y: a note, then the slip proper SLIP
 * below it, printing the full card number spaced and as one run. */
#define SLIP 44.0
static const sg_item slip[] = {
    SG_PARA(&body, C(0), 0, 520, 10,
            "Please contact the DBS Treasures hotline immediately at 1800 111 2222, if you find "
            "any discrepancies on your statement. If no discrepancy is reported within 7 days "
            "upon receipt of statement, your statement will be considered correct."),
    SG_RULE(C(0), SLIP - 8, C(130), SLIP - 8, 0.4),
    SG_AT(&body, C(1), SLIP, SG_LEFT, "{NAME}"),
    SG_AT(&bold, C(6), SLIP + LH, SG_LEFT, "CARD"),
    SG_AT(&bold, C(45), SLIP + LH, SG_LEFT, "TOTAL OUTSTANDING"),
    SG_AT(&bold, C(68), SLIP + LH, SG_LEFT, "MINIMUM PAYMENT"),
    SG_AT(&bold, C(88), SLIP + LH, SG_LEFT, "PLS INDICATE THE PAYMENT"),
    SG_AT(&bold, C(117), SLIP + LH, SG_LEFT, "BANK'S REF"),
    SG_AT(&bold, C(45), SLIP + LH * 2, SG_LEFT, "BALANCE"),
    SG_AT(&bold, C(88), SLIP + LH * 2, SG_LEFT, "AMOUNT FOR EACH A/C"),
    SG_AT(&body, C(6), SLIP + LH * 4, SG_LEFT, CARD),
    SG_AT(&body, C(45), SLIP + LH * 4, SG_LEFT, "$"),
    SG_AT(&body, C(60), SLIP + LH * 4, SG_RIGHT, "{NEW}"),
    SG_AT(&body, C(66), SLIP + LH * 4, SG_LEFT, "$"),
    SG_AT(&body, C(80), SLIP + LH * 4, SG_RIGHT, "{MIN}"),
    SG_AT(&body, C(117), SLIP + LH * 4, SG_LEFT, "{CARD}"),
    SG_AT(&bold, C(6), SLIP + LH * 6, SG_LEFT, "TOTAL"),
    SG_AT(&body, C(45), SLIP + LH * 6, SG_LEFT, "$"),
    SG_AT(&body, C(60), SLIP + LH * 6, SG_RIGHT, "{NEW}"),
    SG_AT(&body, C(66), SLIP + LH * 6, SG_LEFT, "$"),
    SG_AT(&body, C(80), SLIP + LH * 6, SG_RIGHT, "{MIN}"),
    SG_AT(&body, C(82), SLIP + LH * 6, SG_LEFT, "$"),
    SG_LINES(&body, C(91), SLIP + LH * 8, SG_LEFT, LH,
             "STATEMENT PRINTED ON {STMT:DD Mon YYYY}\nCUSTOMER NO: R998877"),
    SG_AT(&ocr, C(14), SLIP + LH * 11, SG_LEFT, "{SCANLINE}"),
    SG_ITEMS_END,
};

/* {SCANLINE}: the slip's OCR line, the full number and the balance in cents. */
static const char *token(const sg_render *r, const char *name, const char *arg)
{
    const sg_statement *s = r->st;
    if (strcmp(name, "SCANLINE"))
        return NULL;
    return sg_strf("0   %s   000998877   %010lld   6", s->card_full, (long long)s->new_balance);
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

static void render(sg_render *r)
{
    const sg_statement *s = r->st;
    r->next_page = sg_list_next_page;
    sg_new_page(r);
    sg_items(r, page_frame);
    sg_items(r, header);
    sg_list_heads(r, 312);
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
    sg_need(r, LH * 16);
    sg_items_at(r, slip, r->y + LH);
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
    .spec = &list,
    .token = token,
};
