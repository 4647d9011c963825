/* profile.h - a bank profile: everything the engine needs to know about one
 * issuer's statement layout, read from a small line-oriented text file
 * (format: docs/profiles.md). Profiles are immutable once loaded, so one
 * registry may serve many parses (and threads) at once. */
#ifndef CL_BANK_PROFILE_H
#define CL_BANK_PROFILE_H

#include "bank/kind.h"
#include "amount.h"
#include "datefmt.h"
#include "rx.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

/* Statement fields a profile can find. */
typedef enum bank_field {
    BF_STATEMENT_DATE, BF_PERIOD_START, BF_PERIOD_END, BF_PERIOD, BF_CARD, BF_CURRENCY, BF_N
} bank_field;

/* Summary fields, in output order. */
typedef enum bank_sumfield {
    BS_PREVIOUS_BALANCE, BS_PAYMENTS_AND_CREDITS, BS_PURCHASES, BS_FEES, BS_INTEREST, BS_NEW_BALANCE, BS_N
} bank_sumfield;

extern const char *const bank_field_names[BF_N];
extern const char *const bank_sumfield_names[BS_N];

/* What an amount means for the card holder. */
typedef enum bank_polarity { BANK_POL_AUTO = 0, BANK_POL_CHARGE = -1, BANK_POL_CREDIT = 1 } bank_polarity;

/* A field or summary rule: a regex on one line, the value either in a named
 * group of the same line or (below) in the column under the label. */
typedef struct bank_rule {
    bank_rx rx;
    bool below;
    bool add;           /* "+=": added to the field rather than an alternative */
} bank_rule;

typedef struct bank_rulev {
    bank_rule *v;
    int n;
} bank_rulev;

typedef struct bank_section {
    char *name;
    bank_rxv start, end;
    bank_polarity sign;     /* forces every amount of the section */
    bank_kind kind;         /* what its rows are: `kind =`, else from the name */
    bool ignore;            /* no transactions inside */
    int line;
} bank_section;

typedef enum bank_cont_mode { BANK_CONT_NONE, BANK_CONT_ALIGNED } bank_cont_mode;

typedef struct bank_profile {
    char *id, *issuer;
    char *source;           /* "built-in" or the user file's path */
    char currency[4];
    bool account;           /* bank account: credits raise the balance */
    bool kind_auto;         /* kind = auto: card or account, whichever reconciles */
    bank_rxv account_when;  /* kind = auto: text of an account statement, when reconciling does not decide */
    bank_rxv card_when;     /* ... and of a card statement, which overrides it */
    char decimal;           /* '.' or ',' */
    bool decimal_auto;      /* decimal = auto: decided per statement (see comma) */
    /* decimal = auto: the same profile read with ',', made on first use
     * (bank_profile_comma) from the text kept here. */
    struct bank_profile *_Atomic comma;
    char *comma_text;
    size_t comma_len;

    /* [detect] */
    bank_rxv require, any, reject, phrase, producer, creator;
    int min_score;

    /* [fields] */
    bank_rulev field[BF_N];
    bank_datefmt *field_dates;
    int n_field_dates;

    /* [summary] */
    bank_rulev summary[BS_N];
    int below_lines, below_tolerance;

    /* [transactions] */
    bank_rxv line, start, end, ignore, drop;
    bank_rxv line_aligned;  /* rows that count only when their amount ends where the last row's did */
    bank_rxv cont_line, cont_exclude, exclude_desc, desc_match, foreign_line, balance_header;
    bank_rxv credit_header, charge_header;  /* separate credit and charge amount columns */
    bank_rxv desc_stop_header;              /* a column after the description: where it ends */
    bank_rxv other_amount_header;           /* a column of amounts that are not the transaction's */
    bank_datefmt *txn_dates;
    int n_txn_dates;
    bank_cont_mode cont_mode;
    int cont_max, cont_tolerance;
    bool sign_below;
    bool amount_next_line;      /* a wrapped description's amount may be on the next line */
    bool two_up;                /* a page may print two tables side by side */
    bool sign_from_balance;
    bool balance_is_account;    /* sign_from_balance = account: a running balance means a bank account */
    bank_polarity mark_pol[6];  /* indexed by bank_mark */
    bank_polarity acct_pol[6];  /* the same, read as a bank account (kind = auto) */

    bank_section *sections;
    int n_sections;

    /* Built-in helpers compiled for this profile's decimal separator. */
    bank_rx amount_tok;     /* one amount anywhere in a line */
    bank_rx ydate_tok;      /* one date with a year */
    bank_rx shape;          /* "looks like a transaction": date, text, amount */
    bank_rx date_start;     /* a line that starts with a date (amount_next_line, two_up only) */

    /* Patterns other than detection are JIT-compiled on first use. */
    atomic_bool jitted;
    pthread_mutex_t jit_lock;
    bool lock_ready;
} bank_profile;

/* Parse a profile from text. `name` (a path or "built-in:x.profile") is
 * used in messages: "NAME:LINE: reason". Returns NULL and sets err. */
bank_profile *bank_profile_parse(const char *text, size_t len, const char *name, cl_err *err);
void bank_profile_free(bank_profile *p);

/* JIT-compile every pattern of p, once (thread-safe; the registry stays
 * shareable). bank_extract calls it. */
void bank_profile_prepare(const bank_profile *p);

/* decimal = auto: the profile read with a decimal comma (made once, on first
 * use; thread-safe). NULL for other profiles. */
const bank_profile *bank_profile_comma(const bank_profile *p);

/* The polarity of an amount with mark m outside forcing sections. */
bank_polarity bank_profile_mark_polarity(const bank_profile *p, bank_mark m);

#endif
