/* lay_accounts.c - layouts of issuers without a bank profile, read by the
 * generic profile: a European card statement and two bank accounts.
 *
 * eu_card: a German-style card statement ("Kreditkartenabrechnung"):
 * decimal commas with '.' thousands and the currency after the number
 * ("1.234,56 EUR"), credits with a trailing minus ("480,00- EUR"),
 * DD.MM.YYYY dates, "Alter Saldo" / "Neuer Saldo", a masked card number.
 *
 * us_checking: a US checking account: "Beginning/Ending balance on
 * MM/DD/YYYY", one signed Amount column ("-86.41", "2,712.55") and an
 * "Ending daily balance" column on every row (a header the generic profile
 * does not know: the balance chain finds it).
 *
 * savings: a savings account ("STATEMENT OF ACCOUNT"): amounts with
 * trailing signs ("480.00+", "8.00-"), a Balance column, "BALANCE B/F"
 * and "BALANCE C/F" rows, a dashed account number, no period printed.
 *
 * Accounts draw from the card model: purchases, fees and interest are
 * withdrawals, payments and refunds deposits, and the balance is
 * SG_ACCOUNT_BASE minus the card balance (so it chains from month to month
 * and opening + sum = closing). */
#include "items.h"
#include "fmt.h"

#include <stdio.h>
#include <string.h>

#define CW 4.6
#define C(c) (24.0 + (c) * CW)
#define LH 11.5

static const sg_font body = {SG_DJV_SANS, 7.5, false};
static const sg_font bold = {SG_DJV_SANS, 7.5, true};
static const sg_font title = {SG_DJV_SANS, 10, true};

/* |v| as "1.234,56" (decimal comma, '.' thousands). */
static const char *eu_num(cl_money v)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%s", sg_num(v));
    for (char *p = buf; *p; p++)
        *p = *p == ',' ? '.' : *p == '.' ? ',' : *p;
    return sg_strf("%s", buf);
}

/* --- eu_card ------------------------------------------------------------ */

static const sg_item eu_frame[] = {
    SG_AT(&title, C(0), 40, SG_LEFT, "NORDWIND KARTENBANK AG"),
    SG_AT(&body, C(118), 40, SG_RIGHT, "Kreditkartenabrechnung"),
    SG_AT(&body, C(118), 810, SG_RIGHT, "Seite {PAGE} von {PAGES}"),
    SG_ITEMS_END,
};

static const sg_item eu_heads[] = {
    SG_AT(&bold, C(0), 0, SG_LEFT, "Datum"),
    SG_AT(&bold, C(14), 0, SG_LEFT, "Buchungstext"),
    SG_AT(&bold, C(118), 0, SG_RIGHT, "Betrag in EUR"),
    SG_ITEMS_END,
};

static const sg_list_spec eu_list = {
    .frame = eu_frame, .heads = eu_heads, .heads_h = LH * 1.5, .top = 80, .bottom = 790,
};

static const sg_item eu_first[] = {
    SG_AT(&body, C(0), 70, SG_LEFT, "{NAME}"),
    SG_AT(&body, C(0), 81, SG_LEFT, "{ADDR1}"),
    SG_AT(&body, C(0), 92, SG_LEFT, "{ADDR2}"),
    SG_AT(&body, C(64), 70, SG_LEFT, "Kartennummer"),
    SG_AT(&body, C(84), 70, SG_LEFT, "{CARD:6-11}"),
    SG_AT(&body, C(64), 81, SG_LEFT, "Abrechnungszeitraum"),
    SG_AT(&body, C(84), 81, SG_LEFT, "{START:DD.MM.YYYY} - {END:DD.MM.YYYY}"),
    SG_AT(&body, C(64), 92, SG_LEFT, "Kreditrahmen"),
    SG_ITEMS_END,
};

