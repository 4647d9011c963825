/* finish.c - after the line pass: statement dates, transaction dates and
 * their years, signs, and reconciliation against the printed balances. */
#include "engine.h"
#include "common/util.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static void txn_release(bank_txn *t, txn_extra *x)
{
    free(t->description);
    free(t->raw_date);
    free(t->raw_description);
    free(t->raw_amount);
    free(x->raw_posted);
    free(x->raw_first);
}

/* The latest date with a year printed in a transaction date column or
 * anywhere before (see latest_date): a last resort when the statement
 * prints no statement date we can find. CL_DATE_NONE when there is none
 * (never today's date: output must not depend on the day it runs). */
static cl_date fallback_date(engine *e)
{
    cl_date best = e->latest;
    for (size_t i = 0; i < e->st->n_txns; i++) {
        cl_date d = eng_field_date(e, e->st->txns[i].raw_date, strlen(e->st->txns[i].raw_date), false);
        if (d != CL_DATE_NONE && (best == CL_DATE_NONE || d > best))
            best = d;
    }
    return best;
}

/* Every transaction date (and posting date) read with every format, once:
 * y*10000 + m*100 + d (y 0 when not printed), 0 when the format does not
 * read it. Index (txn * 2 + posted) * n_formats + format. */
static int32_t *parse_all_dates(engine *e)
{
    bank_statement *st = e->st;
    size_t nf = (size_t)e->p->n_txn_dates;
    int32_t *ymd = xcalloc(st->n_txns * 2 * nf + 1, sizeof *ymd);
    for (size_t i = 0; i < st->n_txns; i++) {
        const char *raws[2] = {st->txns[i].raw_date, e->x[i].raw_posted};
        for (size_t r = 0; r < 2; r++)
            for (size_t f = 0; raws[r] && f < nf; f++) {
                const bank_datefmt *fmt = &e->p->txn_dates[f];
                int y, m, d;
                if (bank_datefmt_may_fit(fmt, raws[r]) && bank_datefmt_parse(fmt, raws[r], strlen(raws[r]), &y, &m, &d))
                    ymd[(i * 2 + r) * nf + f] = y * 10000 + m * 100 + d;
            }
    }
    return ymd;
}

static cl_date ymd_date(int32_t v, cl_date lo, cl_date hi)
{
    if (!v)
        return CL_DATE_NONE;
    int y = v / 10000, m = v / 100 % 100, d = v % 100;
    return y ? cl_date_from_ymd(y, m, d) : bank_date_resolve(m, d, lo, hi);
}

/* Score each transaction date format against the period [lo, hi]: one
 * point per date it reads near the period, two inside it. cand (NULL or
 * like ymd) receives every reading (CL_DATE_NONE: no parse). Returns the
 * best score. */
static int score_formats(engine *e, const int32_t *ymd, cl_date lo, cl_date hi, int *score, cl_date *cand)
{
    size_t nf = (size_t)e->p->n_txn_dates, n = e->st->n_txns * 2 * nf;
    cl_date in_lo = lo != CL_DATE_NONE ? lo : hi - 31, win_lo = in_lo - 62, win_hi = hi + 7;
    memset(score, 0, nf * sizeof *score);
    for (size_t k = 0; k < n; k++) {
        cl_date d = ymd_date(ymd[k], lo, hi);
        if (d != CL_DATE_NONE && d >= win_lo && d <= win_hi)
            score[k % nf] += d >= in_lo && d <= hi ? 2 : 1;
        if (cand)
            cand[k] = d;
    }
    int best = 0;
    for (size_t f = 0; f < nf; f++)
        best = score[f] > best ? score[f] : best;
    return best;
}

/* The statement's dates read in the profile's format order, or with the
 * formats that put the month first tried first. */
static void read_dates(engine *e, bool month_first, cl_date out[3])
{
    for (int k = 0; k < 3; k++) {
        out[k] = e->dates[k].d;
        if (out[k] != CL_DATE_NONE) {
            cl_date d = eng_field_date(e, e->dates[k].raw, strlen(e->dates[k].raw), month_first);
            if (d != CL_DATE_NONE)
                out[k] = d;
        }
    }
}

