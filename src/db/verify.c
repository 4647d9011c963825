/* verify.c - the invariants of the raw and analytics tiers as counting queries. */
#include "verify.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct check {
    const char *name, *promise, *sql;
} check;

/* Each query returns one bigint: the rows that break the promise. */
static const check checks[] = {
    {"done-files-have-statements", "every stored file has its statement",
     "SELECT count(*) FROM raw.source_files f WHERE f.status = 'done' "
     "AND NOT EXISTS (SELECT 1 FROM raw.statements s WHERE s.source_file_id = f.id)"},
    {"duplicates-recorded", "every duplicate file names a stored file with that statement",
     "SELECT count(*) FROM raw.source_files f WHERE f.status = 'duplicate' "
     "AND NOT EXISTS (SELECT 1 FROM raw.source_files o JOIN raw.statements s ON s.source_file_id = o.id "
     "                WHERE o.id = f.duplicate_of AND o.status = 'done')"},
    {"statements-of-done-files", "only stored files have a statement, one each",
     "SELECT count(*) FROM (SELECT s.source_file_id FROM raw.statements s "
     " JOIN raw.source_files f ON f.id = s.source_file_id "
     " GROUP BY s.source_file_id, f.status HAVING f.status <> 'done' OR count(*) > 1) x"},
    {"pages-stored", "every stored file has all its pages",
     "SELECT count(*) FROM raw.source_files f WHERE f.status = 'done' "
     "AND coalesce(f.pages, -1) <> (SELECT count(*) FROM raw.pages p WHERE p.source_file_id = f.id)"},
    {"raw-lines-complete", "every statement's transaction count equals its raw lines",
     "SELECT count(*) FROM raw.statements s WHERE s.transaction_count <> "
     "(SELECT count(*) FROM raw.transaction_lines l WHERE l.statement_id = s.id)"},
    {"rows-within-statements",
     "no statement owns more analytics rows than it has transactions (the rest were stored already)",
     "SELECT count(*) FROM (SELECT t.statement_id, count(*) AS n FROM analytics.transactions t "
     " GROUP BY 1) x JOIN raw.statements s ON s.id = x.statement_id WHERE x.n > s.transaction_count"},
    {"no-duplicate-fingerprints", "no transaction is stored twice",
     "SELECT count(*) FROM (SELECT fingerprint FROM analytics.transactions GROUP BY 1 "
     " HAVING count(*) > 1) x"},
    {"no-orphans", "every row's statement, file, card, merchant and category exist",
     "SELECT (SELECT count(*) FROM analytics.transactions t WHERE NOT EXISTS "
     "         (SELECT 1 FROM raw.statements s WHERE s.id = t.statement_id)"
     "    OR NOT EXISTS (SELECT 1 FROM analytics.cards c WHERE c.id = t.card_id)"
     "    OR (t.merchant_id IS NOT NULL AND NOT EXISTS "
     "         (SELECT 1 FROM analytics.merchants m WHERE m.id = t.merchant_id))"
     "    OR (t.category_id IS NOT NULL AND NOT EXISTS "
     "         (SELECT 1 FROM analytics.categories g WHERE g.id = t.category_id)))"
     " + (SELECT count(*) FROM raw.transaction_lines l WHERE NOT EXISTS "
     "         (SELECT 1 FROM raw.statements s WHERE s.id = l.statement_id))"
     " + (SELECT count(*) FROM raw.pages p WHERE NOT EXISTS "
     "         (SELECT 1 FROM raw.source_files f WHERE f.id = p.source_file_id))"
     " + (SELECT count(*) FROM raw.source_file_paths p WHERE NOT EXISTS "
     "         (SELECT 1 FROM raw.source_files f WHERE f.id = p.source_file_id))"},
    {"summaries-exact", "the summary tables equal a fresh rebuild from the transactions",
     "WITH mcc AS (SELECT date_trunc('month', posting_date)::date AS month, card_id, category_id, currency,"
     "   count(*)::bigint AS txn_count, coalesce(-sum(amount) FILTER (WHERE amount < 0), 0) AS spend,"
     "   coalesce(sum(amount) FILTER (WHERE amount > 0), 0) AS credits, sum(amount) AS net"
     "   FROM analytics.transactions GROUP BY 1, 2, 3, 4),"
     " mm AS (SELECT date_trunc('month', posting_date)::date AS month, merchant_id, currency,"
     "   count(*)::bigint AS txn_count, coalesce(-sum(amount) FILTER (WHERE amount < 0), 0) AS spend,"
     "   coalesce(sum(amount) FILTER (WHERE amount > 0), 0) AS credits, sum(amount) AS net"
     "   FROM analytics.transactions GROUP BY 1, 2, 3)"
     "SELECT (SELECT count(*) FROM (SELECT * FROM mcc EXCEPT SELECT month, card_id, category_id, currency,"
     "          txn_count::bigint, spend, credits, net FROM analytics.spend_by_month_card_category) a)"
     "     + (SELECT count(*) FROM (SELECT month, card_id, category_id, currency, txn_count::bigint, spend,"
     "          credits, net FROM analytics.spend_by_month_card_category EXCEPT SELECT * FROM mcc) b)"
     "     + (SELECT count(*) FROM (SELECT * FROM mm EXCEPT SELECT month, merchant_id, currency,"
     "          txn_count::bigint, spend, credits, net FROM analytics.spend_by_month_merchant) c)"
     "     + (SELECT count(*) FROM (SELECT month, merchant_id, currency, txn_count::bigint, spend, credits,"
     "          net FROM analytics.spend_by_month_merchant EXCEPT SELECT * FROM mm) d)"},
    {"reconciled-flags", "a statement marked reconciled has a computed difference of 0.00",
     "SELECT count(*) FROM raw.statements WHERE reconciled "
     "AND (reconcile_difference IS NULL OR reconcile_difference <> 0)"},
    {"runs-counted", "no finished run counts more files stored than it stored",
     "SELECT count(*) FROM raw.ingest_runs r WHERE r.status <> 'running' AND r.files_stored > "
     "(SELECT count(*) FROM raw.source_files f WHERE f.last_run_id = r.id AND f.status = 'done')"},
};

