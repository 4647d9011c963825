/* datefmt.h - date formats as profiles spell them ("DD MMM", "MM/DD/YY",
 * "MMM DD, YYYY") and the year resolution of dates printed without one.
 *
 * Format tokens: DD or D (day, 1-2 digits), MM or M (month, 1-2 digits),
 * MMM (month name: three-letter abbreviation, full name, or "Sept", any
 * case), YYYY (4-digit year), YY (2-digit year, 20YY). A space in the
 * format matches one or more spaces; any other character matches itself. */
#ifndef CL_BANK_DATEFMT_H
#define CL_BANK_DATEFMT_H

#include "common/date.h"

#include <stdbool.h>
#include <stddef.h>

#define BANK_DATEFMT_MAX 24

typedef struct bank_datefmt {
    char spec[BANK_DATEFMT_MAX];
    bool has_year;
    /* The spec compiled: token codes (see datefmt.c) or literal characters. */
    unsigned char tok[BANK_DATEFMT_MAX];
    int n_tok;
} bank_datefmt;

/* Check and store a format. False when it is not made of the tokens above
 * or lacks a day or a month. */
bool bank_datefmt_compile(const char *spec, bank_datefmt *out);

/* A cheap test before parsing: false when s cannot fit f (a digit where
 * f starts with a month name, another first separator ...). */
bool bank_datefmt_may_fit(const bank_datefmt *f, const char *s);

/* Parse exactly s[0..n) (surrounding white space ignored). *y is 0 when
 * the format has no year. False when the text does not fit the format or
 * names an impossible day (31/02). */
bool bank_datefmt_parse(const bank_datefmt *f, const char *s, size_t n, int *y, int *m, int *d);

/* Month number 1-12 for a month name or abbreviation, 0 if none. */
/* 1: a numeric format that prints the day before the month (DD/MM), 2: the
 * month before the day (MM/DD), 0: neither (a month name, year first). */
int bank_datefmt_order(const bank_datefmt *f);

int bank_month_from_name(const char *s, size_t n);

/* The year for a day and month printed without one, given the statement
 * period [lo, hi] (lo may be CL_DATE_NONE): the candidate date (year of hi,
 * the year before or after) closest to the period. A December purchase on a
 * January statement falls in the previous year. */
cl_date bank_date_resolve(int m, int d, cl_date lo, cl_date hi);

#endif
