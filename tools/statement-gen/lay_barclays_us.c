/* lay_barclays_us.c - Barclays (US) credit card statement.
 *
 * Modeled on Barclays US public statement samples: "Barclays View
 * Mastercard", "Account Ending 1234", "Statement Period 12/14/23 -
 * 01/13/24", an Account Summary (Previous Balance, Payments -$, Other
 * Credits -$, Purchases +$, Balance Transfers, Cash Advances, Fees Charged
 * +$, Interest Charged +$, New Balance) and a rewards box; Transactions
 * with Transaction Date and Posting Date as "Jan 05", Description, a
 * Points column (integers, negative for returns; not part of the
 * description) and Amount ("-$400.00" credits), sections Payments, Other
 * Credits, Purchase Activity, Fees Charged, Interest Charged with totals,
 * year-to-date totals and the Interest Charge Calculation. Foreign
 * purchases add "45.00 EURO @ 1.091981". See LAYOUTS.md. */
#include "us_family.h"
#include "fmt.h"

static void heads(sg_render *r);
static void page(sg_render *r);

static const us_spec spec = {
    .body = {SG_DJV_COND, 8, false}, .bold = {SG_DJV_COND, 8, true}, .lh = 11,
    .date_fmt = "Mon DD", .x_date = 36, .x_post = 96,
    .extra = US_X_POINTS, .x_extra = 500,
    .x_title = 36, .x_desc = 156, .desc_w = 280, .x_amt = 576,
    .amt = US_AMT_MINUS_DOLLAR, .fx = US_FX_BARCLAYS,
    .sections = {
        {"Payments", US_K(SG_PAYMENT), "Total Payments", false},
        {"Other Credits", US_K(SG_REFUND), "Total Other Credits", false},
        {"Purchase Activity for {NAME}", US_K(SG_PURCHASE), "Total Purchase Activity", false},
        {"Fees Charged", US_K(SG_FEE), "Total fees charged in this period", true},
        {"Interest Charged", US_K(SG_INTEREST), "Total interest charged in this period", true},
        {NULL, 0, NULL, false},
    },
    .heads = heads, .page = page,
};

static const char *period(const sg_statement *s)
{
    return sg_strf("Statement Period %s - %s", sg_datef("MM/DD/YY", s->period_start),
                   sg_datef("MM/DD/YY", s->period_end));
}

static void frame(sg_render *r, int pg)
{
    const sg_font small = {SG_DJV_COND, 6.5, false};
    sg_text(r->doc, &small, 576, 772, SG_RIGHT, sg_strf("Page %d of " SG_PAGES_TOKEN, pg));
    sg_text(r->doc, &small, 36, 772, SG_LEFT, "barclaysus.com  1-877-523-0478");
}

static void heads(sg_render *r)
{
    sg_text(r->doc, &spec.bold, 36, r->y, SG_LEFT, "Transaction");
    sg_text(r->doc, &spec.bold, 96, r->y, SG_LEFT, "Posting");
    sg_text(r->doc, &spec.bold, 36, r->y + spec.lh, SG_LEFT, "Date");
    sg_text(r->doc, &spec.bold, 96, r->y + spec.lh, SG_LEFT, "Date");
    sg_text(r->doc, &spec.bold, 156, r->y + spec.lh, SG_LEFT, "Description");
    sg_text(r->doc, &spec.bold, 500, r->y + spec.lh, SG_RIGHT, "Points");
    sg_text(r->doc, &spec.bold, 576, r->y + spec.lh, SG_RIGHT, "Amount");
    r->y += spec.lh * 2.5;
}

static void page(sg_render *r)
{
    const sg_statement *s = r->st;
    int pg = sg_new_page(r);
    frame(r, pg);
    sg_text(r->doc, &spec.body, 36, 40, SG_LEFT, s->holder);
    sg_text(r->doc, &spec.body, 306, 40, SG_CENTER, sg_strf("Account Ending %s", s->last4));
    sg_text(r->doc, &spec.body, 576, 40, SG_RIGHT, period(s));
    r->y = 66;
    r->bottom = 748;
    if (r->section) {
        const sg_font h = {SG_DJV_COND, 11, true};
        sg_text(r->doc, &h, 36, r->y, SG_LEFT, "Transactions");
        r->y += spec.lh * 1.5;
        heads(r);
    }
}

