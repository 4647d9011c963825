/* parse.c - the extraction pass: walks the layout lines of a document once,
 * classifying each (section, field, summary, ignored, transaction,
 * continuation, sign marker ...) with one profile, then finishes the
 * statement (finish.c). Compiled patterns are shared, read-only, and one
 * match block serves the whole run, so lines that match nothing cost no
 * allocation. */
#include "engine.h"
#include "common/util.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

const char *bank_line_kind_name(bank_line_kind k)
{
    static const char *const names[] = {"-", "txn", "continuation", "sign", "foreign", "summary", "field",
                                        "section", "table", "ignored", "excluded", "UNMATCHED"};
    return (unsigned)k < ARRAY_LEN(names) ? names[k] : "?";
}

static void trace(engine *e, int page, int li, const char *text, bank_line_kind k)
{
    if (e->opts && e->opts->trace)
        e->opts->trace(e->opts->trace_ctx, page + 1, li + 1, text, k, e->detail);
}

/* Append "what arg" to the trace detail of the current line. */
static void detail(engine *e, const char *what, const char *arg)
{
    size_t used = strlen(e->detail);
    snprintf(e->detail + used, sizeof e->detail - used, "%s%s%s", used ? ", " : "", what, arg);
}

/* The line with every drop pattern's matches blanked (columns kept). */
static const char *apply_drops(engine *e, const char *s, size_t n)
{
    if (e->p->drop.n == 0)
        return s;
    sbuf_truncate(&e->work, 0);
    sbuf_append(&e->work, s, n);
    char *w = e->work.p;
    for (int i = 0; i < e->p->drop.n; i++) {
        size_t start = 0;
        while (start < n && bank_rx_match(&e->p->drop.v[i], w, n, start, e->md)) {
            size_t off, len;
            bank_rx_span(e->md, &off, &len);
            memset(w + off, ' ', len);
            start = off + (len ? len : 1);
        }
    }
    return w;
}

static char *group_dup(const bank_rx *rx, pcre2_match_data *md, bank_group g, const char *s)
{
    size_t off, len;
    return bank_rx_group(rx, md, g, &off, &len) ? xstrndup(s + off, len) : NULL;
}

static txn_extra *push_extra(engine *e)
{
    if (e->st->n_txns > e->cap_x) {
        e->cap_x = e->st->cap_txns;
        e->x = xrealloc(e->x, e->cap_x * sizeof *e->x);
    }
    txn_extra *x = &e->x[e->st->n_txns - 1];
    memset(x, 0, sizeof *x);
    return x;
}

static bool cols_overlap(int a0, int a1, int b0, int b1, int tol)
{
    return a1 + tol > b0 && a0 - tol < b1;
}

/* A balance column is only a balance when it sits under the balance
 * header; otherwise the two amounts are a foreign and a local amount. */
static bool balance_under_header(const engine *e, int c0, int c1)
{
    if (e->p->balance_header.n == 0)
        return true;
    return e->bal_col0 >= 0 && cols_overlap(c0, c1, e->bal_col0, e->bal_col1, 6);
}

/* An amount in a "Credits" or a "Charges" (Deposits / Withdrawals) column:
 * the header label nearest to it decides. */
static bank_polarity column_polarity(const engine *e, int c0, int c1)
{
    bool cr = e->cr_col0 >= 0, ch = e->ch_col0 >= 0;
    int mid = c0 + c1, dcr = abs(e->cr_col0 + e->cr_col1 - mid), dch = abs(e->ch_col0 + e->ch_col1 - mid);
    if (cr && ch)
        return dcr <= dch ? BANK_POL_CREDIT : BANK_POL_CHARGE;
    if (cr && cols_overlap(c0, c1, e->cr_col0, e->cr_col1, 6))
        return BANK_POL_CREDIT;
    if (ch && cols_overlap(c0, c1, e->ch_col0, e->ch_col1, 6))
        return BANK_POL_CHARGE;
    return BANK_POL_AUTO;
}

