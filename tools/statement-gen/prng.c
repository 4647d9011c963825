/* prng.c - splitmix64 + xoshiro256** (public-domain algorithms by Vigna). */
#include "prng.h"

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

void sg_prng_seed(sg_prng *r, uint64_t seed, const char *tag)
{
    /* FNV-1a of the tag folded into the seed. */
    uint64_t h = 0xcbf29ce484222325ULL;
    for (const unsigned char *p = (const unsigned char *)tag; p && *p; p++)
        h = (h ^ *p) * 0x100000001b3ULL;
    uint64_t x = seed ^ h;
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t sg_prng_next(sg_prng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

int64_t sg_prng_range(sg_prng *r, int64_t lo, int64_t hi)
{
    if (hi <= lo)
        return lo;
    uint64_t span = (uint64_t)(hi - lo) + 1;
    /* Rejection sampling keeps the distribution exactly uniform. */
    uint64_t limit = UINT64_MAX - UINT64_MAX % span;
    uint64_t v;
    do
        v = sg_prng_next(r);
    while (v >= limit);
    return lo + (int64_t)(v % span);
}

int sg_prng_chance(sg_prng *r, int pct)
{
    return sg_prng_range(r, 0, 99) < pct;
}

size_t sg_prng_pick(sg_prng *r, size_t n)
{
    return (size_t)sg_prng_range(r, 0, (int64_t)n - 1);
}
