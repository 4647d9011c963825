/* api.h - what the files of the API share: a request's parsed parameters
 * and the JSON writing helpers. */
#ifndef CL_WEB_API_H
#define CL_WEB_API_H

#include "web_internal.h"

#include "common/json.h"
#include "query/query.h"

#include <stdio.h>

#define MAX_TEXT 200            /* q, merchant, one card or category name */
#define SPLIT_TOP 8             /* categories of the stacked chart; the rest is "Other" */

typedef struct req {
    const web_params *p;
    q_filter f;
    /* endpoint options */
    q_by by;
    bool split;                 /* report: split time by category */
    int top;
    q_txn_opts txn;
    int cov_from, cov_to;       /* q_month numbers */
    int limit;
} req;

typedef struct bad {
    char msg[300];
    const char *param;
} bad;

/* ---- JSON writing ------------------------------------------------------------ */

static inline void j_key(sbuf *o, const char *k)
{
    cl_json_string(o, k, false);
    sbuf_putc(o, ':');
}
static inline void j_str(sbuf *o, const char *k, const char *v)
{
    j_key(o, k);
    if (v)
        cl_json_string(o, v, false);
    else
        sbuf_puts(o, "null");
}
static inline void j_int(sbuf *o, const char *k, long long v)
{
    j_key(o, k);
    sbuf_printf(o, "%lld", v);
}
static inline void j_money(sbuf *o, const char *k, cl_money v)
{
    char b[32];
    j_str(o, k, cl_money_format(v, b));
}
static inline void j_date(sbuf *o, const char *k, cl_date d)
{
    char b[11];
    j_str(o, k, d == CL_DATE_NONE ? NULL : cl_date_format(d, b));
}
static inline void j_month(sbuf *o, const char *k, int m)
{
    char b[8];
    j_str(o, k, q_month_format(m, b));
}
#define SEP(o, i) ((i) ? sbuf_putc((o), ',') : (void)0)

static inline void card_key(char *out, size_t n, const char *issuer, const char *last4)
{
    snprintf(out, n, "%s:%s", issuer ? issuer : "", last4);
}

/* api_lists.c: the lists beside the filters. */
int web_ep_cards(db_conn *c, const void *arg, sbuf *o, cl_err *err);
int web_ep_categories(db_conn *c, const void *arg, sbuf *o, cl_err *err);
int web_ep_imports(db_conn *c, const void *arg, sbuf *o, cl_err *err);

#endif
