/* truth.c - the ground-truth JSON, in exactly the shape `cardledger parse`
 * prints for a statement (one object on one line). */
#include "layout.h"

#include "common/hash.h"
#include "common/util.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

static json_t *money_or_null(bool present, cl_money v)
{
    char buf[32];
    return present ? json_string(cl_money_format(v, buf)) : json_null();
}

static json_t *date_or_null(bool present, cl_date d)
{
    char buf[11];
    return present && d != CL_DATE_NONE ? json_string(cl_date_format(d, buf)) : json_null();
}

typedef struct placed {
    const sg_truth_row *row;
    int line;
} placed;

static int cmp_placed(const void *a, const void *b)
{
    const placed *x = a, *y = b;
    if (x->row->page != y->row->page)
        return x->row->page - y->row->page;
    if (x->line != y->line)
        return x->line - y->line;
    return x->row->t->seq - y->row->t->seq;
}

/* The kind `cardledger parse` reports for a row (bank_kind_name()). */
static const char *kind_name(sg_kind k)
{
    switch (k) {
    case SG_PAYMENT: return "payment";
    case SG_REFUND: return "refund";
    case SG_FEE: return "fee";
    case SG_INTEREST: return "interest";
    case SG_PURCHASE: break;
    }
    return "purchase";
}

static json_t *txn_json(const sg_render *r, const placed *p)
{
    const sg_txn *t = p->row->t;
    unsigned f = p->row->flags;
    cl_date date = f & SG_ROW_POST_ONLY ? t->posted : t->date;
    bool foreign = (f & SG_ROW_FOREIGN) && t->foreign;
    json_t *o = json_object();
    json_object_set_new(o, "date", date_or_null(true, date));
    json_object_set_new(o, "posted_date", date_or_null(f & SG_ROW_POSTED, t->posted));
    json_object_set_new(o, "description", json_string(t->desc));
    json_object_set_new(o, "amount", money_or_null(true, t->amount));
    json_object_set_new(o, "currency", json_string(r->lay->gen.currency));
    json_object_set_new(o, "foreign_amount",
                        money_or_null(foreign, t->amount < 0 ? -t->foreign_amount
                                                            : t->foreign_amount));
    json_object_set_new(o, "foreign_currency",
                        foreign ? json_string(t->foreign_currency) : json_null());
    json_object_set_new(o, "kind", json_string(kind_name(t->kind)));
    json_object_set_new(o, "page", json_integer(p->row->page));
    json_object_set_new(o, "line", json_integer(p->line));
    return o;
}

static json_t *summary_json(const sg_truth *tr)
{
    static const char *const keys[SG_SUM_COUNT] = {
        "previous_balance", "payments_and_credits", "purchases", "fees", "interest",
        "new_balance"};
    json_t *o = json_object();
    for (int i = 0; i < SG_SUM_COUNT; i++)
        json_object_set_new(o, keys[i], money_or_null(tr->sum_set[i], tr->sum[i]));
    return o;
}

int sg_truth_write(const sg_render *r, const char *pdf_path, const char *json_path, cl_err *err)
{
    const sg_statement *s = r->st;
    const sg_truth *tr = &r->truth;
    char sha[CL_SHA256_HEX];
    if (cl_sha256_file(pdf_path, sha, err) != 0)
        return -1;

    placed *rows = xmalloc((tr->n + 1) * sizeof *rows);
    for (size_t i = 0; i < tr->n; i++) {
        rows[i].row = &tr->rows[i];
        rows[i].line = sg_doc_line_of(r->doc, tr->rows[i].page, tr->rows[i].y);
    }
    qsort(rows, tr->n, sizeof *rows, cmp_placed);

    json_t *o = json_object();
    json_object_set_new(o, "file", json_string(pdf_path));
    json_object_set_new(o, "sha256", json_string(sha));
    json_object_set_new(o, "pages", json_integer(sg_doc_page(r->doc)));
    json_object_set_new(o, "issuer", json_string(r->lay->id));
    json_object_set_new(o, "account_last4",
                        tr->last4_printed ? json_string(s->last4) : json_null());
    json_object_set_new(o, "currency", json_string(r->lay->gen.currency));
    json_object_set_new(o, "statement_date", date_or_null(true, s->stmt_date));
    json_object_set_new(o, "period_start", date_or_null(tr->period_printed, s->period_start));
    /* Like parse: without a printed period, the period ends on the statement date. */
    json_object_set_new(o, "period_end", date_or_null(true, s->period_end));
    json_object_set_new(o, "summary", summary_json(tr));
    json_object_set_new(o, "reconciled", json_true());
    json_object_set_new(o, "reconcile_difference", json_string("0.00"));
    json_t *txns = json_array();
    for (size_t i = 0; i < tr->n; i++)
        json_array_append_new(txns, txn_json(r, &rows[i]));
    json_object_set_new(o, "transactions", txns);
    json_object_set_new(o, "warnings", json_array());
    free(rows);

    char *text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    FILE *f = text ? fopen(json_path, "w") : NULL;
    bool ok = f && fputs(text, f) != EOF && fputc('\n', f) != EOF;
    if (f && fclose(f) != 0)
        ok = false;
    free(text);
    if (!ok)
        return cl_err_set(err, CL_E_IO, "%s: cannot write ground truth", json_path);
    return 0;
}
