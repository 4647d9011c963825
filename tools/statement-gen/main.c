/* main.c - statement-gen: synthetic credit-card statement PDFs, each with
 * the ground truth `cardledger parse` must produce for it. */
#include "layout.h"

#include "common/err.h"
#include "common/util.h"

#include <cairo.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char usage_text[] =
    "usage: statement-gen --layout ID --card LAST4 --from YYYY-MM [--months N]\n"
    "                     [--seed S] [--transactions N] --out DIR\n"
    "       statement-gen --list-layouts\n"
    "\n"
    "Writes one statement PDF per month in layout ID, and beside\n"
    "each a ground-truth JSON file (same name, .json) in the exact shape\n"
    "`cardledger parse` prints. The output is deterministic for a seed.\n"
    "\n"
    "  --layout ID         layout to imitate (see --list-layouts), or \"all\"\n"
    "  --profile ID        the same (its former name)\n"
    "  --card LAST4        last 4 digits of the card (default 1234)\n"
    "  --from YYYY-MM      month of the first statement (default 2024-01); a\n"
    "                      January statement's period starts in December\n"
    "  --months N          number of consecutive monthly statements (default 1)\n"
    "  --seed S            seed of the random content (default 1)\n"
    "  --transactions N    exactly N transactions per statement (payments, fees\n"
    "                      and interest included); default: a random size, mostly\n"
    "                      3..60, sometimes 0, 1 or 150..420\n"
    "  --out DIR           output directory (created if missing)\n"
    "  --list-layouts      print the layout ids, one per line (also\n"
    "                      --list-profiles)\n"
    "  --help              this text\n"
    "\n"
    "Files are named ID-LAST4-YYYY-MM.pdf and ID-LAST4-YYYY-MM.json; the PDF paths\n"
    "are printed on stdout. Exit status: 0 ok, 1 a file could not be written,\n"
    "2 usage error.\n"
    "\n"
    "Example:\n"
    "  statement-gen --layout chase --card 4242 --from 2023-11 --months 3 \\\n"
    "                --seed 7 --out /tmp/stmts\n";

typedef struct options {
    const char *layout;
    const char *card;
    int from_y, from_m;
    int months;
    unsigned long long seed;
    int transactions;
    const char *out;
} options;

static int usage_error(const char *msg)
{
    fprintf(stderr, "statement-gen: %s\nTry 'statement-gen --help'.\n", msg);
    return CL_EXIT_USAGE;
}

static bool parse_int(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

static int mkdir_p(const char *dir, cl_err *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s", dir);
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(path, 0755) != 0 && errno != EEXIST)
            return cl_err_set(err, CL_E_IO, "%s: cannot create directory: %s", path,
                              strerror(errno));
        *p = '/';
    }
    if (mkdir(path, 0755) != 0 && errno != EEXIST)
        return cl_err_set(err, CL_E_IO, "%s: cannot create directory: %s", path, strerror(errno));
    return 0;
}

/* Renders one statement to base.pdf and base.json. */
static int write_statement(const sg_layout *lay, const sg_statement *st, const char *base,
                           cl_err *err)
{
    char pdf[4200], json[4200];
    snprintf(pdf, sizeof pdf, "%s.pdf", base);
    snprintf(json, sizeof json, "%s.json", base);
    sg_doc *doc = sg_doc_new(pdf, lay->page_w, lay->page_h, err);
    if (!doc)
        return -1;
    int y, m, d;
    cl_date_to_ymd(st->stmt_date, &y, &m, &d);
    char title[128], date[32];
    snprintf(title, sizeof title, "%s statement %04d-%02d-%02d", lay->issuer, y, m, d);
    snprintf(date, sizeof date, "%04d-%02d-%02dT06:00:00", y, m, d);
    sg_doc_meta(doc, title, lay->issuer, lay->issuer, date);

    sg_render r = {.doc = doc, .st = st, .lay = lay};
    lay->render(&r);
    int rc = sg_truth_check(&r, err);
    if (rc == 0)
        rc = sg_doc_finish(doc, err);
    if (rc == 0)
        rc = sg_truth_write(&r, pdf, json, err);
    if (rc == 0)
        printf("%s\n", pdf);
    else
        cl_err_prefix(err, "%s", pdf);
    sg_truth_free(&r.truth);
    sg_doc_free(doc);
    return rc;
}

