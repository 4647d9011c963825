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

#include <string.h>

static const sg_font body = {SG_DJV_SANS, 8.5, false}, bold = {SG_DJV_SANS, 8.5, true};
static const sg_font small = {SG_DJV_SANS, 7, false}, big = {SG_DJV_SANS, 12, true};
static const sg_font logo = {SG_DJV_SANS, 16, true};

#define PERIOD "{START:Mon D, YYYY} - {END:Mon D, YYYY}"

static const sg_item frame[] = {
    SG_AT(&small, 40, 770, SG_LEFT, "Goldman Sachs Bank USA, Salt Lake City Branch"),
    SG_AT(&small, 572, 770, SG_RIGHT, "Page {PAGE} /{PAGES}"),
    SG_ITEMS_END,
};

static const sg_item page_head[] = {
    SG_AT(&body, 40, 44, SG_LEFT, "{NAME}"),
    SG_AT(&body, 572, 44, SG_RIGHT, PERIOD),
    SG_ITEMS_END,
};

static const sg_item col_heads[] = {
    SG_AT(&bold, 40, 0, SG_LEFT, "Date"),
    SG_AT(&bold, 110, 0, SG_LEFT, "Description"),
    SG_AT(&bold, 490, 0, SG_RIGHT, "Daily Cash"),
    SG_AT(&bold, 572, 0, SG_RIGHT, "Amount"),
    SG_ITEMS_END,
};

/* The summary rows are 13 apart from 130. */
static const sg_item first_page[] = {
    SG_AT(&logo, 40, 50, SG_LEFT, "Apple Card"),
    SG_AT(&big, 572, 50, SG_RIGHT, "Statement"),
    SG_AT(&body, 572, 66, SG_RIGHT, PERIOD),
    SG_AT(&body, 40, 80, SG_LEFT, "{NAME}"),
    SG_AT(&body, 40, 93, SG_LEFT, "Account ending in {LAST4}"),

    SG_PAIR(&big, 40, 290, 130, "Total Balance", "${NEW}"),
    SG_PAIR(&body, 40, 290, 150, "Minimum Payment Due", "${MIN}"),
    SG_PAIR(&body, 40, 290, 163, "Payment Due Date", "{DUE:Mon D, YYYY}"),

    SG_PAIR(&body, 330, 572, 130, "Previous Monthly Balance", "${PREV}"),
    SG_PAIR(&body, 330, 572, 143, "Payments & Credits", "{CREDITS:-$}"),
    SG_PAIR(&body, 330, 572, 156, "Purchases", "${PURCHASES}"),
    SG_PAIR(&body, 330, 572, 169, "Fees", "${FEES}"),
    SG_PAIR(&body, 330, 572, 182, "Interest Charged", "${INTEREST}"),
    SG_PAIR(&bold, 330, 572, 201.5, "Total Balance", "${NEW}"),
    SG_RULE(330, 130 + 13 * 4.6, 572, 130 + 13 * 4.6, 0.5),
    SG_PAIR(&body, 330, 572, 221, "Daily Cash earned this month", "${DAILY_CASH}"),
    SG_ITEMS_END,
};

/* {DAILY_CASH}: what this month's purchases earned, about 1.33%. */
static const char *token(const sg_render *r, const char *name, const char *arg)
{
    return strcmp(name, "DAILY_CASH") ? NULL : sg_num(r->st->purchases / 75);
}

static const us_spec spec = {
    .body = &body, .bold = &bold, .lh = 13,
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
    .first = {frame, first_page}, .next = {frame, page_head},
    .top = 74, .bottom = 740, .start = 260,
    .col_heads = col_heads, .heads_lines = 1.3,
    .prints_period = true,
    .ytd = {40, 330, "Year-to-date totals", "Total fees charged in {YEAR}",
            "Total interest charged in {YEAR}"},
    .interest = {"Interest Charge Calculation",
                 {"Balance type", "Annual percentage rate", "Balance subject to interest rate",
                  "Interest charge"},
                 "Purchases", "Cash advances", " (v)", NULL},
};

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
    .render = us_render,
    .spec = &spec,
    .token = token,
};
