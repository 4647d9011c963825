/* categorize.c - the SQL of `cardledger categorize`: rules into the
 * database, rules onto merchants and transactions, overrides. */
#include "categorize.h"

#include "common/sbuf.h"
#include "common/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- text[] parameters -------------------------------------------------- */

/* Append one element of a PostgreSQL array literal, quoted. */
static void array_put(sbuf *b, const char *s)
{
    sbuf_putc(b, b->len ? ',' : '{');
    sbuf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            sbuf_putc(b, '\\');
        sbuf_putc(b, *s);
    }
    sbuf_putc(b, '"');
}

static const char *array_end(sbuf *b)
{
    if (!b->len)
        sbuf_putc(b, '{');
    sbuf_putc(b, '}');
    return sbuf_str(b);
}

static long long to_ll(const char *s)
{
    return s ? strtoll(s, NULL, 10) : 0;
}

/* ---- rules ---------------------------------------------------------------- */

static int sync_categories(db_conn *c, const catg_ruleset *rs, cl_err *err)
{
    sbuf names = {0}, tree = {0}, parents = {0};
    for (size_t i = 0; i < rs->ncats; i++) {
        array_put(&names, rs->cats[i].name);
        if (i < rs->ntree) {
            array_put(&tree, rs->cats[i].name);
            array_put(&parents, rs->cats[i].parent);
        }
    }
    const char *p1[] = {array_end(&names)};
    const char *p2[] = {array_end(&tree), array_end(&parents)};
    /* Names in order, so concurrent syncs insert in the same order. */
    int rc = db_exec(c,
                     "INSERT INTO analytics.categories (name) SELECT n FROM unnest($1::text[]) n "
                     "ORDER BY n ON CONFLICT (name) DO NOTHING",
                     1, p1, err) < 0 ||
                     db_exec(c,
                             "UPDATE analytics.categories c SET parent_id = p.id "
                             "FROM unnest($1::text[], $2::text[]) AS t (name, parent) "
                             "LEFT JOIN analytics.categories p ON p.name = t.parent "
                             "WHERE c.name = t.name AND c.parent_id IS DISTINCT FROM p.id",
                             2, p2, err) < 0
                 ? -1
                 : 0;
    sbuf_free(&names);
    sbuf_free(&tree);
    sbuf_free(&parents);
    return rc;
}

static int sync_rules(db_conn *c, const catg_ruleset *rs, cl_err *err)
{
    sbuf cat = {0}, kw = {0}, kind = {0}, src = {0}, line = {0};
    for (size_t i = 0; i < rs->nrules; i++) {
        const catg_rule *r = &rs->rules[i];
        char no[16];
        snprintf(no, sizeof no, "%d", r->line);
        array_put(&cat, r->category);
        array_put(&kw, r->keyword);
        array_put(&kind, r->kind);
        array_put(&src, r->source == CATG_USER ? "user" : "default");
        array_put(&line, no);
    }
    const char *p[] = {array_end(&cat), array_end(&kw), array_end(&kind), array_end(&src),
                       array_end(&line)};
    /* Ids in file order (user first): the last tie-breaker of a match. */
    int rc = db_exec(c, "DELETE FROM analytics.category_rules", 0, NULL, err) < 0 ||
                     db_exec(c,
                             "INSERT INTO analytics.category_rules "
                             "(keyword, kind, category_id, priority, source, line) "
                             "SELECT nullif(t.kw, ''), nullif(t.kind, ''), c.id, "
                             "CASE t.src WHEN 'user' THEN 100 ELSE 200 END, t.src, t.line "
                             "FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], "
                             "$5::int[]) WITH ORDINALITY AS t (cat, kw, kind, src, line, ord) "
                             "JOIN analytics.categories c ON c.name = t.cat ORDER BY t.ord",
                             5, p, err) < 0
                 ? -1
                 : 0;
    sbuf_free(&cat);
    sbuf_free(&kw);
    sbuf_free(&kind);
    sbuf_free(&src);
    sbuf_free(&line);
    return rc;
}

