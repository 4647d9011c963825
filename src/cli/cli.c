/* cli.c - option parsing and help generation from one declaration. */
#include "cli.h"
#include "common/err.h"
#include "common/log.h"
#include "common/sbuf.h"
#include "ingest/input.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const cli_opt common_opts[] = {
    {"log-format", 0, "FMT", "log format: text or json (default: text on a terminal, else json)"},
    {"log-level", 0, "LEVEL", "debug, info, warn or error (default: info)"},
    {"help", 'h', NULL, "show this help"},
    CLI_OPT_END,
};

static int count_opts(const cli_opt *o)
{
    int n = 0;
    while (o && o[n].name)
        n++;
    return n;
}

/* Option i of the merged list: the command's own, then the common ones. */
static const cli_opt *opt_at(const cli_command *cmd, int i)
{
    int own = count_opts(cmd->opts);
    return i < own ? &cmd->opts[i] : &common_opts[i - own];
}

static int find_opt(const cli_command *cmd, const char *name)
{
    int total = count_opts(cmd->opts) + count_opts(common_opts);
    for (int i = 0; i < total; i++)
        if (strcmp(opt_at(cmd, i)->name, name) == 0)
            return i;
    return -1;
}

int cli_usage_error(const cli_command *cmd, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "cardledger %s: %s (see 'cardledger %s --help')\n", cmd->name, msg, cmd->name);
    return CL_EXIT_USAGE;
}

/* "usage: cardledger NAME [-f FMT] [--db DSN] ... POSITIONAL", wrapped. */
static void print_usage(const cli_command *cmd)
{
    if (cmd->usage) {
        printf("usage: cardledger %s\n", cmd->usage);
        return;
    }
    sbuf b = {0};
    sbuf_printf(&b, "usage: cardledger %s", cmd->name);
    size_t line_start = 0, indent = b.len;
    for (int i = 0; i < count_opts(cmd->opts); i++) {
        const cli_opt *o = &cmd->opts[i];
        char word[96];
        if (o->short_name)
            snprintf(word, sizeof word, "[-%c%s%s]", o->short_name, o->arg ? " " : "", o->arg ? o->arg : "");
        else
            snprintf(word, sizeof word, "[--%s%s%s]", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
        if (b.len - line_start + 1 + strlen(word) > 78) {
            sbuf_putc(&b, '\n');
            line_start = b.len;
            sbuf_printf(&b, "%*s", (int)indent, "");
        }
        sbuf_printf(&b, " %s", word);
    }
    if (cmd->positional)
        sbuf_printf(&b, " %s", cmd->positional);
    printf("%s\n", sbuf_str(&b));
    sbuf_free(&b);
}

void cli_print_help(const cli_command *cmd)
{
    print_usage(cmd);
    printf("\n%s\n", cmd->summary);
    int total = count_opts(cmd->opts) + count_opts(common_opts);
    printf("\noptions:\n");
    for (int i = 0; i < total; i++) {
        const cli_opt *o = opt_at(cmd, i);
        char left[64];
        if (o->short_name)
            snprintf(left, sizeof left, "-%c, --%s%s%s", o->short_name, o->name, o->arg ? " " : "",
                     o->arg ? o->arg : "");
        else
            snprintf(left, sizeof left, "    --%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
        printf("  %-28s %s\n", left, o->help);
    }
    if (cmd->description && *cmd->description)
        printf("\n%s", cmd->description);
    if (cmd->description && cmd->description[strlen(cmd->description) - 1] != '\n')
        printf("\n");
}

int cli_parse(const cli_command *cmd, int argc, char **argv, cli_args *out)
{
    memset(out, 0, sizeof *out);
    int total = count_opts(cmd->opts) + count_opts(common_opts);
    if (total > CLI_MAX_OPTS) {
        fprintf(stderr, "cardledger %s: too many options declared\n", cmd->name);
        return -1;
    }
    struct option longopts[CLI_MAX_OPTS + 1];
    /* Leading ':' reports a missing value distinctly; options and
     * positional arguments may interleave (GNU permutation). */
    char shortopts[CLI_MAX_OPTS * 2 + 2];
    size_t sp = 0;
    shortopts[sp++] = ':';
    for (int i = 0; i < total; i++) {
        const cli_opt *o = opt_at(cmd, i);
        longopts[i] = (struct option){o->name, o->arg ? required_argument : no_argument, NULL, 256 + i};
        if (o->short_name) {
            shortopts[sp++] = (char)o->short_name;
            if (o->arg)
                shortopts[sp++] = ':';
        }
    }
    shortopts[sp] = '\0';
    longopts[total] = (struct option){0};

    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        int idx = -1;
        if (c >= 256) {
            idx = c - 256;
        } else if (c == '?' || c == ':') {
            const char *bad = argv[optind - 1];
            if (c == ':')
                cli_usage_error(cmd, "option %s needs a value", bad);
            else if (cmd->unknown_option_hint)
                cli_usage_error(cmd, "unknown option %s. HINT: %s", bad, cmd->unknown_option_hint);
            else
                cli_usage_error(cmd, "unknown option %s", bad);
            return -1;
        } else {
            for (int i = 0; i < total; i++)
                if (opt_at(cmd, i)->short_name == c)
                    idx = i;
        }
        if (idx < 0)
            return -1;
        out->values[idx] = optarg ? optarg : "";
        out->counts[idx]++;
        if (optarg && out->ngiven < CLI_MAX_VALUES) {
            out->given[out->ngiven] = optarg;
            out->given_opt[out->ngiven++] = idx;
        }
    }
    out->pos = argv + optind;
    out->npos = argc - optind;

    if (cli_flag(cmd, out, "help")) {
        cli_print_help(cmd);
        return 1;
    }
    const char *v;
    if ((v = cli_get(cmd, out, "log-format"))) {
        log_format f;
        if (!log_parse_format(v, &f)) {
            cli_usage_error(cmd, "--log-format must be text or json, not '%s'", v);
            return -1;
        }
        log_set_format(f);
    }
    if ((v = cli_get(cmd, out, "log-level"))) {
        log_level l;
        if (!log_parse_level(v, &l)) {
            cli_usage_error(cmd, "--log-level must be debug, info, warn or error, not '%s'", v);
            return -1;
        }
        log_set_level(l);
    }
    return 0;
}

const char *cli_get(const cli_command *cmd, const cli_args *a, const char *name)
{
    int i = find_opt(cmd, name);
    return i < 0 ? NULL : a->values[i];
}

bool cli_flag(const cli_command *cmd, const cli_args *a, const char *name)
{
    int i = find_opt(cmd, name);
    return i >= 0 && a->counts[i] > 0;
}

int cli_get_all(const cli_command *cmd, const cli_args *a, const char *name, const char **out, int max)
{
    int i = find_opt(cmd, name), n = 0;
    for (int k = 0; i >= 0 && k < a->ngiven && n < max; k++)
        if (a->given_opt[k] == i)
            out[n++] = a->given[k];
    return n;
}

bool cli_get_int(const cli_command *cmd, const cli_args *a, const char *name,
                 long def, long min, long max, long *out)
{
    const char *v = cli_get(cmd, a, name);
    if (!v) {
        *out = def;
        return true;
    }
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || *end || end == v || n < min || n > max) {
        cli_usage_error(cmd, "--%s must be an integer from %ld to %ld, not '%s'", name, min, max, v);
        return false;
    }
    *out = n;
    return true;
}

