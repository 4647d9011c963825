/* cardmask.h - finding card numbers in any text and masking them to their
 * last 4 digits (logs, status output, the raw tier's page text and lines).
 *
 * A card number is a run of 13 to 19 digits that passes the Luhn check,
 * printed in groups separated by one or two spaces or dashes in any mix
 * ("4147 2011  1841-5678"), whatever stands before or after it (a letter,
 * another digit group: "x4147201118415678", "4147 2011 1841 5678 12 2023").
 * A window of whole groups is tested: the groups of "4147 2011 1841 5678 12"
 * are tried as 4147..5678, 2011..12 and so on. */
#ifndef CL_CARDMASK_H
#define CL_CARDMASK_H

#include <stdbool.h>
#include <stddef.h>

/* Mask in place every card number in s[0..n): each of its digits but the
 * last 4 becomes 'X' (as banks print them); separators, length and layout stay. Returns how many
 * numbers were found. */
size_t cl_card_mask(char *s, size_t n);

/* The same on a NUL-terminated string. */
size_t cl_card_mask_str(char *s);

/* True when s[0..n) contains a card number; *at (may be NULL) receives the
 * offset of its first digit. Nothing is changed. */
bool cl_card_find(const char *s, size_t n, size_t *at);

/* True when the digits of s[0..n) (other bytes ignored) pass the Luhn check. */
bool cl_luhn_ok(const char *s, size_t n);

#endif
