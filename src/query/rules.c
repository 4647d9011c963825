/* rules.c - reading the category tree and rules files (format: docs/categories.md). */
#include "rules.h"

#include "common/embedded.h"
#include "common/env.h"
#include "common/sbuf.h"
#include "common/util.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

extern const cl_embedded_file catg_embedded_files[];

static const char *const kinds[] = {"purchase", "refund",     "payment",    "fee",
                                    "interest", "cash_advance", "balance_transfer",
                                    "adjustment", "deposit",  "withdrawal", "transfer"};

int catg_kind_known(const char *kind)
{
    for (size_t i = 0; i < ARRAY_LEN(kinds); i++)
        if (strcmp(kind, kinds[i]) == 0)
            return 1;
    return 0;
}

char *catg_user_rules_path(void)
{
    char buf[4096];
    const char *x = cl_env_get(CL_ENV_XDG_CONFIG_HOME);
    const char *h = cl_env_get(CL_ENV_USER_HOME);
    if (x && *x)
        snprintf(buf, sizeof buf, "%s/cardledger/rules", x);
    else if (h && *h)
        snprintf(buf, sizeof buf, "%s/.config/cardledger/rules", h);
    else
        return NULL;
    return xstrdup(buf);
}

/* The same character classes as ingest's merchant names (normalize.c). */
void catg_normalize_keyword(const char *in, char *out, size_t outsz)
{
    size_t n = 0;
    bool space = true;          /* no leading space */
    for (const unsigned char *p = (const unsigned char *)in; *p && n + 1 < outsz; p++) {
        unsigned char ch = *p;
        if (ch == '\'')
            continue;
        if (ch >= 0x80 || isalnum(ch) || ch == '&' || ch == '-' || ch == '*') {
            out[n++] = (char)toupper(ch);
            space = false;
        } else if (!space) {
            out[n++] = ' ';
            space = true;
        }
    }
    while (n > 0 && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
}

static const char *embedded(const char *name)
{
    for (const cl_embedded_file *f = catg_embedded_files; f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f->text;
    return "";
}

/* Copy the trimmed [s, e) into out (outsz bytes); -1 when it is too long. */
static int trimmed(const char *s, const char *e, char *out, size_t outsz)
{
    while (s < e && isspace((unsigned char)*s))
        s++;
    while (e > s && isspace((unsigned char)e[-1]))
        e--;
    if ((size_t)(e - s) >= outsz)
        return -1;
    memcpy(out, s, (size_t)(e - s));
    out[e - s] = '\0';
    return 0;
}

static catg_category *find_category(catg_ruleset *rs, const char *name)
{
    for (size_t i = 0; i < rs->ncats; i++)
        if (strcmp(rs->cats[i].name, name) == 0)
            return &rs->cats[i];
    return NULL;
}

static catg_category *add_category(catg_ruleset *rs, const char *name, const char *parent)
{
    rs->cats = xrealloc(rs->cats, (rs->ncats + 1) * sizeof *rs->cats);
    catg_category *c = &rs->cats[rs->ncats++];
    snprintf(c->name, sizeof c->name, "%s", name);
    snprintf(c->parent, sizeof c->parent, "%s", parent);
    return c;
}

/* Each line of text without its comment; calls fn(line, lineno). */
typedef int (*line_fn)(catg_ruleset *rs, const char *file, int no, const char *s, const char *e,
                       int indented, catg_source src, cl_err *err);

static int each_line(catg_ruleset *rs, const char *file, const char *text, catg_source src,
                     line_fn fn, cl_err *err)
{
    int no = 0;
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        const char *end = nl ? nl : p + strlen(p);
        const char *hash = memchr(p, '#', (size_t)(end - p));
        const char *e = hash ? hash : end;
        no++;
        const char *s = p;
        while (s < e && isspace((unsigned char)*s))
            s++;
        if (s < e && fn(rs, file, no, p, e, s > p, src, err) < 0)
            return -1;
        p = nl ? nl + 1 : end;
    }
    return 0;
}

static int tree_line(catg_ruleset *rs, const char *file, int no, const char *s, const char *e,
                     int indented, catg_source src, cl_err *err)
{
    (void)src;
    char name[CATG_NAME_MAX + 1];
    if (trimmed(s, e, name, sizeof name) < 0)
        return cl_err_set(err, CL_E_PARSE, "%s:%d: category name longer than %d bytes", file, no,
                          CATG_NAME_MAX);
    if (strchr(name, ':') || strchr(name, ','))
        return cl_err_set(err, CL_E_PARSE, "%s:%d: a category name has no ':' or ','", file, no);
    if (find_category(rs, name))
        return cl_err_set(err, CL_E_PARSE, "%s:%d: category '%s' named twice", file, no, name);
    const char *parent = "";
    if (indented) {
        for (size_t i = rs->ncats; i-- > 0;)
            if (!rs->cats[i].parent[0]) {
                parent = rs->cats[i].name;
                break;
            }
        if (!*parent)
            return cl_err_set(err, CL_E_PARSE, "%s:%d: indented category '%s' has no parent above it",
                              file, no, name);
    }
    /* parent points into rs->cats, which add_category may move. */
    char p[CATG_NAME_MAX + 1];
    snprintf(p, sizeof p, "%s", parent);
    add_category(rs, name, p);
    return 0;
}

static void add_rule(catg_ruleset *rs, const char *category, const char *keyword, const char *kind,
                     catg_source src, int no)
{
    rs->rules = xrealloc(rs->rules, (rs->nrules + 1) * sizeof *rs->rules);
    catg_rule *r = &rs->rules[rs->nrules++];
    snprintf(r->category, sizeof r->category, "%s", category);
    snprintf(r->keyword, sizeof r->keyword, "%s", keyword);
    snprintf(r->kind, sizeof r->kind, "%s", kind);
    r->source = src;
    r->line = no;
}

static int rule_line(catg_ruleset *rs, const char *file, int no, const char *s, const char *e,
                     int indented, catg_source src, cl_err *err)
{
    (void)indented;
    const char *colon = memchr(s, ':', (size_t)(e - s));
    if (!colon)
        return cl_err_set(err, CL_E_PARSE, "%s:%d: expected 'CATEGORY: MATCH, MATCH, ...'", file, no);
    char cat[CATG_NAME_MAX + 1];
    if (trimmed(s, colon, cat, sizeof cat) < 0)
        return cl_err_set(err, CL_E_PARSE, "%s:%d: category name longer than %d bytes", file, no,
                          CATG_NAME_MAX);
    if (!cat[0])
        return cl_err_set(err, CL_E_PARSE, "%s:%d: no category before ':'", file, no);
    if (!find_category(rs, cat))
        add_category(rs, cat, "");
    for (const char *p = colon + 1;;) {
        const char *comma = memchr(p, ',', (size_t)(e - p));
        const char *me = comma ? comma : e;
        char item[CATG_KEYWORD_MAX * 2 + 1];
        if (trimmed(p, me, item, sizeof item) < 0)
            return cl_err_set(err, CL_E_PARSE, "%s:%d: keyword longer than %d bytes", file, no,
                              CATG_KEYWORD_MAX);
        if (!item[0])
            return cl_err_set(err, CL_E_PARSE, "%s:%d: empty match (two commas, or none after ':')",
                              file, no);
        if (strncmp(item, "kind=", 5) == 0) {
            if (!catg_kind_known(item + 5))
                return cl_err_set(err, CL_E_PARSE,
                                  "%s:%d: unknown kind '%s' (purchase, refund, payment, fee, "
                                  "interest, cash_advance, balance_transfer, adjustment, deposit, "
                                  "withdrawal, transfer)",
                                  file, no, item + 5);
            add_rule(rs, cat, "", item + 5, src, no);
        } else {
            char kw[CATG_KEYWORD_MAX + 1];
            catg_normalize_keyword(item, kw, sizeof kw);
            if (!kw[0])
                return cl_err_set(err, CL_E_PARSE, "%s:%d: keyword '%s' has no letters or digits",
                                  file, no, item);
            add_rule(rs, cat, kw, "", src, no);
        }
        if (!comma)
            break;
        p = comma + 1;
    }
    return 0;
}

int catg_ruleset_load(catg_ruleset *rs, const char *user_path, cl_err *err)
{
    memset(rs, 0, sizeof *rs);
    const char *tree = embedded("tree.txt"), *defaults = embedded("rules.txt");
    char *user = NULL;
    size_t ulen = 0;
    struct stat st;
    if (user_path && stat(user_path, &st) == 0) {
        if (util_read_file(user_path, &user, &ulen, err) < 0)
            return -1;
        rs->user_path = xstrdup(user_path);
    } else if (user_path && errno != ENOENT && errno != ENOTDIR) {
        return cl_err_set(err, CL_E_IO, "%s: %s", user_path, strerror(errno));
    }
    int rc = each_line(rs, "categories/tree.txt", tree, CATG_DEFAULT, tree_line, err);
    rs->ntree = rs->ncats;
    if (rc == 0 && user)
        rc = each_line(rs, user_path, user, CATG_USER, rule_line, err);
    rs->nuser = rs->nrules;
    if (rc == 0)
        rc = each_line(rs, "categories/rules.txt", defaults, CATG_DEFAULT, rule_line, err);
    if (rc == 0) {
        sbuf all = {0};
        sbuf_puts(&all, tree);
        sbuf_putc(&all, '\0');
        sbuf_puts(&all, defaults);
        sbuf_putc(&all, '\0');
        if (user)
            sbuf_append(&all, user, ulen);
        cl_sha256_buf(all.p, all.len, rs->digest);
        sbuf_free(&all);
    }
    free(user);
    if (rc < 0)
        catg_ruleset_free(rs);
    return rc;
}

void catg_ruleset_free(catg_ruleset *rs)
{
    free(rs->cats);
    free(rs->rules);
    free(rs->user_path);
    memset(rs, 0, sizeof *rs);
}
