/* money.h - exact amounts as integer minor units (cents; numeric(14,2) in
 * the database). Never binary floating point. Bank-specific spellings
 * (CR, parentheses, 1.234,56) are parsed by bank/amount.c. */
#ifndef CL_MONEY_H
#define CL_MONEY_H

#include <stdbool.h>
#include <stdint.h>

typedef int64_t cl_money;   /* hundredths of the currency unit */

/* Writes "-1234.56" (no grouping, always two decimals). */
char *cl_money_format(cl_money v, char out[32]);
/* Parses a plain decimal "-1234.5", "12", "0.07" (at most two decimals,
 * no grouping). Returns false on anything else. */
bool cl_money_parse(const char *s, cl_money *out);

#endif
