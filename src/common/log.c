/* log.c - structured, redacted, one-line log events on stderr. */
#include "log.h"
#include "cardmask.h"
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

/* Mask "password=..." (keyword DSN, blanks allowed around '=') and
 * "://user:pass@" (URI DSN). A backstop for text that merely mentions a
 * DSN: the db layer shows DSNs rebuilt by libpq's own parser. */
static size_t redact_password(const char *s, size_t i, sbuf *out)
{
    static const char kw[] = "password";
    if (strncasecmp(s + i, kw, sizeof kw - 1) == 0 && (i == 0 || !isalnum((unsigned char)s[i - 1]))) {
        size_t j = i + sizeof kw - 1;
        while (s[j] == ' ' || s[j] == '\t')
            j++;
        if (s[j] != '=')
            return 0;
        j++;
        while (s[j] == ' ' || s[j] == '\t')
            j++;
        sbuf_append(out, s + i, j - i);
        sbuf_puts(out, "***");
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
        if (used)
            i += used;
        else
            sbuf_putc(&b, s[i++]);
    }
    cl_card_mask(b.p ? b.p : (char *)"", b.len);
    snprintf(out, outsz, "%s", sbuf_str(&b));
    sbuf_free(&b);
    return out;
}

static bool is_sha256_hex(const char *s)
{
    size_t n = 0;
    for (; isxdigit((unsigned char)s[n]); n++)
        ;
    return n == 64 && s[n] == '\0';
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
        /* A SHA-256 in hex is never a card number, though its digits may
         * pass the check; everything else is redacted. */
        if (f->s && is_sha256_hex(f->s))
            snprintf(val, sizeof val, "%s", f->s);
        else
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
