/* ofx.h - OFX and QFX downloads to the statement model, through libofx
 * (the only file that includes its headers). No database here. */
#ifndef CL_BANK_OFX_H
#define CL_BANK_OFX_H

#include "common/err.h"
#include "csvin.h"
#include "statement.h"

#include <stddef.h>

/* Parse the OFX/QFX file at path (data/len: its bytes, already read; name:
 * for messages). The issuer is the mapping whose ofx_org names the file's
 * <ORG>; the card the last 4 digits of ACCTID; the period DTSTART..DTEND;
 * LEDGERBAL is the new balance, AVAILBAL noted. Errors: truncated (no
 * closing </OFX>), not UTF-8, no account, no transactions. */
int bank_ofx_parse(const bank_csvmaps *maps, const char *path, const char *name, const char *data,
                   size_t len, bank_statement **out, cl_err *err);

#endif
