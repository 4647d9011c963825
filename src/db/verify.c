/* verify.c - the invariants of the raw and analytics tiers as counting queries. */
#include "verify.h"
#include "common/sbuf.h"

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
    /* sql NULL: built from the summary tables' own columns (summary_sql). */
    {"summaries-exact", "the summary tables equal a fresh rebuild from the transactions", NULL},
    {"reconciled-flags", "a statement marked reconciled has a computed difference of 0.00",
     "SELECT count(*) FROM raw.statements WHERE reconciled "
     "AND (reconcile_difference IS NULL OR reconcile_difference <> 0)"},
    {"runs-counted", "no finished run counts more files stored than it stored",
     "SELECT count(*) FROM raw.ingest_runs r WHERE r.status <> 'running' AND r.files_stored > "
     "(SELECT count(*) FROM raw.source_files f WHERE f.last_run_id = r.id AND f.status = 'done')"},
};

/* The month summaries' keys are their columns other than month and the
 * aggregates (card, category, kind, merchant, currency as the schema has
 * them): read from the catalog, so the check follows migrations. Returns
 * the query counting rows that differ from a fresh aggregation (owned). */
static char *summary_sql(db_conn *c, cl_err *err)
{
    static const char *const tables[] = {"spend_by_month_card_category", "spend_by_month_merchant"};
    sbuf q = {0};
    sbuf_puts(&q, "SELECT 0");
    for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
        const char *p[] = {tables[i]};
        char *keys = NULL, *n = NULL;
        if (db_query_value(c,
                           "SELECT string_agg(quote_ident(column_name::text), ', ' ORDER BY ordinal_position)"
                           " FROM information_schema.columns WHERE table_schema = 'analytics'"
                           " AND table_name = $1"
                           " AND column_name NOT IN ('month', 'txn_count', 'spend', 'credits', 'net')",
                           1, p, &keys, err) < 0 ||
            db_query_value(c,
                           "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'analytics'"
                           " AND table_name = $1"
                           " AND column_name NOT IN ('month', 'txn_count', 'spend', 'credits', 'net')",
                           1, p, &n, err) < 0) {
            free(keys);
            sbuf_free(&q);
            return NULL;
        }
        if (!keys) {
            free(n);
            continue;       /* no such table in this schema version */
        }
        sbuf groupby = {0};
        for (int k = 1; k <= atoi(n) + 1; k++)
            sbuf_printf(&groupby, "%s%d", k > 1 ? ", " : "", k);
        sbuf_printf(&q,
                    " + (WITH fresh AS (SELECT date_trunc('month', posting_date)::date AS month, %s,"
                    " count(*)::bigint AS txn_count, coalesce(-sum(amount) FILTER (WHERE amount < 0), 0) AS spend,"
                    " coalesce(sum(amount) FILTER (WHERE amount > 0), 0) AS credits, sum(amount) AS net"
                    " FROM analytics.transactions GROUP BY %s),"
                    " stored AS (SELECT month, %s, txn_count::bigint, spend, credits, net FROM analytics.%s)"
                    " SELECT (SELECT count(*) FROM (TABLE fresh EXCEPT ALL TABLE stored) a)"
                    " + (SELECT count(*) FROM (TABLE stored EXCEPT ALL TABLE fresh) b))",
                    keys, sbuf_str(&groupby), keys, tables[i]);
        sbuf_free(&groupby);
        free(keys);
        free(n);
    }
    return sbuf_detach(&q);
}

int db_verify(db_conn *c, db_verify_fn fn, void *ctx, cl_err *err)
{
    if (db_exec(c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", 0, NULL, err) < 0)
        return -1;
    int failed = 0;
    for (size_t i = 0; i < sizeof checks / sizeof *checks; i++) {
        char *v = NULL, *built = checks[i].sql ? NULL : summary_sql(c, err);
        if ((!checks[i].sql && !built) ||
            db_query_value(c, checks[i].sql ? checks[i].sql : built, 0, NULL, &v, err) < 0) {
            free(built);
            db_exec(c, "ROLLBACK", 0, NULL, NULL);
            return cl_err_prefix(err, "check %s", checks[i].name);
        }
        free(built);
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
