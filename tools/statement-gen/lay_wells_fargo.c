/* lay_wells_fargo.c - Wells Fargo (US) credit card statement.
 *
 * Modeled on Wells Fargo's public statement samples: "Wells Fargo Active
 * Cash Card", "Account Number Ending in 1234", "Statement Period
 * 12/13/2023 to 01/12/2024", Summary of Account Activity (Previous Balance,
 * Payments -$, Other Credits -$, Cash Advances, Purchases, Balance
 * Transfers & Other Charges +$, Fees Charged, Interest Charged, New
 * Balance), a payment coupon with the full account number; Transactions
 * with Trans Date, Post Date (MM/DD), a 17-character Reference Number
 * column (not part of the description), Description and two amount
 * columns, Credits and Charges (no signs: the column gives the sign);
 * section totals, Fees and Interest Charged, year-to-date totals and the
 * Interest Charge Calculation. Foreign purchases add "45.00 EUR EXCHG RATE
 * 1.091981". See LAYOUTS.md. */
#include "us_family.h"
#include "fmt.h"

static void heads(sg_render *r);
static void page(sg_render *r);

static const us_spec spec = {
    .body = {SG_LIB_SANS, 7.5, false}, .bold = {SG_LIB_SANS, 7.5, true}, .lh = 11,
    .date_fmt = "MM/DD", .x_date = 36, .x_post = 72,
    .extra = US_X_REF17, .x_extra = 116,
    .x_title = 36, .x_desc = 208, .desc_w = 240, .x_amt = 576, .x_credit = 510,
    .amt = US_AMT_COLUMNS, .fx = US_FX_WF,
    .sections = {
        {"Payments", US_K(SG_PAYMENT), "TOTAL PAYMENTS FOR THIS PERIOD", false},
        {"Other Credits", US_K(SG_REFUND), "TOTAL OTHER CREDITS FOR THIS PERIOD", false},
        {"Purchases, Balance Transfers & Other Charges", US_K(SG_PURCHASE),
         "TOTAL PURCHASES, BALANCE TRANSFERS & OTHER CHARGES FOR THIS PERIOD", false},
        {"Fees Charged", US_K(SG_FEE), "TOTAL FEES CHARGED FOR THIS PERIOD", true},
        {"Interest Charged", US_K(SG_INTEREST), "TOTAL INTEREST CHARGED FOR THIS PERIOD", true},
        {NULL, 0, NULL, false},
    },
    .heads = heads, .page = page,
};

static const char *period(const sg_statement *s)
{
    return sg_strf("Statement Period %s to %s", sg_datef("MM/DD/YYYY", s->period_start),
                   sg_datef("MM/DD/YYYY", s->period_end));
}

static void frame(sg_render *r, int pg)
{
    const sg_font small = {SG_LIB_SANS, 6.5, false};
    sg_text(r->doc, &small, 576, 36, SG_RIGHT, sg_strf("Page %d of " SG_PAGES_TOKEN, pg));
    sg_text(r->doc, &small, 306, 776, SG_CENTER, "wellsfargo.com  1-800-642-4720");
}

static void heads(sg_render *r)
{
    const char *h[] = {"Date", "Date", "Reference Number", "Description"};
    const double x[] = {36, 72, 116, 208};
    sg_text(r->doc, &spec.bold, 36, r->y, SG_LEFT, "Trans");
    sg_text(r->doc, &spec.bold, 72, r->y, SG_LEFT, "Post");
    r->y += spec.lh;
    for (int i = 0; i < 4; i++)
        sg_text(r->doc, &spec.bold, x[i], r->y, SG_LEFT, h[i]);
    sg_text(r->doc, &spec.bold, 510, r->y, SG_RIGHT, "Credits");
    sg_text(r->doc, &spec.bold, 576, r->y, SG_RIGHT, "Charges");
    sg_rule(r->doc, 36, r->y + 4, 576, r->y + 4, 0.5);
    r->y += spec.lh * 1.5;
}

static void page(sg_render *r)
{
    const sg_statement *s = r->st;
    int pg = sg_new_page(r);
    frame(r, pg);
    sg_text(r->doc, &spec.body, 36, 48, SG_LEFT, sg_strf("Account Number Ending in %s", s->last4));
    sg_text(r->doc, &spec.body, 576, 48, SG_RIGHT, period(s));
    r->y = 72;
    r->bottom = 750;
    if (r->section) {
        const sg_font h = {SG_LIB_SANS, 10, true};
        sg_text(r->doc, &h, 36, r->y, SG_LEFT, "Transactions");
        r->y += spec.lh * 1.5;
        heads(r);
    }
}

