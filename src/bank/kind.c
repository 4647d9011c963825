/* kind.c - transaction kinds: section first, then keyword rules, then sign.
 *
 * A section that names its kind settles it ("FEES CHARGED" holds fees),
 * except that a credit in a purchases section is a refund and a payments
 * section ("Payments and Other Credits") also holds merchants' refunds: there
 * a credit is a payment only when its text says so. Outside such sections
 * the keyword rules below decide, and failing them the sign: a credit is a
 * refund (card) or a deposit (account), a charge a purchase or withdrawal.
 * The rules are documented in docs/profiles.md ("Transaction kinds"). */
#include "kind.h"

#include <ctype.h>
#include <stddef.h>
#include <string.h>

static const char *const names[BANK_KIND_N] = {
    "", "purchase", "refund", "payment", "fee", "interest", "cash_advance", "balance_transfer",
    "adjustment", "deposit", "withdrawal", "transfer",
};

const char *bank_kind_name(bank_kind k)
{
    return k > BANK_KIND_UNSET && k < BANK_KIND_N ? names[k] : "";
}

bank_kind bank_kind_parse(const char *s)
{
    for (int k = BANK_KIND_UNSET + 1; s && k < BANK_KIND_N; k++)
        if (!strcmp(s, names[k]))
            return (bank_kind)k;
    return BANK_KIND_UNSET;
}

/* Section names of the profiles (banks/NAME.profile) by the kind they hold. */
static const struct {
    const char *name;
    bank_kind kind;
} section_kinds[] = {
    {"payments", BANK_KIND_PAYMENT},
    {"purchases", BANK_KIND_PURCHASE},
    {"charges", BANK_KIND_PURCHASE},
    {"new_charges", BANK_KIND_PURCHASE},
    {"fees", BANK_KIND_FEE},
    {"interest", BANK_KIND_INTEREST},
    {"cash_advances", BANK_KIND_CASH_ADVANCE},
    {"balance_transfers", BANK_KIND_BALANCE_TRANSFER},
    {"credits", BANK_KIND_REFUND},
    {"other_credits", BANK_KIND_REFUND},
    {"refunds", BANK_KIND_REFUND},
    {"adjustments", BANK_KIND_ADJUSTMENT},
    {"deposits", BANK_KIND_DEPOSIT},
    {"withdrawals", BANK_KIND_WITHDRAWAL},
    {"transfers", BANK_KIND_TRANSFER},
};

bank_kind bank_kind_of_section(const char *section_name)
{
    for (size_t i = 0; section_name && i < sizeof section_kinds / sizeof section_kinds[0]; i++)
        if (!strcmp(section_name, section_kinds[i].name))
            return section_kinds[i].kind;
    return bank_kind_parse(section_name);
}

/* Keyword rules, tried in order on the upper-cased description as whole
 * words (a phrase matches at word boundaries). The first that matches wins;
 * `any_sign` false means the rule holds for charges only (a credit called
 * "LATE FEE" is a reversal of the fee, still a fee: see classify). */
