/* fmt.h - text formatting for the layouts: amounts with thousands
 * separators, dates in a small pattern language, printf into short-lived
 * buffers. Results of sg_num/sg_datef/sg_strf live in a ring of 32
 * buffers: use them at once (the drawing module copies what it keeps). */
#ifndef SG_FMT_H
#define SG_FMT_H

#include "common/date.h"
#include "common/money.h"

/* |v| as "1,234.56" (comma groups). */
const char *sg_num(cl_money v);
/* |v| in whole units, grouped: "14,000" (cents dropped). */
const char *sg_whole(cl_money v);
/* |v| as "1234.56" (no groups). */
const char *sg_num_plain(cl_money v);
/* |v| with a currency prefix and a leading "-" when v < 0: "-$1,234.56".
 * Zero never gets a sign. */
const char *sg_money_signed(cl_money v, const char *prefix);

/* Date by pattern. Tokens: MONTH (JANUARY), Month (January), MON (JAN),
 * Mon (Jan), YYYY, YY, MM, M (no pad), DD, D (no pad); anything else is
 * copied. Example: sg_datef("DD MON", d) -> "03 FEB". */
const char *sg_datef(const char *pattern, cl_date d);

const char *sg_strf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Round cents * rate_micro / 1e6 half up (exact integer arithmetic). */
cl_money sg_apply_rate(cl_money cents, int64_t rate_micro);
/* A rate in micro units as "1.091981" with `decimals` digits (<= 6). */
const char *sg_rate(int64_t rate_micro, int decimals);

#endif
