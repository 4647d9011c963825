/* layouts.c - the table of layouts statement-gen can draw. */
#include "layout.h"

#include <string.h>

extern const sg_layout sg_layout_amex_sg, sg_layout_amex_us, sg_layout_bank_of_america, sg_layout_chase,
    sg_layout_citibank_sg, sg_layout_dbs, sg_layout_hsbc_sg,
    sg_layout_maybank, sg_layout_ocbc, sg_layout_standard_chartered,
    sg_layout_trust, sg_layout_capital_one, sg_layout_citi,
    sg_layout_discover, sg_layout_wells_fargo, sg_layout_us_bank, sg_layout_apple_card,
    sg_layout_barclays_us, sg_layout_eu_card, sg_layout_us_checking, sg_layout_savings;

const sg_layout *const sg_layouts[] = {
    &sg_layout_amex_sg,
    &sg_layout_bank_of_america,
    &sg_layout_citibank_sg,
    &sg_layout_dbs,
    &sg_layout_hsbc_sg,
    &sg_layout_maybank,
    &sg_layout_ocbc,
    &sg_layout_standard_chartered,
    &sg_layout_trust,
    &sg_layout_chase,
    &sg_layout_amex_us,
    &sg_layout_capital_one,
    &sg_layout_citi,
    &sg_layout_discover,
    &sg_layout_wells_fargo,
    &sg_layout_us_bank,
    &sg_layout_apple_card,
    &sg_layout_barclays_us,
    /* Issuers without a profile, read by the generic one (lay_accounts.c). */
    &sg_layout_eu_card,
    &sg_layout_us_checking,
    &sg_layout_savings,
    NULL,
};

const sg_layout *sg_layout_find(const char *id)
{
    for (const sg_layout *const *l = sg_layouts; *l; l++)
        if (!strcmp((*l)->id, id))
            return *l;
    return NULL;
}
