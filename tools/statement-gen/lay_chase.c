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
#include "layout.h"
#include "fmt.h"

#include <stdlib.h>
#include <string.h>

#define LH 11.0
#define X_DATE 36.0
#define X_DESC 100.0
#define X_AMT 576.0
#define DESC_W 330.0

static const sg_font body = {SG_LIB_SANS, 8, false};
static const sg_font bold = {SG_LIB_SANS, 8, true};
static const sg_font head = {SG_LIB_SANS, 10, true};
static const sg_font tiny = {SG_LIB_SANS, 6, false};

static const char *md(cl_date d)
{
    return sg_datef("MM/DD", d);
}

static void footer(sg_render *r, int page)
{
    sg_doc *d = r->doc;
    sg_text(d, &tiny, 36, 772, SG_LEFT, "0000001 FIS33339 C 2 000000000 Y 9 000");
    sg_text(d, &tiny, 306, 772, SG_CENTER, sg_strf("Page %d of " SG_PAGES_TOKEN, page));
    sg_text(d, &tiny, 576, 772, SG_RIGHT, "07795 MA MA 34021 25040000120003402101");
}

static void column_heads(sg_render *r, double y)
{
    sg_doc *d = r->doc;
    sg_text(d, &bold, X_DATE, y, SG_LEFT, "Date of");
    sg_text(d, &bold, X_DATE, y + 10, SG_LEFT, "Transaction");
    sg_text(d, &bold, X_DESC, y + 10, SG_LEFT, "Merchant Name or Transaction Description");
    sg_text(d, &bold, X_AMT, y + 10, SG_RIGHT, "$ Amount");
    sg_rule(d, 36, y + 14, 576, y + 14, 0.6);
    r->y = y + 26;
}

static void activity_page(sg_render *r)
{
    const sg_statement *s = r->st;
    int page = sg_new_page(r);
    sg_doc *d = r->doc;
    footer(r, page);
    sg_text(d, &body, 36, 36, SG_LEFT, s->holder);
    sg_text(d, &body, 306, 36, SG_CENTER, sg_strf("Page %d of " SG_PAGES_TOKEN, page));
    sg_text(d, &body, 576, 36, SG_RIGHT,
            sg_strf("Statement Date: %s", sg_datef("MM/DD/YY", s->stmt_date)));
    sg_rule(d, 36, 44, 576, 44, 0.8);
    sg_text(d, &head, 36, 64, SG_LEFT,
            r->section ? "ACCOUNT ACTIVITY (CONTINUED)" : "ACCOUNT ACTIVITY");
    r->section = 1;
    column_heads(r, 80);
    r->bottom = 740;
}

static const char *plus_money(cl_money v)
{
    return v ? sg_strf("+$%s", sg_num(v)) : "$0.00";
}