static int generate(const sg_layout *lay, const options *o)
{
    sg_gen g;
    sg_gen_init(&g, &lay->gen, lay->id, o->card, o->seed);
    int y = o->from_y, m = o->from_m;
    for (int i = 0; i < o->months; i++) {
        sg_statement *st = sg_gen_month(&g, y, m, o->transactions);
        char base[4096];
        snprintf(base, sizeof base, "%s/%s-%s-%04d-%02d", o->out, lay->id, o->card, y, m);
        cl_err err = {0};
        int rc = write_statement(lay, st, base, &err);
        sg_statement_free(st);
        if (rc != 0) {
            fprintf(stderr, "statement-gen: %s\n", err.msg);
            return CL_EXIT_FAILED;
        }
        if (++m > 12)
            m = 1, y++;
    }
    return CL_EXIT_OK;
}

enum { OPT_LAYOUT = 1, OPT_CARD, OPT_FROM, OPT_MONTHS, OPT_SEED, OPT_TXNS, OPT_OUT, OPT_LIST,
       OPT_HELP };

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"layout", required_argument, NULL, OPT_LAYOUT},
        {"profile", required_argument, NULL, OPT_LAYOUT},     /* its former name */
        {"card", required_argument, NULL, OPT_CARD},
        {"from", required_argument, NULL, OPT_FROM},
        {"months", required_argument, NULL, OPT_MONTHS},
        {"seed", required_argument, NULL, OPT_SEED},
        {"transactions", required_argument, NULL, OPT_TXNS},
        {"out", required_argument, NULL, OPT_OUT},
        {"list-layouts", no_argument, NULL, OPT_LIST},
        {"list-profiles", no_argument, NULL, OPT_LIST},
        {"help", no_argument, NULL, OPT_HELP},
        {NULL, 0, NULL, 0},
    };
    options o = {.card = "1234", .from_y = 2024, .from_m = 1, .months = 1, .seed = 1,
                 .transactions = -1};
    int c;
    long v;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_LAYOUT: o.layout = optarg; break;
        case OPT_CARD:
            if (strlen(optarg) != 4 || strspn(optarg, "0123456789") != 4)
                return usage_error("--card takes the last 4 digits of the card");
            o.card = optarg;
            break;
        case OPT_FROM: {
            int yy, mm;
            char tail;
            if (sscanf(optarg, "%4d-%2d%c", &yy, &mm, &tail) != 2 || yy < 1990 || yy > 2100 ||
                mm < 1 || mm > 12)
                return usage_error("--from takes a month as YYYY-MM");
            o.from_y = yy, o.from_m = mm;
            break;
        }
        case OPT_MONTHS:
            if (!parse_int(optarg, 1, 600, &v))
                return usage_error("--months takes a number from 1 to 600");
            o.months = (int)v;
            break;
        case OPT_SEED: {
            char *end;
            errno = 0;
            o.seed = strtoull(optarg, &end, 10);
            if (errno || end == optarg || *end)
                return usage_error("--seed takes a non-negative integer");
            break;
        }
        case OPT_TXNS:
            if (!parse_int(optarg, 0, 5000, &v))
                return usage_error("--transactions takes a number from 0 to 5000");
            o.transactions = (int)v;
            break;
        case OPT_OUT: {
            /* "DIR/" and "DIR" name the same files in the ground truth. */
            size_t n = strlen(optarg);
            while (n > 1 && optarg[n - 1] == '/')
                optarg[--n] = '\0';
            o.out = optarg;
            break;
        }
        case OPT_LIST:
            for (const sg_layout *const *l = sg_layouts; *l; l++)
                printf("%s\n", (*l)->id);
            return CL_EXIT_OK;
        case OPT_HELP: fputs(usage_text, stdout); return CL_EXIT_OK;
        default: return usage_error("unknown option or missing argument");
        }
    }
    if (optind < argc)
        return usage_error("unexpected argument");
    if (!o.layout)
        return usage_error("--layout is required");
    if (!o.out)
        return usage_error("--out is required");
    bool all = !strcmp(o.layout, "all");
    if (!all && !sg_layout_find(o.layout))
        return usage_error("unknown layout (see --list-layouts)");
    cl_err err = {0};
    if (mkdir_p(o.out, &err) != 0) {
        fprintf(stderr, "statement-gen: %s\n", err.msg);
        return CL_EXIT_FAILED;
    }
    int rc = CL_EXIT_OK;
    for (const sg_layout *const *l = sg_layouts; *l; l++)
        if (all || !strcmp((*l)->id, o.layout))
            if (generate(*l, &o) != CL_EXIT_OK)
                rc = CL_EXIT_FAILED;
    cairo_debug_reset_static_data(); /* release cairo's font caches (leak checkers) */
    return rc;
}