static bool description_ok(engine *e, const char *desc, bool *excluded)
{
    size_t n = strlen(desc);
    *excluded = bank_rxv_any(&e->p->exclude_desc, desc, n, e->md);
    if (*excluded)
        return false;
    return e->p->desc_match.n == 0 || bank_rxv_any(&e->p->desc_match, desc, n, e->md);
}

/* Length of the description span w[off..off+len) that stays left of the
 * column after it (description_stop_header): it ends before the first
 * chunk (text after two or more spaces) that starts in that column. */
static size_t desc_before_stop(const engine *e, const char *w, size_t off, size_t len)
{
    if (e->stop_col0 < 0)
        return len;
    const char *d = w + off;
    int col = eng_col(w, off);
    for (size_t i = 0; i < len; i++) {
        if (i >= 2 && d[i] != ' ' && d[i - 1] == ' ' && d[i - 2] == ' ' && col >= e->stop_col0 - 2) {
            while (i > 0 && d[i - 1] == ' ')
                i--;
            return i;
        }
        col += ((unsigned char)d[i] & 0xC0) != 0x80;
    }
    return len;
}

static void add_txn(engine *e, const bank_rx *rx, int page, int li, const char *w, const bank_amount *amt,
                    char *desc)
{
    bank_txn *t = bank_statement_add_txn(e->st);
    txn_extra *x = push_extra(e);
    t->page = page + 1;
    t->line = li + 1;
    char *date = group_dup(rx, e->md, BG_DATE, w);
    char *posted = group_dup(rx, e->md, BG_POSTED_DATE, w);
    if (date) {
        t->raw_date = date;
        x->raw_posted = posted;
    } else if (!posted) {
        /* Both date groups optional and neither matched (a user profile;
         * found by fuzz_profile): the row is skipped as undated later. */
        t->raw_date = xstrdup("");
    } else {
        t->raw_date = posted;
        x->raw_posted = xstrdup(posted);   /* only a posting date: it is both */
    }
    size_t off, len;
    bank_rx_group(rx, e->md, BG_DESCRIPTION, &off, &len);
    x->desc_col = eng_col(w, off);
    t->raw_description = xstrndup(w + off, desc_before_stop(e, w, off, len));
    t->description = desc;
    bank_rx_group(rx, e->md, BG_AMOUNT, &off, &len);
    x->amount_col0 = eng_col(w, off);
    x->amount_col1 = x->amount_col0 + eng_col(w + off, len);
    t->raw_amount = xstrndup(w + off, len);
    t->amount = amt->cents;
    x->mark = amt->mark;
    memcpy(x->currency, amt->currency, 4);
    if (bank_rx_group(rx, e->md, BG_SIGN, &off, &len)) {
        bank_mark m = bank_mark_parse(w + off, len);
        if (m != BANK_MARK_NONE)
            x->mark = m;
    }
    x->forced = e->sec ? e->sec->sign : BANK_POL_AUTO;
    x->section_kind = !e->sec ? BANK_KIND_UNSET
                      : e->sec->kind != BANK_KIND_UNSET ? e->sec->kind
                                                        : bank_kind_of_section(e->sec->name);
    bank_amount fa;
    if (bank_rx_group(rx, e->md, BG_FOREIGN_AMOUNT, &off, &len) &&
        bank_amount_parse(w + off, len, e->p->decimal, &fa)) {
        t->has_foreign = true;
        t->foreign_amount = fa.cents;
        memcpy(t->foreign_currency, fa.currency, 4);
    }
    if (bank_rx_group(rx, e->md, BG_FOREIGN_CURRENCY, &off, &len))
        bank_currency_from_symbol(w + off, len, t->foreign_currency);
    bank_amount bal;
    if (bank_rx_group(rx, e->md, BG_BALANCE, &off, &len) && bank_amount_parse(w + off, len, e->p->decimal, &bal)) {
        int c0 = eng_col(w, off), c1 = c0 + eng_col(w + off, len);
        if (e->oth_col0 >= 0 && cols_overlap(c0, c1, e->oth_col0, e->oth_col1, 6)) {
            /* Rewards, points or cashback beside the amount: not ours. */
        } else if (balance_under_header(e, c0, c1)) {
            x->has_balance = true;
            x->balance_printed = bank_amount_as_printed(&bal);
        } else if (!t->has_foreign) {
            /* "12.00   16.50" without a balance header: foreign, then local,
             * unless the balance chain says otherwise (finish.c). */
            x->two_amounts = true;
            x->first_cents = amt->cents;
            x->first_mark = x->mark;
            x->first_column = column_polarity(e, x->amount_col0, x->amount_col1);
            x->raw_first = xstrdup(t->raw_amount);
            t->has_foreign = true;
            t->foreign_amount = amt->cents;
            memcpy(t->foreign_currency, amt->currency, 4);
            t->amount = bal.cents;
            x->mark = bal.mark;
            free(t->raw_amount);
            t->raw_amount = xstrndup(w + off, len);
            x->amount_col0 = c0;
            x->amount_col1 = c1;
        }
    }
    x->column = column_polarity(e, x->amount_col0, x->amount_col1);
    e->pending = (long)e->st->n_txns - 1;
}

