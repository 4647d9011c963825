/* lay_discover.c - Discover (US) credit card statement.
 *
 * Modeled on Discover's public statement samples: "Discover it Card",
 * "ACCOUNT SUMMARY", "Account number ending in 1234", "Open Date: Dec 13,
 * 2023 - Close Date: Jan 12, 2024", Previous Balance, Payments and Credits
 * -$, Purchases +$, Balance Transfers, Cash Advances, Fees Charged +$,
 * Interest Charged +$, New Balance; then TRANSACTIONS with Trans. Date and
 * Post Date (MM/DD), Description, a Merchant Category column (not part of
 * the description) and Amount ("-$400.00" credits), sections PAYMENTS AND
 * CREDITS / PURCHASES / FEES / INTEREST CHARGED, totals, Year-to-Date
 * totals and the Interest Charge Calculation. Foreign purchases add
 * "Foreign Currency 45.00 EUR Rate 1.091981". See LAYOUTS.md. */
#include "us_family.h"
#include "fmt.h"

static void heads(sg_render *r);
static void page(sg_render *r);

static const us_spec spec = {
    .body = {SG_DJV_SERIF, 7.5, false}, .bold = {SG_DJV_SERIF, 7.5, true}, .lh = 10.5,
    .date_fmt = "MM/DD", .x_date = 36, .x_post = 80,
    .extra = US_X_CATEGORY, .x_extra = 400,
    .x_title = 36, .x_desc = 124, .desc_w = 250, .x_amt = 576,
    .amt = US_AMT_MINUS_DOLLAR, .fx = US_FX_DISCOVER,
    .sections = {
        {"PAYMENTS AND CREDITS", US_K(SG_PAYMENT) | US_K(SG_REFUND), "TOTAL PAYMENTS AND CREDITS",
         false},
        {"PURCHASES", US_K(SG_PURCHASE), "TOTAL PURCHASES", false},
        {"FEES", US_K(SG_FEE), "TOTAL FEES FOR THIS PERIOD", true},
        {"INTEREST CHARGED", US_K(SG_INTEREST), "TOTAL INTEREST FOR THIS PERIOD", true},
        {NULL, 0, NULL, false},
    },
    .heads = heads, .page = page,
};

static const char *dates(const sg_statement *s)
{
    return sg_strf("Open Date: %s - Close Date: %s", sg_datef("Mon DD, YYYY", s->period_start),
                   sg_datef("Mon DD, YYYY", s->period_end));
}

static void frame(sg_render *r, int pg)
{
    const sg_font small = {SG_DJV_SERIF, 6.5, false};
    sg_text(r->doc, &small, 576, 775, SG_RIGHT, sg_strf("Page %d of " SG_PAGES_TOKEN, pg));
    sg_text(r->doc, &small, 36, 775, SG_LEFT, "Discover.com  1-800-347-2683");
}

static void heads(sg_render *r)
{
    const char *h[] = {"Date", "Date", "Description", "Merchant Category"};
    const double x[] = {36, 80, 124, 400};
    sg_text(r->doc, &spec.bold, 36, r->y, SG_LEFT, "Trans.");
    sg_text(r->doc, &spec.bold, 80, r->y, SG_LEFT, "Post");
    r->y += spec.lh;
    for (int i = 0; i < 4; i++)
        sg_text(r->doc, &spec.bold, x[i], r->y, SG_LEFT, h[i]);
    sg_text(r->doc, &spec.bold, 576, r->y, SG_RIGHT, "Amount");
    r->y += spec.lh * 1.5;
}

static void page(sg_render *r)
{
    const sg_statement *s = r->st;
    int pg = sg_new_page(r);
    frame(r, pg);
    sg_text(r->doc, &spec.bold, 36, 40, SG_LEFT, "Discover it Card");
    sg_text(r->doc, &spec.body, 200, 40, SG_LEFT, sg_strf("Account number ending in %s", s->last4));
    sg_text(r->doc, &spec.body, 576, 40, SG_RIGHT, dates(s));
    r->y = 66;
    r->bottom = 750;
    if (r->section) {
        const sg_font h = {SG_DJV_SERIF, 10, true};
        sg_text(r->doc, &h, 36, r->y, SG_LEFT, "TRANSACTIONS");
        r->y += spec.lh * 1.5;
        heads(r);
    }
}

