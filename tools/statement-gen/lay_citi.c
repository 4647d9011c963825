/* lay_citi.c - Citi (US) credit card statement.
 *
 * Modeled on Citi's public statement samples: "Citi Custom Cash Card",
 * "Account number ending in: 1234", "Billing Period: 12/13/23-01/12/24",
 * Minimum payment due / New balance / Payment due date, an Account Summary
 * (Previous balance, Payments -$, Credits -$, Purchases +$, Cash advances,
 * Fees +$, Interest +$, New balance), a payment coupon with the full
 * account number; then "Account Summary" activity with Sale Date and Post
 * Date (MM/DD), sections "Payments, Credits and Adjustments", "Standard
 * Purchases", "Fees Charged", "Interest Charged", credits as "-$400.00",
 * TOTAL FEES / TOTAL INTEREST FOR THIS PERIOD, the year-to-date totals and
 * the Interest charge calculation. Foreign purchases add "45.00 EURO
 * EXCHANGE RATE 1.091981". See LAYOUTS.md. */
#include "us_family.h"
#include "fmt.h"

static void heads(sg_render *r);
static void page(sg_render *r);

static const us_spec spec = {
    .body = {SG_LIB_SERIF, 8.5, false}, .bold = {SG_LIB_SERIF, 8.5, true}, .lh = 11,
    .date_fmt = "MM/DD", .x_date = 40, .x_post = 90,
    .x_title = 40, .x_desc = 140, .desc_w = 330, .x_amt = 572,
    .amt = US_AMT_MINUS_DOLLAR, .fx = US_FX_CITI,
    .sections = {
        {"Payments, Credits and Adjustments", US_K(SG_PAYMENT) | US_K(SG_REFUND), NULL, false},
        {"Standard Purchases", US_K(SG_PURCHASE), NULL, false},
        {"Fees Charged", US_K(SG_FEE), "TOTAL FEES FOR THIS PERIOD", true},
        {"Interest Charged", US_K(SG_INTEREST), "TOTAL INTEREST FOR THIS PERIOD", true},
        {NULL, 0, NULL, false},
    },
    .heads = heads, .page = page,
};

static const char *period(const sg_statement *s)
{
    return sg_strf("Billing Period: %s-%s", sg_datef("MM/DD/YY", s->period_start),
                   sg_datef("MM/DD/YY", s->period_end));
}

static void frame(sg_render *r, int pg)
{
    const sg_font small = {SG_LIB_SERIF, 7, false};
    sg_text(r->doc, &small, 572, 40, SG_RIGHT, sg_strf("Page %d of " SG_PAGES_TOKEN, pg));
}

static void heads(sg_render *r)
{
    sg_text(r->doc, &spec.bold, 40, r->y, SG_LEFT, "Sale");
    sg_text(r->doc, &spec.bold, 90, r->y, SG_LEFT, "Post");
    sg_text(r->doc, &spec.bold, 40, r->y + spec.lh, SG_LEFT, "Date");
    sg_text(r->doc, &spec.bold, 90, r->y + spec.lh, SG_LEFT, "Date");
    sg_text(r->doc, &spec.bold, 140, r->y + spec.lh, SG_LEFT, "Description");
    sg_text(r->doc, &spec.bold, 572, r->y + spec.lh, SG_RIGHT, "Amount");
    r->y += spec.lh * 2.5;
}

static void page(sg_render *r)
{
    const sg_statement *s = r->st;
    int pg = sg_new_page(r);
    frame(r, pg);
    sg_text(r->doc, &spec.body, 40, 40, SG_LEFT, s->holder);
    sg_text(r->doc, &spec.body, 40, 51, SG_LEFT,
            sg_strf("Account number ending in: %s", s->last4));
    sg_text(r->doc, &spec.body, 572, 51, SG_RIGHT, period(s));
    r->y = 76;
    r->bottom = 745;
    if (r->section) {
        const sg_font h = {SG_LIB_SERIF, 11, true};
        sg_text(r->doc, &h, 40, r->y, SG_LEFT, "Account Summary");
        r->y += spec.lh * 1.5;
        heads(r);
    }
}