static const struct {
    const char *phrase;
    bank_kind kind;
} rules[] = {
    {"BALANCE TRANSFER", BANK_KIND_BALANCE_TRANSFER},
    {"CASH ADVANCE", BANK_KIND_CASH_ADVANCE},
    {"INTEREST CHARGE", BANK_KIND_INTEREST},
    {"INTEREST CHARGED", BANK_KIND_INTEREST},
    {"PURCHASE INTEREST", BANK_KIND_INTEREST},
    {"FINANCE CHARGE", BANK_KIND_INTEREST},
    {"FINANCE CHARGES", BANK_KIND_INTEREST},
    {"INTEREST", BANK_KIND_INTEREST},
    {"LATE FEE", BANK_KIND_FEE},
    {"ANNUAL FEE", BANK_KIND_FEE},
    {"ANNUAL MEMBERSHIP FEE", BANK_KIND_FEE},
    {"FOREIGN TRANSACTION FEE", BANK_KIND_FEE},
    {"LATE PAYMENT FEE", BANK_KIND_FEE},
    {"LATE CHARGE", BANK_KIND_FEE},
    {"LATE PAYMENT CHARGE", BANK_KIND_FEE},
    {"LATE PAYMENT CHARGES", BANK_KIND_FEE},
    {"SERVICE CHARGE", BANK_KIND_FEE},
    {"OVERDRAFT", BANK_KIND_FEE},
    {"FEE", BANK_KIND_FEE},
    {"PAYMENT THANK YOU", BANK_KIND_PAYMENT},
    {"THANK YOU", BANK_KIND_PAYMENT},
    {"AUTOPAY", BANK_KIND_PAYMENT},
    {"AUTO PAY", BANK_KIND_PAYMENT},
    {"AUTOMATIC PAYMENT", BANK_KIND_PAYMENT},
    {"ONLINE PAYMENT", BANK_KIND_PAYMENT},
    {"PAYMENT RECEIVED", BANK_KIND_PAYMENT},
    {"PAYMENT", BANK_KIND_PAYMENT},
    {"PYMT", BANK_KIND_PAYMENT},
    {"PMT", BANK_KIND_PAYMENT},
    {"TRANSFER", BANK_KIND_TRANSFER},
    {"XFER", BANK_KIND_TRANSFER},
};

static bool word_char(char c)
{
    return isalnum((unsigned char)c);
}

/* Does the upper-cased text u contain phrase p at word boundaries? */
static bool has_phrase(const char *u, const char *p)
{
    size_t n = strlen(p);
    for (const char *s = strstr(u, p); s; s = strstr(s + 1, p))
        if ((s == u || !word_char(s[-1])) && !word_char(s[n]))
            return true;
    return false;
}

static bank_kind keyword_kind(const char *description)
{
    char u[256];
    size_t n = 0;
    for (; description && description[n] && n < sizeof u - 1; n++)
        u[n] = (char)toupper((unsigned char)description[n]);
    u[n] = '\0';
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
        if (has_phrase(u, rules[i].phrase))
            return rules[i].kind;
    return BANK_KIND_UNSET;
}

bank_kind bank_kind_classify(bank_kind section, bool credit, bool account, const char *description)
{
    bank_kind kw = keyword_kind(description);
    switch (section) {
    case BANK_KIND_PURCHASE:
        /* A fee or interest printed among purchases is still that. */
        if (kw == BANK_KIND_FEE || kw == BANK_KIND_INTEREST || kw == BANK_KIND_CASH_ADVANCE)
            return kw;
        return credit ? BANK_KIND_REFUND : BANK_KIND_PURCHASE;
    case BANK_KIND_PAYMENT:
        if (kw == BANK_KIND_PAYMENT || kw == BANK_KIND_TRANSFER)
            return BANK_KIND_PAYMENT;
        return credit ? BANK_KIND_REFUND : BANK_KIND_ADJUSTMENT;
    case BANK_KIND_REFUND:
        return kw == BANK_KIND_PAYMENT ? BANK_KIND_PAYMENT : credit ? BANK_KIND_REFUND : BANK_KIND_ADJUSTMENT;
    case BANK_KIND_UNSET:
        break;
    default:
        return section;     /* fees, interest, cash advances ... whatever the sign */
    }
    if (account) {
        if (kw == BANK_KIND_FEE || kw == BANK_KIND_INTEREST || kw == BANK_KIND_TRANSFER)
            return kw;
        if (kw == BANK_KIND_PAYMENT && !credit)
            return BANK_KIND_TRANSFER;  /* a card's payment, seen from the account */
        return credit ? BANK_KIND_DEPOSIT : BANK_KIND_WITHDRAWAL;
    }
    if (kw == BANK_KIND_TRANSFER)
        kw = credit ? BANK_KIND_PAYMENT : BANK_KIND_UNSET;
    /* Only a credit is a payment; a fee or interest credit is its reversal. */
    if (kw == BANK_KIND_PAYMENT && !credit)
        kw = BANK_KIND_UNSET;
    if (kw != BANK_KIND_UNSET)
        return kw;
    return credit ? BANK_KIND_REFUND : BANK_KIND_PURCHASE;
}