static void eu_render(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    r->next_page = sg_list_next_page;
    sg_new_page(r);
    sg_items(r, eu_frame);
    sg_items(r, eu_first);
    sg_text(d, &body, C(118), 92, SG_RIGHT, sg_strf("%s EUR", eu_num(s->credit_limit)));
    r->truth.last4_printed = true;
    r->truth.period_printed = true;
    sg_text(d, &body, C(0), 130, SG_LEFT, "Alter Saldo");
    sg_text(d, &body, C(40), 130, SG_RIGHT, sg_strf("%s EUR", eu_num(s->prev_balance)));
    sg_text(d, &body, C(0), 141, SG_LEFT, "Neuer Saldo");
    sg_text(d, &body, C(40), 141, SG_RIGHT, sg_strf("%s EUR", eu_num(s->new_balance)));
    sg_summary(r, SG_SUM_PREVIOUS, s->prev_balance);
    sg_summary(r, SG_SUM_NEW, s->new_balance);
    sg_list_heads(r, 175);
    for (size_t i = 0; i < s->n; i++) {
        const sg_txn *t = &s->txns[i];
        sg_need(r, LH);
        sg_text(d, &body, C(0), r->y, SG_LEFT, sg_datef("DD.MM.YYYY", t->posted));
        sg_text(d, &body, C(14), r->y, SG_LEFT, t->desc);
        sg_text(d, &body, C(118), r->y, SG_RIGHT,
                sg_strf("%s%s EUR", eu_num(t->amount), t->amount > 0 ? "-" : ""));
        sg_row(r, t, r->y, SG_ROW_POST_ONLY);
        r->y += LH;
    }
}

const sg_layout sg_layout_eu_card = {
    .id = "eu_card",
    .issuer = "Nordwind Kartenbank AG",
    .reads_as = "generic",
    .page_w = 595, .page_h = 842,
    .orders = {SG_ORDER_NATURAL, SG_ORDER_RIGHT_FIRST, SG_ORDER_SHUFFLE, SG_ORDER_NATURAL},
    .gen = {
        .region = SG_REGION_US, .currency = "EUR", .card_prefix = "492112", .card_len = 16,
        .foreign = false, .location = true, .apr_bp = 1490, .late_fee = 2500, .annual_fee = 0,
        .payment_desc = "ZAHLUNG DANKE", .refund_prefix = "GUTSCHRIFT ",
        .interest_desc = "SOLLZINSEN", .late_fee_desc = "MAHNGEBUEHR",
        .fx_fee_desc = "AUSLANDSEINSATZENTGELT", .annual_fee_desc = "JAHRESGEBUEHR",
    },
    .render = eu_render,
    .spec = &eu_list,
};

/* --- us_checking -------------------------------------------------------- */

static const sg_item chk_frame[] = {
    SG_AT(&title, C(0), 40, SG_LEFT, "PINEWOOD NATIONAL BANK"),
    SG_AT(&body, C(118), 40, SG_RIGHT, "Everyday Checking"),
    SG_AT(&body, C(118), 810, SG_RIGHT, "Page {PAGE} of {PAGES}"),
    SG_ITEMS_END,
};

static const sg_item chk_heads[] = {
    SG_AT(&bold, C(0), 0, SG_LEFT, "Date"),
    SG_AT(&bold, C(10), 0, SG_LEFT, "Description"),
    SG_AT(&bold, C(96), 0, SG_RIGHT, "Amount (USD)"),
    SG_AT(&bold, C(118), 0, SG_RIGHT, "Ending daily balance"),
    SG_ITEMS_END,
};

static const sg_list_spec chk_list = {
    .frame = chk_frame, .heads = chk_heads, .heads_h = LH * 1.5, .top = 80, .bottom = 790,
};

static const sg_item chk_first[] = {
    SG_AT(&body, C(0), 70, SG_LEFT, "{NAME}"),
    SG_AT(&body, C(0), 81, SG_LEFT, "{ADDR1}"),
    SG_AT(&body, C(0), 92, SG_LEFT, "{ADDR2}"),
    SG_AT(&body, C(62), 70, SG_LEFT, "Account number ending {LAST4}"),
    SG_AT(&body, C(62), 81, SG_LEFT, "Statement period {START:MM/DD/YYYY} - {END:MM/DD/YYYY}"),
    SG_AT(&bold, C(0), 200, SG_LEFT, "Transaction history"),
    SG_ITEMS_END,
};

