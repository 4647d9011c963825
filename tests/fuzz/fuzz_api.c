/* fuzz_api.c - libFuzzer target: the dashboard API's parameter checks. The
 * input is an endpoint name, a newline, then a query string (key=value
 * pairs split on '&', as the HTTP library hands them over, already
 * decoded). Any input is answered 0, 400 or 404; a refusal is one JSON
 * error object. No database is touched. */
#include "common/sbuf.h"
#include "web/web_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* libFuzzer calls this. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    memcpy(s, data, size);
    s[size] = '\0';
    char *qs = strchr(s, '\n');
    if (qs)
        *qs++ = '\0';
    web_params p = {0};
    for (char *tok = qs ? strtok(qs, "&") : NULL; tok; tok = strtok(NULL, "&")) {
        if (p.n == WEB_MAX_PARAMS) {
            p.overflow = true;
            break;
        }
        char *eq = strchr(tok, '=');
        if (eq)
            *eq++ = '\0';
        p.key[p.n] = tok;
        p.val[p.n++] = eq ? eq : "";
    }
    sbuf out = {0};
    int st = web_api_check(s, &p, &out);
    if (st != 0 && st != 400 && st != 404)
        abort();
    if (st != 0 && (!out.p || strncmp(out.p, "{\"error\":", 9) != 0 || out.p[out.len - 1] != '}'))
        abort();
    if (st == 0 && out.len)
        abort();    /* nothing written for a request that passes */
    sbuf_free(&out);
    free(s);
    return 0;
}
