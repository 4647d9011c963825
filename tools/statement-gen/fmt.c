/* fmt.c - amounts, dates and printf into a ring of short-lived buffers. */
#include "fmt.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define RING 32
#define SLOT 256

static char *ring_next(void)
{
    static char ring[RING][SLOT];
    static unsigned pos;
    return ring[pos++ % RING];
}

static cl_money absv(cl_money v)
{
    return v < 0 ? -v : v;
}

const char *sg_num(cl_money v)
{
    char digits[32];
    cl_money a = absv(v);
    snprintf(digits, sizeof digits, "%lld", (long long)(a / 100));
    char *out = ring_next();
    size_t n = strlen(digits), o = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = digits[i];
    }
    snprintf(out + o, SLOT - o, ".%02lld", (long long)(a % 100));
    return out;
}

const char *sg_whole(cl_money v)
{
    const char *n = sg_num(v);
    return sg_strf("%.*s", (int)strlen(n) - 3, n);
}

const char *sg_num_plain(cl_money v)
{
    char *out = ring_next();
    cl_money a = absv(v);
    snprintf(out, SLOT, "%lld.%02lld", (long long)(a / 100), (long long)(a % 100));
    return out;
}

const char *sg_money_signed(cl_money v, const char *prefix)
{
    char *out = ring_next();
    snprintf(out, SLOT, "%s%s%s", v < 0 ? "-" : "", prefix, sg_num(v));
    return out;
}

static const char *const month_upper[] = {"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY",
                                          "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER",
                                          "NOVEMBER", "DECEMBER"};
static const char *const month_title[] = {"January", "February", "March", "April", "May",
                                          "June", "July", "August", "September", "October",
                                          "November", "December"};

const char *sg_datef(const char *pattern, cl_date d)
{
    int y, m, day;
    cl_date_to_ymd(d, &y, &m, &day);
    char *out = ring_next();
    size_t o = 0;
    for (const char *p = pattern; *p && o < SLOT - 16;) {
        char tmp[16];
        const char *piece = NULL;
        size_t skip = 1;
        if (!strncmp(p, "MONTH", 5)) {
            piece = month_upper[m - 1], skip = 5;
        } else if (!strncmp(p, "Month", 5)) {
            piece = month_title[m - 1], skip = 5;
        } else if (!strncmp(p, "MON", 3)) {
            snprintf(tmp, sizeof tmp, "%.3s", month_upper[m - 1]), piece = tmp, skip = 3;
        } else if (!strncmp(p, "Mon", 3)) {
            snprintf(tmp, sizeof tmp, "%.3s", month_title[m - 1]), piece = tmp, skip = 3;
        } else if (!strncmp(p, "YYYY", 4)) {
            snprintf(tmp, sizeof tmp, "%04d", y), piece = tmp, skip = 4;
        } else if (!strncmp(p, "YY", 2)) {
            snprintf(tmp, sizeof tmp, "%02d", y % 100), piece = tmp, skip = 2;
        } else if (!strncmp(p, "MM", 2)) {
            snprintf(tmp, sizeof tmp, "%02d", m), piece = tmp, skip = 2;
        } else if (!strncmp(p, "DD", 2)) {
            snprintf(tmp, sizeof tmp, "%02d", day), piece = tmp, skip = 2;
        } else if (*p == 'D') {
            snprintf(tmp, sizeof tmp, "%d", day), piece = tmp;
        } else if (*p == 'M') {
            snprintf(tmp, sizeof tmp, "%d", m), piece = tmp;
        }
        if (piece) {
            size_t n = strlen(piece);
            memcpy(out + o, piece, n);
            o += n;
        } else {
            out[o++] = *p;
        }
        p += skip;
    }
    out[o] = '\0';
    return out;
}

const char *sg_strf(const char *fmt, ...)
{
    char *out = ring_next();
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out, SLOT, fmt, ap);
    va_end(ap);
    return out;
}

cl_money sg_apply_rate(cl_money cents, int64_t rate_micro)
{
    return (cents * rate_micro + 500000) / 1000000;
}

const char *sg_rate(int64_t rate_micro, int decimals)
{
    char *out = ring_next();
    int64_t div = 1;
    for (int i = decimals; i < 6; i++)
        div *= 10;
    snprintf(out, SLOT, "%lld.%0*lld", (long long)(rate_micro / 1000000), decimals,
             (long long)((rate_micro % 1000000) / div));
    return out;
}
