/* profile.c - reading a bank profile file: a small line-oriented INI
 * dialect (docs/profiles.md). Values are taken verbatim after '=' (only the
 * white space around them is trimmed), so regexes need no escaping and
 * there are no inline comments. Every error names the file and line. */
#include "profile.h"
#include "common/util.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

const char *const bank_field_names[BF_N] = {"statement_date", "period_start", "period_end",
                                            "period", "card", "currency"};
const char *const bank_sumfield_names[BS_N] = {"previous_balance", "payments_and_credits", "purchases",
                                               "fees", "interest", "new_balance"};

static const char *const default_field_dates[] = {
    "DD MMM YYYY", "DD MMM YY", "DD MMM, YYYY", "MMM DD, YYYY", "MMM DD YYYY", "DD-MMM-YYYY",
    "DD-MMM-YY", "DDMMMYYYY", "YYYY-MM-DD", "YYYY/MM/DD", "DD/MM/YYYY", "MM/DD/YYYY", "DD/MM/YY",
    "MM/DD/YY", "DD.MM.YYYY", "DD.MM.YY", "DD-MM-YYYY", "MM-DD-YYYY", "DD-MM-YY", "DD. MMM YYYY",
};
static const char *const default_txn_dates[] = {
    "DD MMM", "DD MMM YY", "DD MMM YYYY", "DD-MMM", "DD-MMM-YY", "DD-MMM-YYYY", "DDMMM", "MMM DD",
    "MMM DD, YYYY", "MMM DD YYYY", "YYYY-MM-DD", "DD/MM", "MM/DD", "DD/MM/YY", "MM/DD/YY",
    "DD/MM/YYYY", "MM/DD/YYYY", "DD.MM", "DD.MM.YY", "DD.MM.YYYY", "DD-MM", "MM-DD", "DD-MM-YY",
    "MM-DD-YY", "DD-MM-YYYY", "MM-DD-YYYY", "DD. MMM", "DD. MMM YYYY", "DD.MMM", "DD.MM.",
};

enum sect { S_NONE, S_PROFILE, S_DETECT, S_MACROS, S_FIELDS, S_SUMMARY, S_TRANSACTIONS, S_SECTION };

typedef struct pctx {
    bank_profile *p;
    const char *name;
    int lineno;
    cl_err *err;
    bank_macros macros;
    enum sect cur;
    bank_section *sec;
    bool own_field_dates, own_txn_dates;
    char force_decimal;         /* decimal = auto: the ',' twin is parsed with ',' */
} pctx;

static int perr(pctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int perr(pctx *c, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return cl_err_set(c->err, CL_E_PARSE, "%s:%d: %s", c->name, c->lineno, msg);
}

static int add_rx(pctx *c, bank_rxv *v, const char *value, int weight)
{
    bank_rx *rx = bank_rxv_push(v);
    cl_err e = {0};
    if (bank_rx_compile(rx, value, &c->macros, c->p->decimal, &e)) {
        v->n--;
        return perr(c, "%s", e.msg);
    }
    rx->line = c->lineno;
    rx->weight = weight;
    return 0;
}

static int add_weighted(pctx *c, bank_rxv *v, const char *value)
{
    char *end;
    long w = strtol(value, &end, 10);
    if (end == value || !isspace((unsigned char)*end) || w < -1000 || w > 1000)
        return perr(c, "expected 'WEIGHT REGEX' (an integer weight, a space, then the regex)");
    while (isspace((unsigned char)*end))
        end++;
    if (!*end)
        return perr(c, "missing regex after the weight");
    return add_rx(c, v, end, (int)w);
}

static int add_datefmt(pctx *c, bank_datefmt **v, int *n, bool *own, const char *value)
{
    if (!*own) {
        free(*v);
        *v = NULL;
        *n = 0;
        *own = true;
    }
    bank_datefmt f;
    if (!bank_datefmt_compile(value, &f))
        return perr(c, "bad date format '%s' (use DD, MM, MMM, YY, YYYY and separators)", value);
    *v = xrealloc(*v, (size_t)(*n + 1) * sizeof **v);
    (*v)[(*n)++] = f;
    return 0;
}

static void set_default_dates(bank_datefmt **v, int *n, const char *const *specs, size_t count)
{
    *v = xcalloc(count, sizeof **v);
    *n = 0;
    for (size_t i = 0; i < count; i++)
        if (bank_datefmt_compile(specs[i], &(*v)[*n]))
            (*n)++;
}

static int parse_bool(pctx *c, const char *v, bool *out)
{
    if (!strcmp(v, "yes") || !strcmp(v, "true") || !strcmp(v, "1"))
        *out = true;
    else if (!strcmp(v, "no") || !strcmp(v, "false") || !strcmp(v, "0"))
        *out = false;
    else
        return perr(c, "expected yes or no, not '%s'", v);
    return 0;
}

static int parse_int(pctx *c, const char *v, int min, int max, int *out)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (end == v || *end || n < min || n > max)
        return perr(c, "expected an integer from %d to %d, not '%s'", min, max, v);
    *out = (int)n;
    return 0;
}

