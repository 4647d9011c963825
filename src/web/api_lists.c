/* api_lists.c - /api/cards, /api/categories (with the kinds) and
 * /api/imports: the lists the page's filters and imports panel show. */
#include "api.h"

#include "query/q_imports.h"

int web_ep_cards(db_conn *c, const void *arg, sbuf *o, cl_err *err)
{
    (void)arg;
    q_card *v = NULL;
    int n = 0;
    if (q_cards_list(c, &v, &n, err) != 0)
        return -1;
    sbuf_puts(o, "{\"cards\":[");
    for (int i = 0; i < n; i++) {
        char key[80];
        card_key(key, sizeof key, v[i].issuer, v[i].card_last4);
        SEP(o, i);
        sbuf_putc(o, '{');
        j_str(o, "key", key);
        sbuf_putc(o, ',');
        j_str(o, "issuer", v[i].issuer);
        sbuf_putc(o, ',');
        j_str(o, "last4", v[i].card_last4);
        sbuf_putc(o, ',');
        j_str(o, "label", v[i].label);
        sbuf_putc(o, ',');
        j_date(o, "first", v[i].first_start);
        sbuf_putc(o, ',');
        j_date(o, "last", v[i].last_end);
        sbuf_putc(o, ',');
        j_int(o, "statements", v[i].statements);
        sbuf_putc(o, ',');
        j_int(o, "unreconciled", v[i].unreconciled);
        sbuf_putc(o, ',');
        j_int(o, "transactions", v[i].transactions);
        sbuf_putc(o, ',');
        j_str(o, "currencies", v[i].currencies);
        sbuf_putc(o, '}');
    }
    sbuf_puts(o, "]}");
    q_cards_free(v, n);
    return 0;
}

int web_ep_categories(db_conn *c, const void *arg, sbuf *o, cl_err *err)
{
    (void)arg;
    q_category *v = NULL;
    int n = 0;
    if (q_categories_list(c, &v, &n, err) != 0)
        return -1;
    q_kind *k = NULL;
    int nk = 0;
    if (q_kinds_list(c, &k, &nk, err) != 0) {
        q_categories_free(v, n);
        return -1;
    }
    sbuf_puts(o, "{\"categories\":[");
    for (int i = 0; i < n; i++) {
        SEP(o, i);
        sbuf_putc(o, '{');
        j_int(o, "id", v[i].id);
        sbuf_putc(o, ',');
        j_str(o, "name", v[i].name);
        sbuf_putc(o, ',');
        j_str(o, "parent", v[i].parent);
        sbuf_putc(o, '}');
    }
    sbuf_puts(o, "],\"kinds\":[");
    for (int i = 0; i < nk; i++) {
        SEP(o, i);
        sbuf_putc(o, '{');
        j_str(o, "kind", k[i].kind);
        sbuf_putc(o, ',');
        j_str(o, "label", k[i].label);
        sbuf_printf(o, ",\"is_spend\":%s}", k[i].is_spend ? "true" : "false");
    }
    sbuf_puts(o, "]}");
    q_kinds_free(k, nk);
    q_categories_free(v, n);
    return 0;
}

int web_ep_imports(db_conn *c, const void *arg, sbuf *o, cl_err *err)
{
    const req *r = arg;
    q_imports *im = NULL;
    if (q_imports_run(c, r->limit, &im, err) != 0)
        return -1;
    sbuf_puts(o, "{\"runs\":[");
    for (int i = 0; i < im->nruns; i++) {
        const q_import_run *x = &im->runs[i];
        SEP(o, i);
        sbuf_putc(o, '{');
        j_int(o, "id", x->id);
        sbuf_putc(o, ',');
        j_str(o, "started", x->started);
        sbuf_putc(o, ',');
        j_str(o, "status", x->status);
        sbuf_printf(o, ",\"files_found\":%lld,\"files_new\":%lld,\"files_stored\":%lld,"
                       "\"files_duplicate\":%lld,\"files_failed\":%lld,\"txns_inserted\":%lld,"
                       "\"unreconciled\":%lld,",
                    x->files_found, x->files_new, x->files_stored, x->files_duplicate,
                    x->files_failed, x->txns_inserted, x->unreconciled);
        if (x->elapsed_ms >= 0)
            j_int(o, "elapsed_ms", x->elapsed_ms);
        else
            j_str(o, "elapsed_ms", NULL);
        sbuf_putc(o, ',');
        j_str(o, "error", x->error);
        sbuf_putc(o, '}');
    }
    sbuf_puts(o, "],\"failed\":[");
    for (int i = 0; i < im->nfailed; i++) {
        const q_failed_file *x = &im->failed[i];
        SEP(o, i);
        sbuf_putc(o, '{');
        j_int(o, "id", x->id);
        sbuf_putc(o, ',');
        j_str(o, "path", x->path);
        sbuf_putc(o, ',');
        j_str(o, "error", x->error);
        sbuf_putc(o, ',');
        j_str(o, "when", x->when);
        sbuf_printf(o, ",\"attempts\":%d}", x->attempts);
    }
    sbuf_printf(o, "],\"failed_total\":%lld,\"unreconciled\":[", im->failed_total);
    for (int i = 0; i < im->nunreconciled; i++) {
        const q_unreconciled *x = &im->unreconciled[i];
        char key[80], a[11], b[11], period[24];
        card_key(key, sizeof key, x->issuer, x->card_last4);
        snprintf(period, sizeof period, "%s – %s", cl_date_format(x->period_start, a),
                 cl_date_format(x->period_end, b));
        SEP(o, i);
        sbuf_putc(o, '{');
        j_int(o, "statement_id", x->statement_id);
        sbuf_putc(o, ',');
        j_str(o, "card", key);
        sbuf_putc(o, ',');
        j_str(o, "period", period);
        sbuf_putc(o, ',');
        j_str(o, "currency", x->currency);
        sbuf_putc(o, ',');
        j_str(o, "difference", *x->difference ? x->difference : NULL);
        sbuf_putc(o, ',');
        j_str(o, "path", x->path);
        sbuf_putc(o, '}');
    }
    sbuf_printf(o, "],\"unreconciled_total\":%lld}", im->unreconciled_total);
    q_imports_free(im);
    return 0;
}

