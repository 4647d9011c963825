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
#include "items.h"
#include "fmt.h"

#define CW 4.3
#define C(c) (28.0 + (c) * CW)
#define LH 11.0

static const sg_font body = {SG_LIB_SANS, 7.5, false};
static const sg_font bold = {SG_LIB_SANS, 7.5, true};
static const sg_font title = {SG_LIB_SANS, 10, true};

/* Every page. */
static const sg_item page_head[] = {
    SG_AT(&title, C(20), 40, SG_LEFT, "The Platinum Credit Card"),
    SG_AT(&body, C(102), 40, SG_LEFT, "americanexpress.com/sg"),
    SG_AT(&title, C(20), 53, SG_LEFT, "Statement of Account"),
    SG_LINES(&body, C(102), 53, SG_LEFT, LH,
             "Customer Services\n1800-299-1997\nAmerican Express Intl Inc\nPage {PAGE} / {PAGES}"),
    SG_AT(&body, C(0), 100, SG_LEFT, "Prepared for"),
    SG_AT(&body, C(81), 100, SG_LEFT, "Membership Number"),
    SG_AT(&body, C(115), 100, SG_LEFT, "Date"),
    SG_AT(&bold, C(0), 111, SG_LEFT, "{NAME}"),
    SG_AT(&body, C(81), 111, SG_LEFT, "{CARD_DASH:0-10}"),
    SG_AT(&body, C(115), 111, SG_LEFT, "{STMT:DD.MM.YYYY}"),
    SG_AT(&body, 297, 820, SG_CENTER,
          "American Express International Inc. (UEN S68FC1843J) Incorporated in Delaware, USA"),
    SG_ITEMS_END,
};

/* Opening Balance - New Credits + New Debits = Closing Balance, boxed. */
static const sg_item summary[] = {
    SG_AT(&body, C(11), 125, SG_LEFT, "Opening Balance S$"),
    SG_AT(&body, C(37), 125, SG_LEFT, "New Credits S$"),
    SG_AT(&body, C(59), 125, SG_LEFT, "New Debits S$"),
    SG_AT(&body, C(80), 125, SG_LEFT, "Closing Balance S$"),
    SG_AT(&body, C(102), 125, SG_LEFT, "Minimum payment S$"),
    SG_AT(&bold, C(29), 150, SG_RIGHT, "{PREV} -"),
    SG_AT(&bold, C(49), 150, SG_RIGHT, "{CREDITS} +"),
    SG_AT(&bold, C(70), 150, SG_RIGHT, "{DEBITS} ="),
    SG_AT(&bold, C(90), 150, SG_RIGHT, "{NEW}"),
    SG_AT(&bold, C(112), 150, SG_RIGHT, "{MIN}"),
    SG_BOX(C(0), 115, C(127) - C(0), 42, 0.5),
    SG_AT(&body, C(0), 172, SG_LEFT,
          "Statement includes payments and charges received by {STMT:DD.MM.YYYY}"),
    SG_AT(&body, C(0), 190, SG_LEFT, "Statement Period"),
    SG_AT(&body, C(42), 190, SG_LEFT, "From {START:DD.MM.YYYY} to {END:DD.MM.YYYY}"),
    SG_ITEMS_END,
};

static const sg_item detail_head[] = {
    SG_AT(&bold, C(0), 0, SG_LEFT, "Details"),
    SG_AT(&bold, C(81), 0, SG_LEFT, "Foreign Spending"),
    SG_AT(&bold, C(118), 0, SG_RIGHT, "Amount S$"),
    SG_ITEMS_END,
};

/* Every page repeats the header and the Details headings. */
static const sg_list_spec list = {
    .frame = page_head, .heads = detail_head, .heads_h = LH, .top = 135, .bottom = 790,
};

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
    r->next_page = sg_list_next_page;
    sg_new_page(r);
    sg_items(r, page_head);
    r->truth.last4_printed = true;
    sg_items(r, summary);
    sg_summary(r, SG_SUM_PREVIOUS, s->prev_balance);
    sg_summary(r, SG_SUM_PAYMENTS, s->payments + s->refunds);
    sg_summary(r, SG_SUM_PURCHASES, s->purchases + s->fees + s->interest);
    sg_summary(r, SG_SUM_NEW, s->new_balance);
    r->truth.period_printed = true;
    sg_list_heads(r, 208);
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
    .spec = &list,
};
