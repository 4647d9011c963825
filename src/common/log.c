/* log.c - structured, redacted, one-line log events on stderr. */
#include "log.h"
#include "json.h"
#include "sbuf.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static log_level g_level = LOG_INFO;
static log_format g_format = LOG_FMT_AUTO;
static char g_tag[64];

static const char *const level_names[] = {"debug", "info", "warn", "error", "off"};

void log_set_level(log_level lvl) { g_level = lvl; }
log_level log_get_level(void) { return g_level; }
void log_set_format(log_format fmt) { g_format = fmt; }

void log_set_process_tag(const char *tag)
{
    snprintf(g_tag, sizeof g_tag, "%s", tag ? tag : "");
}

bool log_parse_level(const char *s, log_level *out)
{
    for (int i = 0; i <= LOG_OFF; i++)
        if (strcmp(s, level_names[i]) == 0) {
            *out = (log_level)i;
            return true;
        }
    if (strcmp(s, "warning") == 0) {
        *out = LOG_WARN;
        return true;
    }
    return false;
}

bool log_parse_format(const char *s, log_format *out)
{
    if (strcmp(s, "text") == 0)
        *out = LOG_FMT_TEXT;
    else if (strcmp(s, "json") == 0)
        *out = LOG_FMT_JSON;
    else if (strcmp(s, "auto") == 0)
        *out = LOG_FMT_AUTO;
    else
        return false;
    return true;
}

bool log_luhn_ok(const char *s, size_t n)
{
    int sum = 0, count = 0;
    for (size_t i = n; i-- > 0;) {
        if (!isdigit((unsigned char)s[i]))
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

/* Length of a card-number-like run at s: digits with single space/dash
 * separators. Sets *ndigits. */
static size_t digit_run(const char *s, int *ndigits)
{
    size_t i = 0, end = 0;
    *ndigits = 0;
    while (s[i]) {
        if (isdigit((unsigned char)s[i])) {
            (*ndigits)++;
            end = ++i;
        } else if ((s[i] == ' ' || s[i] == '-') && isdigit((unsigned char)s[i + 1]) && *ndigits > 0) {
            i++;
        } else {
            break;
        }
    }
    return end;
}

static bool is_alnum_at(const char *s, size_t i) { return isalnum((unsigned char)s[i]); }

/* Mask "password=..." (keyword DSN) and "://user:pass@" (URI DSN). */
static size_t redact_password(const char *s, size_t i, sbuf *out)
{
    static const char kw[] = "password=";
    if (strncasecmp(s + i, kw, sizeof kw - 1) == 0) {
        sbuf_append(out, s + i, sizeof kw - 1);
        sbuf_puts(out, "***");
        size_t j = i + sizeof kw - 1;
        if (s[j] == '\'') {
            for (j++; s[j] && s[j] != '\''; j++)
                if (s[j] == '\\' && s[j + 1])
                    j++;
            if (s[j])
                j++;
        } else {
            while (s[j] && !isspace((unsigned char)s[j]) && s[j] != '&')
                j++;
        }
        return j - i;
    }
    if (strncmp(s + i, "://", 3) == 0) {
        size_t j = i + 3, colon = 0;
        while (s[j] && s[j] != '@' && s[j] != '/' && !isspace((unsigned char)s[j])) {
            if (s[j] == ':' && !colon)
                colon = j;
            j++;
        }
        if (s[j] == '@' && colon) {
            sbuf_append(out, s + i, colon + 1 - i);
            sbuf_puts(out, "***");
            return j - i;
        }
    }
    return 0;
}

char *log_redact(const char *s, char *out, size_t outsz)
{
    sbuf b = {0};
    size_t i = 0;
    while (s[i]) {
        size_t used = redact_password(s, i, &b);
        if (used) {
            i += used;
            continue;
        }
        if (isdigit((unsigned char)s[i]) && (i == 0 || !is_alnum_at(s, i - 1))) {
            int nd;
            size_t len = digit_run(s + i, &nd);
            if (nd >= 13 && nd <= 19 && !is_alnum_at(s, i + len) && log_luhn_ok(s + i, len)) {
                sbuf_puts(&b, "****");
                sbuf_append(&b, s + i + len - 4, 4);
                i += len;
                continue;
            }
            sbuf_append(&b, s + i, len);
            i += len;
            continue;
        }
        sbuf_putc(&b, s[i++]);
    }
    snprintf(out, outsz, "%s", sbuf_str(&b));
    sbuf_free(&b);
    return out;
}

static void text_value(sbuf *b, const char *s)
{
    bool quote = *s == '\0';
    for (const char *p = s; *p; p++)
        if (isspace((unsigned char)*p) || *p == '"' || *p == '=')
            quote = true;
    if (quote)
        cl_json_string(b, s, false);
    else
        sbuf_puts(b, s);
}

static void put_field(sbuf *b, bool json, const log_field *f)
{
    char val[2048];
    switch (f->type) {
    case LOG_T_STR:
        log_redact(f->s ? f->s : "", val, sizeof val);
        break;
    case LOG_T_INT:
        snprintf(val, sizeof val, "%lld", f->i);
        break;
    case LOG_T_DBL:
        snprintf(val, sizeof val, "%.3f", f->d);
        break;
    case LOG_T_BOOL:
        snprintf(val, sizeof val, "%s", f->i ? "true" : "false");
        break;
    default:
        return;
    }
    if (json) {
        sbuf_putc(b, ',');
        cl_json_string(b, f->key, false);
        sbuf_putc(b, ':');
        if (f->type == LOG_T_STR)
            cl_json_string(b, val, false);
        else
            sbuf_puts(b, val);
    } else {
        sbuf_printf(b, " %s=", f->key);
        text_value(b, val);
    }
}

void log_emit(log_level lvl, const char *event, const log_field *fields)
{
    if (lvl < g_level || g_level == LOG_OFF)
        return;
    bool json = g_format == LOG_FMT_JSON || (g_format == LOG_FMT_AUTO && !isatty(STDERR_FILENO));
    char ts[32];
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    struct tm tm;
    gmtime_r(&now.tv_sec, &tm);
    size_t n = strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(ts + n, sizeof ts - n, ".%03ldZ", now.tv_nsec / 1000000);

    sbuf b = {0};
    if (json) {
        sbuf_printf(&b, "{\"ts\":\"%s\",\"level\":\"%s\",\"event\":", ts, level_names[lvl]);
        cl_json_string(&b, event, false);
        if (g_tag[0]) {
            sbuf_puts(&b, ",\"proc\":");
            cl_json_string(&b, g_tag, false);
        }
    } else {
        sbuf_printf(&b, "%s %-5s %s", ts, level_names[lvl], event);
        if (g_tag[0])
            sbuf_printf(&b, " proc=%s", g_tag);
    }
    for (const log_field *f = fields; f->type != LOG_T_END; f++)
        put_field(&b, json, f);
    sbuf_puts(&b, json ? "}\n" : "\n");
    /* One write per event, so lines from concurrent workers never interleave. */
    ssize_t w = write(STDERR_FILENO, b.p, b.len);
    (void)w;
    sbuf_free(&b);
}