int db_verify(db_conn *c, db_verify_fn fn, void *ctx, cl_err *err)
{
    if (db_exec(c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", 0, NULL, err) < 0)
        return -1;
    int failed = 0;
    for (size_t i = 0; i < sizeof checks / sizeof *checks; i++) {
        char *v = NULL;
        if (db_query_value(c, checks[i].sql, 0, NULL, &v, err) < 0) {
            db_exec(c, "ROLLBACK", 0, NULL, NULL);
            return cl_err_prefix(err, "check %s", checks[i].name);
        }
        long long n = v ? strtoll(v, NULL, 10) : 0;
        free(v);
        failed += n != 0;
        fn(ctx, checks[i].name, checks[i].promise, n);
    }
    db_exec(c, "COMMIT", 0, NULL, NULL);
    return failed;
}

int db_run_recount(db_conn *c, long long run_id, long *stored, long *duplicate, long long *inserted,
                   cl_err *err)
{
    char id[24];
    snprintf(id, sizeof id, "%lld", run_id);
    const char *p[] = {id};
    db_result *r = db_query(c,
                            "SELECT count(*) FILTER (WHERE f.status = 'done'),"
                            " count(*) FILTER (WHERE f.status = 'duplicate'),"
                            " coalesce(sum((SELECT count(*) FROM analytics.transactions t"
                            "   JOIN raw.statements s ON s.id = t.statement_id"
                            "   WHERE s.source_file_id = f.id)) FILTER (WHERE f.status = 'done'), 0)"
                            " FROM raw.source_files f WHERE f.last_run_id = $1::bigint",
                            1, p, err);
    if (!r)
        return -1;
    *stored = strtol(db_value(r, 0, 0), NULL, 10);
    *duplicate = strtol(db_value(r, 0, 1), NULL, 10);
    *inserted = strtoll(db_value(r, 0, 2), NULL, 10);
    db_result_free(r);
    return 0;
}
