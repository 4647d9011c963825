/* detect.c - choosing the profile of a document, and the top-level parse
 * of a loaded document (ingest/input.h opens files of every kind). */
#include "bank.h"
#include "common/hash.h"
#include "common/sbuf.h"
#include "common/util.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

static char *doc_text(const pdf_text *doc)
{
    sbuf b = {0};
    for (int p = 0; p < doc->n_pages; p++)
        for (int i = 0; i < doc->pages[p].n_lines; i++) {
            sbuf_puts(&b, doc->pages[p].lines[i].text);
            sbuf_putc(&b, '\n');
        }
    return sbuf_detach(&b);
}

static bool has_rules(const bank_profile *p)
{
    return p->require.n + p->any.n + p->phrase.n + p->producer.n + p->creator.n > 0;
}

static int weighted(const bank_rxv *v, const char *s, pcre2_match_data *md)
{
    int score = 0;
    for (int i = 0; s && i < v->n; i++)
        if (bank_rx_match(&v->v[i], s, strlen(s), 0, md))
            score += v->v[i].weight;
    return score;
}

/* Score of p on the document, or -1 when a rule disqualifies it. */
static int score_profile(const bank_profile *p, const pdf_text *doc, const char *text, size_t n,
                         pcre2_match_data *md)
{
    if (bank_rxv_any(&p->reject, text, n, md))
        return -1;
    for (int i = 0; i < p->require.n; i++)
        if (!bank_rx_match(&p->require.v[i], text, n, 0, md))
            return -1;
    if (p->any.n && !bank_rxv_any(&p->any, text, n, md))
        return -1;
    int score = p->require.n + (p->any.n ? 1 : 0);
    score += weighted(&p->phrase, text, md);
    score += weighted(&p->producer, doc->producer, md);
    score += weighted(&p->creator, doc->creator, md);
    return score >= p->min_score ? score : -1;
}

/* An issuer's name alone does not identify a layout (one bank prints cards
 * and accounts, old and new layouts): its table must be there too, as a row
 * that one of its line patterns reads, its table start or a column header. */
static bool table_found(const bank_profile *p, const char *text, size_t n, pcre2_match_data *md)
{
    bank_profile_prepare(p);
    const bank_rxv *v[] = {&p->line, &p->start, &p->balance_header, &p->credit_header, &p->charge_header};
    for (size_t i = 0; i < sizeof v / sizeof *v; i++)
        if (bank_rxv_any(v[i], text, n, md))
            return true;
    return false;
}

void bank_detect(const bank_registry *reg, const pdf_text *doc, bank_detection *out)
{
    memset(out, 0, sizeof *out);
    char *text = doc_text(doc);
    size_t n = strlen(text);
    pcre2_match_data *md = bank_rx_match_data();
    int best = -1, second = -1;
    size_t used = 0;
    int *scores = xcalloc((size_t)reg->n + 1, sizeof *scores);
    for (int i = 0; i < reg->n; i++) {
        const bank_profile *p = reg->v[i];
        scores[i] = has_rules(p) ? score_profile(p, doc, text, n, md) : -1;
    }
    /* Profiles whose table is not found count only when no qualifying
     * profile's table is. */
    bool any_table = false;
    for (int i = 0; i < reg->n; i++)
        if (scores[i] >= 0 && !table_found(reg->v[i], text, n, md))
            scores[i] = -2 - scores[i];
        else if (scores[i] >= 0)
            any_table = true;
    for (int i = 0; i < reg->n; i++) {
        const bank_profile *p = reg->v[i];
        int sc = scores[i] <= -2 && !any_table ? -2 - scores[i] : scores[i];
        if (sc < 0)
            continue;
        if (used < sizeof out->candidates)
            used += (size_t)snprintf(out->candidates + used, sizeof out->candidates - used, "%s%s=%d",
                                     used ? ", " : "", p->id, sc);
        if (sc > best) {
            second = best;
            best = sc;
            out->profile = p;
        } else if (sc > second) {
            second = sc;
        }
    }
    free(scores);
    out->score = best;
    out->ambiguous = best >= 0 && second == best;
    pcre2_match_data_free(md);
    free(text);
}

/* Two readings with the same rows (dates and amounts). */
static bool same_rows(const bank_statement *a, const bank_statement *b)
{
    if (a->n_txns != b->n_txns)
        return false;
    for (size_t i = 0; i < a->n_txns; i++)
        if (a->txns[i].date != b->txns[i].date || a->txns[i].amount != b->txns[i].amount)
            return false;
    return true;
}

static bool found_anything(const bank_statement *s)
{
    return s->n_txns > 0 || s->summary.new_balance.present || s->summary.previous_balance.present;
}

static bool out_of_range(cl_money v)
{
    return v > BANK_MONEY_MAX || v < -BANK_MONEY_MAX;
}

/* What no statement may lack or hold: a date (else output would depend on
 * the day it runs) and amounts the database can store. */
