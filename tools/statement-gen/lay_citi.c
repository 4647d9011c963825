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

static const sg_font body = {SG_LIB_SERIF, 8.5, false}, bold = {SG_LIB_SERIF, 8.5, true};
static const sg_font small = {SG_LIB_SERIF, 7, false}, head = {SG_LIB_SERIF, 11, true};
static const sg_font logo = {SG_LIB_SERIF, 18, true};

#define PERIOD "Billing Period: {START:MM/DD/YY}-{END:MM/DD/YY}"

static const sg_item frame[] = {
    SG_AT(&small, 572, 40, SG_RIGHT, "Page {PAGE} of {PAGES}"),
    SG_ITEMS_END,
};

static const sg_item page_head[] = {
    SG_AT(&body, 40, 40, SG_LEFT, "{NAME}"),
    SG_AT(&body, 40, 51, SG_LEFT, "Account number ending in: {LAST4}"),
    SG_AT(&body, 572, 51, SG_RIGHT, PERIOD),
    SG_ITEMS_END,
};

static const sg_item title[] = {
    SG_AT(&head, 40, 0, SG_LEFT, "Account Summary"),
    SG_ITEMS_END,
};

static const sg_item col_heads[] = {
    SG_AT(&bold, 40, 0, SG_LEFT, "Sale"),
    SG_AT(&bold, 90, 0, SG_LEFT, "Post"),
    SG_AT(&bold, 40, 11, SG_LEFT, "Date"),
    SG_AT(&bold, 90, 11, SG_LEFT, "Date"),
    SG_AT(&bold, 140, 11, SG_LEFT, "Description"),
    SG_AT(&bold, 572, 11, SG_RIGHT, "Amount"),
    SG_ITEMS_END,
};

static const sg_item first_page[] = {
    SG_AT(&logo, 40, 50, SG_LEFT, "citi"),
    SG_AT(&head, 120, 50, SG_LEFT, "Citi Custom Cash Card"),
    SG_AT(&body, 40, 72, SG_LEFT, "{NAME}"),
    SG_AT(&body, 40, 83, SG_LEFT, "Member Since 2015"),
    SG_AT(&body, 330, 72, SG_LEFT, "Account number ending in: {LAST4}"),
    SG_AT(&body, 330, 83, SG_LEFT, PERIOD),
    SG_AT(&body, 330, 94, SG_LEFT, "Customer Service 1-800-950-5114"),

    SG_PAIR(&bold, 40, 280, 120, "Minimum payment due:", "${MIN}"),
    SG_PAIR(&bold, 40, 280, 131, "New balance:", "${NEW}"),
    SG_PAIR(&bold, 40, 280, 142, "Payment due date:", "{DUE:MM/DD/YY}"),
    SG_PARA(&body, 40, 164, 240, 11,
            "Late Payment Warning: If we do not receive your minimum payment by the date listed "
            "above, you may have to pay a late fee of up to $41."),

    SG_AT(&head, 330, 120, SG_LEFT, "Account Summary"),
    SG_PAIR(&body, 330, 572, 142, "Previous balance", "${PREV}"),
    SG_PAIR(&body, 330, 572, 153, "Payments", "{PAYMENTS:-$}"),
    SG_PAIR(&body, 330, 572, 164, "Credits", "{REFUNDS:-$}"),
    SG_PAIR(&body, 330, 572, 175, "Purchases", "{PURCHASES:+$}"),
    SG_PAIR(&body, 330, 572, 186, "Cash advances", "$0.00"),
    SG_PAIR(&body, 330, 572, 197, "Fees", "{FEES:+$}"),
    SG_PAIR(&body, 330, 572, 208, "Interest", "{INTEREST:+$}"),
    SG_PAIR(&bold, 330, 572, 219, "New balance", "${NEW}"),
    SG_PAIR(&body, 330, 572, 241, "Credit Limit", "${LIMIT}"),

    SG_RULE(40, 620, 572, 620, 0.4),
    SG_AT(&logo, 40, 640, SG_LEFT, "citi"),
    SG_PAIR(&body, 330, 572, 640, "Account Number", "{CARD}"),
    SG_PAIR(&body, 330, 572, 651, "Payment Due Date", "{DUE:MM/DD/YY}"),
    SG_PAIR(&body, 330, 572, 662, "New Balance", "${NEW}"),
    SG_PAIR(&body, 330, 572, 673, "Minimum Payment Due", "${MIN}"),
    SG_AT(&bold, 330, 690, SG_LEFT, "Amount enclosed:"),
    SG_LINES(&body, 40, 700, SG_LEFT, 11, SG_HOLDER_LINES),
    SG_LINES(&body, 330, 711, SG_LEFT, 11, "CITI CARDS\nPO BOX 6500\nSIOUX FALLS, SD 57117"),
    SG_ITEMS_END,
};

static const us_spec spec = {
    .body = &body, .bold = &bold, .lh = 11,
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
    .first = {frame, first_page}, .next = {frame, page_head},
    .top = 76, .bottom = 745,
    .title = title, .col_heads = col_heads, .heads_lines = 2.5,
    .prints_period = true,
    .ytd = {40, 330, "{YEAR} totals year-to-date", "Total fees charged in {YEAR}",
            "Total interest charged in {YEAR}"},
    .interest = {"Interest charge calculation",
                 {"Balance type", "Annual percentage rate (APR)",
                  "Balance subject to interest rate", "Interest charge"},
                 "Standard Purch", "Standard Adv", " (V)", "Days in billing cycle: {DAYS}"},
};

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
    .render = us_render,
    .spec = &spec,
};
