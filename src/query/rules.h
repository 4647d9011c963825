/* rules.h - the category tree and the categorization rules as data.
 *
 * The defaults are built into the binary from categories/tree.txt and
 * categories/rules.txt; the user's rules file ($XDG_CONFIG_HOME/cardledger/
 * rules, else ~/.config/cardledger/rules) comes before them. Format and
 * precedence: docs/categories.md. No database here: catg_rules_sync()
 * (categorize.h) stores a loaded set. */
#ifndef CL_QUERY_RULES_H
#define CL_QUERY_RULES_H

#include "common/err.h"
#include "common/hash.h"

#include <stddef.h>

#define CATG_NAME_MAX 64        /* longest category name */
#define CATG_KEYWORD_MAX 96     /* longest keyword (a merchant name's length) */

typedef enum catg_source { CATG_USER = 0, CATG_DEFAULT = 1 } catg_source;

typedef struct catg_category {
    char name[CATG_NAME_MAX + 1];
    char parent[CATG_NAME_MAX + 1];     /* "" for a top-level category */
} catg_category;

/* One MATCH of a rule line: a keyword or a kind (the other is ""). */
typedef struct catg_rule {
    char category[CATG_NAME_MAX + 1];
    char keyword[CATG_KEYWORD_MAX + 1]; /* normalized like merchant names */
    char kind[24];
    catg_source source;
    int line;                           /* in its file, for messages */
} catg_rule;

typedef struct catg_ruleset {
    catg_category *cats;                /* the tree, then those only rules name */
    size_t ncats;
    size_t ntree;                       /* how many of cats the tree names */
    catg_rule *rules;                   /* user rules first, each file in order */
    size_t nrules;
    size_t nuser;                       /* how many came from the user's file */
    char *user_path;                    /* the user's file when it exists, else NULL */
    char digest[CL_SHA256_HEX];         /* of everything above */
} catg_ruleset;

/* The user's rules file path (malloc'd; NULL without $XDG_CONFIG_HOME
 * and $HOME). It need not exist. */
char *catg_user_rules_path(void);

/* Load the built-in tree and rules and, when user_path names an existing
 * file, the user's rules (a missing file is no error; an unreadable one
 * is). Errors name the file and line: "FILE:12: unknown kind 'paymnt'". */
int catg_ruleset_load(catg_ruleset *rs, const char *user_path, cl_err *err);
void catg_ruleset_free(catg_ruleset *rs);

/* A keyword as merchant names are written: upper case, apostrophes gone,
 * other characters but letters, digits, & - * and non-ASCII as spaces,
 * white space collapsed. out has room for outsz bytes. */
void catg_normalize_keyword(const char *in, char *out, size_t outsz);

/* True for the transaction kinds of analytics.kinds. */
int catg_kind_known(const char *kind);

#endif