static int parse_polarity(pctx *c, const char *v, bank_polarity *out)
{
    if (!strcmp(v, "credit"))
        *out = BANK_POL_CREDIT;
    else if (!strcmp(v, "charge") || !strcmp(v, "debit"))
        *out = BANK_POL_CHARGE;
    else
        return perr(c, "expected credit or charge, not '%s'", v);
    return 0;
}

static int kv_profile(pctx *c, const char *k, const char *v)
{
    bank_profile *p = c->p;
    if (!strcmp(k, "id")) {
        for (const char *q = v; *q; q++)
            if (!(islower((unsigned char)*q) || isdigit((unsigned char)*q) || *q == '_'))
                return perr(c, "id '%s' must be lower-case letters, digits and '_'", v);
        if (!*v || strlen(v) > 63)
            return perr(c, "id must be 1 to 63 characters");
        free(p->id);
        p->id = xstrdup(v);
    } else if (!strcmp(k, "issuer")) {
        free(p->issuer);
        p->issuer = xstrdup(v);
    } else if (!strcmp(k, "currency")) {
        if (strlen(v) != 3)
            return perr(c, "currency must be a 3-letter ISO code, not '%s'", v);
        for (int i = 0; i < 3; i++)
            p->currency[i] = (char)toupper((unsigned char)v[i]);
    } else if (!strcmp(k, "kind")) {
        if (strcmp(v, "card") && strcmp(v, "account") && strcmp(v, "auto"))
            return perr(c, "kind must be card, account or auto, not '%s'", v);
        p->account = !strcmp(v, "account");
        p->kind_auto = !strcmp(v, "auto");
    } else if (!strcmp(k, "account_when")) {
        return add_rx(c, &p->account_when, v, 0);
    } else if (!strcmp(k, "card_when")) {
        return add_rx(c, &p->card_when, v, 0);
    } else if (!strcmp(k, "decimal")) {
        if (strcmp(v, ".") && strcmp(v, ",") && strcmp(v, "auto"))
            return perr(c, "decimal must be '.', ',' or auto, not '%s'", v);
        p->decimal_auto = !strcmp(v, "auto");
        p->decimal = c->force_decimal ? c->force_decimal : p->decimal_auto ? '.' : *v;
    } else {
        return perr(c, "unknown key '%s' in [profile]", k);
    }
    return 0;
}

static int kv_detect(pctx *c, const char *k, const char *v)
{
    bank_profile *p = c->p;
    if (!strcmp(k, "require"))
        return add_rx(c, &p->require, v, 1);
    if (!strcmp(k, "any"))
        return add_rx(c, &p->any, v, 0);
    if (!strcmp(k, "reject"))
        return add_rx(c, &p->reject, v, 0);
    if (!strcmp(k, "phrase"))
        return add_weighted(c, &p->phrase, v);
    if (!strcmp(k, "producer"))
        return add_weighted(c, &p->producer, v);
    if (!strcmp(k, "creator"))
        return add_weighted(c, &p->creator, v);
    if (!strcmp(k, "min_score"))
        return parse_int(c, v, 0, 100000, &p->min_score);
    return perr(c, "unknown key '%s' in [detect]", k);
}

/* "name", "name.below"; returns the index in names or -1. */
static int rule_key(const char *k, const char *const *names, int n, bool *below)
{
    const char *dot = strchr(k, '.');
    size_t len = dot ? (size_t)(dot - k) : strlen(k);
    *below = false;
    if (dot) {
        if (strcmp(dot, ".below") != 0)
            return -1;
        *below = true;
    }
    for (int i = 0; i < n; i++)
        if (strlen(names[i]) == len && !strncmp(names[i], k, len))
            return i;
    return -1;
}

