/* msg.c - encoding and decoding of the worker's status messages. */
#include "msg.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

static const char *const outcome_names[] = {
    [INGEST_STORED] = "stored",
    [INGEST_DUPLICATE] = "duplicate",
    [INGEST_FAILED] = "failed",
    [INGEST_RETRY] = "retry",
};

#define N_OUTCOMES (sizeof outcome_names / sizeof outcome_names[0])
#define MAX_FIELDS 11

const char *ingest_outcome_name(ingest_outcome o)
{
    return (size_t)o < N_OUTCOMES ? outcome_names[o] : "failed";
}

/* ---- encoding ------------------------------------------------------------------- */

/* A text field: tabs and line breaks would end it, so they become spaces;
 * at most cap - 1 bytes, as the decoder keeps. */
static void put_text(sbuf *out, const char *s, size_t cap)
{
    sbuf_putc(out, '\t');
    for (size_t n = 0; s && s[n] && n + 1 < cap; n++)
        sbuf_putc(out, s[n] == '\t' || s[n] == '\n' || s[n] == '\r' ? ' ' : s[n]);
}

void ingest_msg_encode(const ingest_msg *m, sbuf *out)
{
    sbuf_putc(out, (char)m->type);
    switch (m->type) {
    case INGEST_MSG_READY:
        sbuf_printf(out, "\t%d", m->backend_pid);
        break;
    case INGEST_MSG_START:
        sbuf_printf(out, "\t%lld", m->file_id);
        put_text(out, m->sha256, sizeof m->sha256);
        put_text(out, m->path, sizeof m->path);
        break;
    case INGEST_MSG_DONE:
        sbuf_printf(out, "\t%lld\t%s", m->file_id, ingest_outcome_name(m->outcome));
        put_text(out, m->profile, sizeof m->profile);
        sbuf_printf(out, "\t%d\t%ld\t%ld\t%ld\t%d\t%.0f", m->pages, m->txns, m->inserted, m->present,
                    m->reconciled ? 1 : 0, m->ms);
        put_text(out, m->error, sizeof m->error);
        break;
    case INGEST_MSG_FATAL:
        sbuf_printf(out, "\t%d", m->exit_code);
        put_text(out, m->error, sizeof m->error);
        break;
    case INGEST_MSG_IDLE:
        break;
    }
    sbuf_putc(out, '\n');
}

/* ---- decoding ------------------------------------------------------------------- */

typedef struct field {
    const char *p;
    size_t n;
} field;

static int split(const char *line, field *f, int max)
{
    int n = 0;
    const char *start = line;
    for (const char *p = line;; p++)
        if (*p == '\t' || *p == '\0') {
            if (n == max)
                return -1;
            f[n++] = (field){start, (size_t)(p - start)};
            if (!*p)
                return n;
            start = p + 1;
        }
}

/* A text field as the encoder writes it: shorter than cap, no line breaks. */
static bool get_text(const field *f, char *out, size_t cap)
{
    if (f->n >= cap || memchr(f->p, '\n', f->n) || memchr(f->p, '\r', f->n))
        return false;
    memcpy(out, f->p, f->n);
    out[f->n] = '\0';
    return true;
}

/* A SHA-256 as 64 lower-case hex digits. */
static bool get_sha256(const field *f, char out[65])
{
    if (f->n != 64)
        return false;
    for (size_t i = 0; i < 64; i++)
        if (!((f->p[i] >= '0' && f->p[i] <= '9') || (f->p[i] >= 'a' && f->p[i] <= 'f')))
            return false;
    return get_text(f, out, 65);
}

/* A whole field as a decimal integer in [lo, hi]. */
static bool get_ll(const field *f, long long lo, long long hi, long long *v)
{
    char buf[32];
    if (f->n == 0 || !get_text(f, buf, sizeof buf))
        return false;
    char *end;
    errno = 0;
    long long x = strtoll(buf, &end, 10);
    if (errno || *end || x < lo || x > hi)
        return false;
    *v = x;
    return true;
}

static bool get_int(const field *f, int *v)
{
    long long x;
    if (!get_ll(f, INT_MIN, INT_MAX, &x))
        return false;
    *v = (int)x;
    return true;
}

static bool get_long(const field *f, long *v)
{
    long long x;
    if (!get_ll(f, LONG_MIN, LONG_MAX, &x))
        return false;
    *v = (long)x;
    return true;
}

static bool get_outcome(const field *f, ingest_outcome *o)
{
    for (size_t i = 0; i < N_OUTCOMES; i++)
        if (strlen(outcome_names[i]) == f->n && memcmp(outcome_names[i], f->p, f->n) == 0) {
            *o = (ingest_outcome)i;
            return true;
        }
    return false;
}

static bool decode_done(const field *f, ingest_msg *m)
{
    long long ms, rec;
    if (!get_ll(&f[1], 0, LLONG_MAX, &m->file_id) || !get_outcome(&f[2], &m->outcome) ||
        !get_text(&f[3], m->profile, sizeof m->profile) || !get_int(&f[4], &m->pages) ||
        !get_long(&f[5], &m->txns) || !get_long(&f[6], &m->inserted) ||
        !get_long(&f[7], &m->present) || !get_ll(&f[8], 0, 1, &rec) ||
        !get_ll(&f[9], 0, LLONG_MAX, &ms) || !get_text(&f[10], m->error, sizeof m->error))
        return false;
    m->reconciled = rec == 1;
    m->ms = (double)ms;
    return true;
}

int ingest_msg_decode(const char *line, ingest_msg *m)
{
    field f[MAX_FIELDS];
    int n = split(line, f, MAX_FIELDS);
    memset(m, 0, sizeof *m);
    if (n < 1 || f[0].n != 1)
        return -1;
    m->type = (ingest_msg_type)f[0].p[0];
    bool ok = false;
    switch (m->type) {
    case INGEST_MSG_READY:
        ok = n == 2 && get_int(&f[1], &m->backend_pid);
        break;
    case INGEST_MSG_START:
        ok = n == 4 && get_ll(&f[1], 0, LLONG_MAX, &m->file_id) &&
             get_sha256(&f[2], m->sha256) && get_text(&f[3], m->path, sizeof m->path);
        break;
    case INGEST_MSG_DONE:
        ok = n == 11 && decode_done(f, m);
        break;
    case INGEST_MSG_IDLE:
        ok = n == 1;
        break;
    case INGEST_MSG_FATAL:
        ok = n == 3 && get_int(&f[1], &m->exit_code) && get_text(&f[2], m->error, sizeof m->error);
        break;
    }
    return ok ? 0 : -1;
}
