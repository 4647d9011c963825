/* statement.c - the statement model: allocation and release. */
#include "statement.h"
#include "common/cardmask.h"
#include "common/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

bank_statement *bank_statement_new(void)
{
    bank_statement *s = xcalloc(1, sizeof *s);
    s->statement_date = s->period_start = s->period_end = CL_DATE_NONE;
    return s;
}

static void txn_free(bank_txn *t)
{
    free(t->description);
    free(t->raw_date);
    free(t->raw_description);
    free(t->raw_amount);
}

void bank_statement_free(bank_statement *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n_txns; i++)
        txn_free(&s->txns[i]);
    free(s->txns);
    for (size_t i = 0; i < s->n_warnings; i++)
        free(s->warnings[i]);
    free(s->warnings);
    free(s->file);
    free(s);
}

bank_txn *bank_statement_add_txn(bank_statement *s)
{
    if (s->n_txns == s->cap_txns) {
        s->cap_txns = s->cap_txns ? s->cap_txns * 2 : 32;
        s->txns = xrealloc(s->txns, s->cap_txns * sizeof *s->txns);
    }
    bank_txn *t = &s->txns[s->n_txns++];
    memset(t, 0, sizeof *t);
    t->date = t->posted_date = CL_DATE_NONE;
    return t;
}

void bank_statement_warn(bank_statement *s, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    s->warnings = xrealloc(s->warnings, (s->n_warnings + 1) * sizeof *s->warnings);
    s->warnings[s->n_warnings++] = xstrdup(msg);
}

static void mask(char *s)
{
    if (s)
        cl_card_mask_str(s);
}

void bank_statement_mask_cards(bank_statement *s)
{
    for (size_t i = 0; i < s->n_txns; i++) {
        bank_txn *t = &s->txns[i];
        mask(t->description);
        mask(t->raw_date);
        mask(t->raw_description);
        mask(t->raw_amount);
    }
    for (size_t i = 0; i < s->n_warnings; i++)
        mask(s->warnings[i]);
}
