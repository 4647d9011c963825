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

static const sg_font body = {SG_DJV_SERIF, 7.5, false}, bold = {SG_DJV_SERIF, 7.5, true};
static const sg_font small = {SG_DJV_SERIF, 6.5, false}, head = {SG_DJV_SERIF, 10, true};
static const sg_font logo = {SG_DJV_SERIF, 16, true};

#define DATES "Open Date: {START:Mon DD, YYYY} - Close Date: {END:Mon DD, YYYY}"

static const sg_item frame[] = {
    SG_AT(&small, 576, 775, SG_RIGHT, "Page {PAGE} of {PAGES}"),
    SG_AT(&small, 36, 775, SG_LEFT, "Discover.com  1-800-347-2683"),
    SG_ITEMS_END,
};

static const sg_item page_head[] = {
    SG_AT(&bold, 36, 40, SG_LEFT, "Discover it Card"),
    SG_AT(&body, 200, 40, SG_LEFT, "Account number ending in {LAST4}"),
    SG_AT(&body, 576, 40, SG_RIGHT, DATES),
    SG_ITEMS_END,
};

static const sg_item title[] = {
    SG_AT(&head, 36, 0, SG_LEFT, "TRANSACTIONS"),
    SG_ITEMS_END,
};

static const sg_item col_heads[] = {
    SG_AT(&bold, 36, 0, SG_LEFT, "Trans."),
    SG_AT(&bold, 80, 0, SG_LEFT, "Post"),
    SG_AT(&bold, 36, 10.5, SG_LEFT, "Date"),
    SG_AT(&bold, 80, 10.5, SG_LEFT, "Date"),
    SG_AT(&bold, 124, 10.5, SG_LEFT, "Description"),
    SG_AT(&bold, 400, 10.5, SG_LEFT, "Merchant Category"),
    SG_AT(&bold, 576, 10.5, SG_RIGHT, "Amount"),
    SG_ITEMS_END,
};

/* The summary rows are 10.5 apart from 112. */
static const sg_item first_page[] = {
    SG_AT(&logo, 36, 47, SG_LEFT, "DISCOVER"),
    SG_AT(&bold, 330, 36, SG_LEFT, "Discover it Card"),
    SG_AT(&body, 330, 47, SG_LEFT, "Account number ending in {LAST4}"),
    SG_AT(&body, 330, 58, SG_LEFT, DATES),

    SG_AT(&head, 36, 96, SG_LEFT, "ACCOUNT SUMMARY"),
    SG_FILL(30, 84, 246, 160, 0.92),
    SG_PAIR(&body, 36, 270, 112, "Previous Balance", "${PREV}"),
    SG_PAIR(&body, 36, 270, 122.5, "Payments and Credits", "{CREDITS:-$}"),
    SG_PAIR(&body, 36, 270, 133, "Purchases", "{PURCHASES:+$}"),
    SG_PAIR(&body, 36, 270, 143.5, "Balance Transfers", "$0.00"),
    SG_PAIR(&body, 36, 270, 154, "Cash Advances", "$0.00"),
    SG_PAIR(&body, 36, 270, 164.5, "Fees Charged", "{FEES:+$}"),
    SG_PAIR(&body, 36, 270, 175, "Interest Charged", "{INTEREST:+$}"),
    SG_PAIR(&bold, 36, 270, 190.75, "New Balance", "${NEW}"),
    SG_PAIR(&body, 36, 270, 211.75, "Credit Line", "${LIMIT:whole}"),
    SG_PAIR(&body, 36, 270, 222.25, "Credit Line Available", "${AVAIL:whole}"),

    SG_AT(&head, 330, 96, SG_LEFT, "PAYMENT INFORMATION"),
    SG_PAIR(&bold, 330, 576, 112, "New Balance", "${NEW}"),
    SG_PAIR(&body, 330, 576, 122.5, "Minimum Payment Due", "${MIN}"),
    SG_PAIR(&body, 330, 576, 133, "Payment Due Date", "{DUE:MM/DD/YYYY}"),
    SG_PARA(&body, 330, 154, 246, 10.5,
            "Late Payment Warning: If we do not receive your minimum payment by the date listed "
            "above, you may have to pay a late fee of up to $41."),
    SG_ITEMS_END,
};

static const us_spec spec = {
    .body = &body, .bold = &bold, .lh = 10.5,
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
    .first = {frame, first_page}, .next = {frame, page_head},
    .top = 66, .bottom = 750, .start = 290,
    .title = title, .col_heads = col_heads, .heads_lines = 2.5,
    .prints_period = true,
    .ytd = {36, 330, "{YEAR} Totals Year-to-Date", "Total fees charged in {YEAR}",
            "Total interest charged in {YEAR}"},
    .interest = {"Interest Charge Calculation",
                 {"Type of Balance", "Annual Percentage Rate (APR)",
                  "Balance Subject to Interest Rate", "Interest Charge"},
                 "Purchases", "Cash Advances", " V", NULL},
};

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
    .render = us_render,
    .spec = &spec,
};
