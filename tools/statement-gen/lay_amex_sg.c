/* lay_amex_sg.c - American Express Singapore statement of account.
 *
 * Imitates peer-corpus/cases/amex/credit: "Statement of Account" header
 * with the page as "Page 1 / 2", the Opening Balance - New Credits + New
 * Debits = Closing Balance line, "Statement Period From DD.MM.YYYY to
 * DD.MM.YYYY", then "Details  Foreign Spending  Amount S$" rows dated
 * DD.MM.YY, credits marked by "CR" on the line below the amount, and
 * "Total of New Transactions for NAME". Foreign purchases show
 * "CUR 12.34" in the Foreign Spending column. New Debits includes fees
 * and interest (ground truth: purchases = New Debits, fees/interest null). */
#include "layout.h"
#include "fmt.h"

#include <stdlib.h>

#define CW 4.3
#define C(c) (28.0 + (c) * CW)
#define LH 11.0

static const sg_font body = {SG_LIB_SANS, 7.5, false};
static const sg_font bold = {SG_LIB_SANS, 7.5, true};
static const sg_font title = {SG_LIB_SANS, 10, true};

static void page_head(sg_render *r, int page)
{
    sg_doc *d = r->doc;
    sg_text(d, &title, C(20), 40, SG_LEFT, "The Platinum Credit Card");
    sg_text(d, &body, C(102), 40, SG_LEFT, "americanexpress.com/sg");
    sg_text(d, &title, C(20), 53, SG_LEFT, "Statement of Account");
    sg_text(d, &body, C(102), 53, SG_LEFT, "Customer Services");
    sg_text(d, &body, C(102), 64, SG_LEFT, "1800-299-1997");
    sg_text(d, &body, C(102), 75, SG_LEFT, "American Express Intl Inc");
    sg_text(d, &body, C(102), 86, SG_LEFT, sg_strf("Page %d / " SG_PAGES_TOKEN, page));
    sg_text(d, &body, C(0), 100, SG_LEFT, "Prepared for");
    sg_text(d, &body, C(81), 100, SG_LEFT, "Membership Number");
    sg_text(d, &body, C(115), 100, SG_LEFT, "Date");
    sg_text(d, &bold, C(0), 111, SG_LEFT, r->st->holder);
    sg_text(d, &body, C(81), 111, SG_LEFT, sg_card_grouped(r->st, "-", 0, 10));
    sg_text(d, &body, C(115), 111, SG_LEFT, sg_datef("DD.MM.YYYY", r->st->stmt_date));
    r->truth.last4_printed = true;
    sg_text(d, &body, 297, 820, SG_CENTER,
            "American Express International Inc. (UEN S68FC1843J) Incorporated in Delaware, USA");
}

static void detail_head(sg_render *r, double y)
{
    sg_text(r->doc, &bold, C(0), y, SG_LEFT, "Details");
    sg_text(r->doc, &bold, C(81), y, SG_LEFT, "Foreign Spending");
    sg_text(r->doc, &bold, C(118), y, SG_RIGHT, "Amount S$");
    r->y = y + LH;
}

static void next_page(sg_render *r)
{
    int page = sg_new_page(r);
    page_head(r, page);
    detail_head(r, 135);
    r->bottom = 790;
}

