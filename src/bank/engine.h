/* engine.h - internal state of one extraction run (not a public header).
 *
 * One pass over the layout lines classifies each line (section change,
 * statement field, summary value, ignored, transaction, continuation ...);
 * a finishing step then resolves dates and signs and reconciles. */
#ifndef CL_BANK_ENGINE_H
#define CL_BANK_ENGINE_H

#include "bank.h"
#include "common/sbuf.h"

/* Extraction details of one transaction that the model does not keep. */
typedef struct txn_extra {
    bank_mark mark;
    bank_polarity forced;       /* from the section */
    bank_kind section_kind;     /* what the section holds, or UNSET */
    bank_polarity column;       /* from a credit or charge column */
    int desc_col;               /* column where the description starts */
    int amount_col0, amount_col1;
    int n_cont;
    char *raw_posted;
    bool has_balance;
    cl_money balance_printed;   /* signed as printed */
    /* Two amounts without a balance header, read as foreign then local:
     * the first as printed, in case the balance chain shows the second is
     * a running balance (finish.c). */
    char currency[4];           /* named by the amount ("12,50 EUR"), else "" */
    bool two_amounts;
    cl_money first_cents;
    bank_mark first_mark;
    bank_polarity first_column;
    char *raw_first;
} txn_extra;

typedef struct found_date {
    cl_date d;
    int prio;                   /* rule index; lower wins */
    char raw[40];               /* as printed, to read again as M/D/Y if need be */
} found_date;

typedef struct engine {
    const bank_profile *p;
    const pdf_text *doc;
    const bank_parse_opts *opts;
    bank_statement *st;
    pcre2_match_data *md;

    found_date dates[3];        /* statement_date, period_start, period_end */
    int last4_prio, currency_prio;
    cl_date latest;             /* the latest full date printed before a statement date is found */

    bool sum_set[BS_N];
    int sum_prio[BS_N];
    cl_money sum_base[BS_N];
    cl_money sum_add[BS_N];
    bool sum_any_add[BS_N];
    /* Every value the summary rules found for a field (not "+=" ones), with
     * its label: when the first choice does not reconcile, another may. */
    struct sum_cand {
        cl_money v;
        int prio;
        char label[48];
    } cand[BS_N][8];
    int n_cand[BS_N];
    char label[BS_N][48];       /* the label of the value kept */

    txn_extra *x;
    size_t cap_x;
    long pending;               /* index of the transaction continuation lines extend, or -1 */
    const bank_section *sec;
    bool in_table;
    bool account;               /* reconcile and sign as a bank account */
    /* Columns of the last header labels seen: running balance, credits,
     * charges, the end of the description, another amount (col0 < 0: none
     * yet). */
    int bal_col0, bal_col1, cr_col0, cr_col1, ch_col0, ch_col1, stop_col0, stop_col1;
    int oth_col0, oth_col1;

    sbuf work;                  /* the line with drop patterns blanked */
    sbuf wrap;                  /* two lines read as one (amount_on_next_line) */
    int skip_page, skip_line;   /* a line already read with the one above it */
    bool split;                 /* reading one half of a two-up page */
    char detail[160];           /* trace detail of the current line (text only) */
    bool sign_line;             /* the current line carries a CR/DR marker under
                                   the pending transaction's amount */
} engine;

/* parse.c: one reading of the document with p as it stands (bank_extract,
 * readings.c, picks the decimal separator first). */
bank_statement *eng_extract(const bank_profile *p, const pdf_text *doc, const bank_parse_opts *opts);

/* Columns (UTF-8 characters) in s[0..off). */
int eng_col(const char *s, size_t off);

/* fields.c: statement fields and summary values of one line. Returns true
 * when the line is a summary line (it is then no transaction). */
void eng_fields_line(engine *e, int page, int li, const char *s, size_t n);
bool eng_summary_line(engine *e, int page, int li, const char *s, size_t n);
/* Final summary values into the statement. */
void eng_summary_finish(engine *e);
/* Parse a field date with the profile's field formats; with month_first,
 * formats that put the month before the day are tried first. */
cl_date eng_field_date(const engine *e, const char *s, size_t n, bool month_first);

/* finish.c: dates, signs, reconciliation. */
void eng_finish(engine *e);

#endif