int catg_rules_sync(db_conn *c, const catg_ruleset *rs, bool *changed, cl_err *err)
{
    if (changed)
        *changed = false;
    /* One syncer at a time; ingest workers keep reading the old rules. */
    if (db_exec(c, "LOCK TABLE analytics.category_rules IN EXCLUSIVE MODE", 0, NULL, err) < 0)
        return -1;
    char *digest = NULL;
    if (db_query_value(c, "SELECT digest FROM analytics.category_rule_state", 0, NULL, &digest,
                       err) < 0)
        return -1;
    bool same = digest && strcmp(digest, rs->digest) == 0;
    free(digest);
    if (same)
        return 0;
    char nr[24], nu[24];
    snprintf(nr, sizeof nr, "%zu", rs->nrules);
    snprintf(nu, sizeof nu, "%zu", rs->nuser);
    const char *p[] = {rs->digest, rs->user_path, nr, nu};
    if (sync_categories(c, rs, err) < 0 || sync_rules(c, rs, err) < 0 ||
        db_exec(c,
                "INSERT INTO analytics.category_rule_state (digest, user_file, rules, user_rules) "
                "VALUES ($1, $2, $3, $4) ON CONFLICT (singleton) DO UPDATE SET "
                "digest = EXCLUDED.digest, user_file = EXCLUDED.user_file, rules = EXCLUDED.rules, "
                "user_rules = EXCLUDED.user_rules, loaded_at = now()",
                4, p, err) < 0)
        return -1;
    if (changed)
        *changed = true;
    return 0;
}

int catg_rules_sync_default(db_conn *c, cl_err *err)
{
    char *path = catg_user_rules_path();
    catg_ruleset rs;
    int rc = catg_ruleset_load(&rs, path, err);
    free(path);
    if (rc < 0)
        return -1;
    if (db_begin(c, err) < 0 || catg_rules_sync(c, &rs, NULL, err) < 0 || db_commit(c, err) < 0) {
        db_rollback(c);
        rc = -1;
    }
    catg_ruleset_free(&rs);
    return rc;
}

/* ---- applying them ------------------------------------------------------------ */

/* Merchants: the override, else the first matching keyword rule (lowest
 * priority, longest keyword, lowest id), as analytics.category_for_merchant()
 * picks for a new one. Candidate rules are joined by a merchant word equal
 * to the keyword's first word (a hash join), instead of trying every rule
 * on every merchant; strpos then checks the whole phrase. */
static const char merchants_sql[] =
    "WITH hit AS ("
    " SELECT DISTINCT ON (w.id) w.id, r.category_id"
    " FROM (SELECT m.id, m.name, x.word FROM analytics.merchants m"
    "       CROSS JOIN LATERAL unnest(string_to_array(m.name, ' ')) AS x (word)"
    "       WHERE m.category_override IS NULL AND ($1::bigint IS NULL OR m.id = $1)) w"
    " JOIN analytics.category_rules r"
    "   ON r.keyword IS NOT NULL AND split_part(r.keyword, ' ', 1) = w.word"
    " WHERE strpos(' ' || w.name || ' ', ' ' || r.keyword || ' ') > 0"
    " ORDER BY w.id, r.priority, length(r.keyword) DESC, r.id),"
    "want AS ("
    " SELECT m.id, coalesce(m.category_override, h.category_id) AS cat"
    " FROM analytics.merchants m LEFT JOIN hit h ON h.id = m.id"
    " WHERE $1::bigint IS NULL OR m.id = $1),"
    "upd AS ("
    " UPDATE analytics.merchants m SET category_id = w.cat FROM want w"
    " WHERE m.id = w.id AND m.category_id IS DISTINCT FROM w.cat RETURNING 1)"
    "SELECT (SELECT count(*) FROM want), (SELECT count(*) FROM upd)";