/* Text drawn letter by letter with gaps ("A M Z N  M k t p") back into
 * words, by the run's own spacing: one space inside a word, two or more
 * between words. Only a description made mostly of single letters is
 * changed. */
static void unspace_letters(char *d)
{
    int singles = 0, tokens = 0;
    for (char *p = d; *p;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        char *q = p;
        while (*q && *q != ' ')
            q++;
        tokens++;
        /* one character, maybe a multi-byte UTF-8 one */
        unsigned cp;
        singles += q - p == 1 || (((unsigned char)*p & 0xC0) == 0xC0 && util_utf8_decode(p, &cp) == q - p);
        p = q;
    }
    if (tokens < 4 || singles * 10 < tokens * 8)
        return;
    char *w = d;
    for (char *p = d; *p; p++) {
        if (*p != ' ') {
            *w++ = *p;
        } else if (p[1] == ' ') {
            while (p[1] == ' ')
                p++;
            if (w > d)
                *w++ = ' ';
        }
    }
    *w = '\0';
}

/* Try the transaction patterns on line w. Returns the line kind. */
static bank_line_kind try_txn(engine *e, int page, int li, const char *w, size_t n)
{
    int nl = e->p->line.n;
    for (int i = 0; i < nl + e->p->line_aligned.n; i++) {
        const bank_rx *rx = i < nl ? &e->p->line.v[i] : &e->p->line_aligned.v[i - nl];
        if (!bank_rx_match(rx, w, n, 0, e->md))
            continue;
        size_t off, len;
        bank_amount amt;
        if (!bank_rx_group(rx, e->md, BG_AMOUNT, &off, &len) ||
            !bank_amount_parse(w + off, len, e->p->decimal, &amt))
            continue;
        /* line_aligned: the amount's right edge is the table's (the last
         * row's, within a column), so one space before it is enough. */
        if (i >= nl && (e->st->n_txns == 0 ||
                        abs(eng_col(w, off + len) - e->x[e->st->n_txns - 1].amount_col1) > 1))
            continue;
        if (!bank_rx_group(rx, e->md, BG_DESCRIPTION, &off, &len))
            continue;
        char *desc = xstrndup(w + off, desc_before_stop(e, w, off, len));
        unspace_letters(desc);
        util_collapse_space(desc);
        bool excluded;
        bool ok = description_ok(e, desc, &excluded);
        if (!ok) {
            free(desc);
            if (excluded) {
                detail(e, "description excluded", "");
                return BANK_LINE_EXCLUDED;
            }
            continue;
        }
        /* description_ok used the match block: match again for the groups. */
        bank_rx_match(rx, w, n, 0, e->md);
        add_txn(e, rx, page, li, w, &amt, desc);
        return BANK_LINE_TXN;
    }
    return BANK_LINE_NONE;
}

