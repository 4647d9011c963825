/* lay_us_bank.c - U.S. Bank (US) credit card statement.
 *
 * Modeled on U.S. Bank's public statement samples, in a monospaced face:
 * "U.S. BANK VISA SIGNATURE CARD", "Account Number 4037 84XX XXXX 1234",
 * "Open Date: 12/14/2023 Closing Date: 01/13/2024", an Account Summary
 * (Previous Balance, Payments -$, Other Credits -$, Purchases and Other
 * Debits +$, Balance Transfers, Advances, Fees Charged +$, Interest Charged
 * +$, New Balance), a coupon with the full account number; Transactions
 * with the Post Date FIRST, then Trans Date (MM/DD), a 4-digit Ref #
 * column (not part of the description), Transaction Description and Amount
 * with credits as "400.00CR"; sections "Payments and Other Credits",
 * "Purchases and Other Debits", "Fees", "Interest Charged", each closed by
 * "Total This Period" ($...CR for credits); year-to-date totals and the
 * Interest Charge Calculation. Foreign purchases add "45.00 EUR
 * CONVERSION RATE 1.091981". See LAYOUTS.md. */
#include "us_family.h"

static const sg_font body = {SG_LIB_MONO, 7, false}, bold = {SG_LIB_MONO, 7, true};
static const sg_font logo = {SG_LIB_MONO, 14, true};

#define DATES "Open Date: {START:MM/DD/YYYY}  Closing Date: {END:MM/DD/YYYY}"

static const sg_item frame[] = {
    SG_AT(&body, 576, 36, SG_RIGHT, "Page {PAGE} of {PAGES}"),
    SG_AT(&body, 36, 776, SG_LEFT, "usbank.com  800-285-8585"),
    SG_ITEMS_END,
};

static const sg_item page_head[] = {
    SG_AT(&body, 36, 48, SG_LEFT, "{NAME}"),
    SG_AT(&body, 576, 48, SG_RIGHT, DATES),
    SG_ITEMS_END,
};

static const sg_item title[] = {
    SG_AT(&bold, 36, 0, SG_LEFT, "Transactions"),
    SG_AT(&body, 200, 0, SG_LEFT, "{NAME}  Card Number XXXX XXXX XXXX {LAST4}"),
    SG_ITEMS_END,
};

static const sg_item col_heads[] = {
    SG_AT(&bold, 36, 0, SG_LEFT, "Post"),
    SG_AT(&bold, 76, 0, SG_LEFT, "Trans"),
    SG_AT(&bold, 116, 10, SG_LEFT, "Ref #"),
    SG_AT(&bold, 150, 10, SG_LEFT, "Transaction Description"),
    SG_AT(&bold, 36, 10, SG_LEFT, "Date"),
    SG_AT(&bold, 76, 10, SG_LEFT, "Date"),
    SG_AT(&bold, 576, 10, SG_RIGHT, "Amount"),
    SG_ITEMS_END,
};

