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

#include <string.h>

static const sg_font body = {SG_DJV_COND, 7.5, false}, bold = {SG_DJV_COND, 7.5, true};
static const sg_font small = {SG_DJV_COND, 6.5, false}, big = {SG_DJV_COND, 10, true};
static const sg_font logo = {SG_DJV_COND, 14, true};

/* Drawn last on every page. */
static const sg_item footer[] = {
    SG_AT(&small, 576, 770, SG_RIGHT, "p. {PAGE}/{PAGES}"),
    SG_ITEMS_END,
};

static const sg_item page_head[] = {
    SG_AT(&body, 36, 36, SG_LEFT, "{NAME}"),
    SG_AT(&body, 306, 36, SG_CENTER, "Account Ending {ENDING}"),
    SG_AT(&body, 576, 36, SG_RIGHT, "p. {PAGE}/{PAGES}"),
    SG_ITEMS_END,
};

static const sg_item col_heads[] = {
    SG_AT(&bold, 36, 0, SG_LEFT, "Detail"),
    SG_AT(&body, 80, 0, SG_LEFT, "*Indicates posting date"),
    SG_AT(&bold, 576, 0, SG_RIGHT, "Amount"),
    SG_ITEMS_END,
};

static const sg_item first_page[] = {
    SG_AT(&logo, 36, 40, SG_LEFT, "AMERICAN EXPRESS"),
    SG_AT(&bold, 380, 40, SG_LEFT, "Platinum Card"),
    SG_AT(&body, 380, 52, SG_LEFT, "Prepared for"),
    SG_AT(&bold, 380, 63, SG_LEFT, "{NAME}"),
    SG_PAIR(&body, 380, 576, 74, "Account Ending", "{ENDING}"),
    SG_PAIR(&body, 380, 576, 85, "Closing Date", "{STMT:MM/DD/YY}"),
    SG_PAIR(&body, 380, 576, 96, "Next Closing Date", "{NEXT_CLOSING:MM/DD/YY}"),

    SG_PAIR(&big, 36, 250, 124, "New Balance", "${NEW}"),
    SG_PAIR(&body, 36, 250, 146, "Minimum Payment Due", "${MIN}"),
    SG_PAIR(&body, 36, 250, 157, "Payment Due Date", "{DUE:MM/DD/YY}"),
    SG_PARA(&body, 36, 179, 214, 11,
            "Late Payment Warning: If we do not receive your Minimum Payment Due by the Payment "
            "Due Date, you may have to pay a late fee of up to $40.00."),

    SG_AT(&big, 330, 124, SG_LEFT, "Account Summary"),
    SG_PAIR(&body, 330, 576, 146, "Previous Balance", "${PREV}"),
    SG_PAIR(&body, 330, 576, 157, "Payments/Credits", "{CREDITS:-$}"),
    SG_PAIR(&body, 330, 576, 168, "New Charges", "{PURCHASES:+$}"),
    SG_PAIR(&body, 330, 576, 179, "Fees", "{FEES:+$}"),
    SG_PAIR(&body, 330, 576, 190, "Interest Charged", "{INTEREST:+$}"),
    SG_PAIR(&bold, 330, 576, 206, "New Balance", "${NEW}"),
    SG_PAIR(&body, 330, 576, 217, "Minimum Payment Due", "${MIN}"),
    SG_AT(&body, 330, 234, SG_LEFT, "Days in Billing Period: {DAYS}"),
    SG_RULE(330, 196, 576, 196, 0.5),

    SG_RULE(36, 600, 576, 600, 0.4),
    SG_AT(&body, 36, 612, SG_LEFT,
          "Please fold on the perforation below, detach and return with your payment"),
    SG_AT(&logo, 36, 640, SG_LEFT, "AMERICAN EXPRESS"),
    SG_PAIR(&body, 330, 576, 640, "Account Ending", "{ENDING}"),
    SG_PAIR(&body, 330, 576, 651, "Payment Due Date", "{DUE:MM/DD/YY}"),
    SG_PAIR(&body, 330, 576, 662, "New Balance", "${NEW}"),
    SG_PAIR(&body, 330, 576, 673, "Minimum Payment Due", "${MIN}"),
    SG_AT(&bold, 330, 690, SG_LEFT, "Amount Enclosed"),
    SG_BOX(430, 681, 146, 13, 0.5),
    SG_LINES(&body, 36, 700, SG_LEFT, 11, SG_HOLDER_LINES),
    SG_LINES(&body, 330, 711, SG_LEFT, 11,
             "AMERICAN EXPRESS\nPO BOX 6031\nCAROL STREAM IL 60197-6031"),
    SG_ITEMS_END,
};

/* {ENDING}: the last five digits as Amex prints them, "2-71234";
 * {NEXT_CLOSING:pattern}: the next statement's closing date. */
static const char *token(const sg_render *r, const char *name, const char *arg)
{
    const sg_statement *s = r->st;
    if (!strcmp(name, "ENDING"))
        return sg_strf("%c-%s", s->card_full[9], s->card_full + 10);
    if (!strcmp(name, "NEXT_CLOSING") && arg)
        return sg_datef(arg, s->stmt_date + 30);
    return NULL;
}

static const us_spec spec = {
    .body = &body, .bold = &bold, .lh = 10,
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
    .first = {first_page, footer}, .next = {page_head, footer},
    .top = 64, .bottom = 740,
    .col_heads = col_heads, .heads_lines = 1.5,
    .ytd = {36, 300, "{YEAR} Fees and Interest Totals Year-to-Date", "Total Fees in {YEAR}",
            "Total Interest in {YEAR}"},
    .interest = {"Interest Charge Calculation",
                 {"", "Annual Percentage Rate", "Balance Subject to Interest Rate",
                  "Interest Charge"},
                 "Pay Over Time", "Cash Advances", " (v)", "Days in Billing Period: {DAYS}"},
};

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
    .render = us_render,
    .spec = &spec,
    .token = token,
};
