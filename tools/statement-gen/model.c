/* model.c - the random content of statements: one month after another,
 * each previous balance the last new balance, every total exact. */
#include "model.h"
#include "fmt.h"
#include "names.h"

#include "common/util.h"

#include <stdio.h>
#include <string.h>

void sg_card_number(sg_prng *r, const char *prefix, int len, const char *last4, char *out)
{
    int plen = (int)strlen(prefix);
    for (int i = 0; i < len; i++) {
        if (i < plen)
            out[i] = prefix[i];
        else if (i >= len - 4)
            out[i] = last4[i - (len - 4)];
        else
            out[i] = (char)('0' + sg_prng_range(r, 0, 9));
    }
    out[len] = '\0';
    /* Luhn: one free digit just before the last four makes the sum right;
     * each of its ten values gives a different sum modulo 10. */
    int free_pos = len - 5;
    for (int d = 0; d < 10; d++) {
        out[free_pos] = (char)('0' + d);
        int sum = 0;
        for (int i = len - 1, k = 0; i >= 0; i--, k++) {
            int v = out[i] - '0';
            if (k % 2 == 1)
                v = v * 2 > 9 ? v * 2 - 9 : v * 2;
            sum += v;
        }
        if (sum % 10 == 0)
            break;
    }
}

void sg_gen_init(sg_gen *g, const sg_gen_params *p, const char *profile, const char *last4,
                 uint64_t seed)
{
    memset(g, 0, sizeof *g);
    char tag[96];
    snprintf(tag, sizeof tag, "%s:%s", profile, last4);
    sg_prng_seed(&g->rng, seed, tag);
    g->params = p;
    g->profile = profile;
    snprintf(g->last4, sizeof g->last4, "%s", last4);
    sg_card_number(&g->rng, p->card_prefix, p->card_len, last4, g->card_full);
    sg_name_holder(&g->rng, g->holder, sizeof g->holder);
    sg_name_address(&g->rng, p->region, g->address);
    g->closing_day = p->closing_day ? p->closing_day : (int)sg_prng_range(&g->rng, 3, 28);
    g->balance = sg_prng_chance(&g->rng, 25) ? 0 : sg_prng_range(&g->rng, 5000, 300000);
    g->credit_limit = sg_prng_range(&g->rng, 5, 30) * 100000;
}

static int random_size(sg_prng *r)
{
    int64_t k = sg_prng_range(r, 0, 99);
    if (k < 5)
        return 0;
    if (k < 10)
        return 1;
    if (k < 16)
        return (int)sg_prng_range(r, 150, 420);
    if (k < 30)
        return (int)sg_prng_range(r, 60, 150);
    return (int)sg_prng_range(r, 3, 60);
}

static cl_money random_amount(sg_prng *r)
{
    int64_t tier = sg_prng_range(r, 0, 99);
    if (tier < 50)
        return sg_prng_range(r, 100, 4000);
    if (tier < 80)
        return sg_prng_range(r, 4000, 15000);
    if (tier < 95)
        return sg_prng_range(r, 15000, 60000);
    return sg_prng_range(r, 60000, 300000);
}

static cl_date clamp(cl_date d, cl_date lo, cl_date hi)
{
    return d < lo ? lo : d > hi ? hi : d;
}

typedef struct builder {
    sg_gen *g;
    sg_statement *s;
    size_t cap;
} builder;

static sg_txn *add_txn(builder *b, sg_kind kind)
{
    sg_statement *s = b->s;
    if (s->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 64;
        s->txns = xrealloc(s->txns, b->cap * sizeof *s->txns);
    }
    sg_txn *t = &s->txns[s->n++];
    memset(t, 0, sizeof *t);
    t->seq = b->g->seq++;
    t->kind = kind;
    t->ref_of = -1;
    t->category = kind == SG_PAYMENT || kind == SG_REFUND ? "Payments and Credits"
                  : kind == SG_FEE                        ? "Fees"
                  : kind == SG_INTEREST                   ? "Interest"
                                                          : "Merchandise";
    snprintf(t->ref, sizeof t->ref, "%010lld%010lld",
             (long long)sg_prng_range(&b->g->rng, 0, 9999999999LL),
             (long long)sg_prng_range(&b->g->rng, 0, 9999999999LL));
    return t;
}