static int add_rule(pctx *c, bank_rulev *v, const char *value, bool below, bool add)
{
    v->v = xrealloc(v->v, (size_t)(v->n + 1) * sizeof *v->v);
    bank_rule *r = &v->v[v->n];
    memset(r, 0, sizeof *r);
    bank_rxv tmp = {0};
    if (add_rx(c, &tmp, value, 0)) {
        free(tmp.v);    /* the slot add_rx gave back (found by fuzz_profile) */
        return -1;
    }
    r->rx = tmp.v[0];
    free(tmp.v);
    r->below = below;
    r->add = add;
    v->n++;
    return 0;
}

static int check_groups(pctx *c, const bank_rx *rx, const bank_group *need, int n, const char *what)
{
    for (int i = 0; i < n; i++)
        if (!rx->grp[need[i]])
            return perr(c, "%s needs a named group (?<%s>...)", what, bank_group_names[need[i]]);
    return 0;
}

static int kv_fields(pctx *c, const char *k, const char *v, bool add)
{
    bank_profile *p = c->p;
    if (!strcmp(k, "date_format"))
        return add_datefmt(c, &p->field_dates, &p->n_field_dates, &c->own_field_dates, v);
    bool below;
    int f = rule_key(k, bank_field_names, BF_N, &below);
    if (f < 0)
        return perr(c, "unknown key '%s' in [fields]", k);
    if (add)
        return perr(c, "'+=' is only for summary fields");
    if (add_rule(c, &p->field[f], v, below, false))
        return -1;
    if (below) {
        if (f == BF_PERIOD)
            return perr(c, "period.below is not supported: use period_start.below and period_end.below");
        return 0;
    }
    const bank_rx *rx = &p->field[f].v[p->field[f].n - 1].rx;
    static const bank_group g_date[] = {BG_DATE}, g_period[] = {BG_START, BG_END}, g_card[] = {BG_LAST4},
                            g_cur[] = {BG_CURRENCY};
    switch ((bank_field)f) {
    case BF_PERIOD:
        return check_groups(c, rx, g_period, 2, k);
    case BF_CARD:
        return check_groups(c, rx, g_card, 1, k);
    case BF_CURRENCY:
        return check_groups(c, rx, g_cur, 1, k);
    default:
        return check_groups(c, rx, g_date, 1, k);
    }
}

static int kv_summary(pctx *c, const char *k, const char *v, bool add)
{
    bank_profile *p = c->p;
    if (!strcmp(k, "below_lines"))
        return parse_int(c, v, 1, 20, &p->below_lines);
    if (!strcmp(k, "below_tolerance"))
        return parse_int(c, v, 0, 40, &p->below_tolerance);
    bool below;
    int f = rule_key(k, bank_sumfield_names, BS_N, &below);
    if (f < 0)
        return perr(c, "unknown key '%s' in [summary]", k);
    if (add_rule(c, &p->summary[f], v, below, add))
        return -1;
    static const bank_group g_amount[] = {BG_AMOUNT};
    return below ? 0 : check_groups(c, &p->summary[f].v[p->summary[f].n - 1].rx, g_amount, 1, k);
}

static int kv_sign(pctx *c, const char *k, const char *v, bool *handled)
{
    static const struct {
        const char *key;
        bank_mark mark;
    } marks[] = {{"unsigned", BANK_MARK_NONE}, {"minus", BANK_MARK_MINUS}, {"plus", BANK_MARK_PLUS},
                 {"parens", BANK_MARK_PARENS}, {"cr", BANK_MARK_CR}, {"dr", BANK_MARK_DR}};
    *handled = false;
    for (size_t i = 0; i < ARRAY_LEN(marks); i++)
        if (!strcmp(k, marks[i].key)) {
            *handled = true;
            return parse_polarity(c, v, &c->p->mark_pol[marks[i].mark]);
        }
    return 0;
}