static void append_desc(bank_txn *t, const char *s, size_t n)
{
    size_t a = strlen(t->description), b = strlen(t->raw_description);
    t->description = xrealloc(t->description, a + n + 2);
    t->description[a] = ' ';
    memcpy(t->description + a + 1, s, n);
    t->description[a + n + 1] = '\0';
    util_collapse_space(t->description);
    t->raw_description = xrealloc(t->raw_description, b + n + 2);
    t->raw_description[b] = '\n';
    memcpy(t->raw_description + b + 1, s, n);
    t->raw_description[b + n + 1] = '\0';
}

/* A line after a transaction: sign marker, foreign amount, continuation. */
static bank_line_kind follow_text(engine *e, const char *s, size_t n)
{
    bank_txn *t = &e->st->txns[e->pending];
    txn_extra *x = &e->x[e->pending];
    size_t b = 0;
    while (b < n && s[b] == ' ')
        b++;
    size_t end = n;
    while (end > b && s[end - 1] == ' ')
        end--;
    if (e->p->sign_below) {
        /* A CR/DR marker printed under the amount, alone or at the end of
         * a line whose other text is handled below. */
        size_t w = end;
        while (w > b && s[w - 1] != ' ')
            w--;
        bank_mark m = bank_mark_parse(s + w, end - w);
        int c0 = eng_col(s, w), c1 = c0 + eng_col(s + w, end - w);
        if ((m == BANK_MARK_CR || m == BANK_MARK_DR) &&
            cols_overlap(c0, c1, x->amount_col0, x->amount_col1, 4)) {
            if (x->mark == BANK_MARK_NONE)
                x->mark = m;
            e->sign_line = true;
            detail(e, "sign ", m == BANK_MARK_CR ? "CR" : "DR");
            while (w > b && s[w - 1] == ' ')
                w--;
            if (w == b)
                return BANK_LINE_SIGN;
            n = end = w;
        }
    }
    for (int i = 0; i < e->p->foreign_line.n; i++) {
        /* The foreign amount and its currency, on one line or on two (a
         * line naming the currency, then one with the amount). */
        const bank_rx *rx = &e->p->foreign_line.v[i];
        if (!bank_rx_match(rx, s, n, 0, e->md))
            continue;
        size_t off, len;
        bank_amount fa;
        bool any = false;
        if (bank_rx_group(rx, e->md, BG_FOREIGN_AMOUNT, &off, &len) &&
            bank_amount_parse(s + off, len, e->p->decimal, &fa)) {
            t->has_foreign = true;
            t->foreign_amount = fa.cents;
            if (fa.currency[0])
                memcpy(t->foreign_currency, fa.currency, 4);
            any = true;
        }
        char iso[4];
        if (bank_rx_group(rx, e->md, BG_FOREIGN_CURRENCY, &off, &len)) {
            bank_currency_from_symbol(s + off, len, iso);
            if (iso[0])
                memcpy(t->foreign_currency, iso, 4);
            any = any || iso[0];
        }
        if (any)
            return BANK_LINE_FOREIGN;
    }
    if (bank_rxv_any(&e->p->cont_exclude, s, n, e->md)) {
        detail(e, "not appended", "");
        return BANK_LINE_IGNORED;
    }
    if (x->n_cont >= e->p->cont_max)
        return BANK_LINE_NONE;
    for (int i = 0; i < e->p->cont_line.n; i++) {
        const bank_rx *rx = &e->p->cont_line.v[i];
        if (!bank_rx_match(rx, s, n, 0, e->md))
            continue;
        size_t off, len;
        if (!bank_rx_group(rx, e->md, BG_TEXT, &off, &len))
            off = b, len = end - b;
        append_desc(t, s + off, len);
        x->n_cont++;
        return BANK_LINE_CONTINUATION;
    }
    if (e->p->cont_mode == BANK_CONT_ALIGNED) {
        int col = eng_col(s, b);
        if (col >= x->desc_col - e->p->cont_tolerance && col <= x->desc_col + e->p->cont_tolerance &&
            !bank_rx_match(&e->p->amount_tok, s, n, 0, e->md)) {
            append_desc(t, s + b, end - b);
            x->n_cont++;
            return BANK_LINE_CONTINUATION;
        }
    }
    return BANK_LINE_NONE;
}