static void first_page(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    const sg_font logo = {SG_DJV_COND, 16, true}, h = {SG_DJV_COND, 10, true};
    const sg_font *b = &spec.body, *bb = &spec.bold;
    int pg = sg_new_page(r);
    frame(r, pg);
    sg_text(d, &logo, 36, 51, SG_LEFT, "BARCLAYS");
    sg_text(d, bb, 330, 40, SG_LEFT, "Barclays View Mastercard");
    sg_text(d, b, 330, 51, SG_LEFT, sg_strf("Account Ending %s", s->last4));
    sg_text(d, b, 330, 62, SG_LEFT, period(s));
    r->truth.last4_printed = r->truth.period_printed = true;

    sg_text(d, &h, 36, 100, SG_LEFT, "Account Summary");
    const char *rows[][2] = {
        {"Previous Balance", sg_strf("$%s", sg_num(s->prev_balance))},
        {"Payments", sg_money_signed(-s->payments, "$")},
        {"Other Credits", sg_money_signed(-s->refunds, "$")},
        {"Purchases", us_sum_value(s->purchases, true)},
        {"Balance Transfers", "$0.00"},
        {"Cash Advances", "$0.00"},
        {"Fees Charged", us_sum_value(s->fees, true)},
        {"Interest Charged", us_sum_value(s->interest, true)},
    };
    for (int i = 0; i < 8; i++)
        sg_pair(r, b, 36, 280, 117 + spec.lh * i, rows[i][0], rows[i][1]);
    sg_pair(r, bb, 36, 280, 117 + spec.lh * 8, "New Balance", sg_strf("$%s", sg_num(s->new_balance)));
    sg_summary_all(r, -(s->payments + s->refunds));

    sg_text(d, &h, 330, 100, SG_LEFT, "Payment Information");
    sg_pair(r, bb, 330, 576, 117, "New Balance", sg_strf("$%s", sg_num(s->new_balance)));
    sg_pair(r, b, 330, 576, 128, "Minimum Payment Due", sg_strf("$%s", sg_num(s->min_payment)));
    sg_pair(r, b, 330, 576, 139, "Payment Due Date", sg_datef("MM/DD/YY", s->due_date));
    sg_text(d, &h, 330, 172, SG_LEFT, "Rewards Summary");
    sg_pair(r, b, 330, 576, 189, "Points earned this period", sg_whole(s->purchases));
    sg_pair(r, b, 330, 576, 200, "Total points available", sg_whole(s->purchases * 3));
}

static void render(sg_render *r)
{
    first_page(r);
    r->section = 1;
    r->next_page = page;
    r->y = 240;
    r->bottom = 748;
    const sg_font h = {SG_DJV_COND, 11, true};
    sg_text(r->doc, &h, 36, r->y, SG_LEFT, "Transactions");
    r->y += spec.lh * 1.5;
    heads(r);
    us_activity(r, &spec);
    int y = us_year(r);
    us_ytd(r, &spec, 36, 330, sg_strf("%d Totals Year-to-Date", y),
           sg_strf("Total fees charged in %d", y), sg_strf("Total interest charged in %d", y));
    const char *const th[4] = {"Type of Balance", "Annual Percentage Rate (APR)",
                               "Balance Subject to Interest Rate", "Interest Charge"};
    us_interest_table(r, &spec, "Interest Charge Calculation", th, "Purchases", "Cash Advances",
                      " (v)", sg_strf("Billing Cycle: %d days", r->st->cycle_days));
}

const sg_layout sg_layout_barclays_us = {
    .id = "barclays_us",
    .issuer = "Barclays Bank Delaware",
    .page_w = 612, .page_h = 792,
    .orders = {SG_ORDER_BY_COLUMN, SG_ORDER_NATURAL, SG_ORDER_FOOTER_FIRST, SG_ORDER_NATURAL},
    .gen = {
        .region = SG_REGION_US, .currency = "USD", .card_prefix = "545311", .card_len = 16,
        .foreign = true, .long_descs = true, .location = true, .fx_fee_bp = 0,
        .apr_bp = 2999, .late_fee = 4100, .annual_fee = 0,
        .payment_desc = "Payment Received", .refund_prefix = "",
        .interest_desc = "INTEREST CHARGE ON PURCHASES", .late_fee_desc = "LATE PAYMENT FEE",
        .fx_fee_desc = "FOREIGN TRANSACTION FEE", .annual_fee_desc = "ANNUAL FEE",
    },
    .render = render,
};
