/* categorize.h - storing the category rules and applying them to merchants
 * and transactions, set-based, with the summary tables kept exact in the
 * same transaction; overrides; the uncategorized merchants by spend.
 *
 * Every call runs inside the caller's transaction (db_begin): categorize
 * is one transaction, so --dry-run is the same work rolled back. */
#ifndef CL_QUERY_CATEGORIZE_H
#define CL_QUERY_CATEGORIZE_H

#include "db/db.h"
#include "query/rules.h"

#include <stdbool.h>

/* Store rs as the database's rules (analytics.category_rules) and make
 * every category it names exist, the tree's with their parents. Does
 * nothing when the stored digest is rs's. *changed (may be NULL) says
 * whether it stored anything. */
int catg_rules_sync(db_conn *c, const catg_ruleset *rs, bool *changed, cl_err *err);

/* Load the built-in and the user's rules and sync them in a transaction of
 * their own (ingest calls it before a run). */
int catg_rules_sync_default(db_conn *c, cl_err *err);

/* What an apply changed. moves: up to CATG_MOVES_MAX (old -> new category
 * names, "(none)" for no category) with their transaction counts, the
 * largest first. */
#define CATG_MOVES_MAX 10
typedef struct catg_move {
    char from[CATG_NAME_MAX + 1], to[CATG_NAME_MAX + 1];
    long count;
} catg_move;

typedef struct catg_result {
    long merchants, merchants_changed;
    long txns, txns_changed;
    long uncategorized_merchants, uncategorized_txns;
    catg_move moves[CATG_MOVES_MAX];
    int nmoves;
} catg_result;

/* Re-apply the stored rules and overrides: every merchant's category, then
 * every transaction's (its override, else its kind's rule, else its
 * merchant's), and the summaries by the changed rows' deltas. Scope:
 * merchant_id > 0 only that merchant and its transactions, txn_id > 0 only
 * that transaction, else everything. */
int catg_apply(db_conn *c, long long merchant_id, long long txn_id, catg_result *out, cl_err *err);

/* The category id of a name (exact, else the one case-insensitive match);
 * 0 when there is none. */
int catg_category_id(db_conn *c, const char *name, long long *id, cl_err *err);

/* Override one transaction's category (category_id 0: remove the
 * override). The override is keyed by the transaction's fingerprint, so it
 * survives re-ingest. *found false when there is no such transaction. */
int catg_set_transaction(db_conn *c, long long txn_id, long long category_id, bool *found,
                         cl_err *err);

/* Override a merchant's category (0: back to its rules) by its normalized
 * name; *merchant_id 0 when there is no such merchant. */
int catg_set_merchant(db_conn *c, const char *name, long long category_id, long long *merchant_id,
                      cl_err *err);

/* The top uncategorized merchants by spend (spend kinds only), per currency. */
typedef struct catg_uncat {
    char merchant[CATG_KEYWORD_MAX + 1];    /* "" for rows without a merchant */
    char currency[4];
    long txns;
    char spend[32];                         /* exact decimal */
} catg_uncat;

int catg_uncategorized(db_conn *c, int top, catg_uncat **rows, int *n, cl_err *err);

/* The category tree: name, parent ("" for none), transactions. */
typedef struct catg_tree_row {
    char name[CATG_NAME_MAX + 1], parent[CATG_NAME_MAX + 1];
    long txns;
} catg_tree_row;

int catg_tree(db_conn *c, catg_tree_row **rows, int *n, cl_err *err);

#endif