static void chk_render(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    r->next_page = sg_list_next_page;
    sg_new_page(r);
    sg_items(r, chk_frame);
    sg_items(r, chk_first);
    r->truth.last4_printed = true;
    r->truth.period_printed = true;
    cl_money open = sg_account_balance(s->prev_balance), close = sg_account_balance(s->new_balance);
    sg_text(d, &body, C(0), 130, SG_LEFT, sg_strf("Beginning balance on %s", sg_datef("MM/DD/YYYY", s->period_start)));
    sg_text(d, &body, C(56), 130, SG_RIGHT, sg_money_signed(open, "$"));
    sg_text(d, &body, C(0), 141, SG_LEFT, sg_strf("Ending balance on %s", sg_datef("MM/DD/YYYY", s->period_end)));
    sg_text(d, &body, C(56), 141, SG_RIGHT, sg_money_signed(close, "$"));
    sg_summary(r, SG_SUM_PREVIOUS, open);
    sg_summary(r, SG_SUM_NEW, close);
    sg_list_heads(r, 215);
    cl_money bal = open;
    for (size_t i = 0; i < s->n; i++) {
        const sg_txn *t = &s->txns[i];
        sg_need(r, LH);
        bal += t->amount;
        sg_text(d, &body, C(0), r->y, SG_LEFT, sg_datef("MM/DD", t->posted));
        sg_text(d, &body, C(10), r->y, SG_LEFT, t->desc);
        sg_text(d, &body, C(96), r->y, SG_RIGHT, sg_strf("%s%s", t->amount < 0 ? "-" : "", sg_num(t->amount)));
        sg_text(d, &body, C(118), r->y, SG_RIGHT, sg_strf("%s%s", bal < 0 ? "-" : "", sg_num(bal)));
        sg_row(r, t, r->y, SG_ROW_POST_ONLY);
        r->y += LH;
    }
}

const sg_layout sg_layout_us_checking = {
    .id = "us_checking",
    .issuer = "Pinewood National Bank",
    .reads_as = "generic",
    .account = true,
    .page_w = 612, .page_h = 842,
    .orders = {SG_ORDER_NATURAL, SG_ORDER_FOOTER_FIRST, SG_ORDER_SHUFFLE, SG_ORDER_NATURAL},
    .gen = {
        .region = SG_REGION_US, .currency = "USD", .card_prefix = "400000", .card_len = 16,
        .foreign = false, .location = true, .apr_bp = 1990, .late_fee = 0, .annual_fee = 0,
        .payment_desc = "PAYROLL DEP ACME CORP PPD", .refund_prefix = "RETURN ",
        .interest_desc = "OVERDRAFT INTEREST", .late_fee_desc = "OVERDRAFT FEE",
        .fx_fee_desc = "INTL TRANSACTION FEE", .annual_fee_desc = "MONTHLY SERVICE FEE",
    },
    .render = chk_render,
    .spec = &chk_list,
};

/* --- savings ------------------------------------------------------------ */

static const sg_item sav_frame[] = {
    SG_AT(&title, C(0), 40, SG_LEFT, "LAKESHORE MUTUAL SAVINGS BANK"),
    SG_AT(&body, C(118), 810, SG_RIGHT, "Page {PAGE} of {PAGES}"),
    SG_ITEMS_END,
};

static const sg_item sav_heads[] = {
    SG_AT(&bold, C(0), 0, SG_LEFT, "Date"),
    SG_AT(&bold, C(16), 0, SG_LEFT, "Particulars"),
    SG_AT(&bold, C(96), 0, SG_RIGHT, "Amount (SGD)"),
    SG_AT(&bold, C(118), 0, SG_RIGHT, "Balance"),
    SG_ITEMS_END,
};

