/* q_split.h - a time report split by category in one query: the
 * dashboard's spend-over-time chart stacked by category. Same figures and
 * sources as q_report_run (summaries for whole months, rows otherwise). */
#ifndef CL_Q_SPLIT_H
#define CL_Q_SPLIT_H

#include "query.h"

typedef struct q_split_row {
    char *key;              /* as q_report_row.key for the time grouping */
    char *category;         /* category name, "Uncategorized" */
    char currency[4];
    long long transactions;
    cl_money spend, refunds, payments;
} q_split_row;

typedef struct q_split {
    q_split_row *rows;      /* by key, then currency, then category */
    int nrows;
} q_split;

/* by must be a time grouping (month, week, day, year). */
int q_report_split(db_conn *c, const q_filter *f, q_by by, q_split **out, cl_err *err);
void q_split_free(q_split *s);

#endif