static const sg_item first_page[] = {
    SG_AT(&logo, 36, 50, SG_LEFT, "usbank"),
    SG_AT(&bold, 300, 50, SG_LEFT, "U.S. BANK VISA SIGNATURE CARD"),
    SG_AT(&body, 300, 60, SG_LEFT, "Account Number {CARD:6-11}"),
    SG_AT(&body, 300, 70, SG_LEFT, DATES),

    SG_AT(&bold, 36, 100, SG_LEFT, "Account Summary"),
    SG_PAIR(&body, 36, 280, 112, "Previous Balance", "${PREV}"),
    SG_PAIR(&body, 36, 280, 122, "Payments", "{PAYMENTS:-$}"),
    SG_PAIR(&body, 36, 280, 132, "Other Credits", "{REFUNDS:-$}"),
    SG_PAIR(&body, 36, 280, 142, "Purchases and Other Debits", "{PURCHASES:+$}"),
    SG_PAIR(&body, 36, 280, 152, "Balance Transfers", "$0.00"),
    SG_PAIR(&body, 36, 280, 162, "Advances", "$0.00"),
    SG_PAIR(&body, 36, 280, 172, "Fees Charged", "{FEES:+$}"),
    SG_PAIR(&body, 36, 280, 182, "Interest Charged", "{INTEREST:+$}"),
    SG_PAIR(&bold, 36, 280, 192, "New Balance", "${NEW}"),

    SG_AT(&bold, 320, 100, SG_LEFT, "Payment Summary"),
    SG_PAIR(&body, 320, 576, 112, "New Balance", "${NEW}"),
    SG_PAIR(&body, 320, 576, 122, "Minimum Payment Due", "${MIN}"),
    SG_PAIR(&body, 320, 576, 132, "Payment Due Date", "{DUE:MM/DD/YYYY}"),
    SG_PAIR(&body, 320, 576, 152, "Credit Line", "${LIMIT}"),
    SG_PAIR(&body, 320, 576, 162, "Available Credit", "${AVAIL}"),
    SG_PAIR(&body, 320, 576, 172, "Days in Billing Period", "{DAYS}"),

    SG_RULE(36, 620, 576, 620, 0.4),
    SG_AT(&logo, 36, 646, SG_LEFT, "usbank"),
    SG_PAIR(&body, 320, 576, 646, "Account Number", "{CARD}"),
    SG_PAIR(&body, 320, 576, 656, "Payment Due Date", "{DUE:MM/DD/YYYY}"),
    SG_PAIR(&body, 320, 576, 666, "New Balance", "${NEW}"),
    SG_PAIR(&body, 320, 576, 676, "Minimum Payment Due", "${MIN}"),
    SG_AT(&bold, 320, 692, SG_LEFT, "Amount Enclosed $"),
    SG_LINES(&body, 36, 706, SG_LEFT, 10, SG_HOLDER_LINES),
    SG_LINES(&body, 320, 716, SG_LEFT, 10, "U.S. BANK\nP.O. BOX 790408\nST. LOUIS, MO 63179-0408"),
    SG_ITEMS_END,
};

static const us_spec spec = {
    .body = &body, .bold = &bold, .lh = 10,
    .date_fmt = "MM/DD", .x_date = 36, .x_post = 76, .post_first = true,
    .extra = US_X_REF4, .x_extra = 116,
    .x_title = 36, .x_desc = 150, .desc_w = 290, .x_amt = 576,
    .amt = US_AMT_CR, .fx = US_FX_USB,
    .sections = {
        {"Payments and Other Credits", US_K(SG_PAYMENT) | US_K(SG_REFUND), "Total This Period", false},
        {"Purchases and Other Debits", US_K(SG_PURCHASE), "Total This Period", false},
        {"Fees", US_K(SG_FEE), "Total Fees This Period", true},
        {"Interest Charged", US_K(SG_INTEREST), "Total Interest This Period", true},
        {NULL, 0, NULL, false},
    },
    .first = {frame, first_page}, .next = {frame, page_head},
    .top = 72, .bottom = 752,
    .title = title, .col_heads = col_heads, .heads_lines = 2.5,
    .prints_period = true,
    .ytd = {36, 330, "{YEAR} Totals Year-to-Date", "Total Fees Charged in {YEAR}",
            "Total Interest Charged in {YEAR}"},
    .interest = {"Interest Charge Calculation",
                 {"Balance Type", "Annual Percentage Rate", "Balance Subject to Interest Rate",
                  "Interest Charge"},
                 "Purchases", "Advances", "(V)", NULL},
};

const sg_layout sg_layout_us_bank = {
    .id = "us_bank",
    .issuer = "U.S. Bank National Association",
    .page_w = 612, .page_h = 792,
    .orders = {SG_ORDER_FOOTER_FIRST, SG_ORDER_NATURAL, SG_ORDER_BY_COLUMN, SG_ORDER_NATURAL},
    .full_number = true,
    .gen = {
        .region = SG_REGION_US, .currency = "USD", .card_prefix = "403784", .card_len = 16,
        .foreign = true, .long_descs = true, .location = true, .fx_fee_bp = 300,
        .apr_bp = 2599, .late_fee = 4000, .annual_fee = 9500,
        .payment_desc = "PAYMENT THANK YOU", .refund_prefix = "",
        .interest_desc = "INTEREST CHARGE ON PURCHASES", .late_fee_desc = "LATE FEE",
        .fx_fee_desc = "INTERNATIONAL TRANSACTION FEE", .annual_fee_desc = "ANNUAL FEE",
    },
    .render = us_render,
    .spec = &spec,
};
