/* fuzz_parse.c - libFuzzer target: the statement parser on page text, with
 * every built-in profile in turn and with detection. Input: page texts
 * separated by form feeds. */
#include "bank/bank.h"
#include "bank/registry.h"
#include "pdf/pdf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* libFuzzer calls these. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define MAX_PAGES 16

static bank_registry *g_reg;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    cl_err err = {0};
    /* Built-in profiles only: no user directory. */
    setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
    if (bank_registry_load("/nonexistent", &g_reg, &err) < 0)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    memcpy(s, data, size);
    s[size] = '\0';
    const char *pages[MAX_PAGES];
    int n = 0;
    char *p = s;
    pages[n++] = p;
    for (; *p && n < MAX_PAGES; p++)
        if (*p == '\f') {
            *p = '\0';
            pages[n++] = p + 1;
        }
    pdf_text *doc = pdf_text_from_pages("(text)", pages, n);
    /* One pass with detection, one with the profile the first byte picks
     * (all of them over the corpus). */
    for (int k = 0; k < 2; k++) {
        bank_parse_opts o = {0};
        if (k == 1)
            o.profile_id = g_reg->v[(size ? data[0] : 0) % g_reg->n]->id;
        bank_statement *st = NULL;
        cl_err err = {0};
        if (bank_parse_doc(g_reg, doc, &o, &st, &err) == 0) {
            /* Whatever it read must be storable: a date, amounts in range. */
            if (st->statement_date == CL_DATE_NONE)
                abort();
            for (size_t i = 0; i < st->n_txns; i++)
                if (st->txns[i].amount > BANK_MONEY_MAX || st->txns[i].amount < -BANK_MONEY_MAX)
                    abort();
            FILE *null = fopen("/dev/null", "w");
            bank_statement_write_json(st, null);
            bank_statement_write_csv(st, null);
            fclose(null);
            bank_statement_free(st);
        }
    }
    pdf_text_free(doc);
    free(s);
    return 0;
}