static cl_date period_hi(const cl_date r[3])
{
    return r[2] != CL_DATE_NONE ? r[2] : r[0];
}

/* A numeric statement date such as 01/05/2024 is read in the profile's
 * format order (day first by default) unless reading it month first puts
 * more of the transaction dates near the statement's period. */
static void choose_reading(engine *e, const int32_t *ymd)
{
    cl_date a[3], b[3];
    read_dates(e, false, a);
    read_dates(e, true, b);
    if (!memcmp(a, b, sizeof a) || period_hi(a) == CL_DATE_NONE || period_hi(b) == CL_DATE_NONE)
        return;
    int *score = xcalloc((size_t)e->p->n_txn_dates + 1, sizeof *score);
    int fa = score_formats(e, ymd, a[1], period_hi(a), score, NULL);
    int fb = score_formats(e, ymd, b[1], period_hi(b), score, NULL);
    free(score);
    /* Equal scores: the reading whose period is nearer a month (05/01/2024 -
     * 05/31/2024 is May, not 5 January to 31 May). */
    bool use_b = fb > fa;
    if (fb == fa && a[1] != CL_DATE_NONE && b[1] != CL_DATE_NONE) {
        long la = (long)period_hi(a) - a[1], lb = (long)period_hi(b) - b[1];
        use_b = lb >= 0 && (la < 0 || labs(lb - 30) < labs(la - 30));
    }
    for (int k = 0; k < 3; k++)
        e->dates[k].d = use_b ? b[k] : a[k];
}

static void statement_dates(engine *e, const int32_t *ymd)
{
    bank_statement *st = e->st;
    choose_reading(e, ymd);
    st->statement_date = e->dates[0].d;
    st->period_start = e->dates[1].d;
    st->period_end = e->dates[2].d;
    /* A statement closes its period: either date stands for the other
     * when only one is printed. */
    if (st->period_end == CL_DATE_NONE)
        st->period_end = st->statement_date;
    if (st->statement_date == CL_DATE_NONE)
        st->statement_date = st->period_end;
    if (st->statement_date == CL_DATE_NONE) {
        st->statement_date = st->period_end = fallback_date(e);
        if (st->statement_date != CL_DATE_NONE)
            bank_statement_warn(st, "statement date not found: years of transaction dates are guessed");
    }
}

/* Which format reads a date: the one that parses it and reads the most
 * dates of this statement near its period, those inside it counting double
 * (so "05/07" is DD/MM when other rows print "20/07"), the first listed on
 * a tie. cand[] holds the date's readings (see score_formats). */
static cl_date pick_date(const cl_date *cand, int nf, const int *score)
{
    cl_date best = CL_DATE_NONE;
    int best_score = -1;
    for (int f = 0; f < nf; f++)
        if (cand[f] != CL_DATE_NONE && score[f] > best_score)
            best = cand[f], best_score = score[f];
    return best;
}