static bank_line_kind try_follow(engine *e, const char *s, size_t n)
{
    bank_line_kind k = follow_text(e, s, n);
    return k == BANK_LINE_NONE && e->sign_line ? BANK_LINE_SIGN : k;
}

static bool sections_line(engine *e, const char *s, size_t n)
{
    bool hit = false;
    if (e->sec && bank_rxv_any(&e->sec->end, s, n, e->md)) {
        detail(e, "end of section ", e->sec->name);
        e->sec = NULL;
        hit = true;
    }
    for (int i = 0; i < e->p->n_sections; i++)
        if (bank_rxv_any(&e->p->sections[i].start, s, n, e->md)) {
            e->sec = &e->p->sections[i];
            detail(e, "section ", e->sec->name);
            return true;
        }
    return hit;
}

static bool table_line(engine *e, const char *s, size_t n)
{
    if (e->p->start.n && bank_rxv_any(&e->p->start, s, n, e->md)) {
        e->in_table = true;
        detail(e, "table starts", "");
        return true;
    }
    if (e->in_table && e->p->end.n && bank_rxv_any(&e->p->end, s, n, e->md)) {
        e->in_table = false;
        detail(e, "table ends", "");
        return true;
    }
    return false;
}

/* Remember the columns of a header label (first matching pattern). */
static void header_cols(engine *e, const bank_rxv *v, const char *s, size_t n, int *c0, int *c1)
{
    for (int i = 0; i < v->n; i++) {
        const bank_rx *rx = &v->v[i];
        if (!bank_rx_match(rx, s, n, 0, e->md))
            continue;
        size_t off, len;
        if (!bank_rx_group(rx, e->md, BG_LABEL, &off, &len))
            bank_rx_span(e->md, &off, &len);
        *c0 = eng_col(s, off);
        *c1 = *c0 + eng_col(s + off, len);
        return;
    }
}

static void column_headers(engine *e, const char *s, size_t n)
{
    header_cols(e, &e->p->balance_header, s, n, &e->bal_col0, &e->bal_col1);
    header_cols(e, &e->p->credit_header, s, n, &e->cr_col0, &e->cr_col1);
    header_cols(e, &e->p->charge_header, s, n, &e->ch_col0, &e->ch_col1);
    header_cols(e, &e->p->desc_stop_header, s, n, &e->stop_col0, &e->stop_col1);
    header_cols(e, &e->p->other_amount_header, s, n, &e->oth_col0, &e->oth_col1);
}

static bool blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ')
            return false;
    return true;
}

/* amount_on_next_line: a transaction whose description wraps and whose
 * amount is printed on the next line ("12-Jan  MARRIOTT ... CENTER" then
 * "        BETHESDA MD      612.40"). The two lines are read as one: the
 * second line's text after the first's, at its own column when there is
 * room (so the amount keeps its column). */