static int kv_transactions(pctx *c, const char *k, const char *v)
{
    bank_profile *p = c->p;
    bool handled;
    if (kv_sign(c, k, v, &handled) || handled)
        return handled ? 0 : -1;
    if (!strcmp(k, "line") || !strcmp(k, "line_aligned")) {
        bank_rxv *lv = !strcmp(k, "line") ? &p->line : &p->line_aligned;
        if (add_rx(c, lv, v, 0))
            return -1;
        const bank_rx *rx = &lv->v[lv->n - 1];
        static const bank_group need[] = {BG_DESCRIPTION, BG_AMOUNT};
        if (check_groups(c, rx, need, 2, "line"))
            return -1;
        if (!rx->grp[BG_DATE] && !rx->grp[BG_POSTED_DATE])
            return perr(c, "%s needs a named group (?<date>...) or (?<posted_date>...)", k);
        return 0;
    }
    struct {
        const char *key;
        bank_rxv *v;
    } lists[] = {{"start", &p->start}, {"end", &p->end}, {"ignore", &p->ignore}, {"drop", &p->drop},
                 {"continuation_line", &p->cont_line}, {"continuation_exclude", &p->cont_exclude},
                 {"exclude_description", &p->exclude_desc}, {"description_match", &p->desc_match},
                 {"foreign_line", &p->foreign_line}, {"balance_header", &p->balance_header},
                 {"credit_header", &p->credit_header}, {"charge_header", &p->charge_header},
                 {"description_stop_header", &p->desc_stop_header},
                 {"other_amount_header", &p->other_amount_header}};
    for (size_t i = 0; i < ARRAY_LEN(lists); i++)
        if (!strcmp(k, lists[i].key)) {
            if (add_rx(c, lists[i].v, v, 0))
                return -1;
            const bank_rx *rx = &lists[i].v->v[lists[i].v->n - 1];
            if (lists[i].v == &p->foreign_line && !rx->grp[BG_FOREIGN_AMOUNT] && !rx->grp[BG_FOREIGN_CURRENCY])
                return perr(c, "foreign_line needs a named group (?<foreign_amount>...) or (?<foreign_currency>...)");
            return 0;
        }
    if (!strcmp(k, "date_format"))
        return add_datefmt(c, &p->txn_dates, &p->n_txn_dates, &c->own_txn_dates, v);
    if (!strcmp(k, "continuation")) {
        if (!strcmp(v, "none"))
            p->cont_mode = BANK_CONT_NONE;
        else if (!strcmp(v, "aligned"))
            p->cont_mode = BANK_CONT_ALIGNED;
        else
            return perr(c, "continuation must be none or aligned, not '%s'", v);
        return 0;
    }
    if (!strcmp(k, "continuation_max"))
        return parse_int(c, v, 0, 20, &p->cont_max);
    if (!strcmp(k, "continuation_tolerance"))
        return parse_int(c, v, 0, 40, &p->cont_tolerance);
    if (!strcmp(k, "sign_below"))
        return parse_bool(c, v, &p->sign_below);
    if (!strcmp(k, "amount_on_next_line"))
        return parse_bool(c, v, &p->amount_next_line);
    if (!strcmp(k, "two_up"))
        return parse_bool(c, v, &p->two_up);
    if (!strcmp(k, "sign_from_balance")) {
        /* yes: as the profile's kind; account: a statement printing a
         * running balance is a bank account's, whatever the kind. */
        p->balance_is_account = !strcmp(v, "account");
        if (p->balance_is_account) {
            p->sign_from_balance = true;
            return 0;
        }
        return parse_bool(c, v, &p->sign_from_balance);
    }
    return perr(c, "unknown key '%s' in [transactions]", k);
}

static int kv_section(pctx *c, const char *k, const char *v)
{
    bank_section *s = c->sec;
    if (!strcmp(k, "start"))
        return add_rx(c, &s->start, v, 0);
    if (!strcmp(k, "end"))
        return add_rx(c, &s->end, v, 0);
    if (!strcmp(k, "sign"))
        return parse_polarity(c, v, &s->sign);
    if (!strcmp(k, "ignore"))
        return parse_bool(c, v, &s->ignore);
    if (!strcmp(k, "kind")) {
        s->kind = bank_kind_parse(v);
        return s->kind != BANK_KIND_UNSET ? 0 : perr(c, "unknown kind '%s' in [section %s]", v, s->name);
    }
    return perr(c, "unknown key '%s' in [section %s]", k, s->name);
}