static void resolve_dates(engine *e, const int32_t *ymd)
{
    bank_statement *st = e->st;
    int nf = e->p->n_txn_dates;
    size_t n = st->n_txns;
    int *score = xcalloc((size_t)nf + 1, sizeof *score);
    cl_date *cand = xmalloc((n * 2 * (size_t)nf + 1) * sizeof *cand);
    cl_date hi = st->period_end != CL_DATE_NONE ? st->period_end : st->statement_date;
    score_formats(e, ymd, st->period_start, hi, score, cand);
    /* One day/month order for the whole statement, decided on all its rows:
     * the numeric formats of the other order read none of its dates. */
    int fam[3] = {0, 0, 0};
    for (int f = 0; f < nf; f++)
        fam[bank_datefmt_order(&e->p->txn_dates[f])] += score[f];
    int lose = fam[1] > fam[2] ? 2 : fam[2] > fam[1] ? 1 : 0;
    for (int f = 0; lose && f < nf; f++)
        if (bank_datefmt_order(&e->p->txn_dates[f]) == lose)
            score[f] = -1;
    size_t keep = 0;
    for (size_t i = 0; i < n; i++) {
        bank_txn *t = &st->txns[i];
        t->date = pick_date(&cand[i * 2 * (size_t)nf], nf, score);
        t->posted_date = e->x[i].raw_posted ? pick_date(&cand[(i * 2 + 1) * (size_t)nf], nf, score) : CL_DATE_NONE;
        if (t->date == CL_DATE_NONE) {
            bank_statement_warn(st, "page %d line %d: date '%s' not understood: row skipped", t->page, t->line,
                                t->raw_date);
            txn_release(t, &e->x[i]);
            continue;
        }
        /* Posting never precedes the transaction: columns given the other
         * way round (or guessed by the generic profile) are swapped. */
        if (t->posted_date != CL_DATE_NONE && t->posted_date < t->date) {
            cl_date tmp = t->date;
            t->date = t->posted_date;
            t->posted_date = tmp;
        }
        st->txns[keep] = *t;
        e->x[keep++] = e->x[i];
    }
    st->n_txns = keep;
    free(cand);
    free(score);
}

static cl_money absm(cl_money v)
{
    return v < 0 ? -v : v;
}

/* Rows printing two amounts with no balance header were read as a foreign
 * and a local amount. When the second moves by the first from row to row
 * (balance = previous balance +- amount) on most of them, it is a running
 * balance: the first is the amount. */
static void balance_chain(engine *e)
{
    bank_statement *st = e->st;
    int pairs = 0, hits = 0;
    bool have = st->summary.previous_balance.present;
    cl_money prev = st->summary.previous_balance.value;
    for (size_t i = 0; i < st->n_txns; i++) {
        const txn_extra *x = &e->x[i];
        if (!x->two_amounts)
            continue;
        cl_money bal = st->txns[i].amount;
        if (x->mark == BANK_MARK_MINUS || x->mark == BANK_MARK_PARENS || x->mark == BANK_MARK_CR)
            bal = -bal;
        if (have) {
            pairs++;
            hits += absm(bal - prev) == x->first_cents;
        }
        have = true;
        prev = bal;
    }
    if (hits == 0 || hits * 3 < pairs * 2)
        return;
    for (size_t i = 0; i < st->n_txns; i++) {
        bank_txn *t = &st->txns[i];
        txn_extra *x = &e->x[i];
        if (!x->two_amounts)
            continue;
        x->has_balance = true;
        bool neg = x->mark == BANK_MARK_MINUS || x->mark == BANK_MARK_PARENS || x->mark == BANK_MARK_CR;
        x->balance_printed = neg ? -t->amount : t->amount;
        t->amount = x->first_cents;
        x->mark = x->first_mark;
        x->column = x->first_column;
        t->has_foreign = false;
        t->foreign_amount = 0;
        t->foreign_currency[0] = '\0';
        free(t->raw_amount);
        t->raw_amount = x->raw_first;
        x->raw_first = NULL;
        x->two_amounts = false;
    }
}

static void signs(engine *e)
{
    bank_statement *st = e->st;
    const bank_polarity *mark_pol = e->account && e->p->kind_auto ? e->p->acct_pol : e->p->mark_pol;
    bool have_prev = st->summary.previous_balance.present;
    cl_money prev = st->summary.previous_balance.value;
    for (size_t i = 0; i < st->n_txns; i++) {
        bank_txn *t = &st->txns[i];
        txn_extra *x = &e->x[i];
        bank_polarity pol = x->forced != BANK_POL_AUTO   ? x->forced
                            : x->column != BANK_POL_AUTO ? x->column
                                                         : mark_pol[x->mark];
        if (e->p->sign_from_balance && x->has_balance && have_prev) {
            /* The running balance moved by exactly this amount: its
             * direction is the sign (a bank balance rises with credits, a
             * card balance with charges). */
            cl_money delta = x->balance_printed - prev;
            if (delta == t->amount || delta == -t->amount)
                pol = (delta > 0) == e->account ? BANK_POL_CREDIT : BANK_POL_CHARGE;
        }
        if (x->has_balance) {
            have_prev = true;
            prev = x->balance_printed;
            t->has_balance = true;
            t->balance = x->balance_printed;
        }
        if (pol == BANK_POL_CHARGE) {
            t->amount = -t->amount;
            t->foreign_amount = -t->foreign_amount;
        }
        memcpy(t->currency, st->currency, 4);
    }
}