bool cli_get_choice(const cli_command *cmd, const cli_args *a, const char *name,
                    const char *const *choices, int def, int *out)
{
    const char *v = cli_get(cmd, a, name);
    *out = def;
    if (!v)
        return true;
    for (int i = 0; choices[i]; i++)
        if (strcmp(v, choices[i]) == 0) {
            *out = i;
            return true;
        }
    sbuf b = {0};
    for (int i = 0; choices[i]; i++)
        sbuf_printf(&b, "%s%s", i == 0 ? "" : choices[i + 1] ? ", " : " or ", choices[i]);
    cli_usage_error(cmd, "--%s must be %s, not '%s'", name, sbuf_str(&b), v);
    sbuf_free(&b);
    return false;
}

bool cli_get_number(const cli_command *cmd, const cli_args *a, const char *name, double def,
                    double max, const char *unit, double *out)
{
    const char *v = cli_get(cmd, a, name);
    if (!v) {
        *out = def;
        return true;
    }
    char *end;
    errno = 0;
    double d = strtod(v, &end);
    if (errno || end == v || *end || !isfinite(d) || d < 0 || d > max) {
        cli_usage_error(cmd, "--%s must be a number of %s from 0 to %g, not '%s'", name, unit, max, v);
        return false;
    }
    *out = d;
    return true;
}

bool cli_get_caps(const cli_command *cmd, const cli_args *a, ingest_caps *caps)
{
    double mb, s;
    long pages;
    if (!cli_get_number(cmd, a, "memory-limit", INGEST_DEFAULT_MEMORY_MB, 1 << 20, "megabytes", &mb) ||
        !cli_get_int(cmd, a, "max-pages", PDF_DEFAULT_MAX_PAGES, 1, 1000000, &pages) ||
        !cli_get_number(cmd, a, "file-timeout", INGEST_DEFAULT_TIMEOUT_S, 86400, "seconds", &s))
        return false;
    *caps = (ingest_caps){.memory_limit = (size_t)(mb * 1048576.0), .max_pages = (int)pages,
                          .time_limit_s = s};
    return true;
}

const cli_command *cli_find(const char *name)
{
    for (int i = 0; cli_commands[i]; i++)
        if (strcmp(cli_commands[i]->name, name) == 0)
            return cli_commands[i];
    return NULL;
}