/* The summaries' delta of one changed row: minus under its old category,
 * plus under its new one; the same aggregates as refresh_summaries(). */
#define DELTA_COLS                                                                              \
    "sum(sgn), coalesce(sum(-sgn * amount) FILTER (WHERE amount < 0), 0), "                     \
    "coalesce(sum(sgn * amount) FILTER (WHERE amount > 0), 0), sum(sgn * amount)"
#define DELTA_SET                                                                               \
    "DO UPDATE SET txn_count = s.txn_count + EXCLUDED.txn_count, "                              \
    "spend = s.spend + EXCLUDED.spend, credits = s.credits + EXCLUDED.credits, "                \
    "net = s.net + EXCLUDED.net"

/* Transactions: their override, else their kind's rule, else their
 * merchant's category. Only rows whose category changes are written: they
 * are found by one scan (ch, materialized, so the update joins the few
 * changed rows rather than the table with itself). */
static const char txns_sql[] =
    "WITH kc AS ("
    " SELECT DISTINCT ON (kind) kind, category_id FROM analytics.category_rules"
    " WHERE kind IS NOT NULL ORDER BY kind, priority, id),"
    "ch AS MATERIALIZED ("
    " SELECT t.posting_date, t.id, t.category_id AS old, x.new"
    " FROM analytics.transactions t"
    " LEFT JOIN analytics.merchants m ON m.id = t.merchant_id"
    " LEFT JOIN kc ON kc.kind = t.kind"
    " LEFT JOIN analytics.transaction_category_overrides o"
    "   ON o.fingerprint = t.fingerprint AND o.posting_date = t.posting_date"
    " CROSS JOIN LATERAL (SELECT coalesce(o.category_id, kc.category_id, m.category_id) AS new) x"
    " WHERE ($1::bigint IS NULL OR t.merchant_id = $1) AND ($2::bigint IS NULL OR t.id = $2)"
    "  AND ($3::date IS NULL OR t.posting_date >= $3) AND ($4::date IS NULL OR t.posting_date < $4)"
    "  AND t.category_id IS DISTINCT FROM x.new),"
    "upd AS ("
    " UPDATE analytics.transactions t SET category_id = ch.new FROM ch"
    " WHERE t.posting_date = ch.posting_date AND t.id = ch.id"
    "  AND ($3::date IS NULL OR t.posting_date >= $3) AND ($4::date IS NULL OR t.posting_date < $4)"
    " RETURNING date_trunc('month', t.posting_date)::date AS month, t.card_id, t.merchant_id,"
    "  t.kind, t.currency, t.amount, ch.old, ch.new),"
    "d AS ("
    " SELECT month, card_id, merchant_id, kind, currency, amount, old AS category_id, -1 AS sgn"
    " FROM upd UNION ALL"
    " SELECT month, card_id, merchant_id, kind, currency, amount, new, 1 FROM upd),"
    "mc AS ("
    " INSERT INTO analytics.spend_by_month_card_category AS s (month, card_id, category_id, kind,"
    "  currency, txn_count, spend, credits, net)"
    " SELECT month, card_id, category_id, kind, currency, " DELTA_COLS
    " FROM d GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5"
    " ON CONFLICT (month, card_id, category_id, kind, currency) " DELTA_SET "),"
    "mm AS ("
    " INSERT INTO analytics.spend_by_month_merchant AS s (month, card_id, merchant_id, category_id,"
    "  kind, currency, txn_count, spend, credits, net)"
    " SELECT month, card_id, merchant_id, category_id, kind, currency, " DELTA_COLS
    " FROM d GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6"
    " ON CONFLICT (month, card_id, merchant_id, category_id, kind, currency) " DELTA_SET ")"
    "SELECT coalesce(co.name, '(none)'), coalesce(cn.name, '(none)'), count(*),"
    " sum(count(*)) OVER ()"
    " FROM upd LEFT JOIN analytics.categories co ON co.id = upd.old"
    " LEFT JOIN analytics.categories cn ON cn.id = upd.new"
    " GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2";

