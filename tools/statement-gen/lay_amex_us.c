/* lay_amex_us.c - American Express (US) card statement.
 *
 * Modeled on Amex's public sample statements: "Prepared for", "Account
 * Ending 2-71234" (the last five digits), Closing Date MM/DD/YY, New
 * Balance / Minimum Payment Due / Payment Due Date beside an Account
 * Summary (Previous Balance, Payments/Credits -$, New Charges +$, Fees +$,
 * Interest Charged +$, New Balance), a payment coupon (no full number);
 * from page 2 the Detail: sections Payments (dates flagged "*" = posting
 * date), Credits, New Charges, Fees, Interest Charged, each with a total;
 * MM/DD/YY dates, "$12.75" / "-$400.00", wrapped descriptions continued
 * under the description column, foreign spend lines; then the
 * Fees and Interest Totals Year-to-Date and the Interest Charge
 * Calculation. See LAYOUTS.md. */
#include "us_family.h"
#include "fmt.h"

static void heads(sg_render *r);
static void page(sg_render *r);

static const us_spec spec = {
    .body = {SG_DJV_COND, 7.5, false}, .bold = {SG_DJV_COND, 7.5, true}, .lh = 10,
    .date_fmt = "MM/DD/YY", .x_date = 36, .star_payments = true,
    .x_title = 36, .x_desc = 100, .desc_w = 260, .x_amt = 576,
    .amt = US_AMT_MINUS_DOLLAR, .fx = US_FX_AMEX,
    .sections = {
        {"Payments", US_K(SG_PAYMENT), "Total Payments", false},
        {"Credits", US_K(SG_REFUND), "Total Credits", false},
        {"New Charges", US_K(SG_PURCHASE), "Total New Charges", false},
        {"Fees", US_K(SG_FEE), "Total Fees for this Period", true},
        {"Interest Charged", US_K(SG_INTEREST), "Total Interest Charged for this Period", true},
        {NULL, 0, NULL, false},
    },
    .heads = heads, .page = page,
};

static const char *ending(const sg_statement *s)
{
    return sg_strf("%c-%s", s->card_full[9], s->card_full + 10);
}

static void footer(sg_render *r, int pg)
{
    const sg_font small = {SG_DJV_COND, 6.5, false};
    sg_text(r->doc, &small, 576, 770, SG_RIGHT, sg_strf("p. %d/" SG_PAGES_TOKEN, pg));
}

static void heads(sg_render *r)
{
    sg_text(r->doc, &spec.bold, 36, r->y, SG_LEFT, "Detail");
    sg_text(r->doc, &spec.body, 80, r->y, SG_LEFT, "*Indicates posting date");
    sg_text(r->doc, &spec.bold, 576, r->y, SG_RIGHT, "Amount");
    r->y += spec.lh * 1.5;
}

static void page(sg_render *r)
{
    int pg = sg_new_page(r);
    sg_text(r->doc, &spec.body, 36, 36, SG_LEFT, r->st->holder);
    sg_text(r->doc, &spec.body, 306, 36, SG_CENTER,
            sg_strf("Account Ending %s", ending(r->st)));
    sg_text(r->doc, &spec.body, 576, 36, SG_RIGHT, sg_strf("p. %d/" SG_PAGES_TOKEN, pg));
    footer(r, pg);
    r->y = 64;
    r->bottom = 740;
    if (r->section)
        heads(r);
}

