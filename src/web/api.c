/* api.c - the JSON API of the dashboard: parameters validated here, every
 * answer from the read layer (src/query). */
#include "web_internal.h"

#include "common/json.h"

#include <string.h>

void web_json_error(sbuf *out, const char *msg, const char *param)
{
    sbuf_puts(out, "{\"error\":");
    cl_json_string(out, msg, false);
    sbuf_puts(out, ",\"param\":");
    if (param)
        cl_json_string(out, param, false);
    else
        sbuf_puts(out, "null");
    sbuf_puts(out, "}");
}

int web_api(const char *name, const web_params *p, sbuf *out)
{
    (void)p;
    web_json_error(out, "no such API endpoint", NULL);
    return 404;
}
