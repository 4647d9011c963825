/* lay_chase.c - Chase (US) credit card statement.
 *
 * Modeled on Chase's public sample statements: page 1 with ACCOUNT SUMMARY
 * and PAYMENT INFORMATION side by side and a payment coupon carrying the
 * full account number; ACCOUNT ACTIVITY from page 2 with one date column
 * (transaction date, MM/DD), sections PAYMENTS AND OTHER CREDITS /
 * PURCHASE / FEES CHARGED / INTEREST CHARGED, credits with a leading
 * minus, foreign purchases followed by "MM/DD CURRENCY" and
 * "AMOUNT X RATE (EXCHG RATE)" lines, year-to-date totals and the
 * INTEREST CHARGES table. See LAYOUTS.md. */
#include "us_family.h"
#include "fmt.h"

#include <string.h>

#define LH 11.0
#define X_DATE 36.0
#define X_DESC 100.0
#define X_AMT 576.0

static const sg_font body = {SG_LIB_SANS, 8, false}, bold = {SG_LIB_SANS, 8, true};
static const sg_font head = {SG_LIB_SANS, 10, true}, tiny = {SG_LIB_SANS, 6, false};
static const sg_font logo = {SG_LIB_SANS, 18, true}, mono = {SG_LIB_MONO, 9, false};

/* Drawn last on page 1, first on the others. */
static const sg_item footer[] = {
    SG_AT(&tiny, 36, 772, SG_LEFT, "0000001 FIS33339 C 2 000000000 Y 9 000"),
    SG_AT(&tiny, 306, 772, SG_CENTER, "Page {PAGE} of {PAGES}"),
    SG_AT(&tiny, 576, 772, SG_RIGHT, "07795 MA MA 34021 25040000120003402101"),
    SG_ITEMS_END,
};

/* Every page after the first is an activity page, headings included. */
static const sg_item activity_page[] = {
    SG_AT(&body, 36, 36, SG_LEFT, "{NAME}"),
    SG_AT(&body, 306, 36, SG_CENTER, "Page {PAGE} of {PAGES}"),
    SG_AT(&body, 576, 36, SG_RIGHT, "Statement Date: {STMT:MM/DD/YY}"),
    SG_RULE(36, 44, 576, 44, 0.8),
    SG_AT(&head, 36, 64, SG_LEFT, "{ACTIVITY}"),
    SG_AT(&bold, X_DATE, 80, SG_LEFT, "Date of"),
    SG_AT(&bold, X_DATE, 90, SG_LEFT, "Transaction"),
    SG_AT(&bold, X_DESC, 90, SG_LEFT, "Merchant Name or Transaction Description"),
    SG_AT(&bold, X_AMT, 90, SG_RIGHT, "$ Amount"),
    SG_RULE(36, 94, 576, 94, 0.6),
    SG_ITEMS_END,
};

/* ACCOUNT SUMMARY and PAYMENT INFORMATION side by side, the summary rows
 * 11 apart below the account number at 132; then the payment coupon. */
