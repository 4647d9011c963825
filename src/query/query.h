/* query.h - the read layer: every question asked of the stored data (CLI report, transactions, coverage, cards; the web dashboard).
 *
 * Plain structs in and out; SQL and libpq stay below this header (SQL is
 * built here with $n parameters only, run through src/db). Amounts are exact
 * (cl_money, hundredths), never summed across currencies: every figure
 * carries its currency. Reports read the summary tables
 * (analytics.spend_by_month_*), falling back to the rows only for what the
 * summaries cannot answer (days, weeks, partial months, text and amount
 * filters).
 *
 *   q_filter f;
 *   q_filter_init(&f);
 *   f.from = cl_date_from_ymd(2024, 1, 1), f.to = cl_date_from_ymd(2024, 12, 31);
 *   f.cards[f.ncards++] = "chase:4101";
 *   q_report *r;
 *   if (q_report_run(c, &f, Q_BY_MONTH, 0, &r, &err) != 0) ...
 *   for (int i = 0; i < r->nrows; i++) ... r->rows[i].key, r->rows[i].spend
 *   q_report_free(r);
 *
 * Errors follow common/err.h. A filter that names something unknown (a
 * card, a category, a kind) or a bad cursor is CL_E_USAGE, and its message
 * starts with the filter's field name ("card 'x': ..."), so the CLI prints it
 * as --card and the web as ?card=. */
#ifndef CL_QUERY_H
#define CL_QUERY_H

#include "common/date.h"
#include "common/err.h"
#include "common/money.h"
#include "db/db.h"

#include <stdbool.h>

/* ---- filters ------------------------------------------------------------- */

#define Q_MAX_LIST 32   /* values per list filter */

/* Which transactions a question is about. Strings are borrowed for the
 * call. Empty lists and NULL strings do not restrict. */
typedef struct q_filter {
    cl_date from;                       /* first posting date (inclusive), CL_DATE_NONE: open */
    cl_date to;                         /* last posting date (inclusive), CL_DATE_NONE: open */
    const char *cards[Q_MAX_LIST];      /* last 4 digits, ISSUER:LAST4 or a label */
    int ncards;
    const char *categories[Q_MAX_LIST]; /* names, any case; a parent includes its children;
                                           "Uncategorized" is the rows without one */
    int ncategories;
    const char *kinds[Q_MAX_LIST];      /* purchase, refund, payment, ... (analytics.kinds) */
    int nkinds;
    const char *merchant;               /* case-insensitive substring of the merchant name */
    const char *search;                 /* case-insensitive substring of the description or
                                           the merchant name */
    bool has_min, has_max;
    cl_money min, max;                  /* bounds on the size of the amount |amount|, inclusive */
} q_filter;

/* Everything open. */
void q_filter_init(q_filter *f);

/* Month numbers: year * 12 + (month - 1), so ranges are integer ranges. */
static inline int q_month(int year, int month) { return year * 12 + month - 1; }
static inline int q_month_year(int m) { return m / 12; }
static inline int q_month_mon(int m) { return m % 12 + 1; }
/* "YYYY-MM" -> month number; false unless exactly that form. */
bool q_month_parse(const char *s, int *out);
/* Writes "YYYY-MM". */
char *q_month_format(int m, char out[8]);

/* ---- report: figures grouped by time or by what ---------------------------- */

typedef enum q_by {
    Q_BY_MONTH, Q_BY_WEEK, Q_BY_DAY, Q_BY_YEAR,
    Q_BY_CATEGORY, Q_BY_MERCHANT, Q_BY_CARD, Q_BY_KIND,
} q_by;

/* "month" ... "kind" -> q_by; false for anything else. */
bool q_by_parse(const char *s, q_by *out);
const char *q_by_name(q_by by);
/* The accepted names, "month|week|...", for messages and help. */
const char *q_by_names(void);
/* Time groupings sort by key; the others by spend. */
bool q_by_is_time(q_by by);

/* One group in one currency. Spend = purchases + fees + interest + cash
 * advances (+ withdrawals) - refunds: minus the sum of the amounts of the
 * kinds that analytics.kinds marks is_spend. Refunds and payments are the
 * sums of those kinds' amounts (credits: positive). */
typedef struct q_report_row {
    char *key;          /* "2024-01", "2024-W03" (ISO week), "2024-01-15", "2024",
                           a category ("Uncategorized"), a merchant ("(none)"),
                           a card "issuer:last4", a kind */
    char *label;        /* by card: the card's label; otherwise NULL */
    char currency[4];
    long long transactions;
    cl_money spend, refunds, payments;
} q_report_row;

typedef struct q_report {
    q_by by;
    q_report_row *rows;     /* time: by key, then currency; else by currency, then spend
                               (largest first), at most top per currency */
    int nrows;
    q_report_row *totals;   /* one per currency (key "total"), over every matching group,
                               also those beyond top */
    int ntotals;
    int omitted;            /* groups left out by top */
    char source[64];        /* the relation(s) that answered, e.g. "spend_by_month_card_category" */
} q_report;

/* top <= 0: every group. */
int q_report_run(db_conn *c, const q_filter *f, q_by by, int top, q_report **out, cl_err *err);
void q_report_free(q_report *r);

/* ---- transactions: the rows themselves ---------------------------------------- */

typedef enum q_sort {
    Q_SORT_DATE,        /* newest first (posting date, then id) */
    Q_SORT_AMOUNT,      /* largest |amount| first, then newest */
} q_sort;

