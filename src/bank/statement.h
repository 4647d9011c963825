/* statement.h - the statement model every layer shares: what extraction
 * produces, what `parse` prints, and what ingest stores.
 *
 * Amounts are exact integer cents (cl_money). Sign convention, from the
 * card holder's point of view: charges, purchases, fees and interest are
 * negative; payments, refunds and credits are positive. Summary values are
 * as printed on the statement (sign as printed), `present` false where the
 * statement does not print them. */
#ifndef CL_BANK_STATEMENT_H
#define CL_BANK_STATEMENT_H

#include "bank/kind.h"
#include "common/date.h"
#include "common/money.h"

#include <stdbool.h>
#include <stddef.h>

/* The largest magnitude the database stores (numeric(14,2)): a statement
 * printing a larger amount is refused rather than stored without it. */
#define BANK_MONEY_MAX ((cl_money)99999999999999)

typedef struct bank_opt_money {
    bool present;
    cl_money value;
} bank_opt_money;

typedef struct bank_txn {
    cl_date date;               /* transaction date (posting date if only one) */
    cl_date posted_date;        /* CL_DATE_NONE when not printed */
    char *description;          /* white space collapsed */
    cl_money amount;
    char currency[4];
    bool has_foreign;
    cl_money foreign_amount;    /* as printed, unsigned magnitude sign-adjusted like amount */
    char foreign_currency[4];
    int page, line;             /* 1-based page and line of the first line */
    /* As printed, for the raw tier. */
    char *raw_date, *raw_description, *raw_amount;
    bank_kind kind;             /* purchase, payment, fee ... (kind.h) */
    bool has_balance;           /* a running balance printed on the row */
    cl_money balance;
} bank_txn;

typedef struct bank_summary {
    bank_opt_money previous_balance, payments_and_credits, purchases, fees, interest, new_balance;
} bank_summary;

typedef struct bank_statement {
    char *file;
    char sha256[65];
    int pages;
    char issuer[64];            /* profile id */
    char account_last4[5];      /* "" when unknown */
    char currency[4];
    char source[8];             /* kind of file read: "pdf", "pages", "csv", "ofx", "qfx" */
    cl_date statement_date, period_start, period_end;
    bank_summary summary;
    char summary_label[6][48];  /* the label each summary value was read under ("" none), bank_summary order */
    bool is_account;            /* a bank account's (checking, savings), else a card's */
    bool reconciled;
    cl_money reconcile_difference;  /* sum of transactions minus the printed change */
    bool reconcile_known;       /* false: no new balance printed, difference unknown */
    bank_txn *txns;
    size_t n_txns, cap_txns;
    char **warnings;
    size_t n_warnings;
} bank_statement;

bank_statement *bank_statement_new(void);
void bank_statement_free(bank_statement *s);
/* Append a transaction; the statement takes ownership of its strings. */
bank_txn *bank_statement_add_txn(bank_statement *s);
/* Mask every card number (common/cardmask.h) in the descriptions, the raw
 * fields and the warnings: only the last 4 digits ever leave the parser. */
void bank_statement_mask_cards(bank_statement *s);
void bank_statement_warn(bank_statement *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
