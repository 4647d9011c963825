/* us_family.h - the shared shape of the US issuers' layouts: an activity
 * table of dated rows grouped in sections (payments and credits, purchases,
 * fees, interest), each section optionally closed by a total, with
 * issuer-specific columns (posting date, reference number, merchant
 * category, reward points, Daily Cash), amount styles and foreign-currency
 * lines, on pages that carry a header, a summary and a coupon. Each
 * issuer file declares its own as a us_spec with item lists (items.h) and
 * hands it to us_render(); LAYOUTS.md describes what each prints. */
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
    US_FX_CHASE,            /* 01/05 EURO / 45.00 X 1.091981 (EXCHG RATE) */
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
    /* The activity table. */
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
    int desc_lines;         /* most lines of a description (0: 6) */
    double x_amt;           /* right edge of the amount (Charges) column */
    double x_credit;        /* right edge of the Credits column (US_AMT_COLUMNS) */
    us_amt amt;
    us_fx fx;
    bool amount_first;      /* the amount is drawn before the foreign-currency lines */
    bool tight;             /* a section title needs 2 free lines (not 3) and
                               no half line follows a section */
    us_section sections[6]; /* ends at a NULL title */

    /* The statement around it. Pages are item lists (items.h) drawn in
     * the order given, up to a NULL. */
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
    void (*closing)(sg_render *r);  /* replaces ytd and interest when set */
} us_spec;

/* Renders a whole statement from the us_spec in r->lay->spec: page 1, the
 * activity (new pages as needed, each with its header and, inside the
 * activity, the title and column headings), then the year-to-date totals
 * and the interest charge calculation. Page 1 must print the card's last
 * 4 and the six summary values, payments and credits as "-$"
 * (sg_summary_all). */
void us_render(sg_render *r);

/* A year-to-date title at r->y and, on the next two lines, the fees and
 * the interest charged this year (labels are templates: {YEAR}). */
void us_ytd_lines(sg_render *r, const sg_font *title_font, const sg_font *body, double x_label,
                  double x_value, double lh, const char *title, const char *fees,
                  const char *interest);

#endif
