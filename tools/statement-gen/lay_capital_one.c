/* lay_capital_one.c - Capital One (US) credit card statement.
 *
 * Modeled on Capital One's public statement samples: "Quicksilver Card |
 * Visa Signature ending in 1234", "Dec 15, 2023 - Jan 14, 2024 | 31 days
 * in Billing Cycle", Payment Information (New Balance, Minimum Payment,
 * Payment Due Date) and an Account Summary (Previous Balance, Payments,
 * Other Credits, Transactions, Cash Advances, Fees Charged, Interest
 * Charged, New Balance); from page 2 "Transactions" with Trans Date and
 * Post Date as "Jan 5", sections "{NAME} #1234: Payments, Credits and
 * Adjustments" and "{NAME} #1234: Transactions", credits as "- $400.00",
 * then Fees and Interest Charged sections, Totals Year-to-Date and the
 * Interest Charge Calculation. Foreign purchases add "45.00 EUR @ 1.091981".
 * See LAYOUTS.md. */
#include "us_family.h"
#include "fmt.h"

static void heads(sg_render *r);
static void page(sg_render *r);

static const us_spec spec = {
    .body = {SG_LIB_SANS, 8.5, false}, .bold = {SG_LIB_SANS, 8.5, true}, .lh = 12,
    .date_fmt = "Mon D", .x_date = 36, .x_post = 90,
    .x_title = 36, .x_desc = 150, .desc_w = 320, .x_amt = 576,
    .amt = US_AMT_MINUS_SP_DOLLAR, .fx = US_FX_AT,
    .sections = {
        {"{NAME} #{LAST4}: Payments, Credits and Adjustments", US_K(SG_PAYMENT) | US_K(SG_REFUND),
         "{NAME} #{LAST4}: Total Payments, Credits and Adjustments", false},
        {"{NAME} #{LAST4}: Transactions", US_K(SG_PURCHASE),
         "{NAME} #{LAST4}: Total Transactions", false},
        {"Fees", US_K(SG_FEE), "Total Fees for This Period", true},
        {"Interest Charged", US_K(SG_INTEREST), "Total Interest for This Period", true},
        {NULL, 0, NULL, false},
    },
    .heads = heads, .page = page,
};

static const char *cycle(const sg_statement *s)
{
    return sg_strf("%s - %s | %d days in Billing Cycle", sg_datef("Mon D, YYYY", s->period_start),
                   sg_datef("Mon D, YYYY", s->period_end), s->cycle_days);
}

static void frame(sg_render *r, int pg)
{
    const sg_font small = {SG_LIB_SANS, 7, false};
    sg_text(r->doc, &small, 306, 772, SG_CENTER, sg_strf("Page %d of " SG_PAGES_TOKEN, pg));
    sg_text(r->doc, &small, 36, 772, SG_LEFT, "capitalone.com");
}

static void heads(sg_render *r)
{
    sg_text(r->doc, &spec.bold, 36, r->y, SG_LEFT, "Trans Date");
    sg_text(r->doc, &spec.bold, 90, r->y, SG_LEFT, "Post Date");
    sg_text(r->doc, &spec.bold, 150, r->y, SG_LEFT, "Description");
    sg_text(r->doc, &spec.bold, 576, r->y, SG_RIGHT, "Amount");
    sg_rule(r->doc, 36, r->y + 4, 576, r->y + 4, 0.5);
    r->y += spec.lh * 1.5;
}

static void page(sg_render *r)
{
    const sg_statement *s = r->st;
    int pg = sg_new_page(r);
    sg_text(r->doc, &spec.body, 36, 40, SG_LEFT,
            sg_strf("Quicksilver Card | Visa Signature ending in %s", s->last4));
    sg_text(r->doc, &spec.body, 576, 40, SG_RIGHT, cycle(s));
    frame(r, pg);
    r->y = 64;
    r->bottom = 745;
    if (r->section) {
        const sg_font h = {SG_LIB_SANS, 12, true};
        sg_text(r->doc, &h, 36, r->y, SG_LEFT, "Transactions");
        r->y += spec.lh * 1.5;
        heads(r);
    }
}