/* Add a batch's moves to out's (merged by from -> to). */
static void add_moves(catg_move *all, int *nall, int cap, const db_result *r)
{
    for (int i = 0; i < db_nrows(r); i++) {
        const char *from = db_value(r, i, 0), *to = db_value(r, i, 1);
        long n = (long)to_ll(db_value(r, i, 2));
        int j = 0;
        while (j < *nall && (strcmp(all[j].from, from) != 0 || strcmp(all[j].to, to) != 0))
            j++;
        if (j == *nall) {
            if (*nall == cap)
                continue;       /* beyond what anyone reads; the total still counts it */
            snprintf(all[j].from, sizeof all[j].from, "%s", from);
            snprintf(all[j].to, sizeof all[j].to, "%s", to);
            all[j].count = 0;
            (*nall)++;
        }
        all[j].count += n;
    }
}

static int cmp_moves(const void *a, const void *b)
{
    const catg_move *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    int c = strcmp(x->from, y->from);
    return c ? c : strcmp(x->to, y->to);
}

/* The posting years that have rows, ascending (a loose index scan of the
 * primary key, which leads with posting_date). *years is malloc'd. */
static int posting_years(db_conn *c, int **years, int *n, cl_err *err)
{
    db_result *r = db_query(c,
                            "WITH RECURSIVE y (d) AS ("
                            " SELECT min(posting_date) FROM analytics.transactions"
                            " UNION ALL SELECT (SELECT min(t.posting_date) FROM analytics.transactions t"
                            "  WHERE t.posting_date >= (date_trunc('year', y.d) + interval '1 year')::date)"
                            " FROM y WHERE y.d IS NOT NULL)"
                            "SELECT extract(year FROM d)::int FROM y WHERE d IS NOT NULL",
                            0, NULL, err);
    if (!r)
        return -1;
    *n = db_nrows(r);
    *years = xcalloc((size_t)*n + 1, sizeof **years);
    for (int i = 0; i < *n; i++)
        (*years)[i] = (int)to_ll(db_value(r, i, 0));
    db_result_free(r);
    return 0;
}

