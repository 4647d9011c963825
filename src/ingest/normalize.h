/* normalize.h - what ingest derives from a parsed statement before storing
 * it: merchant names, transaction fingerprints, and the rows in posting-date
 * order. Pure functions: no database, no files. */
#ifndef CL_INGEST_NORMALIZE_H
#define CL_INGEST_NORMALIZE_H

#include "bank/statement.h"
#include "store.h"

#include <stddef.h>

#define INGEST_MERCHANT_MAX 96

/* Merchant name of a description: upper case; payment-processor prefixes
 * ("SQ *", "TST*", "PAYPAL *" ...) and reference codes after a '*'
 * removed; cut at the first reference number (a token with two or more
 * digits, or none but digits) that follows a name; trailing state,
 * country and well-known city names and company suffixes (COM, INC, LLC)
 * removed. "" when nothing is left. out has room for
 * INGEST_MERCHANT_MAX bytes. */
void ingest_merchant_name(const char *description, char *out, size_t outsz);

/* Description as fingerprints compare it: upper case, runs of white space
 * as one space, trimmed. */
void ingest_fingerprint_text(const char *description, char *out, size_t outsz);

/* Card used when a statement prints no card number. */
#define INGEST_UNKNOWN_CARD "0000"

/* Fill what the database needs and some statements do not print: no card
 * number -> INGEST_UNKNOWN_CARD; no period end -> the statement date; no
 * period start -> the first transaction date (or the period end). */
void ingest_complete_statement(bank_statement *st);

/* The rows of a statement ready for ingest_store_statement(): each with its
 * posting date, merchant and fingerprint
 *   sha256(issuer, card last 4, posting date, amount, normalized
 *          description, occurrence number among identical rows)
 * so identical purchases on one day stay distinct rows while the same
 * statement read again yields the same fingerprints. Sorted by posting
 * date, then fingerprint. */
typedef struct ingest_rows {
    ingest_txn_row *rows;
    size_t n;
    char (*merchants)[INGEST_MERCHANT_MAX];   /* storage behind rows[i].merchant */
    cl_date min_posting, max_posting;         /* CL_DATE_NONE when n == 0 */
} ingest_rows;

void ingest_rows_build(const bank_statement *st, ingest_rows *out);
void ingest_rows_free(ingest_rows *r);

#endif
