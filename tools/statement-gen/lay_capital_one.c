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

static const sg_font body = {SG_LIB_SANS, 8.5, false}, bold = {SG_LIB_SANS, 8.5, true};
static const sg_font small = {SG_LIB_SANS, 7, false}, head = {SG_LIB_SANS, 11, true};
static const sg_font title_font = {SG_LIB_SANS, 12, true}, logo = {SG_LIB_SANS, 16, true};

#define CARD "Quicksilver Card | Visa Signature ending in {LAST4}"
#define CYCLE "{START:Mon D, YYYY} - {END:Mon D, YYYY} | {DAYS} days in Billing Cycle"

/* Drawn last on every page. */
static const sg_item frame[] = {
    SG_AT(&small, 306, 772, SG_CENTER, "Page {PAGE} of {PAGES}"),
    SG_AT(&small, 36, 772, SG_LEFT, "capitalone.com"),
    SG_ITEMS_END,
};

static const sg_item page_head[] = {
    SG_AT(&body, 36, 40, SG_LEFT, CARD),
    SG_AT(&body, 576, 40, SG_RIGHT, CYCLE),
    SG_ITEMS_END,
};

static const sg_item title[] = {
    SG_AT(&title_font, 36, 0, SG_LEFT, "Transactions"),
    SG_ITEMS_END,
};

static const sg_item col_heads[] = {
    SG_AT(&bold, 36, 0, SG_LEFT, "Trans Date"),
    SG_AT(&bold, 90, 0, SG_LEFT, "Post Date"),
    SG_AT(&bold, 150, 0, SG_LEFT, "Description"),
    SG_AT(&bold, 576, 0, SG_RIGHT, "Amount"),
    SG_RULE(36, 4, 576, 4, 0.5),
    SG_ITEMS_END,
};

static const sg_item first_page[] = {
    SG_AT(&logo, 36, 48, SG_LEFT, "Capital One"),
    SG_AT(&bold, 576, 36, SG_RIGHT, CARD),
    SG_AT(&body, 576, 48, SG_RIGHT, CYCLE),

    SG_AT(&head, 36, 90, SG_LEFT, "Payment Information"),
    SG_PAIR(&bold, 36, 270, 108, "New Balance", "${NEW}"),
    SG_PAIR(&body, 36, 270, 120, "Minimum Payment", "${MIN}"),
    SG_PAIR(&body, 36, 270, 132, "Payment Due Date", "{DUE:Mon D, YYYY}"),
    SG_PARA(&body, 36, 156, 234, 12,
            "Late Payment Warning: If we do not receive your minimum payment by the date listed "
            "above, you may have to pay a late fee of up to $40.00."),

    SG_AT(&head, 330, 90, SG_LEFT, "Account Summary"),
    SG_PAIR(&body, 330, 576, 108, "Previous Balance", "${PREV}"),
    SG_PAIR(&body, 330, 576, 120, "Payments", "{PAYMENTS:-$}"),
    SG_PAIR(&body, 330, 576, 132, "Other Credits", "{REFUNDS:-$}"),
    SG_PAIR(&body, 330, 576, 144, "Transactions", "{PURCHASES:+$}"),
    SG_PAIR(&body, 330, 576, 156, "Cash Advances", "$0.00"),
    SG_PAIR(&body, 330, 576, 168, "Fees Charged", "{FEES:+$}"),
    SG_PAIR(&body, 330, 576, 180, "Interest Charged", "{INTEREST:+$}"),
    SG_PAIR(&bold, 330, 576, 192, "New Balance", "= ${NEW}"),
    SG_PAIR(&body, 330, 576, 216, "Credit Limit", "${LIMIT}"),
    SG_PAIR(&body, 330, 576, 228, "Available Credit", "${AVAIL}"),

    SG_RULE(36, 620, 576, 620, 0.4),
    SG_AT(&logo, 36, 640, SG_LEFT, "Capital One"),
    SG_PAIR(&body, 330, 576, 640, "Payment Due Date", "{DUE:Mon D, YYYY}"),
    SG_PAIR(&body, 330, 576, 652, "New Balance", "${NEW}"),
    SG_PAIR(&body, 330, 576, 664, "Minimum Payment", "${MIN}"),
    SG_AT(&body, 330, 676, SG_LEFT, "Account ending in {LAST4}"),
    SG_LINES(&body, 36, 700, SG_LEFT, 12, SG_HOLDER_LINES),
    SG_LINES(&body, 330, 712, SG_LEFT, 12,
             "Capital One\nP.O. Box 60599\nCity of Industry, CA 91716-0599"),
    SG_ITEMS_END,
};

static const us_spec spec = {
    .body = &body, .bold = &bold, .lh = 12,
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
    .first = {first_page, frame}, .next = {page_head, frame},
    .top = 64, .bottom = 745,
    .title = title, .col_heads = col_heads, .heads_lines = 1.5,
    .prints_period = true,
    .ytd = {36, 330, "Totals Year-to-Date", "Total Fees charged in {YEAR}",
            "Total Interest charged in {YEAR}"},
    .interest = {"Interest Charge Calculation",
                 {"Type of Balance", "Annual Percentage Rate (APR)",
                  "Balance Subject to Interest Rate", "Interest Charge"},
                 "Purchases", "Cash Advances", "",
                 "Your Annual Percentage Rate (APR) is the annual interest rate on your account."},
};

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
    .render = us_render,
    .spec = &spec,
};