static void first_page(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    const sg_font logo = {SG_LIB_SERIF, 18, true}, h = {SG_LIB_SERIF, 11, true};
    const sg_font *b = &spec.body, *bb = &spec.bold;
    int pg = sg_new_page(r);
    frame(r, pg);
    sg_text(d, &logo, 40, 50, SG_LEFT, "citi");
    sg_text(d, &h, 120, 50, SG_LEFT, "Citi Custom Cash Card");
    sg_text(d, b, 40, 72, SG_LEFT, s->holder);
    sg_text(d, b, 40, 83, SG_LEFT, "Member Since 2015");
    sg_text(d, b, 330, 72, SG_LEFT, sg_strf("Account number ending in: %s", s->last4));
    sg_text(d, b, 330, 83, SG_LEFT, period(s));
    sg_text(d, b, 330, 94, SG_LEFT, "Customer Service 1-800-950-5114");
    r->truth.last4_printed = r->truth.period_printed = true;

    sg_pair(r, bb, 40, 280, 120, "Minimum payment due:", sg_strf("$%s", sg_num(s->min_payment)));
    sg_pair(r, bb, 40, 280, 131, "New balance:", sg_strf("$%s", sg_num(s->new_balance)));
    sg_pair(r, bb, 40, 280, 142, "Payment due date:", sg_datef("MM/DD/YY", s->due_date));
    sg_para(r, b, 40, 164, 240, spec.lh,
            "Late Payment Warning: If we do not receive your minimum payment by the date listed "
            "above, you may have to pay a late fee of up to $41.");

    sg_text(d, &h, 330, 120, SG_LEFT, "Account Summary");
    const char *rows[][2] = {
        {"Previous balance", sg_strf("$%s", sg_num(s->prev_balance))},
        {"Payments", sg_money_signed(-s->payments, "$")},
        {"Credits", sg_money_signed(-s->refunds, "$")},
        {"Purchases", us_sum_value(s->purchases, true)},
        {"Cash advances", "$0.00"},
        {"Fees", us_sum_value(s->fees, true)},
        {"Interest", us_sum_value(s->interest, true)},
    };
    for (int i = 0; i < 7; i++)
        sg_pair(r, b, 330, 572, 142 + spec.lh * i, rows[i][0], rows[i][1]);
    sg_pair(r, bb, 330, 572, 142 + spec.lh * 7, "New balance", sg_strf("$%s", sg_num(s->new_balance)));
    sg_pair(r, b, 330, 572, 142 + spec.lh * 9, "Credit Limit", sg_strf("$%s", sg_num(s->credit_limit)));
    sg_summary_all(r, -(s->payments + s->refunds));

    sg_rule(d, 40, 620, 572, 620, 0.4);
    sg_text(d, &logo, 40, 640, SG_LEFT, "citi");
    sg_pair(r, b, 330, 572, 640, "Account Number", sg_card_grouped(s, " ", -1, -1));
    sg_pair(r, b, 330, 572, 651, "Payment Due Date", sg_datef("MM/DD/YY", s->due_date));
    sg_pair(r, b, 330, 572, 662, "New Balance", sg_strf("$%s", sg_num(s->new_balance)));
    sg_pair(r, b, 330, 572, 673, "Minimum Payment Due", sg_strf("$%s", sg_num(s->min_payment)));
    sg_text(d, bb, 330, 690, SG_LEFT, "Amount enclosed:");
    sg_text(d, b, 40, 700, SG_LEFT, s->holder);
    sg_text(d, b, 40, 711, SG_LEFT, s->address[0]);
    sg_text(d, b, 40, 722, SG_LEFT, s->address[1]);
    sg_text(d, b, 330, 711, SG_LEFT, "CITI CARDS");
    sg_text(d, b, 330, 722, SG_LEFT, "PO BOX 6500");
    sg_text(d, b, 330, 733, SG_LEFT, "SIOUX FALLS, SD 57117");
}

static void render(sg_render *r)
{
    first_page(r);
    r->section = 1;
    page(r);
    us_activity(r, &spec);
    int y = us_year(r);
    us_ytd(r, &spec, 40, 330, sg_strf("%d totals year-to-date", y),
           sg_strf("Total fees charged in %d", y), sg_strf("Total interest charged in %d", y));
    const char *const th[4] = {"Balance type", "Annual percentage rate (APR)",
                               "Balance subject to interest rate", "Interest charge"};
    us_interest_table(r, &spec, "Interest charge calculation", th, "Standard Purch",
                      "Standard Adv", " (V)",
                      sg_strf("Days in billing cycle: %d", r->st->cycle_days));
}

const sg_layout sg_layout_citi = {
    .id = "citi",
    .issuer = "Citibank, N.A.",
    .page_w = 612, .page_h = 792,
    .orders = {SG_ORDER_REVERSE, SG_ORDER_NATURAL, SG_ORDER_RIGHT_FIRST, SG_ORDER_NATURAL},
    .full_number = true,
    .gen = {
        .region = SG_REGION_US, .currency = "USD", .card_prefix = "542418", .card_len = 16,
        .foreign = true, .long_descs = true, .location = true, .fx_fee_bp = 300,
        .apr_bp = 2249, .late_fee = 4100, .annual_fee = 9500,
        .payment_desc = "ONLINE PAYMENT, THANK YOU", .refund_prefix = "",
        .interest_desc = "INTEREST CHARGED TO STANDARD PURCH", .late_fee_desc = "LATE FEE",
        .fx_fee_desc = "FOREIGN TRANSACTION FEE", .annual_fee_desc = "ANNUAL FEE",
    },
    .render = render,
};
