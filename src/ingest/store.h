/* store.h - storing one parsed statement inside the transaction that
 * claimed its file (db/queue.h): the checks the schema needs, statement,
 * pages, raw lines, card, merchants, analytics rows and summaries, and the
 * file marked done or duplicate. The SQL of the bank model lives here, so
 * the database layer takes plain rows only.
 *
 * The statement arrives as the bank layer's model plus what ingest derived
 * from it (normalize.h: fingerprints, merchant names, posting-date order).
 * Every function follows common/err.h; a lost connection is CL_E_DB. */
#ifndef CL_INGEST_STORE_H
#define CL_INGEST_STORE_H

#include "bank/statement.h"
#include "common/err.h"
#include "db/db.h"
#include "db/queue.h"

#include <stdbool.h>
#include <stddef.h>

/* One transaction of the statement as ingest prepared it. */
typedef struct ingest_txn_row {
    const bank_txn *txn;
    int seq;                    /* 1-based position on the statement */
    cl_date posting_date;       /* posted date, else the transaction date */
    char fingerprint[65];
    const char *merchant;       /* normalized name, NULL when none */
} ingest_txn_row;

typedef struct ingest_statement_in {
    const bank_statement *st;
    const char *const *page_text;   /* layout text of each page */
    int n_pages;
    const ingest_txn_row *rows;     /* sorted by posting date, then fingerprint */
    size_t n_rows;
    const char *parser_version;
    long long run_id;
} ingest_statement_in;

typedef struct ingest_store_result {
    bool duplicate;             /* the statement was imported from another file */
    long long duplicate_of;     /* that file's id */
    long long statement_id;
    long inserted;              /* analytics rows added */
    long present;               /* analytics rows whose fingerprint existed */
} ingest_store_result;

/* Inside the claim's transaction: check the statement has what the schema
 * needs (card last 4, period, issuer, currency, dated rows: else CL_E_PARSE
 * naming f's path), store statement, pages, raw lines, merchants and
 * analytics transactions, and mark the file done (or 'duplicate' when
 * raw.statements already holds the same issuer, card and period end: then
 * nothing else is written). Does not commit. Partitions must exist already
 * (db_ensure_partitions on another connection). */
int ingest_store_statement(db_conn *c, const db_claim *f, const ingest_statement_in *in,
                           ingest_store_result *res, cl_err *err);

/* Vacuum this session's staging table (emptied by DELETE after every
 * file); call it now and then outside any transaction. */
int ingest_stage_vacuum(db_conn *c, cl_err *err);

#endif
