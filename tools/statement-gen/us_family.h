/* us_family.h - the shared shape of the US issuers' layouts: an activity
 * table of dated rows grouped in sections (payments and credits, purchases,
 * fees, interest), each section optionally closed by a total, with
 * issuer-specific columns (posting date, reference number, merchant
 * category, reward points, Daily Cash), amount styles and foreign-currency
 * lines. Each issuer file supplies its first page, its page frame and its
 * closing blocks; LAYOUTS.md describes what each prints. */
#ifndef SG_US_FAMILY_H
#define SG_US_FAMILY_H

#include "items.h"
#include "layout.h"

typedef enum us_amt {
    US_AMT_MINUS,           /* 12.75   -400.00 */
    US_AMT_MINUS_DOLLAR,    /* $12.75  -$400.00 */
    US_AMT_MINUS_SP_DOLLAR, /* $12.75  - $400.00 */
    US_AMT_CR,              /* 12.75   400.00CR */
    US_AMT_COLUMNS,         /* Charges column / Credits column, no sign */
} us_amt;

typedef enum us_extra {
    US_X_NONE,
    US_X_REF4,              /* 4-digit reference number, left at x_extra */
    US_X_REF17,             /* 17-character alphanumeric reference, left at x_extra */
    US_X_CATEGORY,          /* merchant category text, left at x_extra */
    US_X_POINTS,            /* reward points, right-aligned at x_extra */
    US_X_DAILY_CASH,        /* "2%" and "$0.25", right-aligned at x_extra */
} us_extra;

typedef enum us_fx {
    US_FX_NONE,
    US_FX_AMEX,             /* Foreign Spend Amount: 45.00 EUR / Commission Amount: 0.00 Currency Exchange Rate: 1.0920 */
    US_FX_AT,               /* 45.00 EUR @ 1.091981 */
    US_FX_CITI,             /* 45.00 EURO EXCHANGE RATE 1.091981 */
    US_FX_DISCOVER,         /* Foreign Currency 45.00 EUR Rate 1.091981 */
    US_FX_WF,               /* 45.00 EUR EXCHG RATE 1.091981 */
    US_FX_USB,              /* 45.00 EUR CONVERSION RATE 1.091981 */
    US_FX_BARCLAYS,         /* 45.00 EURO @ 1.091981 */
} us_fx;

/* Section membership: bits (1 << sg_kind). */
#define US_K(k) (1u << (k))

typedef struct us_section {
    const char *title;      /* a template (items.h): {NAME}, {LAST4} */
    unsigned kinds;
    const char *total;      /* label of the closing total line, or NULL */
    bool always;            /* printed even when empty */
} us_section;

/* The year-to-date block: a title, then fees and interest charged in the
 * statement's year; labels at x_label, amounts right-aligned at x_value. */
typedef struct us_ytd_spec {
    double x_label, x_value;
    const char *title, *fees, *interest;    /* templates (items.h): {YEAR} */
} us_ytd_spec;

/* The interest charge calculation: a title, four column headings, a
 * purchases row (APR, balance subject to interest, interest) and a cash
 * advances row at 29.99%, then an optional footer line. */
typedef struct us_interest_spec {
    const char *title;
    const char *heads[4];
    const char *purchases, *advances;       /* the rows' labels */
    const char *apr_suffix;                 /* after the rate: " (V)" */
    const char *footer;                     /* a template ({DAYS}), or NULL */
} us_interest_spec;

typedef struct us_spec {
    const sg_font *body, *bold;
    double lh;
    const char *date_fmt;   /* fmt.h pattern */
    double x_date, x_post;  /* x_post 0: no posting date column */
    bool post_first;        /* the posting date is the first column */
    bool star_payments;     /* "*" after the date of payments */
    us_extra extra;
    double x_extra;
    double x_title;         /* section titles and total labels */
    double x_desc, desc_w;  /* description column and wrapping width */
    double x_amt;           /* right edge of the amount (Charges) column */
    double x_credit;        /* right edge of the Credits column (US_AMT_COLUMNS) */
    us_amt amt;
    us_fx fx;
    us_section sections[6]; /* ends at a NULL title */
    void (*heads)(sg_render *r);        /* column headings at r->y; advances it */
    void (*page)(sg_render *r);         /* starts a continuation page */

    /* What us_render() draws around the activity. Pages are item lists
     * (items.h) drawn in the order given, up to a NULL. */
    const sg_item *first[3];    /* page 1: header, summary, coupon, frame */
    const sg_item *next[3];     /* every later page: frame and header */
    double top, bottom;         /* the activity flows from top to bottom there */
    double start;               /* the activity starts on page 1 at this y (0: on page 2) */
    const sg_item *title;       /* activity heading, y from the flow; 1.5 lines */
    const sg_item *col_heads;   /* column headings, y from the flow ... */
    double heads_lines;         /* ... and their height in lines */
    bool prints_period;         /* the statement prints its period start */
    us_ytd_spec ytd;
    us_interest_spec interest;
} us_spec;

/* Renders a whole statement from the us_spec in r->lay->spec: page 1, the
 * activity (new pages as needed, each with its header and, inside the
 * activity, the title and column headings), the year-to-date totals and
 * the interest charge calculation. The summary printed on page 1 must be
 * the six values, payments and credits as "-$" (sg_summary_all). */
void us_render(sg_render *r);

/* Prints the sections of sp from r->y on (pages break as needed). */
void us_activity(sg_render *r, const us_spec *sp);
/* Amount as the spec prints it in a row (value from the holder's view). */
const char *us_amount(const us_spec *sp, cl_money v);
/* Section total as printed: credits per the style, charges plain. */
const char *us_total(const us_spec *sp, cl_money v);
/* "$412.30", "-$400.00", "+$489.00" (plus when asked and v > 0). */
const char *us_sum_value(cl_money v, bool plus);

/* Year of the statement date (for year-to-date labels). */
int us_year(const sg_render *r);
/* Common closing blocks: a year-to-date title and its fee and interest
 * lines (labels already formatted by the caller). */
void us_ytd(sg_render *r, const us_spec *sp, double x_label, double x_value, const char *title,
            const char *fees_label, const char *interest_label);
/* An interest charge calculation table: title, a header row of four
 * columns, purchase and cash-advance rows, and an optional footer line. */
void us_interest_table(sg_render *r, const us_spec *sp, const char *title, const char *const heads[4],
                       const char *purchase_label, const char *advance_label,
                       const char *apr_suffix, const char *footer);

#endif
