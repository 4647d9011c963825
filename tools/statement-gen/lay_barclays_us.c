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

#include <string.h>

static const sg_font body = {SG_DJV_COND, 8, false}, bold = {SG_DJV_COND, 8, true};
static const sg_font small = {SG_DJV_COND, 6.5, false}, head = {SG_DJV_COND, 10, true};
static const sg_font title_font = {SG_DJV_COND, 11, true}, logo = {SG_DJV_COND, 16, true};

#define PERIOD "Statement Period {START:MM/DD/YY} - {END:MM/DD/YY}"

static const sg_item frame[] = {
    SG_AT(&small, 576, 772, SG_RIGHT, "Page {PAGE} of {PAGES}"),
    SG_AT(&small, 36, 772, SG_LEFT, "barclaysus.com  1-877-523-0478"),
    SG_ITEMS_END,
};

static const sg_item page_head[] = {
    SG_AT(&body, 36, 40, SG_LEFT, "{NAME}"),
    SG_AT(&body, 306, 40, SG_CENTER, "Account Ending {LAST4}"),
    SG_AT(&body, 576, 40, SG_RIGHT, PERIOD),
    SG_ITEMS_END,
};

static const sg_item title[] = {
    SG_AT(&title_font, 36, 0, SG_LEFT, "Transactions"),
    SG_ITEMS_END,
};

static const sg_item col_heads[] = {
    SG_AT(&bold, 36, 0, SG_LEFT, "Transaction"),
    SG_AT(&bold, 96, 0, SG_LEFT, "Posting"),
    SG_AT(&bold, 36, 11, SG_LEFT, "Date"),
    SG_AT(&bold, 96, 11, SG_LEFT, "Date"),
    SG_AT(&bold, 156, 11, SG_LEFT, "Description"),
    SG_AT(&bold, 500, 11, SG_RIGHT, "Points"),
    SG_AT(&bold, 576, 11, SG_RIGHT, "Amount"),
    SG_ITEMS_END,
};

static const sg_item first_page[] = {
    SG_AT(&logo, 36, 51, SG_LEFT, "BARCLAYS"),
    SG_AT(&bold, 330, 40, SG_LEFT, "Barclays View Mastercard"),
    SG_AT(&body, 330, 51, SG_LEFT, "Account Ending {LAST4}"),
    SG_AT(&body, 330, 62, SG_LEFT, PERIOD),

    SG_AT(&head, 36, 100, SG_LEFT, "Account Summary"),
    SG_PAIR(&body, 36, 280, 117, "Previous Balance", "${PREV}"),
    SG_PAIR(&body, 36, 280, 128, "Payments", "{PAYMENTS:-$}"),
    SG_PAIR(&body, 36, 280, 139, "Other Credits", "{REFUNDS:-$}"),
    SG_PAIR(&body, 36, 280, 150, "Purchases", "{PURCHASES:+$}"),
    SG_PAIR(&body, 36, 280, 161, "Balance Transfers", "$0.00"),
    SG_PAIR(&body, 36, 280, 172, "Cash Advances", "$0.00"),
    SG_PAIR(&body, 36, 280, 183, "Fees Charged", "{FEES:+$}"),
    SG_PAIR(&body, 36, 280, 194, "Interest Charged", "{INTEREST:+$}"),
    SG_PAIR(&bold, 36, 280, 205, "New Balance", "${NEW}"),

    SG_AT(&head, 330, 100, SG_LEFT, "Payment Information"),
    SG_PAIR(&bold, 330, 576, 117, "New Balance", "${NEW}"),
    SG_PAIR(&body, 330, 576, 128, "Minimum Payment Due", "${MIN}"),
    SG_PAIR(&body, 330, 576, 139, "Payment Due Date", "{DUE:MM/DD/YY}"),
    SG_AT(&head, 330, 172, SG_LEFT, "Rewards Summary"),
    SG_PAIR(&body, 330, 576, 189, "Points earned this period", "{PURCHASES:whole}"),
    SG_PAIR(&body, 330, 576, 200, "Total points available", "{POINTS_AVAILABLE}"),
    SG_ITEMS_END,
};

/* {POINTS_AVAILABLE}: the rewards balance, three times this period's
 * points (a point a dollar of purchases). */
static const char *token(const sg_render *r, const char *name, const char *arg)
{
    return strcmp(name, "POINTS_AVAILABLE") ? NULL : sg_whole(r->st->purchases * 3);
}

static const us_spec spec = {
    .body = &body, .bold = &bold, .lh = 11,
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
    .first = {frame, first_page}, .next = {frame, page_head},
    .top = 66, .bottom = 748, .start = 240,
    .title = title, .col_heads = col_heads, .heads_lines = 2.5,
    .prints_period = true,
    .ytd = {36, 330, "{YEAR} Totals Year-to-Date", "Total fees charged in {YEAR}",
            "Total interest charged in {YEAR}"},
    .interest = {"Interest Charge Calculation",
                 {"Type of Balance", "Annual Percentage Rate (APR)",
                  "Balance Subject to Interest Rate", "Interest Charge"},
                 "Purchases", "Cash Advances", " (v)", "Billing Cycle: {DAYS} days"},
};

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
    .render = us_render,
    .spec = &spec,
    .token = token,
};
