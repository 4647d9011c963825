/* csvin.h - CSV downloads to the statement model: column-mapping profiles
 * (banks/csv/ID.csvmap built in, $XDG_CONFIG_HOME/cardledger/csv/ID.csvmap,
 * and one --csv-map FILE) and the parser that picks the mapping whose
 * columns the file's header has. No database here. */
#ifndef CL_BANK_CSVIN_H
#define CL_BANK_CSVIN_H

#include "common/err.h"
#include "statement.h"

#include <stddef.h>

typedef struct bank_csvmaps bank_csvmaps;

/* Built-in mappings, the user's directory (user_dir NULL: the default) and
 * extra_file (NULL: none; tried first). A bad mapping fails the load with
 * "FILE:LINE: why". */
int bank_csvmaps_load(const char *user_dir, const char *extra_file, bank_csvmaps **out, cl_err *err);
void bank_csvmaps_free(bank_csvmaps *m);
/* $XDG_CONFIG_HOME/cardledger/csv (else ~/.config/...). Caller frees. */
char *bank_user_csvmap_dir(void);

/* The issuer of the mapping whose ofx_org lists org (case-insensitive), or NULL. */
const char *bank_csvmaps_issuer_for_org(const bank_csvmaps *m, const char *org);

/* Parse a CSV download (name: for messages and the card's last 4 digits
 * when no column holds them). Period: the range of its dates. Errors: not
 * UTF-8, no mapping for its columns (the message lists them), a bad date
 * or amount (line named), no card number. */
int bank_csv_parse(const bank_csvmaps *m, const char *name, const char *data, size_t len,
                   bank_statement **out, cl_err *err);

#endif
