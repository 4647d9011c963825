/* layout.h - what every statement layout shares: the profile table entry,
 * the render context with its ground-truth record, and the flow of a
 * transaction table across pages.
 *
 * A layout's render function draws the whole statement through draw.h. For
 * each transaction it prints, it calls sg_row() with the baseline of the
 * transaction's first line; for each summary value it prints, sg_summary()
 * with the value as printed (sign included). The ground truth is built
 * from those calls only, so it says what the PDF shows. */
#ifndef SG_LAYOUT_H
#define SG_LAYOUT_H

#include "draw.h"
#include "model.h"

typedef struct sg_render sg_render;

typedef struct sg_layout {
    const char *id;             /* layout id (the parser profile it imitates) */
    const char *issuer;         /* PDF Author / Creator */
    double page_w, page_h;      /* points */
    sg_order orders[4];         /* drawing order of page 1, 2, 3, 4, 5 (=1) ... */
    bool full_number;           /* prints the Luhn-valid full card number */
    sg_gen_params gen;
    void (*render)(sg_render *r);
    /* What the layout's family draws from: a us_spec (us_family.h) or an
     * sg_list_spec (items.h). */
    const void *spec;
    /* The layout's own template tokens (items.h): the value of {name} or
     * {name:arg}, NULL for a name it does not know. */
    const char *(*token)(const sg_render *r, const char *name, const char *arg);
    /* The profile that reads it (NULL: the one named id); the ground truth's issuer. */
    const char *reads_as;
    /* A bank account's statement: it prints sg_account_balance() of the card
     * model's balances, deposits for credits and withdrawals for charges. */
    bool account;
    /* On an account, what its card-model payments are: "deposit" (pay
     * coming in, the default) or "transfer" (from the holder's own account). */
    const char *payment_kind;
} sg_layout;

/* An account's balance for the card model's balance b: a base minus what
 * the card would owe, so it chains from month to month. */
#define SG_ACCOUNT_BASE ((cl_money)8000000)
static inline cl_money sg_account_balance(cl_money b)
{
    return SG_ACCOUNT_BASE - b;
}

/* NULL-terminated, in --list-layouts order. A layout is registered by
 * adding it here (layouts.c) and to meson.build. */
extern const sg_layout *const sg_layouts[];
const sg_layout *sg_layout_find(const char *id);

typedef enum sg_sum_field {
    SG_SUM_PREVIOUS, SG_SUM_PAYMENTS, SG_SUM_PURCHASES, SG_SUM_FEES, SG_SUM_INTEREST,
    SG_SUM_NEW, SG_SUM_COUNT
} sg_sum_field;

/* Flags of sg_row(): which dates the row prints. */
enum {
    SG_ROW_POSTED = 1,      /* prints the transaction date and the posting date */
    SG_ROW_POST_ONLY = 2,   /* prints only the posting date (it becomes `date`) */
    SG_ROW_FOREIGN = 4,     /* prints the foreign amount and currency */
};

typedef struct sg_truth_row {
    const sg_txn *t;
    int page;
    double y;
    unsigned flags;
} sg_truth_row;

typedef struct sg_truth {
    bool sum_set[SG_SUM_COUNT];
    cl_money sum[SG_SUM_COUNT];
    bool last4_printed;         /* the statement shows the card's last 4 */
    bool period_printed;        /* ... its period start and end */
    sg_truth_row *rows;
    size_t n, cap;
} sg_truth;

struct sg_render {
    sg_doc *doc;
    const sg_statement *st;
    const sg_layout *lay;
    sg_truth truth;
    /* Flow of the transaction table: baseline of the next line and the
     * last baseline a row may use on this page. */
    double y, bottom;
    /* Called when a row does not fit: starts the next page (headers,
     * footers, repeated column headings) and resets y and bottom. */
    void (*next_page)(sg_render *r);
    int section;                /* the layout's own bookkeeping */
    const char *section_name;
};

/* Starts page n+1 with the layout's drawing order; returns its number. */
int sg_new_page(sg_render *r);
/* Makes room for height points of rows: a new page when they do not fit. */
void sg_need(sg_render *r, double height);
/* Records that transaction t is printed with its first line at baseline y
 * of the current page. */
void sg_row(sg_render *r, const sg_txn *t, double y, unsigned flags);
/* Records a printed summary value, sign as printed. */
void sg_summary(sg_render *r, sg_sum_field f, cl_money printed);
/* Records all six summary values for a statement that prints each one:
 * previous balance, purchases, fees, interest and new balance as the
 * statement holds them, payments and credits as printed (its sign is the
 * layout's: "-$400.00" or "400.00"). */
void sg_summary_all(sg_render *r, cl_money payments_printed);

/* Writes the ground truth JSON (one line) for the finished PDF. Returns 0
 * or -1 with err set. */
int sg_truth_write(const sg_render *r, const char *pdf_path, const char *json_path, cl_err *err);
/* Checks the record against the statement: every transaction printed once
 * on a real line, amounts adding up to the change of balance. */
int sg_truth_check(const sg_render *r, cl_err *err);
void sg_truth_free(sg_truth *t);

/* --- helpers shared by layouts -------------------------------------- */

/* The card number grouped as printed: "4111 2233 4455 6677" (sep " "),
 * Amex 4-6-5. mask_from..mask_to (0-based digit indices, inclusive) become
 * 'X'; pass -1, -1 for no mask. */
const char *sg_card_grouped(const sg_statement *s, const char *sep, int mask_from, int mask_to);

/* A label at xl and its value right-aligned at xr on baseline y. */
void sg_pair(sg_render *r, const sg_font *f, double xl, double xr, double y, const char *label,
             const char *value);
/* A paragraph wrapped to width from baseline y, lh apart; returns the
 * baseline after its last line. */
double sg_para(sg_render *r, const sg_font *f, double x, double y, double width, double lh,
               const char *text);
/* How a list-style statement prints a signed amount: the magnitude
 * right-aligned at x, a credit (v > 0) as open + magnitude with close
 * left-aligned at x_close ("1,200.00 CR", "(45.00)"). */
typedef struct sg_amount_style {
    const sg_font *font;
    double x, x_close;
    const char *open, *close;
} sg_amount_style;

/* The amount v on baseline y. */
void sg_amount(sg_render *r, const sg_amount_style *a, double y, cl_money v);
/* A list line at r->y (a new page first when it does not fit): label at
 * x, the amount, then r->y moves lines * lh down. */
void sg_amount_line(sg_render *r, const sg_amount_style *a, double lh, double x,
                    const char *label, cl_money v, int lines);
/* Description lines of a row: wraps t->desc (or text) to width, at most
 * max lines; returns the count, lines in out[]. */
int sg_desc_lines(sg_render *r, const sg_font *f, const char *text, double width, char **out,
                  int max);

#endif