static const sg_item first_page[] = {
    SG_AT(&logo, 36, 40, SG_LEFT, "CHASE"),
    SG_AT(&body, 400, 40, SG_LEFT, "Manage your account online:"),
    SG_AT(&bold, 400, 51, SG_LEFT, "www.chase.com/cardhelp"),
    SG_AT(&body, 400, 62, SG_LEFT, "Customer Service:"),
    SG_AT(&bold, 400, 73, SG_LEFT, "1-800-524-3880"),
    SG_AT(&bold, 36, 62, SG_LEFT, "Chase Freedom Unlimited"),
    SG_LINES(&body, 36, 73, SG_LEFT, 11, SG_HOLDER_LINES),

    SG_AT(&head, 36, 115, SG_LEFT, "ACCOUNT SUMMARY"),
    SG_AT(&head, 330, 115, SG_LEFT, "PAYMENT INFORMATION"),
    SG_RULE(36, 119, 290, 119, 0.8),
    SG_RULE(330, 119, 576, 119, 0.8),
    SG_BOX(30, 103, 266, 224, 0.6),
    SG_AT(&body, 36, 132, SG_LEFT, "Account Number: {CARD:0-11}"),
    SG_PAIR(&body, 36, 290, 143, "Previous Balance", "${PREV}"),
    SG_PAIR(&body, 36, 290, 154, "Payment, Credits", "{CREDITS:-$}"),
    SG_PAIR(&body, 36, 290, 165, "Purchases", "{PURCHASES:+$}"),
    SG_PAIR(&body, 36, 290, 176, "Cash Advances", "$0.00"),
    SG_PAIR(&body, 36, 290, 187, "Balance Transfers", "$0.00"),
    SG_PAIR(&body, 36, 290, 198, "Fees Charged", "{FEES:+$}"),
    SG_PAIR(&body, 36, 290, 209, "Interest Charged", "{INTEREST:+$}"),
    SG_PAIR(&bold, 36, 290, 220, "New Balance", "${NEW}"),
    SG_PAIR(&body, 36, 290, 231, "Opening/Closing Date", "{START:MM/DD/YY} - {END:MM/DD/YY}"),
    SG_PAIR(&body, 36, 290, 242, "Credit Access Line", "${LIMIT:whole}"),
    SG_PAIR(&body, 36, 290, 253, "Available Credit", "${AVAIL:whole}"),
    SG_PAIR(&body, 36, 290, 264, "Cash Access Line", "$600"),
    SG_PAIR(&body, 36, 290, 275, "Available for Cash", "$600"),
    SG_PAIR(&body, 36, 290, 286, "Past Due Amount", "$0.00"),
    SG_PAIR(&body, 36, 290, 297, "Balance over the Credit Access Line", "$0.00"),

    SG_PAIR(&bold, 330, 576, 143, "New Balance", "${NEW}"),
    SG_PAIR(&body, 330, 576, 154, "Payment Due Date", "{DUE:MM/DD/YY}"),
    SG_PAIR(&body, 330, 576, 165, "Minimum Payment Due", "${MIN}"),
    SG_PARA(&body, 330, 187, 246, LH,
            "Late Payment Warning: If we do not receive your minimum payment by the date listed "
            "above, you may have to pay a late fee of up to forty dollars and your APRs may be "
            "increased to the Penalty APR."),
    SG_PARA_NEXT(&body, 330, LH, 246, LH,
                 "Minimum Payment Warning: If you make only the minimum payment each period, you "
                 "will pay more in interest and it will take you longer to pay off your balance."),

    SG_RULE(36, 560, 576, 560, 0.5),
    SG_AT(&head, 36, 580, SG_LEFT, "CHASE"),
    SG_AT(&body, 330, 580, SG_LEFT, "Account number: {CARD}"),
    SG_AT(&body, 36, 591, SG_LEFT, "Make your check payable to:"),
    SG_AT(&body, 330, 591, SG_LEFT, "New Balance: ${NEW}"),
    SG_AT(&body, 36, 602, SG_LEFT, "Chase Card Services"),
    SG_AT(&body, 330, 602, SG_LEFT, "Payment Due Date: {DUE:MM/DD/YY}"),
    SG_AT(&body, 330, 613, SG_LEFT, "Minimum Payment Due: ${MIN}"),
    SG_AT(&bold, 330, 635, SG_LEFT, "Amount Enclosed"),
    SG_BOX(420, 626, 150, 14, 0.6),
    SG_LINES(&body, 36, 668, SG_LEFT, 11, SG_HOLDER_LINES),
    SG_LINES(&body, 330, 668, SG_LEFT, 11,
             "CARDMEMBER SERVICE\nPO BOX 6294\nCAROL STREAM IL 60197-6294"),
    SG_AT(&mono, 330, 730, SG_LEFT, "{SCANLINE}"),
    SG_ITEMS_END,
};

/* {ACTIVITY}: the activity page's heading; the activity starts on page 2,
 * so any later page continues it. {SCANLINE}: the coupon's OCR line with
 * the full card number and the new balance in cents. */
static const char *token(const sg_render *r, const char *name, const char *arg)
{
    const sg_statement *s = r->st;
    if (!strcmp(name, "ACTIVITY"))
        return sg_doc_page(r->doc) > 2 ? "ACCOUNT ACTIVITY (CONTINUED)" : "ACCOUNT ACTIVITY";
    if (!strcmp(name, "SCANLINE"))
        return sg_strf("0 %s %010lld 3", s->card_full, (long long)s->new_balance);
    return NULL;
}

/* Year-to-date totals with their note, then INTEREST CHARGES: three
 * balance types, "-0-" for nothing. */
