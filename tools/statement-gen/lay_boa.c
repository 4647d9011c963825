/* lay_boa.c - Bank of America credit card statement.
 *
 * Imitates peer-corpus/cases/bank_of_america/credit: page 1 with the
 * Account Summary (Previous Balance, Payments and Other Credits as
 * "-$400.00", Purchases and Adjustments, Fees Charged, Interest Charged,
 * New Balance Total), Statement Closing Date MM/DD/YYYY and the masked
 * account number; from page 2, under a "NAME ! Account # ... ! Statement
 * Closing Date" line, sections "Payments and Other Credits" and "Purchases
 * and Adjustments" (then "Fees Charged", "Interest Charged") with
 * Transaction Date, Posting Date (MM/DD), Description, Reference Number,
 * Account Number and Amount (credits with a minus), each section closed by
 * a "TOTAL ... FOR THIS PERIOD" line; year-to-date totals and the interest
 * charge calculation table at the end. */
#include "us_family.h"
#include "fmt.h"

#include <stdlib.h>

#define CW 4.6
#define C(c) (26.0 + (c) * CW)
#define LH 11.0

static const sg_font body = {SG_DJV_COND, 7.5, false};
static const sg_font bold = {SG_DJV_COND, 7.5, true};
static const sg_font big = {SG_DJV_COND, 10, true};

static const sg_item footer[] = {
    SG_AT(&body, C(90), 760, SG_LEFT, "Page {PAGE} of {PAGES}"),
    SG_ITEMS_END,
};

static const sg_item page_head[] = {
    SG_AT(&body, C(2), 40, SG_LEFT,
          "{NAME} ! Account # {CARD:6-11} ! Statement Closing Date {STMT:MM/DD/YYYY}"),
    SG_ITEMS_END,
};

/* The address beside the bank's, the Account Summary ("-$" credits), the
 * account's particulars and the payment information. */
static const sg_item first_page[] = {
    SG_AT(&body, C(74), 40, SG_LEFT, "Customer Service: 1.800.732.9194"),
    SG_AT(&body, C(74), 51, SG_LEFT, "bankofamerica.com"),
    SG_AT(&body, C(2), 73, SG_LEFT, "{NAME}"),
    SG_AT(&body, C(74), 73, SG_LEFT, "P.O. Box 982238"),
    SG_AT(&body, C(2), 84, SG_LEFT, "{ADDR1}"),
    SG_AT(&body, C(74), 84, SG_LEFT, "El Paso, TX 79998-2238"),
    SG_AT(&body, C(2), 95, SG_LEFT, "{ADDR2}"),
    SG_AT(&big, C(2), 128, SG_LEFT, "Customized Cash Rewards Visa Signature"),
    SG_AT(&big, C(2), 160, SG_LEFT, "Account Summary"),
    SG_PAIR(&body, C(2), C(65), 171, "Previous Balance", "${PREV}"),
    SG_PAIR(&body, C(2), C(65), 182, "Payments and Other Credits", "{CREDITS:-$}"),
    SG_PAIR(&body, C(2), C(65), 193, "Purchases and Adjustments", "${PURCHASES}"),
    SG_PAIR(&body, C(2), C(65), 204, "Fees Charged", "${FEES}"),
    SG_PAIR(&body, C(2), C(65), 215, "Interest Charged", "${INTEREST}"),
    SG_PAIR(&bold, C(2), C(65), 226, "New Balance Total", "${NEW}"),
    SG_AT(&body, C(2), 248, SG_LEFT, "Statement Closing Date"),
    SG_AT(&body, C(32), 248, SG_LEFT, "{STMT:MM/DD/YYYY}"),
    SG_AT(&body, C(2), 259, SG_LEFT, "Account Number"),
    SG_AT(&body, C(32), 259, SG_LEFT, "{CARD:6-11}"),
    SG_AT(&body, C(2), 270, SG_LEFT, "Total Credit Line"),
    SG_AT(&body, C(32), 270, SG_LEFT, "${LIMIT:whole}"),
    SG_AT(&body, C(2), 281, SG_LEFT, "Credit Line Available"),
    SG_AT(&body, C(32), 281, SG_LEFT, "${AVAIL:whole}"),
    SG_AT(&big, C(2), 320, SG_LEFT, "Payment Information"),
    SG_PAIR(&body, C(2), C(65), 331, "Total Minimum Payment Due", "${MIN}"),
    SG_PAIR(&body, C(2), C(65), 342, "Payment Due Date", "{DUE:MM/DD/YYYY}"),
    SG_PARA(&body, C(2), 364, 420, LH,
            "Late Payment Warning: If we do not receive your minimum payment by the date listed "
            "above, you may have to pay a late fee of up to forty dollars."),
    SG_ITEMS_END,
};

