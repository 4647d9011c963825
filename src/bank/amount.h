/* amount.h - amounts as banks print them: grouping, currency prefixes,
 * and the sign markers (minus, plus, parentheses, CR/DR suffix).
 *
 * Parsing keeps the magnitude and the marker apart: what a marker means
 * (a credit on a card statement, a debit on a bank account) is decided by
 * the profile's sign rules, not here. Exact cents, never floating point. */
#ifndef CL_BANK_AMOUNT_H
#define CL_BANK_AMOUNT_H

#include "common/money.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum bank_mark {
    BANK_MARK_NONE = 0, /* unsigned, as card statements print charges */
    BANK_MARK_MINUS,    /* -1.00, 1.00-, -$1.00 */
    BANK_MARK_PLUS,     /* +1.00 */
    BANK_MARK_PARENS,   /* (1.00) */
    BANK_MARK_CR,       /* 1.00 CR, 1.00CR */
    BANK_MARK_DR,       /* 1.00 DR */
} bank_mark;

typedef struct bank_amount {
    cl_money cents;     /* magnitude, >= 0 */
    bank_mark mark;
    char currency[4];   /* ISO code when the prefix names one (S$ -> SGD), else "" */
} bank_amount;

/* Parse s[0..n) as one amount: optional sign, parenthesis, currency
 * prefix (S$, $, RM, USD ...), digits grouped by ',' (or by '.'/' ' when
 * decimal is ','), the decimal separator `decimal` ('.' or ','), at most two
 * decimals, then an optional ')' and CR/DR or '-' suffix. Surrounding white
 * space is ignored. Returns false when the text is not exactly one amount. */
bool bank_amount_parse(const char *s, size_t n, char decimal, bank_amount *out);

/* A stand-alone sign marker: "CR", "DR" (any case), "-", "+", "(" or "()".
 * BANK_MARK_NONE when s is empty or not a marker. */
bank_mark bank_mark_parse(const char *s, size_t n);

/* The amount with the sign as printed: minus, parentheses and CR give a
 * negative value; unsigned, plus and DR a positive one. */
cl_money bank_amount_as_printed(const bank_amount *a);

const char *bank_mark_name(bank_mark m);

/* ISO code for a currency prefix, code or name ("S$" -> "SGD", "RM" ->
 * "MYR", "usd" -> "USD", "CANADIAN DOLLAR" -> "CAD", "Euro" -> "EUR",
 * "$" -> ""). Writes "" when unknown. */
void bank_currency_from_symbol(const char *s, size_t n, char out[4]);

#endif