static int header(pctx *c, char *h, bool macros_pass)
{
    size_t n = strlen(h);
    if (n < 2 || h[n - 1] != ']')
        return perr(c, "section header must end with ']'");
    h[n - 1] = '\0';
    char *name = h + 1;
    while (isspace((unsigned char)*name))
        name++;
    static const struct {
        const char *name;
        enum sect s;
    } names[] = {{"profile", S_PROFILE}, {"detect", S_DETECT}, {"macros", S_MACROS}, {"fields", S_FIELDS},
                 {"summary", S_SUMMARY}, {"transactions", S_TRANSACTIONS}};
    for (size_t i = 0; i < ARRAY_LEN(names); i++)
        if (!strcmp(name, names[i].name)) {
            c->cur = names[i].s;
            return 0;
        }
    if (!strncmp(name, "section", 7) && isspace((unsigned char)name[7])) {
        char *sn = name + 8;
        while (isspace((unsigned char)*sn))
            sn++;
        util_collapse_space(sn);
        if (!*sn)
            return perr(c, "[section NAME] needs a name");
        c->cur = S_SECTION;
        if (macros_pass)
            return 0;
        bank_profile *p = c->p;
        p->sections = xrealloc(p->sections, (size_t)(p->n_sections + 1) * sizeof *p->sections);
        c->sec = &p->sections[p->n_sections++];
        memset(c->sec, 0, sizeof *c->sec);
        c->sec->name = xstrdup(sn);
        c->sec->line = c->lineno;
        return 0;
    }
    return perr(c, "unknown section [%s]", name);
}

static int key_value(pctx *c, char *ln, bool macros_pass)
{
    char *eq = strchr(ln, '=');
    if (!eq)
        return perr(c, "expected 'key = value', a [section] or a # comment");
    bool add = eq > ln && eq[-1] == '+';
    char *kend = add ? eq - 1 : eq;
    while (kend > ln && isspace((unsigned char)kend[-1]))
        kend--;
    *kend = '\0';
    char *v = eq + 1;
    while (*v == ' ' || *v == '\t')
        v++;
    size_t vn = strlen(v);
    while (vn && isspace((unsigned char)v[vn - 1]))
        v[--vn] = '\0';
    const char *k = ln;
    if (!*k)
        return perr(c, "missing key before '='");
    if (macros_pass) {
        /* The first pass reads the macros and the decimal separator, which
         * regexes of the second pass depend on (%AMOUNT%). */
        if (c->cur == S_PROFILE && !strcmp(k, "decimal"))
            return kv_profile(c, k, v);
        if (c->cur != S_MACROS)
            return 0;
        for (const char *q = k; *q; q++)
            if (!(isupper((unsigned char)*q) || isdigit((unsigned char)*q) || *q == '_'))
                return perr(c, "macro name '%s' must be upper-case letters, digits and '_'", k);
        bank_macros_set(&c->macros, k, v);
        return 0;
    }
    if (!*v)
        return perr(c, "empty value for '%s'", k);
    if (add && c->cur != S_SUMMARY)
        return perr(c, "'+=' is only for summary fields");
    switch (c->cur) {
    case S_NONE:
        return perr(c, "'%s' before any [section]", k);
    case S_PROFILE:
        return kv_profile(c, k, v);
    case S_DETECT:
        return kv_detect(c, k, v);
    case S_MACROS:
        return 0;
    case S_FIELDS:
        return kv_fields(c, k, v, add);
    case S_SUMMARY:
        return kv_summary(c, k, v, add);
    case S_TRANSACTIONS:
        return kv_transactions(c, k, v);
    case S_SECTION:
        return kv_section(c, k, v);
    }
    return 0;
}

static int run_pass(pctx *c, const char *text, size_t len, bool macros_pass)
{
    c->cur = S_NONE;
    c->lineno = 0;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        char *ln = xstrndup(p, n);
        p = nl ? nl + 1 : end;
        c->lineno++;
        char *s = ln;
        while (isspace((unsigned char)*s))
            s++;
        size_t sn = strlen(s);
        while (sn && isspace((unsigned char)s[sn - 1]))
            s[--sn] = '\0';
        int rc = 0;
        if (!*s || *s == '#' || *s == ';')
            rc = 0;
        else if (*s == '[')
            rc = header(c, s, macros_pass);
        else
            rc = key_value(c, s, macros_pass);
        free(ln);
        if (rc)
            return rc;
    }
    return 0;
}

static void set_defaults(bank_profile *p)
{
    p->decimal = '.';
    p->min_score = 1;
    p->below_lines = 6;
    p->below_tolerance = 4;
    p->cont_max = 3;
    p->cont_tolerance = 2;
}

/* Sign rules the profile did not set: card statements print charges
 * unsigned and mark credits; bank accounts mark debits with a minus. */