static void first_page(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    const sg_font logo = {SG_DJV_COND, 14, true}, big = {SG_DJV_COND, 10, true};
    const sg_font *b = &spec.body, *bb = &spec.bold;
    int pg = sg_new_page(r);
    sg_text(d, &logo, 36, 40, SG_LEFT, "AMERICAN EXPRESS");
    sg_text(d, bb, 380, 40, SG_LEFT, "Platinum Card");
    sg_text(d, b, 380, 52, SG_LEFT, "Prepared for");
    sg_text(d, bb, 380, 63, SG_LEFT, s->holder);
    sg_pair(r, b, 380, 576, 74, "Account Ending", ending(s));
    sg_pair(r, b, 380, 576, 85, "Closing Date", sg_datef("MM/DD/YY", s->stmt_date));
    sg_pair(r, b, 380, 576, 96, "Next Closing Date", sg_datef("MM/DD/YY", s->stmt_date + 30));
    r->truth.last4_printed = true;

    sg_pair(r, &big, 36, 250, 124, "New Balance", sg_strf("$%s", sg_num(s->new_balance)));
    sg_pair(r, b, 36, 250, 146, "Minimum Payment Due", sg_strf("$%s", sg_num(s->min_payment)));
    sg_pair(r, b, 36, 250, 157, "Payment Due Date", sg_datef("MM/DD/YY", s->due_date));
    sg_para(r, b, 36, 179, 214, 11,
            "Late Payment Warning: If we do not receive your Minimum Payment Due by the Payment "
            "Due Date, you may have to pay a late fee of up to $40.00.");

    cl_money credits = s->payments + s->refunds;
    sg_text(d, &big, 330, 124, SG_LEFT, "Account Summary");
    sg_pair(r, b, 330, 576, 146, "Previous Balance", sg_strf("$%s", sg_num(s->prev_balance)));
    sg_pair(r, b, 330, 576, 157, "Payments/Credits", sg_money_signed(-credits, "$"));
    sg_pair(r, b, 330, 576, 168, "New Charges", us_sum_value(s->purchases, true));
    sg_pair(r, b, 330, 576, 179, "Fees", us_sum_value(s->fees, true));
    sg_pair(r, b, 330, 576, 190, "Interest Charged", us_sum_value(s->interest, true));
    sg_pair(r, bb, 330, 576, 206, "New Balance", sg_strf("$%s", sg_num(s->new_balance)));
    sg_pair(r, b, 330, 576, 217, "Minimum Payment Due", sg_strf("$%s", sg_num(s->min_payment)));
    sg_text(d, b, 330, 234, SG_LEFT, sg_strf("Days in Billing Period: %d", s->cycle_days));
    sg_rule(d, 330, 196, 576, 196, 0.5);
    sg_summary_all(r, -credits);

    sg_rule(d, 36, 600, 576, 600, 0.4);
    sg_text(d, b, 36, 612, SG_LEFT,
            "Please fold on the perforation below, detach and return with your payment");
    sg_text(d, &logo, 36, 640, SG_LEFT, "AMERICAN EXPRESS");
    sg_pair(r, b, 330, 576, 640, "Account Ending", ending(s));
    sg_pair(r, b, 330, 576, 651, "Payment Due Date", sg_datef("MM/DD/YY", s->due_date));
    sg_pair(r, b, 330, 576, 662, "New Balance", sg_strf("$%s", sg_num(s->new_balance)));
    sg_pair(r, b, 330, 576, 673, "Minimum Payment Due", sg_strf("$%s", sg_num(s->min_payment)));
    sg_text(d, bb, 330, 690, SG_LEFT, "Amount Enclosed");
    sg_box(d, 430, 681, 146, 13, 0.5);
    sg_text(d, b, 36, 700, SG_LEFT, s->holder);
    sg_text(d, b, 36, 711, SG_LEFT, s->address[0]);
    sg_text(d, b, 36, 722, SG_LEFT, s->address[1]);
    sg_text(d, b, 330, 711, SG_LEFT, "AMERICAN EXPRESS");
    sg_text(d, b, 330, 722, SG_LEFT, "PO BOX 6031");
    sg_text(d, b, 330, 733, SG_LEFT, "CAROL STREAM IL 60197-6031");
    footer(r, pg);
}

static void render(sg_render *r)
{
    first_page(r);
    r->section = 1;
    page(r);
    us_activity(r, &spec);
    int y = us_year(r);
    us_ytd(r, &spec, 36, 300, sg_strf("%d Fees and Interest Totals Year-to-Date", y),
           sg_strf("Total Fees in %d", y), sg_strf("Total Interest in %d", y));
    const char *const th[4] = {"", "Annual Percentage Rate", "Balance Subject to Interest Rate",
                               "Interest Charge"};
    us_interest_table(r, &spec, "Interest Charge Calculation", th, "Pay Over Time",
                      "Cash Advances", " (v)",
                      sg_strf("Days in Billing Period: %d", r->st->cycle_days));
}

const sg_layout sg_layout_amex_us = {
    .id = "amex_us",
    .issuer = "American Express",
    .page_w = 612, .page_h = 792,
    .orders = {SG_ORDER_NATURAL, SG_ORDER_SHUFFLE, SG_ORDER_RIGHT_FIRST, SG_ORDER_NATURAL},
    .gen = {
        .region = SG_REGION_US, .currency = "USD", .card_prefix = "3782", .card_len = 15,
        .foreign = true, .long_descs = true, .location = true, .fx_fee_bp = 270,
        .apr_bp = 2124, .late_fee = 4000, .annual_fee = 69500,
        .payment_desc = "MOBILE PAYMENT - THANK YOU", .refund_prefix = "",
        .interest_desc = "Interest Charge on Pay Over Time Purchases",
        .late_fee_desc = "LATE PAYMENT FEE", .fx_fee_desc = "FOREIGN TRANSACTION FEE",
        .annual_fee_desc = "PLATINUM CARD ANNUAL FEE",
    },
    .render = render,
};