static void summary(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    cl_money credits = s->payments + s->refunds;
    double y = 132;
    sg_text(d, &head, 36, 115, SG_LEFT, "ACCOUNT SUMMARY");
    sg_text(d, &head, 330, 115, SG_LEFT, "PAYMENT INFORMATION");
    sg_rule(d, 36, 119, 290, 119, 0.8);
    sg_rule(d, 330, 119, 576, 119, 0.8);
    sg_box(d, 30, 103, 266, 224, 0.6);
    sg_text(d, &body, 36, y, SG_LEFT,
            sg_strf("Account Number: %s", sg_card_grouped(s, " ", 0, 11)));
    r->truth.last4_printed = true;
    const char *rows[][2] = {
        {"Previous Balance", sg_strf("$%s", sg_num(s->prev_balance))},
        {"Payment, Credits", sg_money_signed(-credits, "$")},
        {"Purchases", plus_money(s->purchases)},
        {"Cash Advances", "$0.00"},
        {"Balance Transfers", "$0.00"},
        {"Fees Charged", plus_money(s->fees)},
        {"Interest Charged", plus_money(s->interest)},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        sg_pair(r, &body, 36, 290, y + LH * (double)(i + 1), rows[i][0], rows[i][1]);
    sg_summary_all(r, -credits);
    sg_pair(r, &bold, 36, 290, y + LH * 8, "New Balance", sg_strf("$%s", sg_num(s->new_balance)));
    sg_pair(r, &body, 36, 290, y + LH * 9, "Opening/Closing Date",
            sg_strf("%s - %s", sg_datef("MM/DD/YY", s->period_start),
                    sg_datef("MM/DD/YY", s->period_end)));
    r->truth.period_printed = true;
    cl_money avail = s->credit_limit - s->new_balance;
    sg_pair(r, &body, 36, 290, y + LH * 10, "Credit Access Line",
            sg_strf("$%s", sg_whole(s->credit_limit)));
    sg_pair(r, &body, 36, 290, y + LH * 11, "Available Credit",
            sg_strf("$%s", sg_whole(avail)));
    sg_pair(r, &body, 36, 290, y + LH * 12, "Cash Access Line", "$600");
    sg_pair(r, &body, 36, 290, y + LH * 13, "Available for Cash", "$600");
    sg_pair(r, &body, 36, 290, y + LH * 14, "Past Due Amount", "$0.00");
    sg_pair(r, &body, 36, 290, y + LH * 15, "Balance over the Credit Access Line", "$0.00");

    sg_pair(r, &bold, 330, 576, y + LH, "New Balance", sg_strf("$%s", sg_num(s->new_balance)));
    sg_pair(r, &body, 330, 576, y + LH * 2, "Payment Due Date", sg_datef("MM/DD/YY", s->due_date));
    sg_pair(r, &body, 330, 576, y + LH * 3, "Minimum Payment Due",
            sg_strf("$%s", sg_num(s->min_payment)));
    double py = sg_para(r, &body, 330, y + LH * 5, 246, LH,
                        "Late Payment Warning: If we do not receive your minimum payment by the "
                        "date listed above, you may have to pay a late fee of up to forty "
                        "dollars and your APRs may be increased to the Penalty APR.");
    sg_para(r, &body, 330, py + LH, 246, LH,
            "Minimum Payment Warning: If you make only the minimum payment each period, you "
            "will pay more in interest and it will take you longer to pay off your balance.");
}

static void coupon(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    sg_rule(d, 36, 560, 576, 560, 0.5);
    const sg_font mono = {SG_LIB_MONO, 9, false};
    sg_text(d, &head, 36, 580, SG_LEFT, "CHASE");
    sg_text(d, &body, 330, 580, SG_LEFT,
            sg_strf("Account number: %s", sg_card_grouped(s, " ", -1, -1)));
    sg_text(d, &body, 36, 591, SG_LEFT, "Make your check payable to:");
    sg_text(d, &body, 330, 591, SG_LEFT, sg_strf("New Balance: $%s", sg_num(s->new_balance)));
    sg_text(d, &body, 36, 602, SG_LEFT, "Chase Card Services");
    sg_text(d, &body, 330, 602, SG_LEFT,
            sg_strf("Payment Due Date: %s", sg_datef("MM/DD/YY", s->due_date)));
    sg_text(d, &body, 330, 613, SG_LEFT,
            sg_strf("Minimum Payment Due: $%s", sg_num(s->min_payment)));
    sg_text(d, &bold, 330, 635, SG_LEFT, "Amount Enclosed");
    sg_box(d, 420, 626, 150, 14, 0.6);
    sg_text(d, &body, 36, 668, SG_LEFT, s->holder);
    sg_text(d, &body, 36, 679, SG_LEFT, s->address[0]);
    sg_text(d, &body, 36, 690, SG_LEFT, s->address[1]);
    sg_text(d, &body, 330, 668, SG_LEFT, "CARDMEMBER SERVICE");
    sg_text(d, &body, 330, 679, SG_LEFT, "PO BOX 6294");
    sg_text(d, &body, 330, 690, SG_LEFT, "CAROL STREAM IL 60197-6294");
    sg_text(d, &mono, 330, 730, SG_LEFT,
            sg_strf("0 %s %010lld 3", s->card_full, (long long)s->new_balance));
}

static void first_page(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    int page = sg_new_page(r);
    const sg_font logo = {SG_LIB_SANS, 18, true};
    sg_text(d, &logo, 36, 40, SG_LEFT, "CHASE");
    sg_text(d, &body, 400, 40, SG_LEFT, "Manage your account online:");
    sg_text(d, &bold, 400, 51, SG_LEFT, "www.chase.com/cardhelp");
    sg_text(d, &body, 400, 62, SG_LEFT, "Customer Service:");
    sg_text(d, &bold, 400, 73, SG_LEFT, "1-800-524-3880");
    sg_text(d, &bold, 36, 62, SG_LEFT, "Chase Freedom Unlimited");
    sg_text(d, &body, 36, 73, SG_LEFT, s->holder);
    sg_text(d, &body, 36, 84, SG_LEFT, s->address[0]);
    sg_text(d, &body, 36, 95, SG_LEFT, s->address[1]);
    summary(r);
    coupon(r);
    footer(r, page);
}

static void row(sg_render *r, const sg_txn *t)
{
    sg_doc *d = r->doc;
    char *lines[4];
    int n = sg_desc_lines(r, &body, t->desc, DESC_W, lines, 4);
    int total = n + (t->foreign ? 2 : 0);
    sg_need(r, LH * total);
    double y = r->y;
    sg_text(d, &body, X_DATE, y, SG_LEFT, md(t->date));
    for (int i = 0; i < n; i++)
        sg_text(d, &body, X_DESC, y + LH * i, SG_LEFT, lines[i]);
    sg_text(d, &body, X_AMT, y, SG_RIGHT, sg_money_signed(-t->amount, ""));
    if (t->foreign) {
        sg_text(d, &body, X_DESC, y + LH * n, SG_LEFT,
                sg_strf("%s %s", md(t->date), t->foreign_name));
        sg_text(d, &body, X_DESC, y + LH * (n + 1), SG_LEFT,
                sg_strf("%s X %s (EXCHG RATE)", sg_num(t->foreign_amount),
                        sg_rate(t->rate_micro, 6)));
    }
    sg_row(r, t, y, t->foreign ? SG_ROW_FOREIGN : 0);
    r->y += LH * total;
}

static void section_line(sg_render *r, const sg_font *f, const char *label, const char *value)
{
    sg_need(r, LH);
    sg_text(r->doc, f, X_DESC, r->y, SG_LEFT, label);
    if (value)
        sg_text(r->doc, f, X_AMT, r->y, SG_RIGHT, value);
    r->y += LH;
}

static void section(sg_render *r, sg_kind k1, int k2, const char *title, const char *total_label)
{
    const sg_txn **v;
    size_t n = sg_select(r->st, -1, &v);
    size_t count = 0;
    cl_money sum = 0;
    for (size_t i = 0; i < n; i++)
        if (v[i]->kind == k1 || (int)v[i]->kind == k2)
            count++, sum += v[i]->amount;
    if (count || total_label) {
        sg_need(r, LH * 2);
        section_line(r, &bold, title, NULL);
        for (size_t i = 0; i < n; i++)
            if (v[i]->kind == k1 || (int)v[i]->kind == k2)
                row(r, v[i]);
        if (total_label)
            section_line(r, &bold, total_label, sg_strf("$%s", sg_num(sum)));
    }
    free(v);
}

static void ytd_and_interest(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    int y, m, dd;
    cl_date_to_ymd(s->stmt_date, &y, &m, &dd);
    r->y += LH;
    sg_need(r, LH * 14);
    sg_text(d, &bold, X_DESC, r->y, SG_LEFT, sg_strf("%d Totals Year-to-Date", y));
    sg_pair(r, &body, X_DESC, 400, r->y + LH, sg_strf("Total fees charged in %d", y),
            sg_strf("$%s", sg_num(s->ytd_fees)));
    sg_pair(r, &body, X_DESC, 400, r->y + LH * 2, sg_strf("Total interest charged in %d", y),
            sg_strf("$%s", sg_num(s->ytd_interest)));
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

static void render(sg_render *r)
{
    r->next_page = activity_page;
    first_page(r);
    activity_page(r);
    section(r, SG_PAYMENT, SG_REFUND, "PAYMENTS AND OTHER CREDITS", NULL);
    section(r, SG_PURCHASE, -1, "PURCHASE", NULL);
    section(r, SG_FEE, -1, "FEES CHARGED", "TOTAL FEES FOR THIS PERIOD");
    section(r, SG_INTEREST, -1, "INTEREST CHARGED", "TOTAL INTEREST FOR THIS PERIOD");
    ytd_and_interest(r);
}

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
    .render = render,
};