static void set_merchant(sg_txn *t, const char *merchant, const char *location)
{
    snprintf(t->merchant, sizeof t->merchant, "%s", merchant);
    snprintf(t->location, sizeof t->location, "%s", location ? location : "");
}

static void add_payment(builder *b, cl_money prev)
{
    sg_prng *r = &b->g->rng;
    const sg_gen_params *p = b->g->params;
    sg_statement *s = b->s;
    sg_txn *t = add_txn(b, SG_PAYMENT);
    cl_money amount = prev;
    if (!sg_prng_chance(r, 60))
        amount = sg_prng_range(r, prev < 2500 ? prev : 2500, prev);
    t->amount = amount;
    t->date = t->posted = clamp(s->period_start + (cl_date)sg_prng_range(r, 1, 20),
                                s->period_start, s->period_end);
    char loc[48] = "";
    if (p->payment_location)
        sg_name_location(r, p->region, loc, sizeof loc);
    set_merchant(t, p->payment_desc, loc);
}

static void add_charge(builder *b, sg_kind kind, const char *desc, cl_money amount, cl_date d)
{
    sg_txn *t = add_txn(b, kind);
    t->amount = -amount;
    t->date = t->posted = clamp(d, b->s->period_start, b->s->period_end);
    set_merchant(t, desc, "");
}

static void add_purchase(builder *b, bool december)
{
    sg_gen *g = b->g;
    sg_prng *r = &g->rng;
    const sg_gen_params *p = g->params;
    sg_statement *s = b->s;
    sg_txn *t = add_txn(b, SG_PURCHASE);
    char merchant[96], loc[48] = "";
    const char *category;
    bool long_desc = p->long_descs && sg_prng_chance(r, 6);
    sg_name_merchant(r, long_desc, merchant, sizeof merchant, &category);
    t->category = category;
    if (p->foreign && sg_prng_chance(r, 10)) {
        const sg_currency *c = sg_name_foreign(r, p->currency, loc, sizeof loc);
        t->foreign = true;
        t->foreign_amount = random_amount(r);
        snprintf(t->foreign_currency, sizeof t->foreign_currency, "%s", c->code);
        t->foreign_name = c->name;
        int64_t rate = c->usd_micro * 1000000 / sg_currency_usd(p->currency);
        t->rate_micro = rate * sg_prng_range(r, 980000, 1020000) / 1000000;
        if (t->rate_micro < 1)
            t->rate_micro = 1;
        t->amount = -sg_apply_rate(t->foreign_amount, t->rate_micro);
        if (t->amount == 0)
            t->amount = -1;
    } else {
        if (p->location && sg_prng_chance(r, 8))
            sg_name_foreign(r, p->currency, loc, sizeof loc); /* abroad, no FX line */
        else if (p->location)
            sg_name_location(r, p->region, loc, sizeof loc);
        t->amount = -random_amount(r);
    }
    set_merchant(t, merchant, loc);
    cl_date lo = s->period_start - 3, hi = s->period_end - 1;
    if (december) {
        /* A year-end period: keep this one (both dates) in December. */
        int y, m, d;
        cl_date_to_ymd(s->period_start, &y, &m, &d);
        lo = s->period_start;
        hi = cl_date_from_ymd(y, 12, 31) - 1;
    }
    t->date = (cl_date)sg_prng_range(r, lo, hi);
    t->posted = t->date + (cl_date)sg_prng_range(r, 0, december ? 1 : 3);
    t->posted = clamp(t->posted, s->period_start > t->date ? s->period_start : t->date,
                      s->period_end);
}