static void closing(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    r->y += LH;
    sg_need(r, LH * 14);
    us_ytd_lines(r, &bold, &body, X_DESC, 400, LH, "{YEAR} Totals Year-to-Date",
                 "Total fees charged in {YEAR}", "Total interest charged in {YEAR}");
    sg_text(d, &tiny, X_DESC, r->y + LH * 3, SG_LEFT,
            "Year-to-date totals do not reflect any fee or interest refunds you may have received.");
    r->y += LH * 5;
    sg_text(d, &head, X_DATE, r->y, SG_LEFT, "INTEREST CHARGES");
    sg_text(d, &body, X_DATE, r->y + LH, SG_LEFT,
            "Your Annual Percentage Rate (APR) is the annual interest rate on your account.");
    r->y += LH * 2.5;
    double xs[] = {X_DATE, 170, 440, X_AMT};
    const char *heads[] = {"Balance Type", "Annual Percentage Rate (APR)",
                           "Balance Subject To Interest Rate", "Interest Charges"};
    for (int i = 0; i < 4; i++)
        sg_text(d, &bold, xs[i], r->y, i < 2 ? SG_LEFT : SG_RIGHT, heads[i]);
    const char *apr = sg_strf("%d.%02d%%(v)(d)", s->apr_bp / 100, s->apr_bp % 100);
    const char *rows[][4] = {
        {"Purchases", apr, s->interest_base ? sg_strf("$%s", sg_num(s->interest_base)) : "-0-",
         s->interest ? sg_strf("$%s", sg_num(s->interest)) : "-0-"},
        {"Cash Advances", "29.99%(v)(d)", "-0-", "-0-"},
        {"Balance Transfers", apr, "-0-", "-0-"},
    };
    for (int i = 0; i < 3; i++)
        for (int c = 0; c < 4; c++)
            sg_text(d, &body, xs[c], r->y + LH * (i + 1), c < 2 ? SG_LEFT : SG_RIGHT, rows[i][c]);
    sg_text(d, &body, X_DATE, r->y + LH * 5, SG_LEFT,
            sg_strf("%d Days in Billing Period", s->cycle_days));
    r->y += LH * 6;
}

static const us_spec spec = {
    .body = &body, .bold = &bold, .lh = LH,
    .date_fmt = "MM/DD", .x_date = X_DATE,
    .x_title = X_DESC, .x_desc = X_DESC, .desc_w = 330, .desc_lines = 4, .x_amt = X_AMT,
    .amt = US_AMT_MINUS, .fx = US_FX_CHASE, .amount_first = true, .tight = true,
    .sections = {
        {"PAYMENTS AND OTHER CREDITS", US_K(SG_PAYMENT) | US_K(SG_REFUND), NULL, false},
        {"PURCHASE", US_K(SG_PURCHASE), NULL, false},
        {"FEES CHARGED", US_K(SG_FEE), "TOTAL FEES FOR THIS PERIOD", true},
        {"INTEREST CHARGED", US_K(SG_INTEREST), "TOTAL INTEREST FOR THIS PERIOD", true},
        {NULL, 0, NULL, false},
    },
    .first = {first_page, footer}, .next = {footer, activity_page},
    .top = 106, .bottom = 740,
    .prints_period = true,
    .closing = closing,
};

const sg_layout sg_layout_chase = {
    .id = "chase",
    .issuer = "JPMorgan Chase Bank, N.A.",
    .page_w = 612, .page_h = 792,
    .orders = {SG_ORDER_NATURAL, SG_ORDER_RIGHT_FIRST, SG_ORDER_FOOTER_FIRST, SG_ORDER_SHUFFLE},
    .full_number = true,
    .gen = {
        .region = SG_REGION_US, .currency = "USD", .card_prefix = "414720", .card_len = 16,
        .foreign = true, .long_descs = true, .location = true, .fx_fee_bp = 300,
        .apr_bp = 2499, .late_fee = 4000, .annual_fee = 9500,
        .payment_desc = "Payment Thank You - Web", .refund_prefix = "",
        .interest_desc = "PURCHASE INTEREST CHARGE", .late_fee_desc = "LATE FEE",
        .fx_fee_desc = "FOREIGN TRANSACTION FEE", .annual_fee_desc = "ANNUAL MEMBERSHIP FEE",
    },
    .render = us_render,
    .spec = &spec,
    .token = token,
};
