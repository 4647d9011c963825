/* lay_apple_card.c - Apple Card (Goldman Sachs Bank USA) statement.
 *
 * Modeled on Apple Card's public statement samples: a large sans face,
 * "Apple Card Statement", the period "Dec 14, 2023 - Jan 13, 2024", Total
 * Balance, Minimum Payment Due, Payment Due Date, a summary (Previous
 * Monthly Balance, Payments & Credits -$, Purchases, Fees, Interest
 * Charged, Total Balance, Daily Cash earned); then sections "Payments",
 * "Transactions" (purchases and returns together) and "Interest Charged"
 * with MM/DD/YYYY dates, mixed-case merchant names, a Daily Cash column
 * printing "2%" and "$0.25" (not part of the description, and not the
 * amount), and amounts as "$12.75" / "-$400.00". No fees, no foreign
 * currency lines. See LAYOUTS.md. */
#include "us_family.h"
#include "fmt.h"

static void heads(sg_render *r);
static void page(sg_render *r);

static const us_spec spec = {
    .body = {SG_DJV_SANS, 8.5, false}, .bold = {SG_DJV_SANS, 8.5, true}, .lh = 13,
    .date_fmt = "MM/DD/YYYY", .x_date = 40,
    .extra = US_X_DAILY_CASH, .x_extra = 490,
    .x_title = 40, .x_desc = 110, .desc_w = 280, .x_amt = 572,
    .amt = US_AMT_MINUS_DOLLAR, .fx = US_FX_NONE,
    .sections = {
        {"Payments", US_K(SG_PAYMENT), "Total payments for this period", false},
        {"Transactions", US_K(SG_PURCHASE) | US_K(SG_REFUND) | US_K(SG_FEE),
         "Total charges, credits and returns", false},
        {"Interest Charged", US_K(SG_INTEREST), "Total interest charged for this period", true},
        {NULL, 0, NULL, false},
    },
    .heads = heads, .page = page,
};

static const char *period(const sg_statement *s)
{
    return sg_strf("%s - %s", sg_datef("Mon D, YYYY", s->period_start),
                   sg_datef("Mon D, YYYY", s->period_end));
}

static void frame(sg_render *r, int pg)
{
    const sg_font small = {SG_DJV_SANS, 7, false};
    sg_text(r->doc, &small, 40, 770, SG_LEFT, "Goldman Sachs Bank USA, Salt Lake City Branch");
    sg_text(r->doc, &small, 572, 770, SG_RIGHT, sg_strf("Page %d /" SG_PAGES_TOKEN, pg));
}

static void heads(sg_render *r)
{
    sg_text(r->doc, &spec.bold, 40, r->y, SG_LEFT, "Date");
    sg_text(r->doc, &spec.bold, 110, r->y, SG_LEFT, "Description");
    sg_text(r->doc, &spec.bold, 490, r->y, SG_RIGHT, "Daily Cash");
    sg_text(r->doc, &spec.bold, 572, r->y, SG_RIGHT, "Amount");
    r->y += spec.lh * 1.3;
}

static void page(sg_render *r)
{
    const sg_statement *s = r->st;
    int pg = sg_new_page(r);
    frame(r, pg);
    sg_text(r->doc, &spec.body, 40, 44, SG_LEFT, s->holder);
    sg_text(r->doc, &spec.body, 572, 44, SG_RIGHT, period(s));
    r->y = 74;
    r->bottom = 740;
    if (r->section)
        heads(r);
}

static void first_page(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    const sg_font logo = {SG_DJV_SANS, 16, true}, big = {SG_DJV_SANS, 12, true};
    const sg_font *b = &spec.body, *bb = &spec.bold;
    int pg = sg_new_page(r);
    frame(r, pg);
    sg_text(d, &logo, 40, 50, SG_LEFT, "Apple Card");
    sg_text(d, &big, 572, 50, SG_RIGHT, "Statement");
    sg_text(d, b, 572, 66, SG_RIGHT, period(s));
    sg_text(d, b, 40, 80, SG_LEFT, s->holder);
    sg_text(d, b, 40, 93, SG_LEFT, sg_strf("Account ending in %s", s->last4));
    r->truth.last4_printed = r->truth.period_printed = true;

    sg_pair(r, &big, 40, 290, 130, "Total Balance", sg_strf("$%s", sg_num(s->new_balance)));
    sg_pair(r, b, 40, 290, 150, "Minimum Payment Due", sg_strf("$%s", sg_num(s->min_payment)));
    sg_pair(r, b, 40, 290, 163, "Payment Due Date", sg_datef("Mon D, YYYY", s->due_date));

    const char *rows[][2] = {
        {"Previous Monthly Balance", sg_strf("$%s", sg_num(s->prev_balance))},
        {"Payments & Credits", sg_money_signed(-(s->payments + s->refunds), "$")},
        {"Purchases", sg_strf("$%s", sg_num(s->purchases))},
        {"Fees", sg_strf("$%s", sg_num(s->fees))},
        {"Interest Charged", sg_strf("$%s", sg_num(s->interest))},
    };
    for (int i = 0; i < 5; i++)
        sg_pair(r, b, 330, 572, 130 + spec.lh * i, rows[i][0], rows[i][1]);
    sg_pair(r, bb, 330, 572, 130 + spec.lh * 5.5, "Total Balance", sg_strf("$%s", sg_num(s->new_balance)));
    sg_rule(d, 330, 130 + spec.lh * 4.6, 572, 130 + spec.lh * 4.6, 0.5);
    sg_summary_all(r, -(s->payments + s->refunds));
    sg_pair(r, b, 330, 572, 130 + spec.lh * 7, "Daily Cash earned this month",
            sg_strf("$%s", sg_num(s->purchases / 75)));
    r->y = 260;
    r->bottom = 740;
}

static void render(sg_render *r)
{
    first_page(r);
    r->section = 1;
    r->next_page = page;
    heads(r);
    us_activity(r, &spec);
    int y = us_year(r);
    us_ytd(r, &spec, 40, 330, "Year-to-date totals", sg_strf("Total fees charged in %d", y),
           sg_strf("Total interest charged in %d", y));
    const char *const th[4] = {"Balance type", "Annual percentage rate",
                               "Balance subject to interest rate", "Interest charge"};
    us_interest_table(r, &spec, "Interest Charge Calculation", th, "Purchases", "Cash advances",
                      " (v)", NULL);
}

const sg_layout sg_layout_apple_card = {
    .id = "apple_card",
    .issuer = "Goldman Sachs Bank USA",
    .page_w = 612, .page_h = 792,
    .orders = {SG_ORDER_NATURAL, SG_ORDER_REVERSE, SG_ORDER_NATURAL, SG_ORDER_SHUFFLE},
    .gen = {
        .region = SG_REGION_US, .currency = "USD", .card_prefix = "528765", .card_len = 16,
        .foreign = false, .mixed_case = true, .long_descs = true, .location = true,
        .fx_fee_bp = 0, .apr_bp = 2024, .late_fee = 0, .annual_fee = 0,
        .payment_desc = "Internet Transfer Payment", .refund_prefix = "Return ",
        .interest_desc = "Interest Charge", .late_fee_desc = "Late Fee",
        .fx_fee_desc = "Foreign Transaction Fee", .annual_fee_desc = "Annual Fee",
    },
    .render = render,
};