/* Sum of the transactions minus the printed change of balance; false when
 * no new balance is printed. */
static bool txn_difference(const engine *e, cl_money *sum, cl_money *change)
{
    const bank_statement *st = e->st;
    const bank_summary *s = &st->summary;
    *sum = 0;
    bool overflow = false;
    for (size_t i = 0; i < st->n_txns; i++)
        overflow |= __builtin_add_overflow(*sum, st->txns[i].amount, sum);
    if (overflow || !s->new_balance.present)
        return false;
    cl_money prev = s->previous_balance.present ? s->previous_balance.value : 0;
    /* Card balances are owed: a charge (negative) raises them. */
    *change = e->account ? s->new_balance.value - prev : prev - s->new_balance.value;
    return true;
}

static void reconcile(engine *e)
{
    bank_statement *st = e->st;
    const bank_summary *s = &st->summary;
    cl_money sum = 0, change = 0;
    bool overflow = false;
    for (size_t k = 0; k < st->n_txns; k++)
        overflow |= __builtin_add_overflow(sum, st->txns[k].amount, &sum);
    char a[32], b[32], c[32];
    if (overflow) {
        /* Only absurd amounts get here (bank_parse_doc rejects them). */
        st->reconciled = false;
        st->reconcile_known = false;
        bank_statement_warn(st, "the transactions are too large to add up: the statement cannot be reconciled");
        return;
    }
    if (!txn_difference(e, &sum, &change)) {
        st->reconciled = false;
        st->reconcile_known = false;
        bank_statement_warn(st, "no new balance found: the statement cannot be reconciled");
        return;
    }
    cl_money prev = s->previous_balance.present ? s->previous_balance.value : 0;
    if (__builtin_sub_overflow(sum, change, &st->reconcile_difference)) {
        st->reconciled = st->reconcile_known = false;
        bank_statement_warn(st, "the transactions are too large to add up: the statement cannot be reconciled");
        return;
    }
    st->reconcile_known = true;
    st->reconciled = st->reconcile_difference == 0;
    if (!st->reconciled)
        bank_statement_warn(st, "does not reconcile: transactions add up to %s, the printed balances change by %s "
                                "(difference %s)",
                            cl_money_format(sum, a), cl_money_format(change, b),
                            cl_money_format(st->reconcile_difference, c));
    if (!e->account && s->previous_balance.present && s->payments_and_credits.present &&
        s->purchases.present) {
        cl_money calc = prev - absm(s->payments_and_credits.value) + s->purchases.value +
                        (s->fees.present ? s->fees.value : 0) + (s->interest.present ? s->interest.value : 0);
        if (calc != s->new_balance.value) {
            st->reconciled = false;
            bank_statement_warn(st, "printed summary does not add up: previous - payments + purchases + fees + "
                                    "interest = %s, new balance %s",
                                cl_money_format(calc, a), cl_money_format(s->new_balance.value, b));
        }
    }
}

/* Sets the signs for the card (account false) or account reading of the
 * statement from the amounts as read (keep); true when it reconciles. */
static bool reading(engine *e, const cl_money *keep, bool account)
{
    bank_statement *st = e->st;
    for (size_t i = 0; i < st->n_txns; i++)
        st->txns[i].amount = keep[2 * i], st->txns[i].foreign_amount = keep[2 * i + 1];
    e->account = account;
    signs(e);
    cl_money sum, change;
    return txn_difference(e, &sum, &change) && sum == change;
}

