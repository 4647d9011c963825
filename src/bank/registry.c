/* registry.c - built-in and user bank profiles. */
#include "registry.h"
#include "common/env.h"
#include "common/embedded.h"
#include "common/sbuf.h"
#include "common/util.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

extern const cl_embedded_file bank_embedded_profiles[];

char *bank_user_profile_dir(void)
{
    char buf[4096];
    const char *x = cl_env_get(CL_ENV_XDG_CONFIG_HOME);
    const char *h = cl_env_get(CL_ENV_USER_HOME);
    if (x && *x)
        snprintf(buf, sizeof buf, "%s/cardledger/banks", x);
    else if (h && *h)
        snprintf(buf, sizeof buf, "%s/.config/cardledger/banks", h);
    else
        return NULL;
    return xstrdup(buf);
}

/* Add p, replacing a profile with the same id. */
static void put(bank_registry *r, bank_profile *p)
{
    for (int i = 0; i < r->n; i++)
        if (!strcmp(r->v[i]->id, p->id)) {
            bank_profile_free(r->v[i]);
            r->v[i] = p;
            return;
        }
    r->v = xrealloc(r->v, (size_t)(r->n + 1) * sizeof *r->v);
    r->v[r->n++] = p;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_profile(const void *a, const void *b)
{
    return strcmp((*(bank_profile *const *)a)->id, (*(bank_profile *const *)b)->id);
}

static int load_user_dir(bank_registry *r, const char *dir, cl_err *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return errno == ENOENT || errno == ENOTDIR ? 0 : cl_err_set(err, CL_E_IO, "%s: %s", dir, strerror(errno));
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len > 8 && !strcmp(e->d_name + len - 8, ".profile") && e->d_name[0] != '.') {
            names = xrealloc(names, (n + 1) * sizeof *names);
            names[n++] = xstrdup(e->d_name);
        }
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_name);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        char *text = NULL;
        size_t len = 0;
        if (rc == 0 && util_read_file(path, &text, &len, err) == 0) {
            bank_profile *p = bank_profile_parse(text, len, path, err);
            if (p)
                put(r, p);
            else
                rc = -1;
        } else if (rc == 0) {
            rc = -1;
        }
        free(text);
        free(names[i]);
    }
    free(names);
    return rc;
}

int bank_registry_load(const char *user_dir, bank_registry **out, cl_err *err)
{
    bank_registry *r = xcalloc(1, sizeof *r);
    for (const cl_embedded_file *f = bank_embedded_profiles; f->name; f++) {
        char name[256];
        snprintf(name, sizeof name, "banks/%s", f->name);
        bank_profile *p = bank_profile_parse(f->text, f->len, name, err);
        if (!p) {
            bank_registry_free(r);
            return -1;
        }
        free(p->source);
        p->source = xstrdup("built-in");
        put(r, p);
    }
    char *dir = user_dir ? xstrdup(user_dir) : bank_user_profile_dir();
    int rc = dir ? load_user_dir(r, dir, err) : 0;
    free(dir);
    if (rc) {
        bank_registry_free(r);
        return -1;
    }
    qsort(r->v, (size_t)r->n, sizeof *r->v, cmp_profile);
    *out = r;
    return 0;
}

void bank_registry_free(bank_registry *r)
{
    if (!r)
        return;
    for (int i = 0; i < r->n; i++)
        bank_profile_free(r->v[i]);
    free(r->v);
    free(r);
}

const bank_profile *bank_registry_find(const bank_registry *r, const char *id)
{
    for (int i = 0; i < r->n; i++)
        if (!strcmp(r->v[i]->id, id))
            return r->v[i];
    return NULL;
}

char *bank_registry_ids(const bank_registry *r)
{
    sbuf b = {0};
    for (int i = 0; i < r->n; i++)
        sbuf_printf(&b, "%s%s", i ? ", " : "", r->v[i]->id);
    return sbuf_detach(&b);
}
