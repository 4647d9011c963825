/* items.c - draws item lists and fills their templates (items.h). */
#include "items.h"
#include "fmt.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- tokens ----------------------------------------------------------- */

typedef enum tok_kind { TK_TEXT, TK_DATE, TK_MONEY } tok_kind;

typedef struct token {
    const char *name;
    tok_kind kind;
    int field;
} token;

enum { F_NAME, F_ADDR1, F_ADDR2, F_ADDR3, F_LAST4, F_CARD, F_CARD_DASH, F_PAGE, F_DAYS, F_YEAR };
enum { D_STMT, D_DUE, D_START, D_END };
enum { M_PREV, M_NEW, M_MIN, M_LIMIT, M_AVAIL, M_PAYMENTS, M_REFUNDS, M_CREDITS, M_PURCHASES,
       M_FEES, M_INTEREST, M_DEBITS, M_CHARGES };

static const token tokens[] = {
    {"NAME", TK_TEXT, F_NAME},          {"ADDR1", TK_TEXT, F_ADDR1},
    {"ADDR2", TK_TEXT, F_ADDR2},        {"ADDR3", TK_TEXT, F_ADDR3},
    {"LAST4", TK_TEXT, F_LAST4},        {"CARD", TK_TEXT, F_CARD},
    {"CARD_DASH", TK_TEXT, F_CARD_DASH},
    {"PAGE", TK_TEXT, F_PAGE},          {"DAYS", TK_TEXT, F_DAYS},
    {"YEAR", TK_TEXT, F_YEAR},          {"STMT", TK_DATE, D_STMT},
    {"DUE", TK_DATE, D_DUE},            {"START", TK_DATE, D_START},
    {"END", TK_DATE, D_END},            {"PREV", TK_MONEY, M_PREV},
    {"NEW", TK_MONEY, M_NEW},           {"MIN", TK_MONEY, M_MIN},
    {"LIMIT", TK_MONEY, M_LIMIT},       {"AVAIL", TK_MONEY, M_AVAIL},
    {"PAYMENTS", TK_MONEY, M_PAYMENTS}, {"REFUNDS", TK_MONEY, M_REFUNDS},
    {"CREDITS", TK_MONEY, M_CREDITS},   {"PURCHASES", TK_MONEY, M_PURCHASES},
    {"FEES", TK_MONEY, M_FEES},         {"INTEREST", TK_MONEY, M_INTEREST},
    {"DEBITS", TK_MONEY, M_DEBITS},     {"CHARGES", TK_MONEY, M_CHARGES},
};

/* {CARD:a-b}: the grouped number with digits a..b masked. */
static const char *card(const sg_statement *s, const char *sep, const char *arg)
{
    int from = -1, to = -1;
    if (arg && sscanf(arg, "%d-%d", &from, &to) != 2)
        return NULL;
    return sg_card_grouped(s, sep, from, to);
}

static const char *text_value(const sg_render *r, int field, const char *arg)
{
    const sg_statement *s = r->st;
    int y, m, d;
    switch (field) {
    case F_NAME: return s->holder;
    case F_ADDR1: return s->address[0];
    case F_ADDR2: return s->address[1];
    case F_ADDR3: return s->address[2];
    case F_LAST4: return s->last4;
    case F_CARD: return card(s, " ", arg);
    case F_CARD_DASH: return card(s, "-", arg);
    case F_PAGE: return sg_strf("%d", sg_doc_page(r->doc));
    case F_DAYS: return sg_strf("%d", s->cycle_days);
    case F_YEAR: cl_date_to_ymd(s->stmt_date, &y, &m, &d); return sg_strf("%d", y);
    }
    return NULL;
}

static const char *date_value(const sg_statement *s, int field, const char *pattern)
{
    const cl_date dates[] = {[D_STMT] = s->stmt_date, [D_DUE] = s->due_date,
                             [D_START] = s->period_start, [D_END] = s->period_end};
    return pattern ? sg_datef(pattern, dates[field]) : NULL;
}

static const char *money_value(const sg_statement *s, int field, const char *style)
{
    const cl_money v[] = {
        [M_PREV] = s->prev_balance,      [M_NEW] = s->new_balance,
        [M_MIN] = s->min_payment,        [M_LIMIT] = s->credit_limit,
        [M_AVAIL] = s->credit_limit - s->new_balance,
        [M_PAYMENTS] = s->payments,      [M_REFUNDS] = s->refunds,
        [M_CREDITS] = s->payments + s->refunds,
        [M_PURCHASES] = s->purchases,    [M_FEES] = s->fees,
        [M_INTEREST] = s->interest,
        [M_DEBITS] = s->purchases + s->fees + s->interest,
        [M_CHARGES] = s->fees + s->interest,
    };
    cl_money a = v[field];
    if (!style)
        return sg_num(a);
    if (!strcmp(style, "whole"))
        return sg_whole(a);
    if (style[0] == '-') /* a credit shown negative: "-$400.00" */
        return sg_money_signed(-a, style + 1);
    if (style[0] == '+') /* a charge shown with its sign: "+$12.75" */
        return a > 0 ? sg_strf("+%s%s", style + 1, sg_num(a)) : sg_money_signed(a, style + 1);
    return NULL;
}

