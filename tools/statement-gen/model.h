/* model.h - the content of one generated statement: card, period, balances
 * and transactions, before any layout decides how to print it.
 *
 * Sign convention (the same as `cardledger parse`): charges, fees and
 * interest are negative; payments and refunds positive. The generator keeps
 * every balance >= 0 (payments never exceed the previous balance, refunds
 * never exceed a purchase) so no statement shows a credit balance. */
#ifndef SG_MODEL_H
#define SG_MODEL_H

#include "prng.h"

#include "common/date.h"
#include "common/money.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum sg_kind { SG_PURCHASE, SG_PAYMENT, SG_REFUND, SG_FEE, SG_INTEREST } sg_kind;

typedef enum sg_region { SG_REGION_US, SG_REGION_SG, SG_REGION_MY } sg_region;

/* What the content generator needs to know about a profile. */
typedef struct sg_gen_params {
    sg_region region;
    const char *currency;       /* ISO code of the statement */
    const char *card_prefix;    /* issuer identification digits */
    int card_len;               /* 15 or 16 */
    bool foreign;               /* the layout prints foreign-currency amounts */
    bool mixed_case;            /* descriptions in Title Case rather than CAPITALS */
    bool upper_location;        /* ... except the location part */
    bool long_descs;            /* some descriptions long enough to wrap */
    bool location;              /* purchases carry a city/country part */
    bool payment_location;      /* payments carry one too (HSBC) */
    int fx_fee_bp;              /* foreign transaction fee, basis points; 0 none */
    int apr_bp;                 /* purchase APR, basis points */
    cl_money late_fee;
    cl_money annual_fee;
    const char *payment_desc;
    const char *refund_prefix;  /* "" to repeat the merchant name alone */
    const char *interest_desc;
    const char *late_fee_desc;
    const char *fx_fee_desc;
    const char *annual_fee_desc;
    int closing_day;            /* 0: chosen by the seed (3..28) */
} sg_gen_params;

typedef struct sg_txn {
    int seq;                    /* generation order: a stable sort key */
    sg_kind kind;
    cl_date date;               /* transaction date */
    cl_date posted;             /* posting date */
    char merchant[128];         /* first part of the description */
    char location[48];          /* "CITY ST" / "SINGAPORE SG"; "" when none */
    char desc[180];             /* merchant + " " + location: the ground truth */
    cl_money amount;            /* signed */
    bool foreign;
    cl_money foreign_amount;    /* magnitude in foreign_currency */
    char foreign_currency[4];
    const char *foreign_name;   /* "EURO", "POUND STERLING" ... */
    int64_t rate_micro;         /* statement currency per unit, x 1e6 */
    const char *category;       /* merchant category (Discover's column) */
    char ref[24];               /* 20 random digits: reference numbers */
    int ref_of;                 /* for fx fees and refunds: seq of the purchase, else -1 */
} sg_txn;

typedef struct sg_statement {
    const char *profile;
    char last4[5];
    char card_full[20];         /* Luhn-valid, ends in last4 */
    char holder[48];
    char address[3][48];
    cl_date stmt_date, period_start, period_end, due_date;
    int cycle_days;
    cl_money prev_balance, new_balance;
    cl_money payments, refunds, purchases, fees, interest;     /* magnitudes */
    cl_money min_payment, credit_limit;
    cl_money ytd_fees, ytd_interest;
    cl_money interest_base;     /* balance subject to interest */
    int apr_bp;
    bool crosses_year;
    sg_txn *txns;               /* sorted by posting date, then date, then seq */
    size_t n;
} sg_statement;

/* The state carried from one month to the next. */
typedef struct sg_gen {
    sg_prng rng;
    const sg_gen_params *params;
    const char *profile;
    char last4[5];
    char card_full[20];
    char holder[48];
    char address[3][48];
    int closing_day;
    cl_money balance;           /* new balance of the last statement */
    cl_money ytd_fees, ytd_interest;
    int ytd_year;
    cl_money credit_limit;
    int seq;
} sg_gen;

void sg_gen_init(sg_gen *g, const sg_gen_params *p, const char *profile, const char *last4,
                 uint64_t seed);
/* Generates the statement closing in year/month. ntx < 0 picks a size at
 * random (mostly 3..60, sometimes 0, 1 or 150..420). */
sg_statement *sg_gen_month(sg_gen *g, int year, int month, int ntx);
void sg_statement_free(sg_statement *s);

/* Transactions of one kind (or all when kind < 0) in statement order;
 * returns the count and fills out (caller frees). */
size_t sg_select(const sg_statement *s, int kind, const sg_txn ***out);
/* Sum of amounts of the listed transactions. */
cl_money sg_sum(const sg_txn *const *t, size_t n);

/* Luhn-valid number of len digits starting with prefix and ending in last4. */
void sg_card_number(sg_prng *r, const char *prefix, int len, const char *last4, char *out);

#endif