static void summary(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    cl_money credits = s->payments + s->refunds;
    cl_money debits = s->purchases + s->fees + s->interest;
    sg_text(d, &body, C(11), 125, SG_LEFT, "Opening Balance S$");
    sg_text(d, &body, C(37), 125, SG_LEFT, "New Credits S$");
    sg_text(d, &body, C(59), 125, SG_LEFT, "New Debits S$");
    sg_text(d, &body, C(80), 125, SG_LEFT, "Closing Balance S$");
    sg_text(d, &body, C(102), 125, SG_LEFT, "Minimum payment S$");
    sg_text(d, &bold, C(29), 150, SG_RIGHT, sg_strf("%s -", sg_num(s->prev_balance)));
    sg_text(d, &bold, C(49), 150, SG_RIGHT, sg_strf("%s +", sg_num(credits)));
    sg_text(d, &bold, C(70), 150, SG_RIGHT, sg_strf("%s =", sg_num(debits)));
    sg_text(d, &bold, C(90), 150, SG_RIGHT, sg_num(s->new_balance));
    sg_text(d, &bold, C(112), 150, SG_RIGHT, sg_num(s->min_payment));
    sg_summary(r, SG_SUM_PREVIOUS, s->prev_balance);
    sg_summary(r, SG_SUM_PAYMENTS, credits);
    sg_summary(r, SG_SUM_PURCHASES, debits);
    sg_summary(r, SG_SUM_NEW, s->new_balance);
    sg_box(d, C(0), 115, C(127) - C(0), 42, 0.5);
    sg_text(d, &body, C(0), 172, SG_LEFT,
            sg_strf("Statement includes payments and charges received by %s",
                    sg_datef("DD.MM.YYYY", s->stmt_date)));
    sg_text(d, &body, C(0), 190, SG_LEFT, "Statement Period");
    sg_text(d, &body, C(42), 190, SG_LEFT,
            sg_strf("From %s to %s", sg_datef("DD.MM.YYYY", s->period_start),
                    sg_datef("DD.MM.YYYY", s->period_end)));
    r->truth.period_printed = true;
}

static void row(sg_render *r, const sg_txn *t)
{
    sg_doc *d = r->doc;
    bool credit = t->amount > 0;
    sg_need(r, credit ? LH * 2 : LH);
    double y = r->y;
    sg_text(d, &body, C(0), y, SG_LEFT, sg_datef("DD.MM.YY", t->date));
    sg_text(d, &body, C(31), y, SG_LEFT, t->desc);
    if (t->foreign)
        sg_text(d, &body, C(97), y, SG_RIGHT,
                sg_strf("%s %s", t->foreign_currency, sg_num(t->foreign_amount)));
    sg_text(d, &body, C(118), y, SG_RIGHT, sg_num(t->amount));
    if (credit)
        sg_text(d, &body, C(118), y + LH, SG_RIGHT, "CR");
    sg_row(r, t, y, t->foreign ? SG_ROW_FOREIGN : 0);
    r->y += credit ? LH * 2 : LH;
}

static void render(sg_render *r)
{
    const sg_statement *s = r->st;
    r->next_page = next_page;
    int page = sg_new_page(r);
    page_head(r, page);
    summary(r);
    detail_head(r, 208);
    r->bottom = 790;
    for (size_t i = 0; i < s->n; i++)
        row(r, &s->txns[i]);
    sg_need(r, LH);
    sg_text(r->doc, &bold, C(0), r->y, SG_LEFT,
            sg_strf("Total of New Transactions for %s", s->holder));
    sg_text(r->doc, &bold, C(118), r->y, SG_RIGHT, sg_num(s->purchases + s->fees + s->interest));
}

const sg_layout sg_layout_amex_sg = {
    .id = "amex_sg",
    .issuer = "American Express International Inc",
    .page_w = 595, .page_h = 842,
    .orders = {SG_ORDER_NATURAL, SG_ORDER_BY_COLUMN, SG_ORDER_NATURAL, SG_ORDER_REVERSE},
    .gen = {
        .region = SG_REGION_SG, .currency = "SGD", .card_prefix = "3767", .card_len = 15,
        .foreign = true, .location = false, .fx_fee_bp = 0, .apr_bp = 2599,
        .late_fee = 10000, .annual_fee = 174400,
        .payment_desc = "PAYMENT BY TELEPHONE/INTERNET BANKING", .refund_prefix = "",
        .interest_desc = "INTEREST CHARGES", .late_fee_desc = "LATE PAYMENT FEE",
        .fx_fee_desc = "FOREIGN CURRENCY FEE", .annual_fee_desc = "ANNUAL MEMBERSHIP FEE",
    },
    .render = render,
};
