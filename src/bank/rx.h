/* rx.h - the regular expressions of bank profiles: PCRE2, JIT-compiled
 * once, with the named groups the engine understands looked up at compile
 * time, and the %NAME% macros (built-in and per profile) expanded. */
#ifndef CL_BANK_RX_H
#define CL_BANK_RX_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include "common/err.h"

#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>

/* Named groups a pattern may use. */
typedef enum bank_group {
    BG_DATE, BG_POSTED_DATE, BG_DESCRIPTION, BG_AMOUNT, BG_SIGN, BG_FOREIGN_AMOUNT,
    BG_FOREIGN_CURRENCY, BG_BALANCE, BG_LABEL, BG_TEXT, BG_LAST4, BG_START, BG_END,
    BG_CURRENCY, BG_N
} bank_group;

extern const char *const bank_group_names[BG_N];

typedef struct bank_rx {
    pcre2_code *re;
    char *src;          /* as written in the profile */
    int line;           /* line of the profile file, 0 for built-ins */
    int weight;         /* detection weight (phrase, producer, creator) */
    int grp[BG_N];      /* group numbers; 0 when the pattern lacks the group */
} bank_rx;

typedef struct bank_rxv {
    bank_rx *v;
    int n;
} bank_rxv;

/* A macro table: names (upper case) and their regex text. */
typedef struct bank_macros {
    char **name, **value;
    int n;
} bank_macros;

/* Expand %NAME% references (profile macros first, then built-ins;
 * `decimal` selects the built-in %AMOUNT%). Returns NULL and sets err for
 * an unknown name or runaway recursion. Caller frees. */
char *bank_rx_expand(const char *src, const bank_macros *m, char decimal, cl_err *err);

/* Compile (expanded) src into rx. err names no file: callers prefix it.
 * The JIT compilation is separate (bank_rx_jit): profiles JIT-compile their
 * patterns the first time they are used, so loading twenty profiles to
 * parse one statement stays cheap. */
int bank_rx_compile(bank_rx *rx, const char *src, const bank_macros *m, char decimal, cl_err *err);
void bank_rx_jit(bank_rx *rx);
void bank_rx_free(bank_rx *rx);
void bank_rxv_free(bank_rxv *v);
bank_rx *bank_rxv_push(bank_rxv *v);

/* Match subject s[0..n) from offset start. md must come from
 * bank_rx_match_data(). */
bool bank_rx_match(const bank_rx *rx, const char *s, size_t n, size_t start, pcre2_match_data *md);
/* Span of named group g of the last match; false when unset. */
bool bank_rx_group(const bank_rx *rx, pcre2_match_data *md, bank_group g, size_t *off, size_t *len);
/* Span of the whole match. */
void bank_rx_span(pcre2_match_data *md, size_t *off, size_t *len);

/* True when any pattern of v matches s. */
bool bank_rxv_any(const bank_rxv *v, const char *s, size_t n, pcre2_match_data *md);

pcre2_match_data *bank_rx_match_data(void);

void bank_macros_free(bank_macros *m);
void bank_macros_set(bank_macros *m, const char *name, const char *value);

/* The built-in amount token regex for a decimal separator. */
const char *bank_rx_amount(char decimal);

#endif