static void first_page(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    const sg_font logo = {SG_LIB_SANS, 16, true}, h = {SG_LIB_SANS, 11, true};
    const sg_font *b = &spec.body, *bb = &spec.bold;
    int pg = sg_new_page(r);
    sg_text(d, &logo, 36, 48, SG_LEFT, "Capital One");
    sg_text(d, bb, 576, 36, SG_RIGHT,
            sg_strf("Quicksilver Card | Visa Signature ending in %s", s->last4));
    sg_text(d, b, 576, 48, SG_RIGHT, cycle(s));
    r->truth.last4_printed = r->truth.period_printed = true;

    sg_text(d, &h, 36, 90, SG_LEFT, "Payment Information");
    sg_pair(r, bb, 36, 270, 108, "New Balance", sg_strf("$%s", sg_num(s->new_balance)));
    sg_pair(r, b, 36, 270, 120, "Minimum Payment", sg_strf("$%s", sg_num(s->min_payment)));
    sg_pair(r, b, 36, 270, 132, "Payment Due Date", sg_datef("Mon D, YYYY", s->due_date));
    sg_para(r, b, 36, 156, 234, spec.lh,
            "Late Payment Warning: If we do not receive your minimum payment by the date listed "
            "above, you may have to pay a late fee of up to $40.00.");

    sg_text(d, &h, 330, 90, SG_LEFT, "Account Summary");
    const char *rows[][2] = {
        {"Previous Balance", sg_strf("$%s", sg_num(s->prev_balance))},
        {"Payments", sg_money_signed(-s->payments, "$")},
        {"Other Credits", sg_money_signed(-s->refunds, "$")},
        {"Transactions", us_sum_value(s->purchases, true)},
        {"Cash Advances", "$0.00"},
        {"Fees Charged", us_sum_value(s->fees, true)},
        {"Interest Charged", us_sum_value(s->interest, true)},
    };
    for (int i = 0; i < 7; i++)
        sg_pair(r, b, 330, 576, 108 + spec.lh * i, rows[i][0], rows[i][1]);
    sg_pair(r, bb, 330, 576, 108 + spec.lh * 7, "New Balance",
            sg_strf("= $%s", sg_num(s->new_balance)));
    sg_pair(r, b, 330, 576, 108 + spec.lh * 9, "Credit Limit", sg_strf("$%s", sg_num(s->credit_limit)));
    sg_pair(r, b, 330, 576, 108 + spec.lh * 10, "Available Credit",
            sg_strf("$%s", sg_num(s->credit_limit - s->new_balance)));
    sg_summary_all(r, -(s->payments + s->refunds));

    sg_rule(d, 36, 620, 576, 620, 0.4);
    sg_text(d, &logo, 36, 640, SG_LEFT, "Capital One");
    sg_pair(r, b, 330, 576, 640, "Payment Due Date", sg_datef("Mon D, YYYY", s->due_date));
    sg_pair(r, b, 330, 576, 652, "New Balance", sg_strf("$%s", sg_num(s->new_balance)));
    sg_pair(r, b, 330, 576, 664, "Minimum Payment", sg_strf("$%s", sg_num(s->min_payment)));
    sg_text(d, b, 330, 676, SG_LEFT, sg_strf("Account ending in %s", s->last4));
    sg_text(d, b, 36, 700, SG_LEFT, s->holder);
    sg_text(d, b, 36, 712, SG_LEFT, s->address[0]);
    sg_text(d, b, 36, 724, SG_LEFT, s->address[1]);
    sg_text(d, b, 330, 712, SG_LEFT, "Capital One");
    sg_text(d, b, 330, 724, SG_LEFT, "P.O. Box 60599");
    sg_text(d, b, 330, 736, SG_LEFT, "City of Industry, CA 91716-0599");
    frame(r, pg);
}

static void render(sg_render *r)
{
    first_page(r);
    r->section = 1;
    page(r);
    us_activity(r, &spec);
    int y = us_year(r);
    us_ytd(r, &spec, 36, 330, "Totals Year-to-Date", sg_strf("Total Fees charged in %d", y),
           sg_strf("Total Interest charged in %d", y));
    const char *const th[4] = {"Type of Balance", "Annual Percentage Rate (APR)",
                               "Balance Subject to Interest Rate", "Interest Charge"};
    us_interest_table(r, &spec, "Interest Charge Calculation", th, "Purchases", "Cash Advances",
                      "", "Your Annual Percentage Rate (APR) is the annual interest rate on your account.");
}

const sg_layout sg_layout_capital_one = {
    .id = "capital_one",
    .issuer = "Capital One",
    .page_w = 612, .page_h = 792,
    .orders = {SG_ORDER_NATURAL, SG_ORDER_BY_COLUMN, SG_ORDER_NATURAL, SG_ORDER_FOOTER_FIRST},
    .gen = {
        .region = SG_REGION_US, .currency = "USD", .card_prefix = "414709", .card_len = 16,
        .foreign = true, .long_descs = true, .location = true, .fx_fee_bp = 0,
        .apr_bp = 2999, .late_fee = 4000, .annual_fee = 3900,
        .payment_desc = "CAPITAL ONE MOBILE PYMT", .refund_prefix = "",
        .interest_desc = "INTEREST CHARGE:PURCHASES", .late_fee_desc = "PAST DUE FEE",
        .fx_fee_desc = "FOREIGN TRANSACTION FEE", .annual_fee_desc = "ANNUAL MEMBERSHIP FEE",
    },
    .render = render,
};
