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

static const sg_font body = {SG_LIB_SANS, 7.5, false}, bold = {SG_LIB_SANS, 7.5, true};
static const sg_font small = {SG_LIB_SANS, 6.5, false}, head = {SG_LIB_SANS, 10, true};
static const sg_font logo = {SG_LIB_SANS, 15, true};

#define PERIOD "Statement Period {START:MM/DD/YYYY} to {END:MM/DD/YYYY}"

static const sg_item frame[] = {
    SG_AT(&small, 576, 36, SG_RIGHT, "Page {PAGE} of {PAGES}"),
    SG_AT(&small, 306, 776, SG_CENTER, "wellsfargo.com  1-800-642-4720"),
    SG_ITEMS_END,
};

static const sg_item page_head[] = {
    SG_AT(&body, 36, 48, SG_LEFT, "Account Number Ending in {LAST4}"),
    SG_AT(&body, 576, 48, SG_RIGHT, PERIOD),
    SG_ITEMS_END,
};

static const sg_item title[] = {
    SG_AT(&head, 36, 0, SG_LEFT, "Transactions"),
    SG_ITEMS_END,
};

static const sg_item col_heads[] = {
    SG_AT(&bold, 36, 0, SG_LEFT, "Trans"),
    SG_AT(&bold, 72, 0, SG_LEFT, "Post"),
    SG_AT(&bold, 36, 11, SG_LEFT, "Date"),
    SG_AT(&bold, 72, 11, SG_LEFT, "Date"),
    SG_AT(&bold, 116, 11, SG_LEFT, "Reference Number"),
    SG_AT(&bold, 208, 11, SG_LEFT, "Description"),
    SG_AT(&bold, 510, 11, SG_RIGHT, "Credits"),
    SG_AT(&bold, 576, 11, SG_RIGHT, "Charges"),
    SG_RULE(36, 15, 576, 15, 0.5),
    SG_ITEMS_END,
};

static const sg_item first_page[] = {
    SG_AT(&logo, 36, 50, SG_LEFT, "WELLS FARGO"),
    SG_AT(&bold, 330, 50, SG_LEFT, "Wells Fargo Active Cash Card"),
    SG_AT(&body, 330, 61, SG_LEFT, "Account Number Ending in {LAST4}"),
    SG_AT(&body, 330, 72, SG_LEFT, PERIOD),

    SG_AT(&head, 36, 104, SG_LEFT, "Summary of Account Activity"),
    SG_PAIR(&body, 36, 290, 121, "Previous Balance", "${PREV}"),
    SG_PAIR(&body, 36, 290, 132, "Payments", "{PAYMENTS:-$}"),
    SG_PAIR(&body, 36, 290, 143, "Other Credits", "{REFUNDS:-$}"),
    SG_PAIR(&body, 36, 290, 154, "Cash Advances", "$0.00"),
    SG_PAIR(&body, 36, 290, 165, "Purchases, Balance Transfers & Other Charges", "{PURCHASES:+$}"),
    SG_PAIR(&body, 36, 290, 176, "Fees Charged", "{FEES:+$}"),
    SG_PAIR(&body, 36, 290, 187, "Interest Charged", "{INTEREST:+$}"),
    SG_PAIR(&bold, 36, 290, 198, "New Balance", "${NEW}"),
    SG_PAIR(&body, 36, 290, 220, "Credit Limit", "${LIMIT}"),
    SG_PAIR(&body, 36, 290, 231, "Available Credit", "${AVAIL}"),

    SG_AT(&head, 330, 104, SG_LEFT, "Payment Information"),
    SG_PAIR(&bold, 330, 576, 121, "New Balance", "${NEW}"),
    SG_PAIR(&body, 330, 576, 132, "Minimum Payment", "${MIN}"),
    SG_PAIR(&body, 330, 576, 143, "Payment Due Date", "{DUE:MM/DD/YYYY}"),

    SG_RULE(36, 610, 576, 610, 0.4),
    SG_AT(&logo, 36, 636, SG_LEFT, "WELLS FARGO"),
    SG_PAIR(&body, 330, 576, 636, "Account Number", "{CARD}"),
    SG_PAIR(&body, 330, 576, 647, "New Balance", "${NEW}"),
    SG_PAIR(&body, 330, 576, 658, "Minimum Payment", "${MIN}"),
    SG_PAIR(&body, 330, 576, 669, "Payment Due Date", "{DUE:MM/DD/YYYY}"),
    SG_AT(&bold, 330, 686, SG_LEFT, "Amount Enclosed $"),
    SG_LINES(&body, 36, 700, SG_LEFT, 11, SG_HOLDER_LINES),
    SG_LINES(&body, 330, 711, SG_LEFT, 11,
             "WELLS FARGO CARD SERVICES\nPO BOX 51193\nLOS ANGELES CA 90051-5493"),
    SG_ITEMS_END,
};

static const us_spec spec = {
    .body = &body, .bold = &bold, .lh = 11,
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
    .first = {frame, first_page}, .next = {frame, page_head},
    .top = 72, .bottom = 750,
    .title = title, .col_heads = col_heads, .heads_lines = 2.5,
    .prints_period = true,
    .ytd = {36, 330, "{YEAR} Totals Year-to-Date", "Total Fees Charged in {YEAR}",
            "Total Interest Charged in {YEAR}"},
    .interest = {"Interest Charge Calculation",
                 {"Type of Balance", "Annual Percentage Rate (APR)",
                  "Balance Subject to Interest Rate", "Interest Charge"},
                 "PURCHASES", "CASH ADVANCES", " (V)", "Days in Billing Cycle {DAYS}"},
};

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
    .render = us_render,
    .spec = &spec,
};
