/* date.c - day-number conversions (Howard Hinnant's civil algorithms,
 * re-derived here; they are exact for the whole int32 range we use). */
#include "date.h"

#include <stdio.h>
#include <string.h>

int cl_days_in_month(int y, int m)
{
    static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return dim[m - 1] + (m == 2 && leap);
}

bool cl_date_valid_ymd(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= cl_days_in_month(y, m);
}

cl_date cl_date_from_ymd(int y, int m, int d)
{
    if (!cl_date_valid_ymd(y, m, d))
        return CL_DATE_NONE;
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void cl_date_to_ymd(cl_date z, int *y, int *m, int *d)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

char *cl_date_format(cl_date d, char out[11])
{
    if (d == CL_DATE_NONE) {
        out[0] = '\0';
        return out;
    }
    int y, m, day;
    cl_date_to_ymd(d, &y, &m, &day);
    /* Always 10 characters for a real date; the compiler cannot know the
     * ranges, so format into room enough and keep 10. */
    char buf[32];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", y % 10000, m, day);
    memcpy(out, buf, 10);
    out[10] = '\0';
    return out;
}

cl_date cl_date_parse_iso(const char *s)
{
    int y, m, d, n = 0;
    if (!s || strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
        return CL_DATE_NONE;
    return cl_date_from_ymd(y, m, d);
}
