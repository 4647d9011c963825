/* kind.h - what a transaction is (purchase, payment, fee ...), decided from
 * the section it was printed in, its sign and documented keyword rules.
 *
 * The kinds and what counts as spend are the same as the database's
 * analytics.kinds table (migration 0004); keep the two lists in step. */
#ifndef CL_BANK_KIND_H
#define CL_BANK_KIND_H

#include <stdbool.h>

typedef enum bank_kind {
    BANK_KIND_UNSET = 0,        /* not decided yet (never leaves the parser) */
    BANK_KIND_PURCHASE,
    BANK_KIND_REFUND,
    BANK_KIND_PAYMENT,
    BANK_KIND_FEE,
    BANK_KIND_INTEREST,
    BANK_KIND_CASH_ADVANCE,
    BANK_KIND_BALANCE_TRANSFER,
    BANK_KIND_ADJUSTMENT,
    BANK_KIND_DEPOSIT,          /* bank accounts: money in */
    BANK_KIND_WITHDRAWAL,       /* bank accounts: money out */
    BANK_KIND_TRANSFER,         /* between the holder's own accounts and cards */
    BANK_KIND_N
} bank_kind;

/* "purchase", "cash_advance", ...; "" for BANK_KIND_UNSET. */
const char *bank_kind_name(bank_kind k);
/* The kind named s (as bank_kind_name prints it), or BANK_KIND_UNSET. */
bank_kind bank_kind_parse(const char *s);

/* The kind a section of a statement implies, from its profile name
 * ("payments", "fees", "cash_advances" ...); BANK_KIND_UNSET when the name
 * says nothing ("transactions"). */
bank_kind bank_kind_of_section(const char *section_name);

/* The kind of one transaction. section: the kind of the section it sits in
 * (BANK_KIND_UNSET when none), credit: its amount is a credit to the holder
 * (positive), account: a bank account rather than a card. */
bank_kind bank_kind_classify(bank_kind section, bool credit, bool account, const char *description);

#endif
