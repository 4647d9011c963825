/* names.h - invented merchants, places, people and currencies for the
 * generated statements. Nothing here names a real person; merchant names
 * are combinations of common words. */
#ifndef SG_NAMES_H
#define SG_NAMES_H

#include "model.h"

#include <stddef.h>

typedef struct sg_currency {
    const char *code;
    const char *name;           /* as Chase-like statements print it */
    int64_t usd_micro;          /* value of one unit in USD, x 1e6 */
} sg_currency;

/* A merchant name in capitals; *category gets its merchant category. A long
 * one (airline ticket, marketplace with an order reference) when long_desc. */
void sg_name_merchant(sg_prng *r, bool long_desc, char *out, size_t size, const char **category);
/* Domestic location for the region ("PORTLAND OR", "SINGAPORE SG"). */
void sg_name_location(sg_prng *r, sg_region region, char *out, size_t size);
/* A foreign place and its currency, never the statement's own currency. */
const sg_currency *sg_name_foreign(sg_prng *r, const char *home_currency, char *loc,
                                   size_t size);
/* Value of one unit of code in USD x 1e6 (USD itself: 1e6). */
int64_t sg_currency_usd(const char *code);
void sg_name_holder(sg_prng *r, char *out, size_t size);
void sg_name_address(sg_prng *r, sg_region region, char out[3][48]);
/* "BLUE BOTTLE COFFEE PORTLAND OR" -> "Blue Bottle Coffee Portland OR":
 * words of up to two letters stay in capitals (state and country codes). */
void sg_title_case(char *s);

#endif