/* The heading of the statement (the lines before its first transaction,
 * all of them without one) says it is an account's (account_when) and not a
 * card's (card_when): descriptions such as "PAYMENT FROM CHECKING" do not
 * count. */
static bool account_text(engine *e)
{
    bool acct = false;
    int end_pg = e->st->n_txns ? e->st->txns[0].page - 1 : e->doc->n_pages - 1;
    for (int pg = 0; pg <= end_pg && pg < e->doc->n_pages; pg++) {
        int end_li = pg == end_pg && e->st->n_txns ? e->st->txns[0].line - 1 : e->doc->pages[pg].n_lines;
        for (int li = 0; li < end_li && li < e->doc->pages[pg].n_lines; li++) {
            const char *s = e->doc->pages[pg].lines[li].text;
            size_t n = strlen(s);
            if (bank_rxv_any(&e->p->card_when, s, n, e->md))
                return false;
            acct = acct || bank_rxv_any(&e->p->account_when, s, n, e->md);
        }
    }
    return acct;
}

/* Card or bank account. The profile's kind, or a running balance
 * (sign_from_balance = account); with kind = auto, the reading that
 * reconciles when only one does (a card balance is owed and falls with
 * credits, an account's rises), else the account_when text decides. Signs
 * are set for the kept reading. */
static void statement_kind(engine *e)
{
    bank_statement *st = e->st;
    e->account = e->p->account;
    for (size_t i = 0; e->p->balance_is_account && i < st->n_txns; i++)
        e->account |= e->x[i].has_balance;
    if (!e->p->kind_auto || e->account) {
        signs(e);
        return;
    }
    size_t n = st->n_txns;
    cl_money *keep = xmalloc((n * 2 + 1) * sizeof *keep);
    for (size_t i = 0; i < n; i++)
        keep[2 * i] = st->txns[i].amount, keep[2 * i + 1] = st->txns[i].foreign_amount;
    bool card_ok = reading(e, keep, false), acct_ok = reading(e, keep, true);
    bool account = card_ok != acct_ok ? acct_ok : account_text(e);
    if (!account)
        reading(e, keep, false);
    free(keep);
}

/* Rows j and i (i < j) print the same transaction: same date and amount,
 * and one description starts with the other. */
static bool same_row(const bank_txn *a, const bank_txn *b)
{
    if (a->date != b->date || a->amount != b->amount)
        return false;
    size_t la = strlen(a->description), lb = strlen(b->description), n = la < lb ? la : lb;
    return n >= 3 && strncasecmp(a->description, b->description, n) == 0;
}

/* An annex table (transfer or direct-debit details, a fee recap) repeats
 * rows of the main table. When the rows that repeat an earlier row add up
 * to exactly what keeps the statement from reconciling, and they are the
 * last two or more rows, they are that annex and are left out. */
static void annex_rows(engine *e)
{
    bank_statement *st = e->st;
    cl_money sum, change;
    if (!txn_difference(e, &sum, &change) || sum == change || st->n_txns < 2)
        return;
    size_t n = st->n_txns, nd = 0;
    bool *dup = xcalloc(n, sizeof *dup);
    cl_money dsum = 0;
    for (size_t j = 1; j < n; j++)
        for (size_t i = 0; i < j && !dup[j]; i++)
            if (!dup[i] && same_row(&st->txns[i], &st->txns[j]))
                dup[j] = true, dsum += st->txns[j].amount, nd++;
    /* An annex follows the table: the repeated rows are the last ones, two
     * or more of them (one repeated row is as likely a purchase made
     * twice). */
    size_t first = n;
    for (size_t j = n; j > 0 && dup[j - 1]; j--)
        first = j - 1;
    if (nd >= 2 && n - first == nd && dsum == sum - change) {
        size_t keep = 0;
        for (size_t i = 0; i < n; i++) {
            if (dup[i]) {
                txn_release(&st->txns[i], &e->x[i]);
                continue;
            }
            st->txns[keep] = st->txns[i];
            e->x[keep++] = e->x[i];
        }
        st->n_txns = keep;
        bank_statement_warn(st, "%zu rows repeat earlier rows (an annex table) and are left out: the statement "
                                "reconciles without them", nd);
    }
    free(dup);
}