static bank_line_kind try_wrapped(engine *e, int page, int li, const char *s, size_t n)
{
    const pdf_page *pg = &e->doc->pages[page];
    if (li + 1 >= pg->n_lines || !bank_rx_match(&e->p->date_start, s, n, 0, e->md) ||
        bank_rx_match(&e->p->amount_tok, s, n, 0, e->md))
        return BANK_LINE_NONE;
    const char *t = pg->lines[li + 1].text;
    size_t tn = strlen(t), t0 = 0;
    while (t0 < tn && t[t0] == ' ')
        t0++;
    bool excluded;
    if (t0 < 2 || t0 == tn || bank_rx_match(&e->p->date_start, t, tn, 0, e->md) ||
        (!description_ok(e, t + t0, &excluded) && excluded))
        return BANK_LINE_NONE;
    size_t h = n;
    while (h && s[h - 1] == ' ')
        h--;
    sbuf_truncate(&e->wrap, 0);
    sbuf_append(&e->wrap, s, h);
    for (size_t pad = h + 2 <= t0 ? t0 - h : 2; pad; pad--)
        sbuf_putc(&e->wrap, ' ');
    sbuf_append(&e->wrap, t + t0, tn - t0);
    const char *w = e->wrap.p;
    if (try_txn(e, page, li, apply_drops(e, w, e->wrap.len), e->wrap.len) != BANK_LINE_TXN)
        return BANK_LINE_NONE;
    e->skip_page = page;
    e->skip_line = li + 1;
    detail(e, "amount on the next line", "");
    return BANK_LINE_TXN;
}

static void process_text(engine *e, int page, int li, const char *s)
{
    size_t n = strlen(s);
    e->detail[0] = '\0';
    e->sign_line = false;
    if (page == e->skip_page && li == e->skip_line) {
        trace(e, page, li, s, BANK_LINE_CONTINUATION);
        return;
    }
    if (blank(s)) {
        e->pending = -1;
        trace(e, page, li, s, BANK_LINE_NONE);
        return;
    }
    bool sect = sections_line(e, s, n);
    bool table = table_line(e, s, n);
    bool structural = sect || table;
    if (structural)
        e->pending = -1;
    eng_fields_line(e, page, li, s, n);
    bool ignored_sec = e->sec && e->sec->ignore;
    if (!ignored_sec && eng_summary_line(e, page, li, s, n)) {
        e->pending = -1;
        trace(e, page, li, s, BANK_LINE_SUMMARY);
        return;
    }
    if (structural) {
        trace(e, page, li, s, sect ? BANK_LINE_SECTION : BANK_LINE_TABLE);
        return;
    }
    if (ignored_sec || bank_rxv_any(&e->p->ignore, s, n, e->md)) {
        if (ignored_sec)
            detail(e, "in section ", e->sec->name);
        trace(e, page, li, s, BANK_LINE_IGNORED);
        return;     /* transparent: a continuation may follow a page footer */
    }
    bank_line_kind k = BANK_LINE_NONE;
    if (e->in_table)
        k = try_txn(e, page, li, apply_drops(e, s, n), n);
    if (k == BANK_LINE_NONE && e->in_table && e->p->amount_next_line && !e->split)
        k = try_wrapped(e, page, li, s, n);
    /* Column headers are never transactions: look for them only when the
     * line is not one (most lines of a statement are). */
    if (k == BANK_LINE_NONE)
        column_headers(e, s, n);
    if (k == BANK_LINE_NONE && e->pending >= 0)
        k = try_follow(e, s, n);
    if (k == BANK_LINE_NONE || k == BANK_LINE_EXCLUDED) {
        e->pending = -1;
        if (k == BANK_LINE_NONE && bank_rx_match(&e->p->shape, s, n, 0, e->md))
            k = BANK_LINE_UNMATCHED;
        else if (k == BANK_LINE_NONE && e->detail[0])
            k = BANK_LINE_FIELD;
    }
    trace(e, page, li, s, k);
}

/* two_up: the column where a second table starts on this page, or -1. A
 * line of both tables is a row (it starts with a date) with, after a gap
 * of three or more spaces, another row; three such lines at one column
 * make the page two-up. */