static void column_heads(sg_render *r)
{
    sg_doc *d = r->doc;
    double y = r->y;
    sg_text(d, &bold, C(2), y, SG_LEFT, "Transaction");
    sg_text(d, &bold, C(15), y, SG_LEFT, "Posting");
    sg_text(d, &bold, C(75), y, SG_LEFT, "Reference");
    sg_text(d, &bold, C(88), y, SG_LEFT, "Account");
    sg_text(d, &bold, C(2), y + 10, SG_LEFT, "Date");
    sg_text(d, &bold, C(15), y + 10, SG_LEFT, "Date");
    sg_text(d, &bold, C(28), y + 10, SG_LEFT, "Description");
    sg_text(d, &bold, C(75), y + 10, SG_LEFT, "Number");
    sg_text(d, &bold, C(88), y + 10, SG_LEFT, "Number");
    sg_text(d, &bold, C(110), y + 10, SG_RIGHT, "Amount");
    sg_text(d, &bold, C(118), y + 10, SG_RIGHT, "Total");
    r->y = y + 10 + LH * 2;
}

static void next_page(sg_render *r)
{
    sg_new_page(r);
    sg_items(r, page_head);
    sg_items(r, footer);
    r->y = 72;
    r->bottom = 730;
    if (r->section_name) {
        sg_text(r->doc, &big, C(2), r->y, SG_LEFT, sg_strf("%s (continued)", r->section_name));
        r->y += LH * 1.5;
        column_heads(r);
    }
}

static void row(sg_render *r, const sg_txn *t)
{
    sg_doc *d = r->doc;
    sg_need(r, LH);
    double y = r->y;
    sg_text(d, &body, C(2), y, SG_LEFT, sg_datef("MM/DD", t->date));
    sg_text(d, &body, C(15), y, SG_LEFT, sg_datef("MM/DD", t->posted));
    sg_text(d, &body, C(28), y, SG_LEFT, t->desc);
    sg_text(d, &body, C(75), y, SG_LEFT, sg_strf("%.4s", t->ref));
    sg_text(d, &body, C(88), y, SG_LEFT, r->st->last4);
    sg_text(d, &body, C(110), y, SG_RIGHT, sg_money_signed(-t->amount, ""));
    sg_row(r, t, y, SG_ROW_POSTED);
    r->y += LH;
}

static void section(sg_render *r, sg_kind k1, int k2, const char *title, const char *total,
                    bool always)
{
    const sg_txn **v;
    size_t n = sg_select(r->st, -1, &v), count = 0;
    cl_money sum = 0;
    for (size_t i = 0; i < n; i++)
        if (v[i]->kind == k1 || (int)v[i]->kind == k2)
            count++, sum -= v[i]->amount;
    if (count || always) {
        sg_need(r, LH * 6);
        sg_text(r->doc, &big, C(2), r->y, SG_LEFT, title);
        r->y += LH * 1.5;
        r->section_name = title;
        column_heads(r);
        for (size_t i = 0; i < n; i++)
            if (v[i]->kind == k1 || (int)v[i]->kind == k2)
                row(r, v[i]);
        r->section_name = NULL;
        r->y += LH;
        sg_need(r, LH);
        sg_text(r->doc, &bold, C(2), r->y, SG_LEFT, total);
        sg_text(r->doc, &bold, C(110), r->y, SG_RIGHT, sg_money_signed(sum, "$"));
        r->y += LH * 3;
    }
    free(v);
}