int catg_apply(db_conn *c, long long merchant_id, long long txn_id, catg_result *out, cl_err *err)
{
    memset(out, 0, sizeof *out);
    char mid[24], tid[24];
    snprintf(mid, sizeof mid, "%lld", merchant_id);
    snprintf(tid, sizeof tid, "%lld", txn_id);
    const char *pm[] = {merchant_id > 0 ? mid : NULL};
    /* Ingest inserts with the categories it reads: it waits for us (its
     * file transactions take ROW EXCLUSIVE on the table first), and we
     * wait for the files in flight. */
    if (db_exec(c, "LOCK TABLE analytics.transactions IN SHARE ROW EXCLUSIVE MODE", 0, NULL, err) < 0)
        return -1;
    if (txn_id <= 0) {
        db_result *r = db_query(c, merchants_sql, 1, pm, err);
        if (!r)
            return -1;
        out->merchants = (long)to_ll(db_value(r, 0, 0));
        out->merchants_changed = (long)to_ll(db_value(r, 0, 1));
        db_result_free(r);
    }
    /* A whole run goes one posting year (one partition) at a time: the
     * rows and indexes one statement rewrites then fit in shared buffers
     * (measured at 1,000,000 rows and 128 MB: all years at once spent most
     * of its time writing out and reading back evicted index pages). */
    int *years = NULL, nyears = 1;
    bool all = merchant_id <= 0 && txn_id <= 0;
    if (all && posting_years(c, &years, &nyears, err) < 0)
        return -1;
    catg_move moves[64];
    int nmoves = 0;
    int rc = 0;
    for (int y = 0; y < nyears && rc == 0; y++) {
        char from[24], to[24];
        if (all) {
            snprintf(from, sizeof from, "%04d-01-01", years[y]);
            snprintf(to, sizeof to, "%04d-01-01", years[y] + 1);
        }
        const char *pt[] = {merchant_id > 0 ? mid : NULL, txn_id > 0 ? tid : NULL,
                            all ? from : NULL, all ? to : NULL};
        db_result *r = db_query(c, txns_sql, 4, pt, err);
        if (!r) {
            rc = -1;
            break;
        }
        add_moves(moves, &nmoves, (int)ARRAY_LEN(moves), r);
        if (db_nrows(r) > 0)
            out->txns_changed += (long)to_ll(db_value(r, 0, 3));
        db_result_free(r);
    }
    free(years);
    if (rc < 0)
        return -1;
    qsort(moves, (size_t)nmoves, sizeof *moves, cmp_moves);
    for (int i = 0; i < nmoves && i < CATG_MOVES_MAX; i++)
        out->moves[out->nmoves++] = moves[i];
    const char *pc[] = {merchant_id > 0 ? mid : NULL, txn_id > 0 ? tid : NULL};
    char *n = NULL;
    if (db_query_value(c,
                       "SELECT count(*) FROM analytics.transactions t "
                       "WHERE ($1::bigint IS NULL OR t.merchant_id = $1) "
                       "AND ($2::bigint IS NULL OR t.id = $2)",
                       2, pc, &n, err) < 0)
        return -1;
    out->txns = (long)to_ll(n);
    free(n);
    if (out->txns_changed > 0 &&
        (db_exec(c, "DELETE FROM analytics.spend_by_month_card_category WHERE txn_count = 0", 0,
                 NULL, err) < 0 ||
         db_exec(c, "DELETE FROM analytics.spend_by_month_merchant WHERE txn_count = 0", 0, NULL,
                 err) < 0))
        return -1;
    db_result *r = db_query(c,
                            "SELECT (SELECT count(*) FROM analytics.merchants WHERE category_id IS NULL), "
                            "(SELECT coalesce(sum(txn_count), 0) FROM analytics.spend_by_month_card_category "
                            "WHERE category_id IS NULL)",
                            0, NULL, err);
    if (!r)
        return -1;
    out->uncategorized_merchants = (long)to_ll(db_value(r, 0, 0));
    out->uncategorized_txns = (long)to_ll(db_value(r, 0, 1));
    db_result_free(r);
    return 0;
}

/* ---- overrides ------------------------------------------------------------------ */

int catg_category_id(db_conn *c, const char *name, long long *id, cl_err *err)
{
    const char *p[] = {name};
    char *v = NULL;
    *id = 0;
    if (db_query_value(c,
                       "SELECT id FROM analytics.categories WHERE name = $1 UNION ALL "
                       "(SELECT min(id) FROM analytics.categories WHERE lower(name) = lower($1) "
                       "HAVING count(*) = 1) LIMIT 1",
                       1, p, &v, err) < 0)
        return -1;
    *id = to_ll(v);
    free(v);
    return 0;
}

int catg_set_transaction(db_conn *c, long long txn_id, long long category_id, bool *found,
                         cl_err *err)
{
    char tid[24], cid[24];
    snprintf(tid, sizeof tid, "%lld", txn_id);
    snprintf(cid, sizeof cid, "%lld", category_id);
    const char *p[] = {tid, category_id > 0 ? cid : NULL};
    /* Keyed by fingerprint and posting date, which re-ingest reproduces. */
    if (category_id > 0) {
        long n = db_exec(c,
                         "INSERT INTO analytics.transaction_category_overrides "
                         "(fingerprint, posting_date, category_id) "
                         "SELECT fingerprint, posting_date, $2 FROM analytics.transactions "
                         "WHERE id = $1 ON CONFLICT (fingerprint, posting_date) DO UPDATE SET "
                         "category_id = EXCLUDED.category_id, set_at = now()",
                         2, p, err);
        if (n < 0)
            return -1;
        *found = n > 0;
        return 0;
    }
    char *v = NULL;
    if (db_query_value(c,
                       "WITH x AS (SELECT fingerprint, posting_date FROM analytics.transactions "
                       "WHERE id = $1), d AS (DELETE FROM analytics.transaction_category_overrides o "
                       "USING x WHERE o.fingerprint = x.fingerprint AND "
                       "o.posting_date = x.posting_date) SELECT count(*) FROM x",
                       1, p, &v, err) < 0)
        return -1;
    *found = to_ll(v) > 0;
    free(v);
    return 0;
}

