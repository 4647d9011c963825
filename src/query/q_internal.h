/* q_internal.h - what the files of src/query share: a parameterized SQL builder and the resolved filter. */
#ifndef CL_Q_INTERNAL_H
#define CL_Q_INTERNAL_H

#include "common/sbuf.h"
#include "query.h"

#define Q_MAX_PARAMS 64

/* SQL text plus its parameters: user text only ever goes into params. */
typedef struct q_sql {
    sbuf sql;
    int n;
    char *params[Q_MAX_PARAMS];     /* owned */
} q_sql;

void q_sql_free(q_sql *q);
/* Append "$n" for value (copied; NULL is SQL NULL) and return n. */
int q_arg(q_sql *q, const char *value);
/* Append "$n" for a parameter already added. */
void q_ref(q_sql *q, int n);
void q_puts(q_sql *q, const char *s);
void q_printf(q_sql *q, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
db_result *q_run(db_conn *c, q_sql *q, cl_err *err);

/* A filter with its names resolved to ids (array literals "{1,2}" as
 * parameters), ready to become WHERE conditions. */
typedef struct q_scope {
    char *card_ids;         /* NULL: every card */
    char *category_ids;     /* NULL: every category (with uncategorized) */
    bool uncategorized;     /* with category_ids: also rows without a category */
    char *kinds;            /* NULL: every kind */
    char *merchant_like;    /* ILIKE pattern, or NULL */
    char *search_like;
    bool has_min, has_max;
    char min[32], max[32];
    cl_date from, to;
} q_scope;

int q_scope_resolve(db_conn *c, const q_filter *f, q_scope *s, cl_err *err);
void q_scope_free(q_scope *s);

/* The conditions of s that a relation aliased `a` with the columns card_id,
 * category_id, kind, merchant_id (when has_merchant) supports, each as
 * " AND ...". Dates are the caller's. */
void q_scope_where(q_sql *q, const q_scope *s, const char *a, bool has_merchant);
/* The row-level conditions (search, amount), for analytics.transactions. */
void q_scope_where_rows(q_sql *q, const q_scope *s, const char *a);

/* Text of a cell as money / integer / date (0, 0, CL_DATE_NONE for NULL). */
cl_money q_money(const db_result *r, int row, int col);
long long q_int(const db_result *r, int row, int col);
cl_date q_date(const db_result *r, int row, int col);
/* Copy of a cell, NULL for SQL NULL. */
char *q_strdup(const db_result *r, int row, int col);
/* Copy into a fixed buffer ("" for NULL). */
void q_copy(char *dst, size_t n, const db_result *r, int row, int col);

#endif