static void first_page(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    const sg_font logo = {SG_DJV_SERIF, 16, true}, h = {SG_DJV_SERIF, 10, true};
    const sg_font *b = &spec.body, *bb = &spec.bold;
    int pg = sg_new_page(r);
    frame(r, pg);
    sg_text(d, &logo, 36, 47, SG_LEFT, "DISCOVER");
    sg_text(d, bb, 330, 36, SG_LEFT, "Discover it Card");
    sg_text(d, b, 330, 47, SG_LEFT, sg_strf("Account number ending in %s", s->last4));
    sg_text(d, b, 330, 58, SG_LEFT, dates(s));
    r->truth.last4_printed = r->truth.period_printed = true;

    sg_text(d, &h, 36, 96, SG_LEFT, "ACCOUNT SUMMARY");
    sg_color(d, 0.92, 0.92, 0.92);
    sg_fill(d, 30, 84, 246, 160);
    sg_color(d, 0, 0, 0);
    const char *rows[][2] = {
        {"Previous Balance", sg_strf("$%s", sg_num(s->prev_balance))},
        {"Payments and Credits", sg_money_signed(-(s->payments + s->refunds), "$")},
        {"Purchases", us_sum_value(s->purchases, true)},
        {"Balance Transfers", "$0.00"},
        {"Cash Advances", "$0.00"},
        {"Fees Charged", us_sum_value(s->fees, true)},
        {"Interest Charged", us_sum_value(s->interest, true)},
    };
    for (int i = 0; i < 7; i++)
        sg_pair(r, b, 36, 270, 112 + spec.lh * i, rows[i][0], rows[i][1]);
    sg_pair(r, bb, 36, 270, 112 + spec.lh * 7.5, "New Balance", sg_strf("$%s", sg_num(s->new_balance)));
    sg_summary_all(r, -(s->payments + s->refunds));
    sg_pair(r, b, 36, 270, 112 + spec.lh * 9.5, "Credit Line", sg_strf("$%s", sg_whole(s->credit_limit)));
    sg_pair(r, b, 36, 270, 112 + spec.lh * 10.5, "Credit Line Available",
            sg_strf("$%s", sg_whole(s->credit_limit - s->new_balance)));

    sg_text(d, &h, 330, 96, SG_LEFT, "PAYMENT INFORMATION");
    sg_pair(r, bb, 330, 576, 112, "New Balance", sg_strf("$%s", sg_num(s->new_balance)));
    sg_pair(r, b, 330, 576, 122.5, "Minimum Payment Due", sg_strf("$%s", sg_num(s->min_payment)));
    sg_pair(r, b, 330, 576, 133, "Payment Due Date", sg_datef("MM/DD/YYYY", s->due_date));
    sg_para(r, b, 330, 154, 246, spec.lh,
            "Late Payment Warning: If we do not receive your minimum payment by the date listed "
            "above, you may have to pay a late fee of up to $41.");
}

static void render(sg_render *r)
{
    first_page(r);
    r->section = 1;
    r->y = 290;
    r->bottom = 750;
    r->next_page = page;
    const sg_font h = {SG_DJV_SERIF, 10, true};
    sg_text(r->doc, &h, 36, r->y, SG_LEFT, "TRANSACTIONS");
    r->y += spec.lh * 1.5;
    heads(r);
    us_activity(r, &spec);
    int y = us_year(r);
    us_ytd(r, &spec, 36, 330, sg_strf("%d Totals Year-to-Date", y),
           sg_strf("Total fees charged in %d", y), sg_strf("Total interest charged in %d", y));
    const char *const th[4] = {"Type of Balance", "Annual Percentage Rate (APR)",
                               "Balance Subject to Interest Rate", "Interest Charge"};
    us_interest_table(r, &spec, "Interest Charge Calculation", th, "Purchases", "Cash Advances",
                      " V", NULL);
}

const sg_layout sg_layout_discover = {
    .id = "discover",
    .issuer = "Discover Bank",
    .page_w = 612, .page_h = 792,
    .orders = {SG_ORDER_RIGHT_FIRST, SG_ORDER_NATURAL, SG_ORDER_SHUFFLE, SG_ORDER_NATURAL},
    .gen = {
        .region = SG_REGION_US, .currency = "USD", .card_prefix = "601100", .card_len = 16,
        .foreign = true, .long_descs = true, .location = true, .fx_fee_bp = 0,
        .apr_bp = 2424, .late_fee = 4100, .annual_fee = 0,
        .payment_desc = "INTERNET PAYMENT - THANK YOU", .refund_prefix = "",
        .interest_desc = "INTEREST CHARGE ON PURCHASES", .late_fee_desc = "LATE FEE",
        .fx_fee_desc = "FOREIGN TRANSACTION FEE", .annual_fee_desc = "ANNUAL FEE",
    },
    .render = render,
};