/* The summary as first read does not reconcile the transactions: another
 * value found for the previous or the new balance may (a rewards box's
 * "Opening balance", another card's total). The pair of the best rules
 * that reconciles is kept, with a warning naming its labels. */
static void summary_choice(engine *e)
{
    bank_statement *st = e->st;
    cl_money sum, change;
    int P = BS_PREVIOUS_BALANCE, N = BS_NEW_BALANCE;
    if (!txn_difference(e, &sum, &change) || sum == change || e->sum_any_add[P] || e->sum_any_add[N])
        return;
    int np = e->n_cand[P], nn = e->n_cand[N], best_a = -2, best_b = -1, best_prio = INT_MAX;
    if (np + nn <= 2)
        return;
    for (int a = np ? 0 : -1; a < np; a++)
        for (int b = 0; b < nn; b++) {
            cl_money prev = a < 0 ? 0 : e->cand[P][a].v, nb = e->cand[N][b].v;
            cl_money ch = e->account ? nb - prev : prev - nb;
            int prio = (a < 0 ? 0 : e->cand[P][a].prio) + e->cand[N][b].prio;
            if (ch == sum && prio < best_prio)
                best_a = a, best_b = b, best_prio = prio;
        }
    if (best_b < 0)
        return;
    if (best_a >= 0) {
        st->summary.previous_balance.value = e->cand[P][best_a].v;
        memcpy(st->summary_label[P], e->cand[P][best_a].label, sizeof st->summary_label[P]);
    }
    st->summary.new_balance.value = e->cand[N][best_b].v;
    memcpy(st->summary_label[N], e->cand[N][best_b].label, sizeof st->summary_label[N]);
    bank_statement_warn(st, "summary: the balances under '%s' and '%s' reconcile the transactions, the first "
                            "ones read do not", best_a >= 0 ? st->summary_label[P] : "(none)", st->summary_label[N]);
}

/* A statement that names no currency but whose amounts all carry the same
 * code or symbol ("12,50 EUR", "\xe2\x82\xac12,50") is in that currency. */
static void currency_from_amounts(engine *e)
{
    const char *cur = NULL;
    size_t with = 0;
    for (size_t i = 0; i < e->st->n_txns; i++) {
        if (!e->x[i].currency[0])
            continue;
        if (cur && strcmp(cur, e->x[i].currency))
            return;
        cur = e->x[i].currency;
        with++;
    }
    if (cur && with * 2 > e->st->n_txns)
        memcpy(e->st->currency, cur, 4);
}

void eng_finish(engine *e)
{
    if (!e->st->currency[0])
        memcpy(e->st->currency, e->p->currency, 4);
    if (!e->st->currency[0])
        currency_from_amounts(e);
    int32_t *ymd = parse_all_dates(e);
    statement_dates(e, ymd);
    /* No date at all: the statement is refused (bank_parse_doc); nothing
     * to resolve the transaction dates against. */
    if (e->st->statement_date != CL_DATE_NONE)
        resolve_dates(e, ymd);
    else
        for (size_t i = 0; i < e->st->n_txns; i++)
            e->st->txns[i].date = e->st->txns[i].posted_date = CL_DATE_NONE;
    free(ymd);
    balance_chain(e);
    statement_kind(e);
    annex_rows(e);
    summary_choice(e);
    e->st->is_account = e->account;
    /* Kinds once, for the reading kept. */
    for (size_t i = 0; i < e->st->n_txns; i++) {
        bank_txn *t = &e->st->txns[i];
        t->kind = bank_kind_classify(e->x[i].section_kind, t->amount > 0, e->account, t->description);
    }
    reconcile(e);
}
