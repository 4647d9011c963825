/* date.h - civil dates as day numbers (days since 1970-01-01, proleptic
 * Gregorian), so comparison and arithmetic are plain integer operations. */
#ifndef CL_DATE_H
#define CL_DATE_H

#include <stdbool.h>
#include <stdint.h>

typedef int32_t cl_date;
#define CL_DATE_NONE INT32_MIN

bool cl_date_valid_ymd(int y, int m, int d);
/* Returns CL_DATE_NONE when y-m-d is not a real date. */
cl_date cl_date_from_ymd(int y, int m, int d);
void cl_date_to_ymd(cl_date d, int *y, int *m, int *day);
/* Writes YYYY-MM-DD (11 bytes with NUL); "" for CL_DATE_NONE. */
char *cl_date_format(cl_date d, char out[11]);
/* Parses exactly YYYY-MM-DD; CL_DATE_NONE otherwise. */
cl_date cl_date_parse_iso(const char *s);
int cl_days_in_month(int y, int m);

#endif
