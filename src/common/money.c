/* money.c - formatting and plain parsing of cent amounts. */
#include "money.h"

#include <ctype.h>
#include <stdio.h>

char *cl_money_format(cl_money v, char out[32])
{
    uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    snprintf(out, 32, "%s%llu.%02llu", v < 0 ? "-" : "",
             (unsigned long long)(a / 100), (unsigned long long)(a % 100));
    return out;
}

bool cl_money_parse(const char *s, cl_money *out)
{
    bool neg = false;
    if (*s == '-' || *s == '+')
        neg = *s++ == '-';
    if (!isdigit((unsigned char)*s))
        return false;
    int64_t whole = 0;
    for (; isdigit((unsigned char)*s); s++) {
        if (whole > (INT64_MAX / 100 - 9) / 10)
            return false;
        whole = whole * 10 + (*s - '0');
    }
    int64_t frac = 0;
    if (*s == '.') {
        s++;
        int digits = 0;
        for (; isdigit((unsigned char)*s); s++, digits++) {
            if (digits >= 2)
                return false;
            frac = frac * 10 + (*s - '0');
        }
        if (digits == 1)
            frac *= 10;
    }
    if (*s)
        return false;
    *out = (whole * 100 + frac) * (neg ? -1 : 1);
    return true;
}
