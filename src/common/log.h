/* log.h - structured logging: one event per line on stderr, as
 * `key=value` text or one JSON object, chosen by --log-format (default:
 * text on a terminal, json otherwise).
 *
 *   log_info("file_done", LOG_S("file", path), LOG_I("pages", n));
 *
 * Every value passes through log_redact(): card numbers (see cardmask.h)
 * keep only their last 4 digits and DSN passwords become "***". Callers
 * need not remember. */
#ifndef CL_LOG_H
#define CL_LOG_H

#include <stdbool.h>
#include <stddef.h>

typedef enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR, LOG_OFF } log_level;
typedef enum log_format { LOG_FMT_AUTO, LOG_FMT_TEXT, LOG_FMT_JSON } log_format;

typedef enum log_type { LOG_T_END, LOG_T_BEGIN, LOG_T_STR, LOG_T_INT, LOG_T_DBL, LOG_T_BOOL } log_type;

typedef struct log_field {
    log_type type;
    const char *key;
    const char *s;
    long long i;
    double d;
} log_field;

#define LOG_S(k, v) ((log_field){.type = LOG_T_STR, .key = (k), .s = (v)})
#define LOG_I(k, v) ((log_field){.type = LOG_T_INT, .key = (k), .i = (long long)(v)})
#define LOG_D(k, v) ((log_field){.type = LOG_T_DBL, .key = (k), .d = (double)(v)})
#define LOG_B(k, v) ((log_field){.type = LOG_T_BOOL, .key = (k), .i = !!(v)})

#define log_at(lvl, event, ...)                                                 \
    log_emit((lvl), (event),                                                     \
             (const log_field[]){{.type = LOG_T_BEGIN}, ##__VA_ARGS__, {.type = LOG_T_END}})
#define log_debug(event, ...) log_at(LOG_DEBUG, event, ##__VA_ARGS__)
#define log_info(event, ...) log_at(LOG_INFO, event, ##__VA_ARGS__)
#define log_warn(event, ...) log_at(LOG_WARN, event, ##__VA_ARGS__)
#define log_error(event, ...) log_at(LOG_ERROR, event, ##__VA_ARGS__)

void log_emit(log_level lvl, const char *event, const log_field *fields);

void log_set_level(log_level lvl);
log_level log_get_level(void);
void log_set_format(log_format fmt);
/* Parse "debug|info|warn|error" / "text|json"; false when unknown. */
bool log_parse_level(const char *s, log_level *out);
bool log_parse_format(const char *s, log_format *out);
/* Tag every event of this process (e.g. "worker" = "3"). */
void log_set_process_tag(const char *tag);

/* Copy s into out (size outsz), masking card numbers and DSN passwords. */
char *log_redact(const char *s, char *out, size_t outsz);

#endif
