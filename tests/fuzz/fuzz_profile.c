/* fuzz_profile.c - libFuzzer target: the bank profile file loader (users
 * write their own profiles), then the loaded profile on a small statement. */
#include "bank/bank.h"
#include "bank/profile.h"
#include "pdf/pdf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* libFuzzer calls these. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char sample[] =
    "ACME BANK VISA\n"
    "Statement Date 03/05/2024   Account ending 1234\n"
    "Previous Balance $100.00\n"
    "New Balance $150.00\n"
    "02/10  COFFEE SHOP SEATTLE WA     50.00\n"
    "02/12  PAYMENT THANK YOU          -25.00\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cl_err err = {0};
    bank_profile *p = bank_profile_parse((const char *)data, size, "fuzz.profile", &err);
    if (!p)
        return 0;
    const char *pages[] = {sample};
    pdf_text *doc = pdf_text_from_pages("(text)", pages, 1);
    bank_statement *st = bank_extract(p, doc, NULL);
    bank_statement_free(st);
    pdf_text_free(doc);
    bank_profile_free(p);
    return 0;
}