static void first_page(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    const sg_font logo = {SG_LIB_SANS, 15, true}, h = {SG_LIB_SANS, 10, true};
    const sg_font *b = &spec.body, *bb = &spec.bold;
    int pg = sg_new_page(r);
    frame(r, pg);
    sg_text(d, &logo, 36, 50, SG_LEFT, "WELLS FARGO");
    sg_text(d, bb, 330, 50, SG_LEFT, "Wells Fargo Active Cash Card");
    sg_text(d, b, 330, 61, SG_LEFT, sg_strf("Account Number Ending in %s", s->last4));
    sg_text(d, b, 330, 72, SG_LEFT, period(s));
    r->truth.last4_printed = r->truth.period_printed = true;

    sg_text(d, &h, 36, 104, SG_LEFT, "Summary of Account Activity");
    const char *rows[][2] = {
        {"Previous Balance", sg_strf("$%s", sg_num(s->prev_balance))},
        {"Payments", sg_money_signed(-s->payments, "$")},
        {"Other Credits", sg_money_signed(-s->refunds, "$")},
        {"Cash Advances", "$0.00"},
        {"Purchases, Balance Transfers & Other Charges", us_sum_value(s->purchases, true)},
        {"Fees Charged", us_sum_value(s->fees, true)},
        {"Interest Charged", us_sum_value(s->interest, true)},
    };
    for (int i = 0; i < 7; i++)
        sg_pair(r, b, 36, 290, 121 + spec.lh * i, rows[i][0], rows[i][1]);
    sg_pair(r, bb, 36, 290, 121 + spec.lh * 7, "New Balance", sg_strf("$%s", sg_num(s->new_balance)));
    sg_summary_all(r, -(s->payments + s->refunds));
    sg_pair(r, b, 36, 290, 121 + spec.lh * 9, "Credit Limit", sg_strf("$%s", sg_num(s->credit_limit)));
    sg_pair(r, b, 36, 290, 121 + spec.lh * 10, "Available Credit",
            sg_strf("$%s", sg_num(s->credit_limit - s->new_balance)));

    sg_text(d, &h, 330, 104, SG_LEFT, "Payment Information");
    sg_pair(r, bb, 330, 576, 121, "New Balance", sg_strf("$%s", sg_num(s->new_balance)));
    sg_pair(r, b, 330, 576, 132, "Minimum Payment", sg_strf("$%s", sg_num(s->min_payment)));
    sg_pair(r, b, 330, 576, 143, "Payment Due Date", sg_datef("MM/DD/YYYY", s->due_date));

    sg_rule(d, 36, 610, 576, 610, 0.4);
    sg_text(d, &logo, 36, 636, SG_LEFT, "WELLS FARGO");
    sg_pair(r, b, 330, 576, 636, "Account Number", sg_card_grouped(s, " ", -1, -1));
    sg_pair(r, b, 330, 576, 647, "New Balance", sg_strf("$%s", sg_num(s->new_balance)));
    sg_pair(r, b, 330, 576, 658, "Minimum Payment", sg_strf("$%s", sg_num(s->min_payment)));
    sg_pair(r, b, 330, 576, 669, "Payment Due Date", sg_datef("MM/DD/YYYY", s->due_date));
    sg_text(d, bb, 330, 686, SG_LEFT, "Amount Enclosed $");
    sg_text(d, b, 36, 700, SG_LEFT, s->holder);
    sg_text(d, b, 36, 711, SG_LEFT, s->address[0]);
    sg_text(d, b, 36, 722, SG_LEFT, s->address[1]);
    sg_text(d, b, 330, 711, SG_LEFT, "WELLS FARGO CARD SERVICES");
    sg_text(d, b, 330, 722, SG_LEFT, "PO BOX 51193");
    sg_text(d, b, 330, 733, SG_LEFT, "LOS ANGELES CA 90051-5493");
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
    const char *const th[4] = {"Type of Balance", "Annual Percentage Rate (APR)",
                               "Balance Subject to Interest Rate", "Interest Charge"};
    us_interest_table(r, &spec, "Interest Charge Calculation", th, "PURCHASES", "CASH ADVANCES",
                      " (V)", sg_strf("Days in Billing Cycle %d", r->st->cycle_days));
}

const sg_layout sg_layout_wells_fargo = {
    .id = "wells_fargo",
    .issuer = "Wells Fargo Bank, N.A.",
    .page_w = 612, .page_h = 792,
    .orders = {SG_ORDER_NATURAL, SG_ORDER_RIGHT_FIRST, SG_ORDER_NATURAL, SG_ORDER_REVERSE},
    .full_number = true,
    .gen = {
        .region = SG_REGION_US, .currency = "USD", .card_prefix = "446542", .card_len = 16,
        .foreign = true, .long_descs = true, .location = true, .fx_fee_bp = 300,
        .apr_bp = 2024, .late_fee = 4000, .annual_fee = 0,
        .payment_desc = "ONLINE ACH PAYMENT THANK YOU", .refund_prefix = "",
        .interest_desc = "INTEREST CHARGE ON PURCHASES", .late_fee_desc = "LATE FEE",
        .fx_fee_desc = "FOREIGN CURRENCY CONVERSION FEE", .annual_fee_desc = "ANNUAL FEE",
    },
    .render = render,
};
