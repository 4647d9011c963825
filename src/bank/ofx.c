/* ofx.c - OFX/QFX through libofx: statement, account and transaction
 * callbacks filling one bank_statement. */
#include "ofx.h"
#include "common/util.h"
#include "kind.h"

#include <libofx/libofx.h>

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

typedef struct ofx_ctx {
    bank_statement *s;
    int line;
    bool have_stmt;
} ofx_ctx;

static cl_date date_of(time_t t)
{
    struct tm tm;
    localtime_r(&t, &tm);       /* libofx builds its times with mktime */
    return cl_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static cl_money cents(double v) { return (cl_money)llround(v * 100.0); }

static void last4(const char *acct, char out[5])
{
    char d[5] = {0};
    int k = 0;
    for (size_t i = strlen(acct); i-- > 0 && k < 4;)
        if (isdigit((unsigned char)acct[i]))
            d[3 - k++] = acct[i];
    if (k == 4)
        memcpy(out, d, 5);
}

static int on_txn(const struct OfxTransactionData d, void *p)
{
    ofx_ctx *c = p;
    if (!d.amount_valid || !d.date_posted_valid)
        return 0;
    bank_txn *t = bank_statement_add_txn(c->s);
    t->posted_date = date_of(d.date_posted);
    t->date = d.date_initiated_valid ? date_of(d.date_initiated) : t->posted_date;
    const char *desc = d.name_valid ? d.name : d.memo_valid ? d.memo : "";
    t->description = xstrdup(desc);
    t->raw_description = xstrdup(desc);
    char buf[32];
    cl_date_format(t->posted_date, buf);
    t->raw_date = xstrdup(buf);
    t->amount = cents(d.amount);
    t->raw_amount = xstrdup(cl_money_format(t->amount, buf));
    t->page = 1;
    t->line = ++c->line;
    t->kind = bank_kind_classify(BANK_KIND_UNSET, t->amount > 0, false, desc);
    if (!c->s->account_last4[0] && d.account_id_valid)
        last4(d.account_id, c->s->account_last4);
    return 0;
}

static int on_stmt(const struct OfxStatementData d, void *p)
{
    ofx_ctx *c = p;
    bank_statement *s = c->s;
    c->have_stmt = true;
    if (d.currency_valid && strlen(d.currency) == 3)
        memcpy(s->currency, d.currency, 4);
    if (d.date_start_valid)
        s->period_start = date_of(d.date_start);
    if (d.date_end_valid)
        s->period_end = date_of(d.date_end);
    if (d.ledger_balance_valid) {
        s->summary.new_balance.present = true;
        s->summary.new_balance.value = cents(d.ledger_balance);
    }
    if (d.available_balance_valid) {
        char b[32];
        bank_statement_warn(s, "available balance (AVAILBAL) %s", cl_money_format(cents(d.available_balance), b));
    }
    if (d.account_ptr && d.account_ptr->account_number_valid)
        last4(d.account_ptr->account_number, s->account_last4);
    return 0;
}

static int on_account(const struct OfxAccountData d, void *p)
{
    ofx_ctx *c = p;
    if (d.account_number_valid && !c->s->account_last4[0])
        last4(d.account_number, c->s->account_last4);
    if (d.currency_valid && strlen(d.currency) == 3)
        memcpy(c->s->currency, d.currency, 4);
    return 0;
}

/* The text of the first <TAG> element (SGML or XML form). */
static void tag_text(const char *data, size_t len, const char *tag, char *out, size_t outsz)
{
    out[0] = 0;
    size_t tl = strlen(tag);
    for (size_t i = 0; i + tl < len; i++)
        if (strncasecmp(data + i, tag, tl) == 0) {
            size_t j = i + tl, k = 0;
            while (j < len && data[j] != '<' && data[j] != '\n' && data[j] != '\r' && k + 1 < outsz)
                out[k++] = data[j++];
            out[k] = 0;
            return;
        }
}

static bool has_text(const char *data, size_t len, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i + n <= len; i++)
        if (strncasecmp(data + i, s, n) == 0)
            return true;
    return false;
}

int bank_ofx_parse(const bank_csvmaps *maps, const char *path, const char *name, const char *data,
                   size_t len, bank_statement **out, cl_err *err)
{
    *out = NULL;
    if (!has_text(data, len, "<OFX>"))
        return cl_err_set(err, CL_E_PARSE, "%s: not an OFX file (no <OFX> element)", name);
    if (!has_text(data, len, "</OFX>"))
        return cl_err_set(err, CL_E_PARSE, "%s: truncated OFX (no closing </OFX>)", name);
    char org[64];
    tag_text(data, len, "<ORG>", org, sizeof org);
    bank_statement *s = bank_statement_new();
    strcpy(s->currency, "USD");
    const char *issuer = bank_csvmaps_issuer_for_org(maps, org);
    if (issuer)
        snprintf(s->issuer, sizeof s->issuer, "%s", issuer);
    else {
        /* An institution no mapping names: its own issuer id ("ofx_acme_bank"). */
        size_t k = (size_t)snprintf(s->issuer, sizeof s->issuer, "ofx");
        for (const char *p = org; *p && k + 2 < sizeof s->issuer; p++)
            if (isalnum((unsigned char)*p))
                s->issuer[k++] = (char)tolower((unsigned char)*p);
            else if (s->issuer[k - 1] != '_')
                s->issuer[k++] = '_';
        s->issuer[k] = 0;
    }
    ofx_PARSER_msg = ofx_DEBUG_msg = ofx_DEBUG1_msg = ofx_DEBUG2_msg = ofx_DEBUG3_msg = 0;
    ofx_DEBUG4_msg = ofx_DEBUG5_msg = ofx_STATUS_msg = ofx_INFO_msg = ofx_WARNING_msg = ofx_ERROR_msg = 0;
    ofx_ctx c = {.s = s};
    LibofxContextPtr ctx = libofx_get_new_context();
    ofx_set_transaction_cb(ctx, on_txn, &c);
    ofx_set_statement_cb(ctx, on_stmt, &c);
    ofx_set_account_cb(ctx, on_account, &c);
    int rc = libofx_proc_file(ctx, path, OFX);
    libofx_free_context(ctx);
    if (rc != 0 && s->n_txns == 0) {
        bank_statement_free(s);
        return cl_err_set(err, CL_E_PARSE, "%s: libofx could not read the OFX", name);
    }
    if (!s->account_last4[0]) {
        bank_statement_free(s);
        return cl_err_set(err, CL_E_PARSE, "%s: no account number (ACCTID) in the OFX", name);
    }
    if (s->n_txns == 0) {
        bank_statement_free(s);
        return cl_err_set(err, CL_E_PARSE, "%s: no transactions in the OFX", name);
    }
    /* A download's statement period is the range it covers (DTSTART..DTEND),
     * widened to its rows' dates. */
    for (size_t i = 0; i < s->n_txns; i++) {
        cl_date d = s->txns[i].posted_date;
        if (s->period_start == CL_DATE_NONE || d < s->period_start)
            s->period_start = d;
        if (s->period_end == CL_DATE_NONE || d > s->period_end)
            s->period_end = d;
    }
    s->statement_date = s->period_end;
    s->pages = 1;
    *out = s;
    return 0;
}