static void default_marks(bank_profile *p)
{
    static const bank_polarity card[6] = {BANK_POL_CHARGE, BANK_POL_CREDIT, BANK_POL_CREDIT,
                                          BANK_POL_CREDIT, BANK_POL_CREDIT, BANK_POL_CHARGE};
    static const bank_polarity account[6] = {BANK_POL_CREDIT, BANK_POL_CHARGE, BANK_POL_CREDIT,
                                             BANK_POL_CHARGE, BANK_POL_CREDIT, BANK_POL_CHARGE};
    for (int m = 0; m < 6; m++) {
        /* kind = auto: the account reading keeps the marks the profile set. */
        p->acct_pol[m] = p->mark_pol[m] == BANK_POL_AUTO ? account[m] : p->mark_pol[m];
        if (p->mark_pol[m] == BANK_POL_AUTO)
            p->mark_pol[m] = p->account ? account[m] : card[m];
    }
}

static bank_profile *profile_parse(const char *text, size_t len, const char *name, char force_decimal,
                                   cl_err *err);

bank_profile *bank_profile_parse(const char *text, size_t len, const char *name, cl_err *err)
{
    bank_profile *p = profile_parse(text, len, name, 0, err);
    if (p && p->decimal_auto) {
        /* The ',' reading is compiled when a statement first needs it. */
        p->comma_text = xstrndup(text, len);
        p->comma_len = len;
    }
    return p;
}

static bank_profile *profile_parse(const char *text, size_t len, const char *name, char force_decimal,
                                   cl_err *err)
{
    pctx c = {0};
    c.force_decimal = force_decimal;
    c.p = xcalloc(1, sizeof *c.p);
    c.name = name;
    c.err = err;
    set_defaults(c.p);
    set_default_dates(&c.p->field_dates, &c.p->n_field_dates, default_field_dates, ARRAY_LEN(default_field_dates));
    set_default_dates(&c.p->txn_dates, &c.p->n_txn_dates, default_txn_dates, ARRAY_LEN(default_txn_dates));
    int rc = run_pass(&c, text, len, true);
    if (!rc)
        rc = run_pass(&c, text, len, false);
    if (!rc) {
        c.lineno = 0;
        if (!c.p->id)
            rc = cl_err_set(err, CL_E_PARSE, "%s: missing 'id' in [profile]", name);
        else if (c.p->line.n == 0)
            rc = cl_err_set(err, CL_E_PARSE, "%s: no transaction 'line' pattern in [transactions]", name);
        for (int i = 0; !rc && i < c.p->n_sections; i++)
            if (c.p->sections[i].start.n == 0)
                rc = cl_err_set(err, CL_E_PARSE, "%s:%d: [section %s] has no 'start' pattern", name,
                                c.p->sections[i].line, c.p->sections[i].name);
    }
    bank_macros_free(&c.macros);
    if (rc) {
        bank_profile_free(c.p);
        return NULL;
    }
    if (!rc && (bank_rx_compile(&c.p->amount_tok, "%AMOUNT%", NULL, c.p->decimal, err) ||
                bank_rx_compile(&c.p->ydate_tok, "%YDATE%", NULL, c.p->decimal, err) ||
                bank_rx_compile(&c.p->shape, "^\\s*%DATE%\\s+(?=[^\\n]*[A-Za-z]{2})\\S.*\\s%AMOUNT%\\s*$", NULL,
                                c.p->decimal, err) ||
                ((c.p->amount_next_line || c.p->two_up) &&
                 bank_rx_compile(&c.p->date_start, "^\\s*%DATE%(?:\\s|$)", NULL, c.p->decimal, err)))) {
        bank_profile_free(c.p);
        return NULL;
    }
    default_marks(c.p);
    /* Detection runs every profile on every statement: JIT those now. */
    bank_rxv *det[] = {&c.p->require, &c.p->any, &c.p->reject, &c.p->phrase, &c.p->producer, &c.p->creator};
    for (size_t i = 0; i < ARRAY_LEN(det); i++)
        for (int k = 0; k < det[i]->n; k++)
            bank_rx_jit(&det[i]->v[k]);
    pthread_mutex_init(&c.p->jit_lock, NULL);
    c.p->lock_ready = true;
    if (!c.p->issuer)
        c.p->issuer = xstrdup(c.p->id);
    c.p->source = xstrdup(name);
    return c.p;
}

