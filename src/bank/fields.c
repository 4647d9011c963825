/* fields.c - statement fields (dates, card, currency) and printed summary
 * values, found either on the line of their label or, for summary boxes,
 * in the column under the label a few lines below. */
#include "engine.h"
#include "common/util.h"

#include <ctype.h>
#include <string.h>

int eng_col(const char *s, size_t off)
{
    int c = 0;
    for (size_t i = 0; i < off; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

static bool month_before_day(const bank_datefmt *f)
{
    const char *m = strchr(f->spec, 'M'), *d = strchr(f->spec, 'D');
    return m && d && m < d;
}

cl_date eng_field_date(const engine *e, const char *s, size_t n, bool month_first)
{
    int y, m, d;
    for (int pass = month_first ? 0 : 1; pass < 2; pass++)
        for (int i = 0; i < e->p->n_field_dates; i++) {
            const bank_datefmt *f = &e->p->field_dates[i];
            if (pass == 0 && !month_before_day(f))
                continue;
            if (bank_datefmt_parse(f, s, n, &y, &m, &d) && y)
                return cl_date_from_ymd(y, m, d);
        }
    return CL_DATE_NONE;
}

typedef struct date_val {
    cl_date d;
    char raw[40];
} date_val;

typedef bool (*accept_fn)(engine *e, const char *s, size_t n, void *out);

/* A box value: the whole chunk is one amount, maybe followed by the box's
 * operator ("0.00 -", "100.00 =") -- never an amount inside prose. */
static bool accept_amount(engine *e, const char *s, size_t n, void *out)
{
    while (n >= 2 && s[n - 2] == ' ' && (s[n - 1] == '-' || s[n - 1] == '+' || s[n - 1] == '='))
        n -= 2;
    bank_amount a;
    if (!bank_amount_parse(s, n, e->p->decimal, &a))
        return false;
    *(cl_money *)out = bank_amount_as_printed(&a);
    return true;
}

static bool accept_date(engine *e, const char *s, size_t n, void *out)
{
    cl_date d = eng_field_date(e, s, n, false);
    if (d == CL_DATE_NONE && bank_rx_match(&e->p->ydate_tok, s, n, 0, e->md)) {
        size_t off, len;
        bank_rx_span(e->md, &off, &len);
        s += off;
        n = len;
        d = eng_field_date(e, s, n, false);
    }
    if (d == CL_DATE_NONE)
        return false;
    date_val *v = out;
    v->d = d;
    snprintf(v->raw, sizeof v->raw, "%.*s", (int)n, s);
    return true;
}

/* The value in the column [c0, c1) under line li: the first of the next
 * below_lines lines holding a chunk (text between runs of two or more
 * spaces) that overlaps the column and that `acc` accepts; the chunk with
 * the widest overlap wins. Sets *at to the line used. */
static bool find_below(engine *e, int page, int li, int c0, int c1, accept_fn acc, void *out, size_t size,
                       int *at)
{
    const pdf_page *pg = &e->doc->pages[page];
    int tol = e->p->below_tolerance;
    for (int k = li + 1; k < pg->n_lines && k <= li + e->p->below_lines; k++) {
        const char *t = pg->lines[k].text;
        bool found = false;
        int best_ov = 0;
        size_t i = 0;
        int col = 0;
        while (t[i]) {
            if (t[i] == ' ') {
                i++, col++;
                continue;
            }
            size_t b0 = i;
            int k0 = col;
            while (t[i] && !(t[i] == ' ' && (t[i + 1] == ' ' || t[i + 1] == '\0'))) {
                col += ((unsigned char)t[i] & 0xC0) != 0x80;
                i++;
            }
            int k1 = col;
            if (k1 + tol > c0 && k0 - tol < c1) {
                int ov = (k1 < c1 ? k1 : c1) - (k0 > c0 ? k0 : c0);
                union {
                    cl_money m;
                    date_val d;
                } tmp;
                if ((!found || ov > best_ov) && size <= sizeof tmp && acc(e, t + b0, i - b0, &tmp)) {
                    memcpy(out, &tmp, size);
                    found = true;
                    best_ov = ov;
                }
            }
        }
        if (found) {
            *at = k;
            return true;
        }
    }
    return false;
}

/* Column span of a label: the `label` group, else the whole match. */
static void label_cols(engine *e, const bank_rx *rx, const char *s, int *c0, int *c1)
{
    size_t off, len;
    if (!bank_rx_group(rx, e->md, BG_LABEL, &off, &len))
        bank_rx_span(e->md, &off, &len);
    *c0 = eng_col(s, off);
    *c1 = *c0 + eng_col(s + off, len);
}

static void note(engine *e, const char *what, const char *name)
{
    size_t used = strlen(e->detail);
    snprintf(e->detail + used, sizeof e->detail - used, "%s%s%s%s", used ? ", " : "", what, *what ? " " : "",
             name);
}

static bool rule_date(engine *e, const bank_rule *r, int page, int li, const char *s, size_t n, bank_group g,
                      date_val *out)
{
    if (!bank_rx_match(&r->rx, s, n, 0, e->md))
        return false;
    if (r->below) {
        int c0, c1, at;
        label_cols(e, &r->rx, s, &c0, &c1);
        return find_below(e, page, li, c0, c1, accept_date, out, sizeof *out, &at);
    }
    size_t off, len;
    if (!bank_rx_group(&r->rx, e->md, g, &off, &len))
        return false;
    return accept_date(e, s + off, len, out);
}

static void date_fields(engine *e, int page, int li, const char *s, size_t n)
{
    static const bank_field which[3] = {BF_STATEMENT_DATE, BF_PERIOD_START, BF_PERIOD_END};
    for (int k = 0; k < 3; k++) {
        const bank_rulev *v = &e->p->field[which[k]];
        for (int i = 0; i < v->n && i < e->dates[k].prio; i++) {
            date_val d;
            if (rule_date(e, &v->v[i], page, li, s, n, BG_DATE, &d)) {
                e->dates[k].d = d.d;
                e->dates[k].prio = i;
                memcpy(e->dates[k].raw, d.raw, sizeof d.raw);
                note(e, "", bank_field_names[which[k]]);
                break;
            }
        }
    }
    /* period = "... START ... END": a lower priority than period_start/end rules. */
    const bank_rulev *v = &e->p->field[BF_PERIOD];
    for (int i = 0; i < v->n; i++) {
        if (!bank_rx_match(&v->v[i].rx, s, n, 0, e->md))
            continue;
        size_t o1, l1, o2, l2;
        if (!bank_rx_group(&v->v[i].rx, e->md, BG_START, &o1, &l1) ||
            !bank_rx_group(&v->v[i].rx, e->md, BG_END, &o2, &l2))
            continue;
        date_val a, b;
        if (accept_date(e, s + o1, l1, &a) && accept_date(e, s + o2, l2, &b)) {
            int prio = 1000 + i;
            if (prio < e->dates[1].prio) {
                e->dates[1].d = a.d, e->dates[1].prio = prio;
                memcpy(e->dates[1].raw, a.raw, sizeof a.raw);
            }
            if (prio < e->dates[2].prio) {
                e->dates[2].d = b.d, e->dates[2].prio = prio;
                memcpy(e->dates[2].raw, b.raw, sizeof b.raw);
            }
            note(e, "", "period");
            break;
        }
    }
}

static void card_field(engine *e, const char *s, size_t n)
{
    const bank_rulev *v = &e->p->field[BF_CARD];
    for (int i = 0; i < v->n && i < e->last4_prio; i++) {
        size_t off, len;
        if (v->v[i].below || !bank_rx_match(&v->v[i].rx, s, n, 0, e->md) ||
            !bank_rx_group(&v->v[i].rx, e->md, BG_LAST4, &off, &len))
            continue;
        char digits[5];
        int nd = 0;
        for (size_t k = off + len; k > off && nd < 4; k--)
            if (isdigit((unsigned char)s[k - 1]))
                digits[3 - nd++] = s[k - 1];
        if (nd == 4) {
            memcpy(e->st->account_last4, digits, 4);
            e->st->account_last4[4] = '\0';
            e->last4_prio = i;
            note(e, "", "card");
            break;
        }
    }
}

static void currency_field(engine *e, const char *s, size_t n)
{
    const bank_rulev *v = &e->p->field[BF_CURRENCY];
    for (int i = 0; i < v->n && i < e->currency_prio; i++) {
        size_t off, len;
        if (v->v[i].below || !bank_rx_match(&v->v[i].rx, s, n, 0, e->md) ||
            !bank_rx_group(&v->v[i].rx, e->md, BG_CURRENCY, &off, &len))
            continue;
        char iso[4];
        bank_currency_from_symbol(s + off, len, iso);
        if (iso[0]) {
            memcpy(e->st->currency, iso, 4);
            e->currency_prio = i;
            note(e, "", "currency");
            break;
        }
    }
}

/* Until a statement date is found, remember the latest full date printed
 * (a payment due date, a period): the last resort for the years. */
static void latest_date(engine *e, const char *s, size_t n)
{
    size_t start = 0, off, len;
    while (start < n && bank_rx_match(&e->p->ydate_tok, s, n, start, e->md)) {
        bank_rx_span(e->md, &off, &len);
        cl_date d = eng_field_date(e, s + off, len, false);
        if (d != CL_DATE_NONE && (e->latest == CL_DATE_NONE || d > e->latest))
            e->latest = d;
        start = off + (len ? len : 1);
    }
}

void eng_fields_line(engine *e, int page, int li, const char *s, size_t n)
{
    date_fields(e, page, li, s, n);
    if (e->dates[0].d == CL_DATE_NONE && e->dates[2].d == CL_DATE_NONE)
        latest_date(e, s, n);
    card_field(e, s, n);
    currency_field(e, s, n);
}

/* The label as printed: s[off..off+len) with white space collapsed. */
static void label_copy(char out[48], const char *s, size_t len)
{
    size_t k = 0;
    for (size_t i = 0; i < len && k + 1 < 48; i++) {
        bool sp = s[i] == ' ' || s[i] == '\t';
        if (sp && (k == 0 || out[k - 1] == ' '))
            continue;
        out[k++] = sp ? ' ' : s[i];
    }
    while (k && out[k - 1] == ' ')
        k--;
    out[k] = '\0';
}

static void sum_record(engine *e, int f, int i, const bank_rule *r, cl_money v, const char *label, size_t len)
{
    if (!r->add && e->n_cand[f] < 8) {
        struct sum_cand *c = &e->cand[f][e->n_cand[f]++];
        c->v = v;
        c->prio = i;
        label_copy(c->label, label, len);
    }
    if (r->add) {
        /* "+=": every matching line adds (several cards, payments and
         * credits printed apart). */
        e->sum_add[f] += v;
        e->sum_any_add[f] = true;
    } else if (!e->sum_set[f] || i < e->sum_prio[f]) {
        e->sum_set[f] = true;
        e->sum_prio[f] = i;
        e->sum_base[f] = v;
        label_copy(e->label[f], label, len);
    }
}

bool eng_summary_line(engine *e, int page, int li, const char *s, size_t n)
{
    bool consumed = false;
    for (int f = 0; f < BS_N; f++) {
        const bank_rulev *v = &e->p->summary[f];
        for (int i = 0; i < v->n; i++) {
            const bank_rule *r = &v->v[i];
            /* A label only gives a value: once the field has one from this
             * rule or a better one, its labels need no more looking at. */
            if (r->below && !r->add && e->sum_set[f] && e->sum_prio[f] <= i)
                continue;
            if (!bank_rx_match(&r->rx, s, n, 0, e->md))
                continue;
            cl_money val;
            if (r->below) {
                int c0, c1, at;
                size_t lo, ll;
                if (!bank_rx_group(&r->rx, e->md, BG_LABEL, &lo, &ll))
                    bank_rx_span(e->md, &lo, &ll);
                label_cols(e, &r->rx, s, &c0, &c1);
                if (find_below(e, page, li, c0, c1, accept_amount, &val, sizeof val, &at)) {
                    sum_record(e, f, i, r, val, s + lo, ll);
                    note(e, "value below:", bank_sumfield_names[f]);
                }
                continue;
            }
            size_t off, len;
            bank_amount a;
            if (bank_rx_group(&r->rx, e->md, BG_AMOUNT, &off, &len) &&
                bank_amount_parse(s + off, len, e->p->decimal, &a)) {
                size_t lo = 0;
                while (lo < off && s[lo] == ' ')
                    lo++;
                sum_record(e, f, i, r, bank_amount_as_printed(&a), s + lo, off - lo);
                note(e, "", bank_sumfield_names[f]);
                consumed = true;
                break;
            }
        }
    }
    return consumed;
}

void eng_summary_finish(engine *e)
{
    bank_opt_money *out[BS_N] = {&e->st->summary.previous_balance, &e->st->summary.payments_and_credits,
                                 &e->st->summary.purchases, &e->st->summary.fees,
                                 &e->st->summary.interest, &e->st->summary.new_balance};
    for (int f = 0; f < BS_N; f++) {
        out[f]->present = e->sum_set[f] || e->sum_any_add[f];
        out[f]->value = (e->sum_set[f] ? e->sum_base[f] : 0) + e->sum_add[f];
        memcpy(e->st->summary_label[f], e->label[f], sizeof e->label[f]);
    }
}