static void totals(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    sg_need(r, LH * 12);
    us_ytd_lines(r, &big, &body, C(2), C(60), LH, "{YEAR} Totals Year-to-Date",
                 "Total fees charged in {YEAR}", "Total interest charged in {YEAR}");
    r->y += LH * 4;
    sg_text(d, &big, C(2), r->y, SG_LEFT, "Interest Charge Calculation");
    sg_text(d, &bold, C(2), r->y + LH, SG_LEFT, "Type of Balance");
    sg_text(d, &bold, C(40), r->y + LH, SG_LEFT, "Annual Percentage Rate (APR)");
    sg_text(d, &bold, C(95), r->y + LH, SG_RIGHT, "Balance Subject to Interest Rate");
    sg_text(d, &bold, C(118), r->y + LH, SG_RIGHT, "Interest Charges");
    const char *apr = sg_strf("%d.%02d%% V", s->apr_bp / 100, s->apr_bp % 100);
    sg_text(d, &body, C(2), r->y + LH * 2, SG_LEFT, "Purchases");
    sg_text(d, &body, C(40), r->y + LH * 2, SG_LEFT, apr);
    sg_text(d, &body, C(95), r->y + LH * 2, SG_RIGHT, sg_strf("$%s", sg_num(s->interest_base)));
    sg_text(d, &body, C(118), r->y + LH * 2, SG_RIGHT, sg_strf("$%s", sg_num(s->interest)));
    sg_text(d, &body, C(2), r->y + LH * 3, SG_LEFT, "Balance Transfers");
    sg_text(d, &body, C(40), r->y + LH * 3, SG_LEFT, apr);
    sg_text(d, &body, C(95), r->y + LH * 3, SG_RIGHT, "$0.00");
    sg_text(d, &body, C(118), r->y + LH * 3, SG_RIGHT, "$0.00");
    r->y += LH * 5;
}

static void render(sg_render *r)
{
    const sg_statement *s = r->st;
    r->next_page = next_page;
    sg_new_page(r);
    sg_items(r, first_page);
    sg_items(r, footer);
    r->truth.last4_printed = true;
    sg_summary_all(r, -(s->payments + s->refunds));
    next_page(r);
    section(r, SG_PAYMENT, SG_REFUND, "Payments and Other Credits",
            "TOTAL PAYMENTS AND OTHER CREDITS FOR THIS PERIOD", false);
    section(r, SG_PURCHASE, -1, "Purchases and Adjustments",
            "TOTAL PURCHASES AND ADJUSTMENTS FOR THIS PERIOD", false);
    section(r, SG_FEE, -1, "Fees Charged", "TOTAL FEES CHARGED FOR THIS PERIOD", true);
    section(r, SG_INTEREST, -1, "Interest Charged", "TOTAL INTEREST CHARGED FOR THIS PERIOD",
            true);
    totals(r);
}

const sg_layout sg_layout_bank_of_america = {
    .id = "bank_of_america",
    .issuer = "Bank of America",
    .page_w = 612, .page_h = 792,
    .orders = {SG_ORDER_FOOTER_FIRST, SG_ORDER_NATURAL, SG_ORDER_RIGHT_FIRST, SG_ORDER_NATURAL},
    .gen = {
        .region = SG_REGION_US, .currency = "USD", .card_prefix = "441788", .card_len = 16,
        .foreign = false, .location = true, .apr_bp = 2224, .late_fee = 4000,
        .annual_fee = 9500, .payment_desc = "PAYMENT - THANK YOU", .refund_prefix = "",
        .interest_desc = "INTEREST CHARGED ON PURCHASES", .late_fee_desc = "LATE FEE",
        .fx_fee_desc = "FOREIGN TRANSACTION FEE", .annual_fee_desc = "ANNUAL FEE",
    },
    .render = render,
};
