/* output.h - one table of rows printed as an aligned table, CSV or a JSON array of objects. */
#ifndef CL_CLI_OUTPUT_H
#define CL_CLI_OUTPUT_H

#include "common/money.h"

#include <stdbool.h>
#include <stdio.h>

typedef enum out_format { OUT_TABLE, OUT_CSV, OUT_JSON } out_format;

/* "table", "csv" or "json" (those allowed by the OUT_ALLOW_ bits). */
enum { OUT_ALLOW_TABLE = 1, OUT_ALLOW_CSV = 2, OUT_ALLOW_JSON = 4 };
bool out_format_parse(const char *s, unsigned allowed, out_format *out);

typedef enum out_type {
    OUT_STR,        /* JSON string (null when NULL) */
    OUT_NUM,        /* JSON number */
    OUT_AMOUNT,     /* exact decimal: a JSON string; grouped digits in a table */
} out_type;

typedef struct out_col {
    const char *name;   /* header, CSV column and JSON key */
    out_type type;
    int max_width;      /* table only: longer text is cut with "..." (0: no limit) */
    bool table_only;    /* not in CSV or JSON */
    bool data_only;     /* not in the table */
} out_col;

typedef struct out_table {
    const out_col *cols;
    int ncols;
    char **cells;       /* nrows x ncols, owned; NULL is empty / null */
    int nrows, cap;
    int footer;         /* rows from here are totals: table only, under a rule */
} out_table;

void out_init(out_table *t, const out_col *cols, int ncols);
/* One row of ncols values (copied). */
void out_row(out_table *t, const char *const *vals);
/* Rows added after this are the footer (the total row). */
void out_begin_footer(out_table *t);
void out_print(const out_table *t, out_format f, FILE *fp);
void out_free(out_table *t);

/* "1,234.56" for tables. */
char *out_money_grouped(cl_money v, char out[40]);

#endif