static int two_up_column(engine *e, const pdf_page *pg)
{
    enum { MAXC = 400 };
    unsigned char votes[MAXC] = {0};
    for (int li = 0; li < pg->n_lines; li++) {
        const char *s = pg->lines[li].text;
        size_t n = strlen(s);
        if (n < 40 || !bank_rx_match(&e->p->date_start, s, n, 0, e->md))
            continue;
        for (size_t p = 3; p + 8 < n; p++) {
            if (s[p] == ' ' || s[p - 1] != ' ' || s[p - 2] != ' ' || s[p - 3] != ' ')
                continue;
            if (!bank_rx_match(&e->p->date_start, s + p, n - p, 0, e->md) ||
                !bank_rx_match(&e->p->amount_tok, s, p, 0, e->md))
                continue;
            int c = eng_col(s, p);
            if (c > 24 && c < MAXC) {
                /* one vote per line, at the first split that reads */
                for (int k = c - 1; k <= c + 1 && k < MAXC; k++)
                    if (votes[k] < 255)
                        votes[k]++;
                break;
            }
        }
    }
    int best = -1;
    for (int c = 0; c < MAXC; c++)
        if (votes[c] >= 3 && (best < 0 || votes[c] > votes[best]))
            best = c;
    return best;
}

/* Byte offset of column col in s (or its end). */
static size_t col_offset(const char *s, int col)
{
    size_t i = 0;
    for (int c = 0; s[i] && c < col; c++) {
        i++;
        while (((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

static void process_page(engine *e, int pg)
{
    const pdf_page *page = &e->doc->pages[pg];
    int split = e->p->two_up ? two_up_column(e, page) : -1;
    if (split < 0) {
        for (int li = 0; li < page->n_lines; li++)
            process_text(e, pg, li, page->lines[li].text);
        return;
    }
    /* Two tables side by side: the left one, then the right one (its
     * columns kept, the left part blanked). */
    sbuf half = {0};
    e->split = true;
    for (int side = 0; side < 2; side++)
        for (int li = 0; li < page->n_lines; li++) {
            const char *s = page->lines[li].text;
            size_t off = col_offset(s, split - 1);
            sbuf_truncate(&half, 0);
            if (side == 0) {
                sbuf_append(&half, s, off);
            } else {
                for (int c = 0; c < split - 1 && s[0]; c++)
                    sbuf_putc(&half, ' ');
                sbuf_puts(&half, s + off);
            }
            process_text(e, pg, li, half.p ? half.p : "");
        }
    sbuf_free(&half);
    e->split = false;
}

bank_statement *eng_extract(const bank_profile *p, const pdf_text *doc, const bank_parse_opts *opts)
{
    bank_profile_prepare(p);
    engine e = {0};
    e.p = p;
    e.doc = doc;
    e.opts = opts;
    e.md = bank_rx_match_data();
    e.st = bank_statement_new();
    snprintf(e.st->issuer, sizeof e.st->issuer, "%s", p->id);
    e.st->pages = doc->n_pages;
    for (int k = 0; k < 3; k++)
        e.dates[k] = (found_date){CL_DATE_NONE, INT_MAX};
    e.last4_prio = e.currency_prio = INT_MAX;
    e.latest = CL_DATE_NONE;
    e.pending = -1;
    e.bal_col0 = e.cr_col0 = e.ch_col0 = e.stop_col0 = e.oth_col0 = -1;
    e.skip_page = -1;
    e.in_table = p->start.n == 0;
    for (int pg = 0; pg < doc->n_pages; pg++)
        process_page(&e, pg);
    eng_summary_finish(&e);
    eng_finish(&e);
    bank_statement_mask_cards(e.st);
    for (size_t i = 0; i < e.st->n_txns; i++) {
        free(e.x[i].raw_posted);
        free(e.x[i].raw_first);
    }
    free(e.x);
    sbuf_free(&e.work);
    sbuf_free(&e.wrap);
    pcre2_match_data_free(e.md);
    return e.st;
}