/* The value of {name} or {name:arg}, or NULL when the token is unknown. */
static const char *token_value(const sg_render *r, const char *name, const char *arg)
{
    for (size_t i = 0; i < sizeof tokens / sizeof tokens[0]; i++) {
        const token *t = &tokens[i];
        if (strcmp(t->name, name))
            continue;
        switch (t->kind) {
        case TK_TEXT: return text_value(r, t->field, arg);
        case TK_DATE: return date_value(r->st, t->field, arg);
        case TK_MONEY: return money_value(r->st, t->field, arg);
        }
    }
    return r->lay->token ? r->lay->token(r, name, arg) : NULL;
}

/* Reads "{NAME}" or "{NAME:arg}" at p into name and arg; returns the
 * length of the token or 0 when p does not start one. */
static size_t parse_token(const char *p, char *name, size_t nsize, char *arg, size_t asize,
                          bool *has_arg)
{
    const char *close = strchr(p, '}');
    if (!close)
        return 0;
    size_t n = strspn(p + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
    if (n == 0 || n >= nsize || (p[1 + n] != '}' && p[1 + n] != ':'))
        return 0;
    memcpy(name, p + 1, n);
    name[n] = '\0';
    *has_arg = p[1 + n] == ':';
    if (*has_arg) {
        size_t a = (size_t)(close - (p + 2 + n));
        if (a >= asize)
            return 0;
        memcpy(arg, p + 2 + n, a);
        arg[a] = '\0';
    }
    return (size_t)(close - p) + 1;
}

const char *sg_expand(const sg_render *r, const char *text)
{
    if (!strchr(text, '{'))
        return text;
    char out[512];
    size_t o = 0;
    for (const char *p = text; *p && o < sizeof out - 1;) {
        char name[32], arg[32];
        bool has_arg = false;
        size_t len = *p == '{' ? parse_token(p, name, sizeof name, arg, sizeof arg, &has_arg) : 0;
        const char *v = len ? token_value(r, name, has_arg ? arg : NULL) : NULL;
        /* A misspelt token would print as it stands: catch it here. */
        assert(!len || v || !strcmp(name, "PAGES"));
        if (v) {
            o += (size_t)snprintf(out + o, sizeof out - o, "%s", v);
            if (o >= sizeof out)
                o = sizeof out - 1;
            p += len;
        } else {
            out[o++] = *p++;
        }
    }
    out[o] = '\0';
    return sg_strf("%s", out);
}

/* --- drawing ---------------------------------------------------------- */

/* Each line of the item's text, filled in, lh apart from y. */
static void draw_lines(sg_render *r, const sg_item *it, double y)
{
    const char *p = it->text;
    for (int i = 0; *p; i++) {
        size_t n = strcspn(p, "\n");
        char line[256];
        snprintf(line, sizeof line, "%.*s", (int)n, p);
        sg_text(r->doc, it->font, it->x, y + it->y1 * i, it->align, sg_expand(r, line));
        p += n + (p[n] == '\n');
    }
}

double sg_items_at(sg_render *r, const sg_item *it, double y0)
{
    sg_doc *d = r->doc;
    double after = y0; /* the line after the last paragraph */
    for (; it->op != SG_OP_END; it++) {
        double y = it->y + y0;
        switch (it->op) {
        case SG_OP_END: break;
        case SG_OP_TEXT: sg_text(d, it->font, it->x, y, it->align, sg_expand(r, it->text)); break;
        case SG_OP_PAIR: {
            const char *label = sg_expand(r, it->text);
            sg_pair(r, it->font, it->x, it->x1, y, label, sg_expand(r, it->value));
            break;
        }
        case SG_OP_RULE: sg_rule(d, it->x, y, it->x1, it->y1 + y0, it->w); break;
        case SG_OP_BOX: sg_box(d, it->x, y, it->x1, it->y1, it->w); break;
        case SG_OP_FILL:
            sg_color(d, it->w, it->w, it->w);
            sg_fill(d, it->x, y, it->x1, it->y1);
            sg_color(d, 0, 0, 0);
            break;
        case SG_OP_PARA:
            after = sg_para(r, it->font, it->x, y, it->x1, it->y1, sg_expand(r, it->text));
            break;
        case SG_OP_LINES: draw_lines(r, it, y); break;
        case SG_OP_PARA_NEXT:
            after = sg_para(r, it->font, it->x, after + it->y, it->x1, it->y1,
                            sg_expand(r, it->text));
            break;
        }
    }
    return after;
}

double sg_items(sg_render *r, const sg_item *items)
{
    return sg_items_at(r, items, 0);
}

/* --- list pages ------------------------------------------------------- */

void sg_list_heads(sg_render *r, double y)
{
    const sg_list_spec *sp = r->lay->spec;
    sg_items_at(r, sp->heads, y);
    r->y = y + sp->heads_h;
    r->bottom = sp->bottom;
}

void sg_list_next_page(sg_render *r)
{
    const sg_list_spec *sp = r->lay->spec;
    sg_new_page(r);
    sg_items(r, sp->frame);
    if (!sp->heads_in_section || r->section) {
        sg_list_heads(r, sp->top);
    } else {
        r->y = sp->top;
        r->bottom = sp->bottom;
    }
}
