/* output.c - a statement as one JSON line (fields in the documented
 * order, written straight into one buffer) or as CSV rows. */
#include "bank.h"
#include "common/json.h"
#include "common/sbuf.h"
#include "common/util.h"

#include <stdbool.h>
#include <string.h>

/* A key and its value: "key":value, a comma before every key but the
 * first of its object. */
static void key(sbuf *b, const char *k)
{
    char last = b->len ? b->p[b->len - 1] : '\0';
    if (last != '{' && last != '[')
        sbuf_putc(b, ',');
    sbuf_putc(b, '"');
    sbuf_puts(b, k);
    sbuf_puts(b, "\":");
}

/* Text as a JSON string (non-ASCII as \uXXXX), NULL or "" as null. */
static void put_str(sbuf *b, const char *k, const char *s)
{
    key(b, k);
    if (s && *s)
        cl_json_string(b, s, true);
    else
        sbuf_puts(b, "null");
}

/* Dates and amounts are ASCII we wrote ourselves: no escaping needed. */
static void put_date(sbuf *b, const char *k, cl_date d)
{
    char buf[11];
    key(b, k);
    if (d == CL_DATE_NONE)
        sbuf_puts(b, "null");
    else
        sbuf_printf(b, "\"%s\"", cl_date_format(d, buf));
}

static void put_money(sbuf *b, const char *k, bool present, cl_money v)
{
    char buf[32];
    key(b, k);
    if (present)
        sbuf_printf(b, "\"%s\"", cl_money_format(v, buf));
    else
        sbuf_puts(b, "null");
}

static void put_int(sbuf *b, const char *k, long v)
{
    key(b, k);
    sbuf_printf(b, "%ld", v);
}

static void put_txn(sbuf *b, const bank_txn *t)
{
    sbuf_putc(b, '{');
    put_date(b, "date", t->date);
    put_date(b, "posted_date", t->posted_date);
    key(b, "description");
    cl_json_string(b, t->description ? t->description : "", true);
    put_money(b, "amount", true, t->amount);
    put_str(b, "currency", t->currency);
    put_str(b, "kind", t->kind != BANK_KIND_UNSET ? bank_kind_name(t->kind) : NULL);
    put_money(b, "foreign_amount", t->has_foreign, t->foreign_amount);
    put_str(b, "foreign_currency", t->has_foreign ? t->foreign_currency : NULL);
    put_int(b, "page", t->page);
    put_int(b, "line", t->line);
    sbuf_putc(b, '}');
}

void bank_statement_write_json(const bank_statement *s, FILE *out)
{
    const bank_summary *m = &s->summary;
    sbuf b = {0};
    sbuf_putc(&b, '{');
    put_str(&b, "file", s->file);
    put_str(&b, "sha256", s->sha256);
    put_int(&b, "pages", s->pages);
    put_str(&b, "issuer", s->issuer);
    put_str(&b, "statement_kind", s->is_account ? "account" : "card");
    put_str(&b, "account_last4", s->account_last4);
    put_str(&b, "currency", s->currency);
    put_date(&b, "statement_date", s->statement_date);
    put_date(&b, "period_start", s->period_start);
    put_date(&b, "period_end", s->period_end);
    key(&b, "summary");
    sbuf_putc(&b, '{');
    put_money(&b, "previous_balance", m->previous_balance.present, m->previous_balance.value);
    put_money(&b, "payments_and_credits", m->payments_and_credits.present, m->payments_and_credits.value);
    put_money(&b, "purchases", m->purchases.present, m->purchases.value);
    put_money(&b, "fees", m->fees.present, m->fees.value);
    put_money(&b, "interest", m->interest.present, m->interest.value);
    put_money(&b, "new_balance", m->new_balance.present, m->new_balance.value);
    sbuf_putc(&b, '}');
    /* The label each summary value was read under. */
    key(&b, "summary_labels");
    sbuf_putc(&b, '{');
    static const char *const names[6] = {"previous_balance", "payments_and_credits", "purchases", "fees",
                                         "interest", "new_balance"};
    for (int f = 0; f < 6; f++)
        if (s->summary_label[f][0])
            put_str(&b, names[f], s->summary_label[f]);
    sbuf_putc(&b, '}');
    key(&b, "reconciled");
    sbuf_puts(&b, s->reconciled ? "true" : "false");
    put_money(&b, "reconcile_difference", s->reconcile_known, s->reconcile_difference);
    key(&b, "transactions");
    sbuf_putc(&b, '[');
    for (size_t i = 0; i < s->n_txns; i++) {
        if (i)
            sbuf_putc(&b, ',');
        put_txn(&b, &s->txns[i]);
    }
    sbuf_putc(&b, ']');
    key(&b, "warnings");
    sbuf_putc(&b, '[');
    for (size_t i = 0; i < s->n_warnings; i++) {
        if (i)
            sbuf_putc(&b, ',');
        cl_json_string(&b, s->warnings[i], true);
    }
    sbuf_puts(&b, "]}\n");
    fwrite(b.p, 1, b.len, out);
    sbuf_free(&b);
}

/* RFC 4180: quote fields holding a comma, quote or line break. */
static void csv_field(FILE *out, const char *s, bool last)
{
    s = s ? s : "";
    if (strpbrk(s, ",\"\r\n")) {
        fputc('"', out);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', out);
            fputc(*s, out);
        }
        fputc('"', out);
    } else {
        fputs(s, out);
    }
    fputs(last ? "\r\n" : ",", out);
}

void bank_csv_write_header(FILE *out)
{
    fputs("file,issuer,account_last4,statement_date,date,posted_date,description,amount,currency,"
          "foreign_amount,foreign_currency,page,line,kind\r\n",
          out);
}

void bank_statement_write_csv(const bank_statement *s, FILE *out)
{
    char sd[11], d[11], pd[11], amt[32], fa[32], pg[16], ln[16];
    cl_date_format(s->statement_date, sd);
    for (size_t i = 0; i < s->n_txns; i++) {
        const bank_txn *t = &s->txns[i];
        snprintf(pg, sizeof pg, "%d", t->page);
        snprintf(ln, sizeof ln, "%d", t->line);
        csv_field(out, s->file, false);
        csv_field(out, s->issuer, false);
        csv_field(out, s->account_last4, false);
        csv_field(out, sd, false);
        csv_field(out, cl_date_format(t->date, d), false);
        csv_field(out, cl_date_format(t->posted_date, pd), false);
        csv_field(out, t->description, false);
        csv_field(out, cl_money_format(t->amount, amt), false);
        csv_field(out, t->currency, false);
        csv_field(out, t->has_foreign ? cl_money_format(t->foreign_amount, fa) : "", false);
        csv_field(out, t->has_foreign ? t->foreign_currency : "", false);
        csv_field(out, pg, false);
        csv_field(out, ln, false);
        csv_field(out, bank_kind_name(t->kind), true);
    }
}
