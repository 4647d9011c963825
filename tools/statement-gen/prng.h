/* prng.h - a small deterministic PRNG (splitmix64 seeding xoshiro256**), so
 * a seed gives the same statements on every machine and libc. */
#ifndef SG_PRNG_H
#define SG_PRNG_H

#include <stddef.h>
#include <stdint.h>

typedef struct sg_prng {
    uint64_t s[4];
} sg_prng;

/* Seed from a number and a string (profile id, card ...): distinct streams
 * for distinct (seed, tag) pairs. */
void sg_prng_seed(sg_prng *r, uint64_t seed, const char *tag);
uint64_t sg_prng_next(sg_prng *r);
/* Uniform integer in [lo, hi] (inclusive); lo when hi < lo. */
int64_t sg_prng_range(sg_prng *r, int64_t lo, int64_t hi);
/* True with probability pct/100. */
int sg_prng_chance(sg_prng *r, int pct);
/* A uniformly chosen index below n (n > 0). */
size_t sg_prng_pick(sg_prng *r, size_t n);

#define SG_PICK(r, arr) ((arr)[sg_prng_pick((r), sizeof(arr) / sizeof((arr)[0]))])

#endif
