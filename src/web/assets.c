/* assets.c - the embedded files of the page and their content types. */
#include "web_internal.h"

#include "common/embedded.h"

#include <string.h>

extern const cl_embedded_file web_embedded_assets[];
extern const cl_embedded_file web_embedded_chartjs[];

static const char *type_of(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot)
        return "application/octet-stream";
    if (strcmp(dot, ".html") == 0)
        return "text/html; charset=utf-8";
    if (strcmp(dot, ".js") == 0)
        return "text/javascript; charset=utf-8";
    if (strcmp(dot, ".css") == 0)
        return "text/css; charset=utf-8";
    if (strcmp(dot, ".svg") == 0)
        return "image/svg+xml";
    return "application/octet-stream";
}

static bool lookup(const cl_embedded_file *files, const char *name, web_asset *out)
{
    for (const cl_embedded_file *f = files; f->name; f++)
        if (strcmp(f->name, name) == 0) {
            out->text = f->text;
            out->len = f->len;
            out->type = type_of(name);
            return true;
        }
    return false;
}

bool web_asset_find(const char *path, web_asset *out)
{
    if (strcmp(path, "/") == 0)
        path = "/index.html";
    /* Names only: no folders, so no path can lead anywhere else. */
    if (path[0] != '/' || strchr(path + 1, '/') || path[1] == '.')
        return false;
    return lookup(web_embedded_assets, path + 1, out) || lookup(web_embedded_chartjs, path + 1, out);
}
