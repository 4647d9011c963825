/* registry.h - the set of bank profiles a run uses: the built-in ones
 * (banks/ID.profile, embedded at build time) plus the user's own files in
 * $XDG_CONFIG_HOME/cardledger/banks/ID.profile (default ~/.config/...). A
 * user file whose id equals a built-in one replaces it. The registry is
 * read-only once loaded. */
#ifndef CL_BANK_REGISTRY_H
#define CL_BANK_REGISTRY_H

#include "common/err.h"
#include "profile.h"

typedef struct bank_registry {
    bank_profile **v;       /* sorted by id */
    int n;
} bank_registry;

/* user_dir NULL: the default user directory (bank_user_profile_dir()).
 * A profile that fails to parse fails the load (message "FILE:LINE: why"),
 * so a broken user override is never silently replaced by the built-in. */
int bank_registry_load(const char *user_dir, bank_registry **out, cl_err *err);
void bank_registry_free(bank_registry *r);
const bank_profile *bank_registry_find(const bank_registry *r, const char *id);
/* Comma-separated ids, for messages. Caller frees. */
char *bank_registry_ids(const bank_registry *r);

/* $XDG_CONFIG_HOME/cardledger/banks, else $HOME/.config/cardledger/banks.
 * Caller frees; NULL when neither variable is set. */
char *bank_user_profile_dir(void);

#endif
