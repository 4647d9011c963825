/* lay_us_bank.c - U.S. Bank (US) credit card statement.
 *
 * Modeled on U.S. Bank's public statement samples, in a monospaced face:
 * "U.S. BANK VISA SIGNATURE CARD", "Account Number 4037 84XX XXXX 1234",
 * "Open Date: 12/14/2023 Closing Date: 01/13/2024", an Account Summary
 * (Previous Balance, Payments -$, Other Credits -$, Purchases and Other
 * Debits +$, Balance Transfers, Advances, Fees Charged +$, Interest Charged
 * +$, New Balance), a coupon with the full account number; Transactions
 * with the Post Date FIRST, then Trans Date (MM/DD), a 4-digit Ref #
 * column (not part of the description), Transaction Description and Amount
 * with credits as "400.00CR"; sections "Payments and Other Credits",
 * "Purchases and Other Debits", "Fees", "Interest Charged", each closed by
 * "Total This Period" ($...CR for credits); year-to-date totals and the
 * Interest Charge Calculation. Foreign purchases add "45.00 EUR
 * CONVERSION RATE 1.091981". See LAYOUTS.md. */
#include "us_family.h"
#include "fmt.h"

static void heads(sg_render *r);
static void page(sg_render *r);

static const us_spec spec = {
    .body = {SG_LIB_MONO, 7, false}, .bold = {SG_LIB_MONO, 7, true}, .lh = 10,
    .date_fmt = "MM/DD", .x_date = 36, .x_post = 76, .post_first = true,
    .extra = US_X_REF4, .x_extra = 116,
    .x_title = 36, .x_desc = 150, .desc_w = 290, .x_amt = 576,
    .amt = US_AMT_CR, .fx = US_FX_USB,
    .sections = {
        {"Payments and Other Credits", US_K(SG_PAYMENT) | US_K(SG_REFUND), "Total This Period", false},
        {"Purchases and Other Debits", US_K(SG_PURCHASE), "Total This Period", false},
        {"Fees", US_K(SG_FEE), "Total Fees This Period", true},
        {"Interest Charged", US_K(SG_INTEREST), "Total Interest This Period", true},
        {NULL, 0, NULL, false},
    },
    .heads = heads, .page = page,
};

static const char *dates(const sg_statement *s)
{
    return sg_strf("Open Date: %s  Closing Date: %s", sg_datef("MM/DD/YYYY", s->period_start),
                   sg_datef("MM/DD/YYYY", s->period_end));
}

static void frame(sg_render *r, int pg)
{
    sg_text(r->doc, &spec.body, 576, 36, SG_RIGHT, sg_strf("Page %d of " SG_PAGES_TOKEN, pg));
    sg_text(r->doc, &spec.body, 36, 776, SG_LEFT, "usbank.com  800-285-8585");
}

static void heads(sg_render *r)
{
    const char *h1[] = {"Post", "Trans", "Ref #", "Transaction Description"};
    const double x[] = {36, 76, 116, 150};
    for (int i = 0; i < 4; i++)
        sg_text(r->doc, &spec.bold, x[i], r->y + (i < 2 ? 0 : spec.lh), SG_LEFT, h1[i]);
    sg_text(r->doc, &spec.bold, 36, r->y + spec.lh, SG_LEFT, "Date");
    sg_text(r->doc, &spec.bold, 76, r->y + spec.lh, SG_LEFT, "Date");
    sg_text(r->doc, &spec.bold, 576, r->y + spec.lh, SG_RIGHT, "Amount");
    r->y += spec.lh * 2.5;
}

static void page(sg_render *r)
{
    const sg_statement *s = r->st;
    int pg = sg_new_page(r);
    frame(r, pg);
    sg_text(r->doc, &spec.body, 36, 48, SG_LEFT, s->holder);
    sg_text(r->doc, &spec.body, 576, 48, SG_RIGHT, dates(s));
    r->y = 72;
    r->bottom = 752;
    if (r->section) {
        sg_text(r->doc, &spec.bold, 36, r->y, SG_LEFT, "Transactions");
        sg_text(r->doc, &spec.body, 200, r->y, SG_LEFT,
                sg_strf("%s  Card Number XXXX XXXX XXXX %s", s->holder, s->last4));
        r->y += spec.lh * 1.5;
        heads(r);
    }
}