bool q_sort_parse(const char *s, q_sort *out);

typedef struct q_txn {
    long long id;
    cl_date transaction_date;   /* CL_DATE_NONE when not printed */
    cl_date posting_date;
    long long card_id;
    char *issuer;
    char card_last4[5];
    char *card_label;           /* NULL when none */
    char *merchant;             /* NULL when none */
    char *category;             /* NULL when uncategorized */
    char kind[24];
    cl_money amount;            /* charges negative, credits positive */
    char currency[4];
    bool has_foreign;
    cl_money foreign_amount;
    char foreign_currency[4];
    char *description;
    long long statement_id;
    char *file_path;
} q_txn;

typedef struct q_txn_page {
    q_txn *rows;
    int nrows;
    char *next_cursor;  /* NULL on the last page; else pass it as cursor for the next */
} q_txn_page;

typedef struct q_txn_opts {
    q_sort sort;
    int limit;              /* rows per page, 1..10000 (0: 50) */
    const char *cursor;     /* NULL: the first page */
} q_txn_opts;

/* Keyset pagination: a page costs the same wherever it is. */
int q_transactions(db_conn *c, const q_filter *f, const q_txn_opts *o, q_txn_page **out, cl_err *err);
void q_txn_page_free(q_txn_page *p);

/* ---- coverage: is every month of every card in? --------------------------------- */

typedef enum q_cov_state {
    Q_COV_OK,           /* present, reconciles, chained to the statement before */
    Q_COV_UNRECONCILED, /* present, but its transactions do not add up to its totals */
    Q_COV_CHAIN_BREAK,  /* present, but its previous balance is not the prior new balance */
    Q_COV_MISSING,      /* no statement covers it while the card was active */
    Q_COV_INACTIVE,     /* before the card's first statement, or after its last when that
                           one owed nothing (with a balance owed, the cycles that other
                           cards' later statements show have passed are missing) */
} q_cov_state;

/* "ok", "unreconciled", "chain-break", "missing", "inactive". */
const char *q_cov_state_name(q_cov_state s);

typedef struct q_cov_problem {
    int month;          /* q_month() */
    q_cov_state state;
    char *detail;       /* one line: dates, amounts, file */
} q_cov_problem;

typedef struct q_cov_card {
    long long card_id;
    char *issuer;
    char card_last4[5];
    char *label;                /* NULL when none */
    cl_date first_start;        /* first statement's period start */
    cl_date last_end;           /* last statement's period end */
    q_cov_state *months;        /* one per month of the range */
    q_cov_problem *problems;    /* the months of the range that are not ok (nor inactive) */
    int nproblems;
} q_cov_card;

typedef struct q_coverage {
    int from, to;               /* q_month() range, inclusive */
    int nmonths;
    q_cov_card *cards;          /* every card (of the filter) with statements */
    int ncards;
    int active_cells;           /* cells neither inactive nor outside the cards' spans */
    int problem_cells;          /* of those, not ok */
} q_coverage;

/* A statement period's end and the next one's start may be this many days
 * apart before the days between count as a missing statement. */
#define Q_COV_GAP_DAYS 5

/* Months from..to (q_month numbers) for the cards of f (f's other fields do
 * not apply). A month's statement is the one whose period ends in it, so
 * cycles such as 13 Dec - 12 Jan need no calendar alignment. */
int q_coverage_run(db_conn *c, const q_filter *f, int from, int to, q_coverage **out, cl_err *err);
void q_coverage_free(q_coverage *cv);

/* ---- cards ---------------------------------------------------------------------- */

typedef struct q_card {
    long long id;
    char *issuer;
    char card_last4[5];
    char *label;                /* NULL when none */
    cl_date first_start;        /* CL_DATE_NONE without statements */
    cl_date last_end;
    int statements;
    int unreconciled;
    long long transactions;
    char *currencies;           /* "USD" or "SGD,USD"; "" without transactions */
} q_card;

/* Every card, by issuer and last 4. */
int q_cards_list(db_conn *c, q_card **out, int *n, cl_err *err);
void q_cards_free(q_card *cards, int n);
/* Name a card (spec ISSUER:LAST4); label NULL or "" removes the name. A
 * label may not be 4 digits nor contain ':' (it would read as a card). */
int q_card_set_label(db_conn *c, const char *spec, const char *label, cl_err *err);

/* ---- lists for filters -------------------------------------------------------------- */

typedef struct q_category {
    long long id;
    char *name;
    char *parent;       /* NULL at the top */
} q_category;

int q_categories_list(db_conn *c, q_category **out, int *n, cl_err *err);
void q_categories_free(q_category *v, int n);

typedef struct q_kind {
    char *kind;
    char *label;
    bool is_spend;
} q_kind;

int q_kinds_list(db_conn *c, q_kind **out, int *n, cl_err *err);
void q_kinds_free(q_kind *v, int n);

/* ---- summary: the headline figures of a filter ----------------------------------------- */

typedef struct q_summary {
    q_report_row *totals;   /* one per currency, key "total" */
    int ntotals;
    cl_date first, last;    /* posting dates of the oldest and newest matching row */
    int cards;              /* cards with matching rows */
    int statements;         /* statements (of the filter's cards) ending in the date range */
    int unreconciled;       /* of those, not reconciled */
} q_summary;

int q_summary_run(db_conn *c, const q_filter *f, q_summary **out, cl_err *err);
void q_summary_free(q_summary *s);

#endif