static const sg_list_spec sav_list = {
    .frame = sav_frame, .heads = sav_heads, .heads_h = LH * 1.5, .top = 80, .bottom = 790,
};

static const sg_item sav_first[] = {
    SG_AT(&bold, C(0), 60, SG_LEFT, "STATEMENT OF ACCOUNT - PREMIER SAVINGS"),
    SG_AT(&body, C(70), 60, SG_LEFT, "Account No. 301-58-{LAST4}"),
    SG_AT(&body, C(0), 75, SG_LEFT, "{NAME}"),
    SG_AT(&body, C(70), 75, SG_LEFT, "Statement Date {STMT:DD MON YYYY}"),
    SG_ITEMS_END,
};

static void sav_render(sg_render *r)
{
    const sg_statement *s = r->st;
    sg_doc *d = r->doc;
    r->next_page = sg_list_next_page;
    sg_new_page(r);
    sg_items(r, sav_frame);
    sg_items(r, sav_first);
    r->truth.last4_printed = true;
    cl_money bal = sg_account_balance(s->prev_balance);
    sg_list_heads(r, 110);
    sg_text(d, &body, C(0), r->y, SG_LEFT, sg_datef("DD MON YYYY", s->period_start));
    sg_text(d, &body, C(16), r->y, SG_LEFT, "BALANCE B/F");
    sg_text(d, &body, C(118), r->y, SG_RIGHT, sg_strf("%s%s", bal < 0 ? "-" : "", sg_num(bal)));
    sg_summary(r, SG_SUM_PREVIOUS, bal);
    r->y += LH;
    for (size_t i = 0; i < s->n; i++) {
        const sg_txn *t = &s->txns[i];
        sg_need(r, LH);
        bal += t->amount;
        sg_text(d, &body, C(0), r->y, SG_LEFT, sg_datef("DD MON YYYY", t->posted));
        sg_text(d, &body, C(16), r->y, SG_LEFT, t->desc);
        sg_text(d, &body, C(96), r->y, SG_RIGHT, sg_strf("%s%s", sg_num(t->amount), t->amount < 0 ? "-" : "+"));
        sg_text(d, &body, C(118), r->y, SG_RIGHT, sg_strf("%s%s", bal < 0 ? "-" : "", sg_num(bal)));
        sg_row(r, t, r->y, SG_ROW_POST_ONLY);
        r->y += LH;
    }
    sg_need(r, LH);
    sg_text(d, &body, C(0), r->y, SG_LEFT, sg_datef("DD MON YYYY", s->period_end));
    sg_text(d, &body, C(16), r->y, SG_LEFT, "BALANCE C/F");
    sg_text(d, &body, C(118), r->y, SG_RIGHT, sg_strf("%s%s", bal < 0 ? "-" : "", sg_num(bal)));
    sg_summary(r, SG_SUM_NEW, bal);
}

const sg_layout sg_layout_savings = {
    .id = "savings",
    .issuer = "Lakeshore Mutual Savings Bank",
    .reads_as = "generic",
    .account = true,
    .payment_kind = "transfer",
    .page_w = 595, .page_h = 842,
    .orders = {SG_ORDER_RIGHT_FIRST, SG_ORDER_NATURAL, SG_ORDER_SHUFFLE, SG_ORDER_NATURAL},
    .gen = {
        .region = SG_REGION_SG, .currency = "SGD", .card_prefix = "400000", .card_len = 16,
        .foreign = false, .location = false, .apr_bp = 1990, .late_fee = 0, .annual_fee = 0,
        .payment_desc = "GIRO TRANSFER FROM 001-23456-7", .refund_prefix = "REVERSAL ",
        .interest_desc = "DEBIT INTEREST", .late_fee_desc = "SERVICE CHARGE",
        .fx_fee_desc = "COMMISSION", .annual_fee_desc = "ANNUAL FEE",
    },
    .render = sav_render,
    .spec = &sav_list,
};