/* Takes the purchase by value: add_txn() may move the array. */
static void add_fx_fee(builder *b, sg_txn purchase)
{
    const sg_gen_params *p = b->g->params;
    cl_money fee = (-purchase.amount * p->fx_fee_bp + 5000) / 10000;
    sg_txn *t = add_txn(b, SG_FEE);
    t->amount = -(fee > 0 ? fee : 1);
    t->date = purchase.date;
    t->posted = purchase.posted;
    t->ref_of = purchase.seq;
    set_merchant(t, p->fx_fee_desc, "");
}

/* A refund of an earlier purchase of this statement, not refunded yet. */
static bool add_refund(builder *b)
{
    sg_prng *r = &b->g->rng;
    sg_statement *s = b->s;
    size_t tries = 8;
    while (tries--) {
        size_t i = sg_prng_pick(r, s->n);
        sg_txn *orig = &s->txns[i];
        if (orig->kind != SG_PURCHASE || orig->ref_of == -2 || orig->date >= s->period_end)
            continue;
        orig->ref_of = -2; /* refunded */
        sg_txn o = *orig;
        sg_txn *t = add_txn(b, SG_REFUND);
        cl_money amount = -o.amount;
        if (!sg_prng_chance(r, 70) && amount > 1)
            amount = sg_prng_range(r, 1, amount - 1);
        t->amount = amount;
        t->date = clamp(o.date + (cl_date)sg_prng_range(r, 1, 10), o.date, s->period_end);
        t->posted = clamp(t->date + (cl_date)sg_prng_range(r, 0, 2),
                          t->date > s->period_start ? t->date : s->period_start,
                          s->period_end);
        t->ref_of = o.seq;
        t->category = "Payments and Credits";
        char merchant[128];
        snprintf(merchant, sizeof merchant, "%s%s", b->g->params->refund_prefix, o.merchant);
        set_merchant(t, merchant, o.location);
        return true;
    }
    return false;
}