int catg_set_merchant(db_conn *c, const char *name, long long category_id, long long *merchant_id,
                      cl_err *err)
{
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", category_id);
    const char *p[] = {name, category_id > 0 ? cid : NULL};
    char *v = NULL;
    if (db_query_value(c,
                       "UPDATE analytics.merchants SET category_override = $2 WHERE name = $1 "
                       "RETURNING id",
                       2, p, &v, err) < 0)
        return -1;
    *merchant_id = to_ll(v);
    free(v);
    return 0;
}

/* ---- reads ---------------------------------------------------------------------- */

int catg_uncategorized(db_conn *c, int top, catg_uncat **rows, int *n, cl_err *err)
{
    char lim[24];
    snprintf(lim, sizeof lim, "%d", top);
    const char *p[] = {lim};
    *rows = NULL;
    *n = 0;
    db_result *r = db_query(c,
                            "SELECT coalesce(m.name, ''), s.currency, sum(s.txn_count), -sum(s.net) "
                            "FROM analytics.spend_by_month_merchant s "
                            "JOIN analytics.kinds k ON k.kind = s.kind AND k.is_spend "
                            "LEFT JOIN analytics.merchants m ON m.id = s.merchant_id "
                            "WHERE s.category_id IS NULL GROUP BY 1, 2 "
                            "ORDER BY 4 DESC, 1, 2 LIMIT $1",
                            1, p, err);
    if (!r)
        return -1;
    *n = db_nrows(r);
    *rows = xcalloc((size_t)*n + 1, sizeof **rows);
    for (int i = 0; i < *n; i++) {
        catg_uncat *u = &(*rows)[i];
        snprintf(u->merchant, sizeof u->merchant, "%s", db_value(r, i, 0));
        snprintf(u->currency, sizeof u->currency, "%s", db_value(r, i, 1));
        u->txns = (long)to_ll(db_value(r, i, 2));
        snprintf(u->spend, sizeof u->spend, "%s", db_value(r, i, 3));
    }
    db_result_free(r);
    return 0;
}

int catg_tree(db_conn *c, catg_tree_row **rows, int *n, cl_err *err)
{
    *rows = NULL;
    *n = 0;
    /* Parents first, each followed by its children, by name. */
    db_result *r = db_query(c,
                            "SELECT c.name, coalesce(p.name, ''), "
                            "coalesce((SELECT sum(s.txn_count) FROM "
                            "analytics.spend_by_month_card_category s WHERE s.category_id = c.id), 0) "
                            "FROM analytics.categories c "
                            "LEFT JOIN analytics.categories p ON p.id = c.parent_id "
                            "ORDER BY coalesce(p.name, c.name), p.name IS NOT NULL, c.name",
                            0, NULL, err);
    if (!r)
        return -1;
    *n = db_nrows(r);
    *rows = xcalloc((size_t)*n + 1, sizeof **rows);
    for (int i = 0; i < *n; i++) {
        catg_tree_row *t = &(*rows)[i];
        snprintf(t->name, sizeof t->name, "%s", db_value(r, i, 0));
        snprintf(t->parent, sizeof t->parent, "%s", db_value(r, i, 1));
        t->txns = (long)to_ll(db_value(r, i, 2));
    }
    db_result_free(r);
    return 0;
}