static void first_page(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    const sg_font logo = {SG_LIB_MONO, 14, true};
    const sg_font *b = &spec.body, *bb = &spec.bold;
    int pg = sg_new_page(r);
    frame(r, pg);
    sg_text(d, &logo, 36, 50, SG_LEFT, "usbank");
    sg_text(d, bb, 300, 50, SG_LEFT, "U.S. BANK VISA SIGNATURE CARD");
    sg_text(d, b, 300, 60, SG_LEFT,
            sg_strf("Account Number %s", sg_card_grouped(s, " ", 6, 11)));
    sg_text(d, b, 300, 70, SG_LEFT, dates(s));
    r->truth.last4_printed = r->truth.period_printed = true;

    sg_text(d, bb, 36, 100, SG_LEFT, "Account Summary");
    const char *rows[][2] = {
        {"Previous Balance", sg_strf("$%s", sg_num(s->prev_balance))},
        {"Payments", sg_money_signed(-s->payments, "$")},
        {"Other Credits", sg_money_signed(-s->refunds, "$")},
        {"Purchases and Other Debits", us_sum_value(s->purchases, true)},
        {"Balance Transfers", "$0.00"},
        {"Advances", "$0.00"},
        {"Fees Charged", us_sum_value(s->fees, true)},
        {"Interest Charged", us_sum_value(s->interest, true)},
    };
    for (int i = 0; i < 8; i++)
        sg_pair(r, b, 36, 280, 112 + spec.lh * i, rows[i][0], rows[i][1]);
    sg_pair(r, bb, 36, 280, 112 + spec.lh * 8, "New Balance", sg_strf("$%s", sg_num(s->new_balance)));
    sg_summary_all(r, -(s->payments + s->refunds));

    sg_text(d, bb, 320, 100, SG_LEFT, "Payment Summary");
    sg_pair(r, b, 320, 576, 112, "New Balance", sg_strf("$%s", sg_num(s->new_balance)));
    sg_pair(r, b, 320, 576, 122, "Minimum Payment Due", sg_strf("$%s", sg_num(s->min_payment)));
    sg_pair(r, b, 320, 576, 132, "Payment Due Date", sg_datef("MM/DD/YYYY", s->due_date));
    sg_pair(r, b, 320, 576, 152, "Credit Line", sg_strf("$%s", sg_num(s->credit_limit)));
    sg_pair(r, b, 320, 576, 162, "Available Credit",
            sg_strf("$%s", sg_num(s->credit_limit - s->new_balance)));
    sg_pair(r, b, 320, 576, 172, "Days in Billing Period", sg_strf("%d", s->cycle_days));

    sg_rule(d, 36, 620, 576, 620, 0.4);
    sg_text(d, &logo, 36, 646, SG_LEFT, "usbank");
    sg_pair(r, b, 320, 576, 646, "Account Number", sg_card_grouped(s, " ", -1, -1));
    sg_pair(r, b, 320, 576, 656, "Payment Due Date", sg_datef("MM/DD/YYYY", s->due_date));
    sg_pair(r, b, 320, 576, 666, "New Balance", sg_strf("$%s", sg_num(s->new_balance)));
    sg_pair(r, b, 320, 576, 676, "Minimum Payment Due", sg_strf("$%s", sg_num(s->min_payment)));
    sg_text(d, bb, 320, 692, SG_LEFT, "Amount Enclosed $");
    sg_text(d, b, 36, 706, SG_LEFT, s->holder);
    sg_text(d, b, 36, 716, SG_LEFT, s->address[0]);
    sg_text(d, b, 36, 726, SG_LEFT, s->address[1]);
    sg_text(d, b, 320, 716, SG_LEFT, "U.S. BANK");
    sg_text(d, b, 320, 726, SG_LEFT, "P.O. BOX 790408");
    sg_text(d, b, 320, 736, SG_LEFT, "ST. LOUIS, MO 63179-0408");
}

static void render(sg_render *r)
{
    first_page(r);
    r->section = 1;
    page(r);
    us_activity(r, &spec);
    int y = us_year(r);
    us_ytd(r, &spec, 36, 330, sg_strf("%d Totals Year-to-Date", y),
           sg_strf("Total Fees Charged in %d", y), sg_strf("Total Interest Charged in %d", y));
    const char *const th[4] = {"Balance Type", "Annual Percentage Rate",
                               "Balance Subject to Interest Rate", "Interest Charge"};
    us_interest_table(r, &spec, "Interest Charge Calculation", th, "Purchases", "Advances",
                      "(V)", NULL);
}

const sg_layout sg_layout_us_bank = {
    .id = "us_bank",
    .issuer = "U.S. Bank National Association",
    .page_w = 612, .page_h = 792,
    .orders = {SG_ORDER_FOOTER_FIRST, SG_ORDER_NATURAL, SG_ORDER_BY_COLUMN, SG_ORDER_NATURAL},
    .full_number = true,
    .gen = {
        .region = SG_REGION_US, .currency = "USD", .card_prefix = "403784", .card_len = 16,
        .foreign = true, .long_descs = true, .location = true, .fx_fee_bp = 300,
        .apr_bp = 2599, .late_fee = 4000, .annual_fee = 9500,
        .payment_desc = "PAYMENT THANK YOU", .refund_prefix = "",
        .interest_desc = "INTEREST CHARGE ON PURCHASES", .late_fee_desc = "LATE FEE",
        .fx_fee_desc = "INTERNATIONAL TRANSACTION FEE", .annual_fee_desc = "ANNUAL FEE",
    },
    .render = render,
};
