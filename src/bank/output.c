/* output.c - a statement as one JSON line (jansson, fields in the
 * documented order) or as CSV rows. */
#include "bank.h"
#include "common/util.h"

#include <jansson.h>
#include <stdbool.h>
#include <string.h>

/* Dates and amounts are ASCII we wrote ourselves: no UTF-8 check needed. */
static json_t *j_date(cl_date d)
{
    char buf[11];
    return d == CL_DATE_NONE ? json_null() : json_stringn_nocheck(cl_date_format(d, buf), 10);
}

static json_t *j_money(cl_money v)
{
    char buf[32];
    cl_money_format(v, buf);
    return json_stringn_nocheck(buf, strlen(buf));
}

static json_t *j_opt(const bank_opt_money *m)
{
    return m->present ? j_money(m->value) : json_null();
}

/* A JSON string of s; bytes that are not valid UTF-8 (a Latin-1 page
 * file, an odd file name) become '?', so a field is never lost. */
static json_t *j_text(const char *s)
{
    json_t *j = json_string(s);
    if (j)
        return j;
    char *copy = xstrdup(s);
    unsigned char *p = (unsigned char *)copy;
    while (*p) {
        int n = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 0;
        bool ok = n > 0 && (n == 1 || (*p != 0xC0 && *p != 0xC1));
        for (int k = 1; ok && k < n; k++)
            ok = (p[k] & 0xC0) == 0x80;
        if (!ok) {
            *p++ = '?';
            continue;
        }
        p += n;
    }
    j = json_string(copy);
    free(copy);
    return j ? j : json_string("?");
}

static json_t *j_str(const char *s)
{
    return s && *s ? j_text(s) : json_null();
}

static json_t *txn_json(const bank_txn *t)
{
    json_t *o = json_object();
    json_object_set_new_nocheck(o, "date", j_date(t->date));
    json_object_set_new_nocheck(o, "posted_date", j_date(t->posted_date));
    json_object_set_new_nocheck(o, "description", j_text(t->description ? t->description : ""));
    json_object_set_new_nocheck(o, "amount", j_money(t->amount));
    json_object_set_new_nocheck(o, "currency", j_str(t->currency));
    json_object_set_new_nocheck(o, "foreign_amount", t->has_foreign ? j_money(t->foreign_amount) : json_null());
    json_object_set_new_nocheck(o, "foreign_currency", t->has_foreign ? j_str(t->foreign_currency) : json_null());
    json_object_set_new_nocheck(o, "page", json_integer(t->page));
    json_object_set_new_nocheck(o, "line", json_integer(t->line));
    return o;
}

void bank_statement_write_json(const bank_statement *s, FILE *out)
{
    json_t *o = json_object();
    json_object_set_new_nocheck(o, "file", j_str(s->file));
    json_object_set_new_nocheck(o, "sha256", j_str(s->sha256));
    json_object_set_new_nocheck(o, "pages", json_integer(s->pages));
    json_object_set_new_nocheck(o, "issuer", j_str(s->issuer));
    json_object_set_new_nocheck(o, "account_last4", j_str(s->account_last4));
    json_object_set_new_nocheck(o, "currency", j_str(s->currency));
    json_object_set_new_nocheck(o, "statement_date", j_date(s->statement_date));
    json_object_set_new_nocheck(o, "period_start", j_date(s->period_start));
    json_object_set_new_nocheck(o, "period_end", j_date(s->period_end));
    json_t *sum = json_object();
    json_object_set_new_nocheck(sum, "previous_balance", j_opt(&s->summary.previous_balance));
    json_object_set_new_nocheck(sum, "payments_and_credits", j_opt(&s->summary.payments_and_credits));
    json_object_set_new_nocheck(sum, "purchases", j_opt(&s->summary.purchases));
    json_object_set_new_nocheck(sum, "fees", j_opt(&s->summary.fees));
    json_object_set_new_nocheck(sum, "interest", j_opt(&s->summary.interest));
    json_object_set_new_nocheck(sum, "new_balance", j_opt(&s->summary.new_balance));
    json_object_set_new_nocheck(o, "summary", sum);
    json_object_set_new_nocheck(o, "reconciled", json_boolean(s->reconciled));
    json_object_set_new_nocheck(o, "reconcile_difference",
                        s->reconcile_known ? j_money(s->reconcile_difference) : json_null());
    json_t *txns = json_array();
    for (size_t i = 0; i < s->n_txns; i++)
        json_array_append_new(txns, txn_json(&s->txns[i]));
    json_object_set_new_nocheck(o, "transactions", txns);
    json_t *w = json_array();
    for (size_t i = 0; i < s->n_warnings; i++)
        json_array_append_new(w, j_text(s->warnings[i]));
    json_object_set_new_nocheck(o, "warnings", w);
    /* One buffer, one write: json_dumpf writes piece by piece. */
    char *text = json_dumps(o, JSON_PRESERVE_ORDER | JSON_COMPACT | JSON_ENSURE_ASCII);
    if (text) {
        fputs(text, out);
        fputc('\n', out);
        free(text);
    }
    json_decref(o);
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
          "foreign_amount,foreign_currency,page,line\r\n",
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
        csv_field(out, ln, true);
    }
}
