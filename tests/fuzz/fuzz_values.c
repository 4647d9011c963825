/* fuzz_values.c - libFuzzer target: amounts, dates and money as printed, and
 * card-number masking; checks their contracts, not only that they survive. */
#include "bank/amount.h"
#include "bank/datefmt.h"
#include "common/cardmask.h"
#include "common/date.h"
#include "common/money.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* libFuzzer calls these. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const specs[] = {"MM/DD/YYYY", "MM/DD/YY", "MM/DD", "DD MMM YYYY", "DD MMM",
                                    "MMM D, YYYY", "MMM D YYYY", "DD MMM YY", "DD/MM", "DD.MM.YY",
                                    "MMM DD, YYYY", "DD.MM.YYYY", "DD-MM-YYYY", "YYYY-MM-DD"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    memcpy(s, data, size);
    s[size] = '\0';

    bank_amount a;
    for (int k = 0; k < 2; k++)
        if (bank_amount_parse(s, size, k ? ',' : '.', &a)) {
            /* Parsed amounts stay far inside int64: sums cannot overflow. */
            if (a.cents < 0 || a.cents > (cl_money)1e17)
                abort();
            (void)bank_amount_as_printed(&a);
        }
    char cur[4];
    bank_currency_from_symbol(s, size, cur);
    (void)bank_mark_parse(s, size);

    for (size_t i = 0; i < sizeof specs / sizeof *specs; i++) {
        bank_datefmt f;
        if (!bank_datefmt_compile(specs[i], &f))
            abort();
        int y, m, d;
        if (bank_datefmt_may_fit(&f, s) && bank_datefmt_parse(&f, s, size, &y, &m, &d)) {
            if (m < 1 || m > 12 || d < 1 || d > 31)
                abort();
        }
    }
    /* A format spec itself (profiles are user files). */
    if (size < BANK_DATEFMT_MAX) {
        bank_datefmt f;
        int y, m, d;
        if (bank_datefmt_compile(s, &f))
            (void)bank_datefmt_parse(&f, "01/02/2024", 10, &y, &m, &d);
    }
    (void)bank_month_from_name(s, size);

    cl_date dt = cl_date_parse_iso(s);
    if (dt != CL_DATE_NONE) {
        char out[11];
        if (strcmp(cl_date_format(dt, out), s) != 0)
            abort();    /* an accepted ISO date reads back the same */
    }
    cl_money v;
    if (cl_money_parse(s, &v)) {
        char out[32];
        cl_money w;
        if (!cl_money_parse(cl_money_format(v, out), &w) || w != v)
            abort();
    }

    /* Masking keeps the length and leaves no number to find. */
    char *m = malloc(size + 1);
    memcpy(m, s, size + 1);
    cl_card_mask(m, size);
    if (cl_card_find(m, size, NULL))
        abort();
    for (size_t i = 0; i < size; i++)
        if (m[i] != s[i] && (m[i] != 'X' || s[i] < '0' || s[i] > '9'))
            abort();    /* only digits ever change, and only to 'X' */
    free(m);
    free(s);
    return 0;
}
