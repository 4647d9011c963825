/* coverage.c - per card and month: is its statement present, reconciled and chained to the one before? */
#include "q_internal.h"

#include "common/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *q_cov_state_name(q_cov_state s)
{
    switch (s) {
    case Q_COV_OK: return "ok";
    case Q_COV_UNRECONCILED: return "unreconciled";
    case Q_COV_CHAIN_BREAK: return "chain-break";
    case Q_COV_MISSING: return "missing";
    case Q_COV_INACTIVE: return "inactive";
    }
    return "?";
}

typedef struct stmt {
    cl_date start, end;
    q_cov_state state;      /* ok, unreconciled or chain-break */
    char *detail;
} stmt;

typedef struct gap {
    cl_date lo, hi;         /* the days no statement covers */
    cl_date prev_end, next_end;     /* next_end NONE: after the card's last statement */
    char balance[32];       /* then: the last statement's new balance */
    cl_date horizon;
} gap;

static char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));
static char *fmt(const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    char *s = NULL;
    if (vasprintf(&s, f, ap) < 0)
        s = NULL;
    va_end(ap);
    return s ? s : xstrdup("");
}

static const char *nz(const char *s) { return s ? s : "?"; }

static int cmp_int(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

/* The card's usual cycle: the median number of days from one statement's
 * end to the next one's (30 when there is only one statement). */
static int usual_cycle(const db_result *r, int lo, int hi)
{
    int n = hi - lo, cycle = 30;
    if (n <= 0)
        return cycle;
    int *d = xmalloc((size_t)n * sizeof *d);
    for (int i = lo + 1; i <= hi; i++)
        d[i - lo - 1] = q_date(r, i, 6) - q_date(r, i - 1, 6);
    qsort(d, (size_t)n, sizeof *d, cmp_int);
    cycle = d[n / 2];
    free(d);
    return cycle < 7 ? 7 : cycle > 92 ? 92 : cycle;
}

/* States of one card's statements (rows lo..hi of r, by period end) and the
 * gaps between them. Some statements print only their closing date (ingest
 * then starts the period at the first transaction), so a period counts as at
 * least one usual cycle long: only a real absence of statements is a gap. */
static void judge(const db_result *r, int lo, int hi, cl_date horizon, stmt *st, gap *gaps, int *ngaps,
                  cl_date *active_end)
{
    *ngaps = 0;
    int cycle = usual_cycle(r, lo, hi);
    for (int i = lo; i <= hi; i++) {
        stmt *s = &st[i - lo];
        s->end = q_date(r, i, 6);
        s->start = q_date(r, i, 5);
        cl_date printed = s->start;
        if (s->start > s->end - cycle + 1)
            s->start = s->end - cycle + 1;
        s->state = Q_COV_OK;
        const char *file = nz(db_value(r, i, 11));
        if (i > lo) {
            const stmt *p = s - 1;
            int gap_days = s->start - p->end - 1;
            if (gap_days > Q_COV_GAP_DAYS) {
                gaps[(*ngaps)++] = (gap){p->end + 1, printed - 1, p->end, s->end};
            } else if (!db_isnull(r, i, 7) && !db_isnull(r, i - 1, 8) &&
                       q_money(r, i, 7) != q_money(r, i - 1, 8)) {
                char d[11];
                s->state = Q_COV_CHAIN_BREAK;
                s->detail = fmt("previous balance %s is not the new balance %s of the statement ending %s; "
                                "a statement between them is missing or was misread (%s)",
                                db_value(r, i, 7), db_value(r, i - 1, 8), cl_date_format(p->end, d), file);
            }
        }
        if (s->state == Q_COV_OK && db_value(r, i, 9)[0] != 't') {
            s->state = Q_COV_UNRECONCILED;
            s->detail = db_isnull(r, i, 10)
                            ? fmt("its printed totals could not be checked (%s)", file)
                            : fmt("its transactions differ from its printed totals by %s (%s)", db_value(r, i, 10), file);
        }
    }
    /* An issuer sends a statement every cycle while something is owed: after
     * a last statement with a balance, the cycles that other cards' later
     * statements show have passed are missing statements too. */
    const stmt *last = &st[hi - lo];
    *active_end = last->end;
    if (!db_isnull(r, hi, 8) && q_money(r, hi, 8) != 0 && horizon != CL_DATE_NONE &&
        horizon - last->end - Q_COV_GAP_DAYS >= cycle) {
        int due = (horizon - last->end - Q_COV_GAP_DAYS) / cycle;
        gap *g = &gaps[(*ngaps)++];
        *g = (gap){last->end + 1, last->end + due * cycle, last->end, CL_DATE_NONE, "", horizon};
        snprintf(g->balance, sizeof g->balance, "%s", db_value(r, hi, 8));
        *active_end = g->hi;
    }
}

static char *gap_detail(const gap *g)
{
    char a[11], b[11], c[11], d[11];
    if (g->next_end == CL_DATE_NONE)
        return fmt("no statement after the one ending %s, whose new balance was %s; statements of other cards "
                   "reach %s", cl_date_format(g->prev_end, c), g->balance, cl_date_format(g->horizon, d));
    return fmt("no statement covers %s to %s (between the statements ending %s and %s)", cl_date_format(g->lo, a),
               cl_date_format(g->hi, b), cl_date_format(g->prev_end, c), cl_date_format(g->next_end, d));
}

/* The state of month m (rules in the README, "coverage"). */
static q_cov_state month_state(int m, const stmt *st, int n, cl_date active_end, const gap *gaps, int ngaps,
                               char **detail)
{
    cl_date ms = cl_date_from_ymd(q_month_year(m), q_month_mon(m), 1);
    cl_date me = ms + cl_days_in_month(q_month_year(m), q_month_mon(m)) - 1;
    *detail = NULL;
    if (n == 0 || me < st[0].start || ms > active_end)
        return Q_COV_INACTIVE;
    /* a missing statement would have ended in the month its gap ends in */
    for (int i = 0; i < ngaps; i++)
        if (gaps[i].hi >= ms && gaps[i].hi <= me) {
            *detail = gap_detail(&gaps[i]);
            return Q_COV_MISSING;
        }
    q_cov_state worst = Q_COV_OK;
    const stmt *why = NULL;
    bool ends = false;
    for (int i = 0; i < n; i++)
        if (st[i].end >= ms && st[i].end <= me) {
            ends = true;
            if (st[i].state > worst || !why)
                worst = st[i].state, why = &st[i];
        }
    if (!ends) {
        /* no statement ends here: part of a longer gap, or inside a long period */
        for (int i = 0; i < ngaps; i++)
            if (gaps[i].lo <= me && gaps[i].hi >= ms) {
                *detail = gap_detail(&gaps[i]);
                return Q_COV_MISSING;
            }
        for (int i = 0; i < n; i++)
            if (st[i].start <= me && st[i].end >= ms && (st[i].state > worst || !why))
                worst = st[i].state, why = &st[i];
    }
    if (worst != Q_COV_OK && why && why->detail)
        *detail = xstrdup(why->detail);
    return worst;
}

void q_coverage_free(q_coverage *cv)
{
    if (!cv)
        return;
    for (int i = 0; i < cv->ncards; i++) {
        q_cov_card *k = &cv->cards[i];
        free(k->issuer);
        free(k->label);
        free(k->months);
        for (int j = 0; j < k->nproblems; j++)
            free(k->problems[j].detail);
        free(k->problems);
    }
    free(cv->cards);
    free(cv);
}

int q_coverage_run(db_conn *c, const q_filter *f, int from, int to, q_coverage **out, cl_err *err)
{
    *out = NULL;
    if (from > to) {
        char a[8], b[8];
        return cl_err_set(err, CL_E_USAGE, "from %s: after to %s", q_month_format(from, a), q_month_format(to, b));
    }
    if (to - from >= 1200)
        return cl_err_set(err, CL_E_USAGE, "from: at most 100 years at a time");
    q_filter cards_only;
    q_filter_init(&cards_only);
    memcpy(cards_only.cards, f->cards, sizeof cards_only.cards);
    cards_only.ncards = f->ncards;
    q_scope sc;
    if (q_scope_resolve(c, &cards_only, &sc, err) != 0)
        return -1;
    q_sql q = {0};
    q_puts(&q, "SELECT c.id, c.issuer, c.card_last4, c.label, s.id, s.period_start, s.period_end, "
               "s.previous_balance, s.new_balance, s.reconciled, s.reconcile_difference, fl.path "
               "FROM analytics.cards c "
               "JOIN raw.statements s ON s.issuer = c.issuer AND s.card_last4 = c.card_last4 "
               "LEFT JOIN raw.source_files fl ON fl.id = s.source_file_id WHERE true");
    if (sc.card_ids) {
        q_puts(&q, " AND c.id = ANY(");
        q_arg(&q, sc.card_ids);
        q_puts(&q, "::bigint[])");
    }
    q_puts(&q, " ORDER BY c.issuer, c.card_last4, c.id, s.period_end, s.period_start, s.id");
    db_result *r = q_run(c, &q, err);
    q_sql_free(&q);
    q_scope_free(&sc);
    if (!r)
        return -1;

    /* how far the loaded statements of all cards reach */
    char *h = NULL;
    if (db_query_value(c, "SELECT max(period_end) FROM raw.statements", 0, NULL, &h, err) != 0) {
        db_result_free(r);
        return -1;
    }
    cl_date horizon = h ? cl_date_parse_iso(h) : CL_DATE_NONE;
    free(h);
    q_coverage *cv = xcalloc(1, sizeof *cv);
    cv->from = from;
    cv->to = to;
    cv->nmonths = to - from + 1;
    int n = db_nrows(r);
    cv->cards = xcalloc((size_t)n + 1, sizeof *cv->cards);
    stmt *st = xcalloc((size_t)n + 1, sizeof *st);
    gap *gaps = xcalloc((size_t)n + 1, sizeof *gaps);
    for (int lo = 0, hi; lo < n; lo = hi + 1) {
        for (hi = lo; hi + 1 < n && strcmp(db_value(r, hi + 1, 0), db_value(r, lo, 0)) == 0; hi++)
            ;
        int ns = hi - lo + 1, ngaps;
        cl_date active_end;
        judge(r, lo, hi, horizon, st, gaps, &ngaps, &active_end);
        q_cov_card *k = &cv->cards[cv->ncards++];
        k->card_id = q_int(r, lo, 0);
        k->issuer = q_strdup(r, lo, 1);
        q_copy(k->card_last4, sizeof k->card_last4, r, lo, 2);
        k->label = q_strdup(r, lo, 3);
        k->first_start = st[0].start;
        k->last_end = st[ns - 1].end;
        k->months = xcalloc((size_t)cv->nmonths, sizeof *k->months);
        k->problems = xcalloc((size_t)cv->nmonths, sizeof *k->problems);
        for (int m = from; m <= to; m++) {
            char *detail;
            q_cov_state s = month_state(m, st, ns, active_end, gaps, ngaps, &detail);
            k->months[m - from] = s;
            if (s != Q_COV_INACTIVE)
                cv->active_cells++;
            if (s != Q_COV_INACTIVE && s != Q_COV_OK) {
                cv->problem_cells++;
                k->problems[k->nproblems++] = (q_cov_problem){m, s, detail ? detail : xstrdup("")};
            } else {
                free(detail);
            }
        }
        for (int i = 0; i < ns; i++)
            free(st[i].detail);
        memset(st, 0, (size_t)ns * sizeof *st);
    }
    free(st);
    free(gaps);
    db_result_free(r);
    *out = cv;
    return 0;
}