static void jit_rxv(bank_rxv *v)
{
    for (int i = 0; i < v->n; i++)
        bank_rx_jit(&v->v[i]);
}

const bank_profile *bank_profile_comma(const bank_profile *cp)
{
    if (!cp->comma_text)
        return NULL;
    bank_profile *c = atomic_load(&cp->comma);
    if (c)
        return c;
    bank_profile *p = (bank_profile *)cp;
    pthread_mutex_lock(&p->jit_lock);
    if (!(c = atomic_load(&p->comma))) {
        cl_err err = {0};
        /* The same text parsed with '.', so this cannot fail but by memory. */
        c = profile_parse(p->comma_text, p->comma_len, p->source, ',', &err);
        if (c)
            atomic_store(&p->comma, c);
    }
    pthread_mutex_unlock(&p->jit_lock);
    return c;
}

void bank_profile_prepare(const bank_profile *cp)
{
    if (atomic_load(&cp->jitted))
        return;
    /* The lazily compiled code is the only state that changes. */
    bank_profile *p = (bank_profile *)cp;
    pthread_mutex_lock(&p->jit_lock);
    if (!atomic_load(&p->jitted)) {
        bank_rxv *lists[] = {&p->line, &p->line_aligned, &p->start, &p->end, &p->ignore, &p->drop, &p->cont_line, &p->cont_exclude,
                             &p->exclude_desc, &p->desc_match, &p->foreign_line, &p->balance_header,
                             &p->credit_header, &p->charge_header, &p->desc_stop_header,
                             &p->other_amount_header, &p->account_when, &p->card_when};
        for (size_t i = 0; i < ARRAY_LEN(lists); i++)
            jit_rxv(lists[i]);
        for (int f = 0; f < BF_N; f++)
            for (int i = 0; i < p->field[f].n; i++)
                bank_rx_jit(&p->field[f].v[i].rx);
        for (int f = 0; f < BS_N; f++)
            for (int i = 0; i < p->summary[f].n; i++)
                bank_rx_jit(&p->summary[f].v[i].rx);
        for (int i = 0; i < p->n_sections; i++) {
            jit_rxv(&p->sections[i].start);
            jit_rxv(&p->sections[i].end);
        }
        bank_rx_jit(&p->amount_tok);
        bank_rx_jit(&p->ydate_tok);
        bank_rx_jit(&p->shape);
        bank_rx_jit(&p->date_start);
        atomic_store(&p->jitted, true);
    }
    pthread_mutex_unlock(&p->jit_lock);
}

static void rulev_free(bank_rulev *v)
{
    for (int i = 0; i < v->n; i++)
        bank_rx_free(&v->v[i].rx);
    free(v->v);
}

void bank_profile_free(bank_profile *p)
{
    if (!p)
        return;
    bank_profile_free(atomic_load(&p->comma));
    free(p->comma_text);
    free(p->id);
    free(p->issuer);
    free(p->source);
    bank_rxv *lists[] = {&p->require, &p->any, &p->reject, &p->phrase, &p->producer, &p->creator,
                         &p->line, &p->line_aligned, &p->start, &p->end, &p->ignore, &p->drop, &p->cont_line,
                         &p->cont_exclude, &p->exclude_desc, &p->desc_match, &p->foreign_line,
                         &p->balance_header, &p->credit_header, &p->charge_header, &p->desc_stop_header,
                         &p->other_amount_header, &p->account_when, &p->card_when};
    for (size_t i = 0; i < ARRAY_LEN(lists); i++)
        bank_rxv_free(lists[i]);
    bank_rx_free(&p->amount_tok);
    bank_rx_free(&p->ydate_tok);
    bank_rx_free(&p->shape);
    bank_rx_free(&p->date_start);
    for (int f = 0; f < BF_N; f++)
        rulev_free(&p->field[f]);
    for (int f = 0; f < BS_N; f++)
        rulev_free(&p->summary[f]);
    free(p->field_dates);
    free(p->txn_dates);
    for (int i = 0; i < p->n_sections; i++) {
        free(p->sections[i].name);
        bank_rxv_free(&p->sections[i].start);
        bank_rxv_free(&p->sections[i].end);
    }
    free(p->sections);
    if (p->lock_ready)
        pthread_mutex_destroy(&p->jit_lock);
    free(p);
}

bank_polarity bank_profile_mark_polarity(const bank_profile *p, bank_mark m)
{
    return p->mark_pol[m];
}