static int refuse(const bank_statement *s, const char *name, cl_err *err)
{
    if (s->statement_date == CL_DATE_NONE)
        return cl_err_set(err, CL_E_PARSE, "%s: no statement date found", name);
    char a[32];
    for (size_t i = 0; i < s->n_txns; i++) {
        const bank_txn *t = &s->txns[i];
        if (out_of_range(t->amount) || (t->has_foreign && out_of_range(t->foreign_amount)) ||
            (t->has_balance && out_of_range(t->balance)))
            return cl_err_set(err, CL_E_PARSE, "%s: page %d line %d: amount '%s' is out of range (at most %s)",
                              name, t->page, t->line, t->raw_amount ? t->raw_amount : "",
                              cl_money_format(BANK_MONEY_MAX, a));
    }
    const bank_opt_money *sum[] = {&s->summary.previous_balance, &s->summary.payments_and_credits,
                                   &s->summary.purchases, &s->summary.fees, &s->summary.interest,
                                   &s->summary.new_balance};
    for (size_t i = 0; i < sizeof sum / sizeof *sum; i++)
        if (sum[i]->present && out_of_range(sum[i]->value)) {
            char v[32];
            return cl_err_set(err, CL_E_PARSE, "%s: summary amount %s is out of range (at most %s)", name,
                              cl_money_format(sum[i]->value, v), cl_money_format(BANK_MONEY_MAX, a));
        }
    return 0;
}

int bank_parse_doc(const bank_registry *reg, const pdf_text *doc, const bank_parse_opts *opts,
                   bank_statement **out, cl_err *err)
{
    const char *name = doc->path ? doc->path : "document";
    const bank_profile *p = NULL;
    bool fallback = false;
    if (opts && opts->profile_id) {
        p = bank_registry_find(reg, opts->profile_id);
        if (!p) {
            char *ids = bank_registry_ids(reg);
            cl_err_set(err, CL_E_USAGE, "unknown profile '%s' (known: %s)", opts->profile_id, ids);
            free(ids);
            return -1;
        }
    } else {
        bank_detection det;
        bank_detect(reg, doc, &det);
        if (det.ambiguous)
            return cl_err_set(err, CL_E_PARSE,
                              "%s: ambiguous statement: several profiles match equally (%s) "
                              "HINT: choose one with --profile",
                              name, det.candidates);
        p = det.profile;
        if (!p) {
            p = bank_registry_find(reg, "generic");
            fallback = true;
        }
        if (!p)
            return cl_err_set(err, CL_E_PARSE, "%s: no statement recognized", name);
    }
    bank_statement *s = bank_extract(p, doc, opts);
    if (!found_anything(s) && !fallback && !(opts && opts->profile_id)) {
        /* Detected, but its patterns find nothing here: a look-alike of
         * another issuer's layout. The generic profile may still read it. */
        const bank_profile *g = bank_registry_find(reg, "generic");
        if (g && g != p) {
            bank_statement *gs = bank_extract(g, doc, opts);
            if (found_anything(gs)) {
                bank_statement_warn(gs, "profile %s matched but found no transactions or balances: parsed "
                                        "with the generic profile", p->id);
                bank_statement_free(s);
                if (refuse(gs, name, err) < 0) {
                    bank_statement_free(gs);
                    return -1;
                }
                *out = gs;
                return 0;
            }
            bank_statement_free(gs);
        }
    }
    if (found_anything(s) && !s->reconciled && !fallback && !(opts && opts->profile_id)) {
        /* Detected but not reconciled: the generic reading is kept when it
         * reconciles and reads other rows (a layout the profile does not
         * know); the same rows are the profile's. */
        const bank_profile *g = bank_registry_find(reg, "generic");
        bank_statement *gs = g && g != p ? bank_extract(g, doc, opts) : NULL;
        if (gs && gs->reconciled && gs->n_txns > 0 && !same_rows(s, gs)) {
            /* The issuer's currency, when the generic reading found none. */
            if (!gs->currency[0]) {
                memcpy(gs->currency, p->currency, 4);
                for (size_t i = 0; i < gs->n_txns; i++)
                    memcpy(gs->txns[i].currency, p->currency, 4);
            }
            bank_statement_warn(gs, "profile %s found %zu transactions and did not reconcile: parsed with the "
                                    "generic profile, which reconciles", p->id, s->n_txns);
            bank_statement_free(s);
            if (refuse(gs, name, err) < 0) {
                bank_statement_free(gs);
                return -1;
            }
            *out = gs;
            return 0;
        }
        bank_statement_free(gs);
    }
    if (!found_anything(s)) {
        bank_statement_free(s);
        if (fallback)
            return cl_err_set(err, CL_E_PARSE, "%s: no statement recognized (no bank profile matched and the "
                                               "generic profile found no transactions)", name);
        return cl_err_set(err, CL_E_PARSE, "%s: no statement recognized (profile %s found no transactions "
                                           "or balances)", name, p->id);
    }
    if (refuse(s, name, err) < 0) {
        bank_statement_free(s);
        return -1;
    }
    if (fallback)
        bank_statement_warn(s, "no bank profile matched: parsed with the generic profile");
    *out = s;
    return 0;
}
