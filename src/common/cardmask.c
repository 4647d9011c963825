/* cardmask.c - card numbers in text: found by digit groups and Luhn, masked in place. */
#include "cardmask.h"

#include <string.h>

#define CARD_MIN 13
#define CARD_MAX 19
/* A window spans at most CARD_MAX groups of one digit or more. */
#define RING (CARD_MAX + 1)

typedef struct group {
    size_t start, end;          /* byte offsets in the text */
    int nd;                     /* digits */
    char d[CARD_MAX];           /* the digits, kept: masking overwrites the text */
} group;

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_sep(char c) { return c == ' ' || c == '-'; }

bool cl_luhn_ok(const char *s, size_t n)
{
    int sum = 0, count = 0;
    for (size_t i = n; i-- > 0;) {
        if (!is_digit(s[i]))
            continue;
        int d = s[i] - '0';
        if (count++ % 2 == 1) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    return count > 0 && sum % 10 == 0;
}

/* Luhn over groups ring[first..last] (ring indices, oldest first). */
static bool window_luhn(const group *ring, size_t first, size_t count)
{
    char digits[CARD_MAX];
    int n = 0;
    for (size_t k = 0; k < count; k++) {
        const group *g = &ring[(first + k) % RING];
        memcpy(digits + n, g->d, (size_t)g->nd);
        n += g->nd;
    }
    return cl_luhn_ok(digits, (size_t)n);
}

/* Overwrite every digit of the window but the last 4 with 'X', as banks
 * mask numbers themselves: a masked page still reads as the bank printed
 * it (a profile's \b[\dX]{4} matches it), so the raw tier can be parsed
 * again. */
static void mask_window(char *s, const group *ring, size_t first, size_t count, int total)
{
    int left = total - 4;
    for (size_t k = 0; k < count && left > 0; k++) {
        const group *g = &ring[(first + k) % RING];
        for (size_t i = g->start; i < g->end && left > 0; i++)
            if (is_digit(s[i]) || s[i] == 'X') {
                s[i] = 'X';
                left--;
            }
    }
}

/* The scan behind both entry points: with mask, overwrite (s is writable);
 * else stop at the first number. Returns the numbers found. */
static size_t scan(char *s, size_t n, bool mask, size_t *at)
{
    group ring[RING];
    size_t used = 0, head = 0;  /* groups in the ring, index of the oldest */
    size_t found = 0, i = 0;
    while (i < n) {
        if (!is_digit(s[i])) {
            i++;
            continue;
        }
        group g = {.start = i};
        while (i < n && is_digit(s[i])) {
            if (g.nd < CARD_MAX)
                g.d[g.nd] = s[i];
            g.nd++;
            i++;
        }
        g.end = i;
        if (g.nd > CARD_MAX) {
            used = 0;           /* no window can hold it, nor pass through it */
        } else {
            if (used == RING) {
                head = (head + 1) % RING;
                used--;
            }
            ring[(head + used) % RING] = g;
            used++;
            /* The longest window of whole groups that ends with this one;
             * its groups take part in no later window, so a number
             * followed by more groups keeps its own last 4 digits. */
            int total = 0, best_total = 0;
            size_t best = used;
            for (size_t k = used; k-- > 0;) {
                total += ring[(head + k) % RING].nd;
                if (total > CARD_MAX)
                    break;
                if (total >= CARD_MIN && window_luhn(ring, head + k, used - k))
                    best = k, best_total = total;
            }
            if (best < used) {
                if (!mask) {
                    if (at)
                        *at = ring[(head + best) % RING].start;
                    return 1;
                }
                mask_window(s, ring, head + best, used - best, best_total);
                found++;
                used = 0;
            }
        }
        /* One or two separators and a digit continue the run. */
        size_t j = i;
        while (j < n && j - i < 2 && is_sep(s[j]))
            j++;
        if (j == i || j >= n || !is_digit(s[j]))
            used = 0;
        i = j;
    }
    return found;
}

size_t cl_card_mask(char *s, size_t n)
{
    /* Masking can join what is left into a new run ("****4417 0000500648
     * 3"): mask again until nothing is found, so no reader of the output
     * finds a number by the same rule. Each pass masks 9 digits or more. */
    size_t total = 0, got;
    while ((got = scan(s, n, true, NULL)) > 0)
        total += got;
    return total;
}

size_t cl_card_mask_str(char *s)
{
    return cl_card_mask(s, strlen(s));
}

bool cl_card_find(const char *s, size_t n, size_t *at)
{
    /* Without mask the text is only read. */
    return scan((char *)s, n, false, at) > 0;
}