static int cmp_txn(const void *a, const void *b)
{
    const sg_txn *x = a, *y = b;
    if (x->posted != y->posted)
        return x->posted < y->posted ? -1 : 1;
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

static void build_txns(builder *b, int n)
{
    sg_gen *g = b->g;
    sg_prng *r = &g->rng;
    const sg_gen_params *p = g->params;
    sg_statement *s = b->s;
    int slots = n;
    cl_money prev = s->prev_balance, paid = 0;

    if (slots > 0 && prev > 0 && sg_prng_chance(r, n == 1 ? 35 : 85)) {
        add_payment(b, prev);
        paid = s->txns[s->n - 1].amount;
        slots--;
    }
    cl_money unpaid = prev - paid;
    if (slots > 0 && n >= 3 && unpaid > 0 && sg_prng_chance(r, 90)) {
        cl_money interest = (unpaid * s->apr_bp / 12 + 5000) / 10000;
        if (interest > 0) {
            add_charge(b, SG_INTEREST, p->interest_desc, interest, s->period_end);
            s->interest_base = unpaid;
            slots--;
        }
    }
    if (slots > 0 && n >= 3 && prev > 0 && paid == 0 && p->late_fee > 0 && sg_prng_chance(r, 70)) {
        add_charge(b, SG_FEE, p->late_fee_desc, p->late_fee, s->period_start + 24);
        slots--;
    }
    if (slots > 0 && n >= 4 && p->annual_fee > 0 && sg_prng_chance(r, 4)) {
        add_charge(b, SG_FEE, p->annual_fee_desc, p->annual_fee,
                   s->period_start + (cl_date)sg_prng_range(r, 0, 20));
        slots--;
    }
    bool need_december = s->crosses_year;
    while (slots > 0) {
        const sg_txn *last = s->n ? &s->txns[s->n - 1] : NULL;
        if (last && last->kind == SG_PURCHASE && last->foreign && p->fx_fee_bp > 0) {
            add_fx_fee(b, *last);
        } else if (s->n && sg_prng_chance(r, 5) && add_refund(b)) {
            /* added */
        } else {
            add_purchase(b, need_december);
            need_december = false;
        }
        slots--;
    }
}

static void finish_totals(sg_gen *g, sg_statement *s)
{
    for (size_t i = 0; i < s->n; i++) {
        sg_txn *t = &s->txns[i];
        cl_money a = t->amount < 0 ? -t->amount : t->amount;
        switch (t->kind) {
        case SG_PURCHASE: s->purchases += a; break;
        case SG_PAYMENT: s->payments += a; break;
        case SG_REFUND: s->refunds += a; break;
        case SG_FEE: s->fees += a; break;
        case SG_INTEREST: s->interest += a; break;
        }
        if (g->params->mixed_case && (t->kind == SG_PURCHASE || t->kind == SG_REFUND)) {
            sg_title_case(t->merchant);
            if (!g->params->upper_location)
                sg_title_case(t->location);
        }
        snprintf(t->desc, sizeof t->desc, "%s%s%s", t->merchant, t->location[0] ? " " : "",
                 t->location);
    }
    s->new_balance = s->prev_balance - s->payments - s->refunds + s->purchases + s->fees +
                     s->interest;
    cl_money floor = g->params->region == SG_REGION_US ? 2500 : 5000;
    cl_money pct = g->params->region == SG_REGION_US ? s->new_balance / 100 + s->interest + s->fees
                                                     : s->new_balance * 3 / 100;
    s->min_payment = pct > floor ? pct : floor;
    if (s->min_payment > s->new_balance)
        s->min_payment = s->new_balance;
    while (g->credit_limit < s->new_balance + s->new_balance / 4)
        g->credit_limit += 500000;
    s->credit_limit = g->credit_limit;
    g->ytd_fees += s->fees;
    g->ytd_interest += s->interest;
    s->ytd_fees = g->ytd_fees;
    s->ytd_interest = g->ytd_interest;
    g->balance = s->new_balance;
    if (s->n) /* txns is NULL when empty: qsort must not see it */
        qsort(s->txns, s->n, sizeof *s->txns, cmp_txn);
}

sg_statement *sg_gen_month(sg_gen *g, int year, int month, int ntx)
{
    sg_statement *s = xcalloc(1, sizeof *s);
    s->profile = g->profile;
    memcpy(s->last4, g->last4, sizeof s->last4);
    memcpy(s->card_full, g->card_full, sizeof s->card_full);
    memcpy(s->holder, g->holder, sizeof s->holder);
    memcpy(s->address, g->address, sizeof s->address);
    int py = month == 1 ? year - 1 : year, pm = month == 1 ? 12 : month - 1;
    s->stmt_date = cl_date_from_ymd(year, month, g->closing_day);
    s->period_start = cl_date_from_ymd(py, pm, g->closing_day) + 1;
    s->period_end = s->stmt_date;
    s->cycle_days = s->period_end - s->period_start + 1;
    s->due_date = s->stmt_date + 25;
    int sy, sm, sd;
    cl_date_to_ymd(s->period_start, &sy, &sm, &sd);
    s->crosses_year = sy != year;
    s->apr_bp = g->params->apr_bp;
    s->prev_balance = g->balance;
    if (g->ytd_year != year) {
        g->ytd_year = year;
        g->ytd_fees = g->ytd_interest = 0;
    }
    builder b = {.g = g, .s = s};
    build_txns(&b, ntx >= 0 ? ntx : random_size(&g->rng));
    finish_totals(g, s);
    return s;
}

void sg_statement_free(sg_statement *s)
{
    if (!s)
        return;
    free(s->txns);
    free(s);
}

size_t sg_select(const sg_statement *s, int kind, const sg_txn ***out)
{
    const sg_txn **v = xmalloc((s->n + 1) * sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < s->n; i++)
        if (kind < 0 || (int)s->txns[i].kind == kind)
            v[n++] = &s->txns[i];
    *out = v;
    return n;
}

cl_money sg_sum(const sg_txn *const *t, size_t n)
{
    cl_money sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += t[i]->amount;
    return sum;
}
