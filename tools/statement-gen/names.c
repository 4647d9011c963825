/* names.c - word lists and the small combinators that make names from them. */
#include "names.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static const char *const adjectives[] = {
    "BLUE", "SUMMIT", "RIVERSIDE", "HARBOR", "NORTHWIND", "LUNA", "GRANITE", "MAPLE",
    "CEDAR", "SILVER", "GOLDEN", "MERIDIAN", "WILLOW", "ARBOR", "DAYBREAK", "OAKWOOD",
    "PIONEER", "LIBERTY", "EVERGREEN", "COPPER", "BRIGHTWATER", "STONEGATE", "PARKSIDE",
    "LAKESHORE", "REDWOOD", "SUNRISE", "HILLTOP", "BAYVIEW", "CRESCENT", "ORCHARD",
    "MIDTOWN", "UPTOWN", "KESTREL", "FALCON", "JUNIPER", "SAFFRON", "INDIGO", "COBALT",
};

typedef struct noun {
    const char *word;
    const char *category;
} noun;

static const noun nouns[] = {
    {"COFFEE", "Restaurants"},      {"CAFE", "Restaurants"},
    {"BAKERY", "Restaurants"},      {"DINER", "Restaurants"},
    {"PIZZA", "Restaurants"},       {"NOODLE HOUSE", "Restaurants"},
    {"GRILL", "Restaurants"},       {"TEAHOUSE", "Restaurants"},
    {"GROCERS", "Supermarkets"},    {"MARKET", "Supermarkets"},
    {"FOODS", "Supermarkets"},      {"HARDWARE", "Home Improvement"},
    {"BOOKSHOP", "Merchandise"},    {"OUTFITTERS", "Merchandise"},
    {"ELECTRONICS", "Merchandise"}, {"STATIONERS", "Merchandise"},
    {"FLORIST", "Merchandise"},     {"PHARMACY", "Merchandise"},
    {"CINEMA", "Travel/Entertainment"}, {"HOTEL", "Travel/Entertainment"},
    {"FITNESS", "Services"},        {"DRY CLEANERS", "Services"},
    {"AUTO CARE", "Automotive"},    {"FUEL", "Gasoline"},
    {"GAS", "Gasoline"},            {"PET SUPPLY", "Merchandise"},
    {"SPORTS", "Merchandise"},      {"GARDEN CENTER", "Home Improvement"},
};

static const char *const processors[] = {"SQ *", "TST* ", "PAYPAL *", "SP ", "PY *"};

static const char *const chains[][2] = {
    {"CITY TRANSIT AUTHORITY", "Travel/Entertainment"},
    {"METRO PARKING", "Travel/Entertainment"},
    {"STREAMFLIX SUBSCRIPTION", "Services"},
    {"CLOUDPEAK SOFTWARE", "Services"},
    {"RIDESHARE TRIP", "Travel/Entertainment"},
    {"QUICKMART", "Supermarkets"},
    {"MEGASTORE", "Merchandise"},
    {"WIRELESS MOBILE BILL", "Services"},
};

static const char *const airlines[] = {"NORTHWIND AIRLINES", "BLUEJET AIRWAYS",
                                       "SKYHARBOR AIR", "MERIDIAN AIRLINES"};
static const char *const surnames[] = {
    "CALLOWAY", "HOLLOWAY", "RAMESH", "TANAKA", "WESTFIELD", "SAMPLETON", "OKAFOR",
    "LINDQVIST", "MORENO", "NAKAMURA", "FITZGERALD", "ABERNATHY", "CHEN", "PATEL",
    "HARTMANN", "DUBOIS", "KOWALSKI", "OYELARAN", "SANTOS", "MACALLISTER",
};
static const char *const given[] = {
    "DIANA", "QUENTIN", "PRIYA", "JORDAN", "PAT", "NADIA", "MARCUS", "ELENA", "TOBIAS",
    "GRACE", "HUGO", "IMANI", "LEO", "MEI", "OSCAR", "RUTH", "SAMIR", "VERA", "WYATT",
};

static const char *const us_places[] = {
    "PORTLAND OR", "DENVER CO", "AUSTIN TX", "SEATTLE WA", "MADISON WI", "CHICAGO IL",
    "BOSTON MA", "RALEIGH NC", "PHOENIX AZ", "OAKLAND CA", "SAN DIEGO CA", "BROOKLYN NY",
    "COLUMBUS OH", "ATLANTA GA", "NASHVILLE TN", "TAMPA FL", "BOISE ID", "TUCSON AZ",
    "RICHMOND VA", "OMAHA NE", "BUFFALO NY", "SAVANNAH GA", "ANCHORAGE AK", "HONOLULU HI",
};
static const char *const sg_places[] = {"SINGAPORE SG"};
static const char *const my_places[] = {"KUALA LUMPUR", "SHAH ALAM", "PETALING JAYA",
                                        "PENANG", "JOHOR BAHRU", "IPOH", "MELAKA"};

typedef struct foreign_place {
    const char *place;
    const char *currency;
} foreign_place;

static const foreign_place foreign_places[] = {
    {"LONDON GB", "GBP"},    {"EDINBURGH GB", "GBP"}, {"PARIS FR", "EUR"},
    {"BERLIN DE", "EUR"},    {"DUBLIN IE", "EUR"},    {"ROME IT", "EUR"},
    {"LISBON PT", "EUR"},    {"TORONTO CA", "CAD"},   {"VANCOUVER CA", "CAD"},
    {"SYDNEY AU", "AUD"},    {"ZURICH CH", "CHF"},    {"MEXICO CITY MX", "MXN"},
    {"HONG KONG HK", "HKD"}, {"SINGAPORE SG", "SGD"}, {"NEW YORK US", "USD"},
    {"SAN FRANCISCO US", "USD"},
};

static const sg_currency currencies[] = {
    {"USD", "U.S. DOLLAR", 1000000},        {"EUR", "EURO", 1091981},
    {"GBP", "POUND STERLING", 1268420},     {"CAD", "CANADIAN DOLLAR", 741250},
    {"AUD", "AUSTRALIAN DOLLAR", 661870},   {"CHF", "SWISS FRANC", 1132640},
    {"MXN", "MEXICAN PESO", 58410},         {"HKD", "HONG KONG DOLLAR", 127930},
    {"SGD", "SINGAPORE DOLLAR", 745120},    {"MYR", "MALAYSIAN RINGGIT", 212850},
};

static const char *const streets[] = {
    "HARBOR VIEW TER", "MAPLEHURST RISE", "MARINA CRESCENT", "ORCHARD LANE",
    "KINGFISHER DRIVE", "CEDAR HOLLOW RD", "JALAN MELATI 3/7", "TELOK AYER STREET",
};

void sg_name_merchant(sg_prng *r, bool long_desc, char *out, size_t size, const char **category)
{
    if (long_desc) {
        int kind = (int)sg_prng_range(r, 0, 2);
        if (kind == 0) {
            *category = "Travel/Entertainment";
            /* Ticket and order numbers stay under 13 digits: a longer run
             * could pass the Luhn check and look like a card number. */
            snprintf(out, size, "%s TKT %010lld PASSENGER %s/%s", SG_PICK(r, airlines),
                     (long long)sg_prng_range(r, 1000000000LL, 9999999999LL),
                     SG_PICK(r, surnames), SG_PICK(r, given));
        } else if (kind == 1) {
            *category = "Merchandise";
            snprintf(out, size, "ONLINE MARKETPLACE ORDER %03lld-%07lld GIFT WRAP AND DELIVERY",
                     (long long)sg_prng_range(r, 100, 999),
                     (long long)sg_prng_range(r, 1000000, 9999999));
        } else {
            const noun *n = &SG_PICK(r, nouns);
            *category = n->category;
            snprintf(out, size, "%s %s %s AND COMPANY INTERNATIONAL FLAGSHIP STORE",
                     SG_PICK(r, adjectives), SG_PICK(r, adjectives), n->word);
        }
        return;
    }
    int style = (int)sg_prng_range(r, 0, 9);
    if (style == 0) {
        size_t i = sg_prng_pick(r, sizeof chains / sizeof chains[0]);
        *category = chains[i][1];
        snprintf(out, size, "%s", chains[i][0]);
        return;
    }
    const noun *n = &SG_PICK(r, nouns);
    *category = n->category;
    const char *adj = SG_PICK(r, adjectives);
    if (style == 1)
        snprintf(out, size, "%s%s %s", SG_PICK(r, processors), adj, n->word);
    else if (style == 2)
        snprintf(out, size, "%s %s #%lld", adj, n->word, (long long)sg_prng_range(r, 100, 9999));
    else if (style == 3)
        snprintf(out, size, "%s %s %lld", adj, n->word,
                 (long long)sg_prng_range(r, 100000, 999999));
    else
        snprintf(out, size, "%s %s", adj, n->word);
}

void sg_name_location(sg_prng *r, sg_region region, char *out, size_t size)
{
    const char *p = region == SG_REGION_US   ? SG_PICK(r, us_places)
                    : region == SG_REGION_SG ? SG_PICK(r, sg_places)
                                             : SG_PICK(r, my_places);
    snprintf(out, size, "%s", p);
}

int64_t sg_currency_usd(const char *code)
{
    for (size_t i = 0; i < sizeof currencies / sizeof currencies[0]; i++)
        if (!strcmp(currencies[i].code, code))
            return currencies[i].usd_micro;
    return 1000000;
}

const sg_currency *sg_name_foreign(sg_prng *r, const char *home_currency, char *loc, size_t size)
{
    const foreign_place *fp;
    do
        fp = &SG_PICK(r, foreign_places);
    while (!strcmp(fp->currency, home_currency));
    snprintf(loc, size, "%s", fp->place);
    for (size_t i = 0; i < sizeof currencies / sizeof currencies[0]; i++)
        if (!strcmp(currencies[i].code, fp->currency))
            return &currencies[i];
    return &currencies[0];
}

void sg_name_holder(sg_prng *r, char *out, size_t size)
{
    snprintf(out, size, "%s %s", SG_PICK(r, given), SG_PICK(r, surnames));
}

void sg_name_address(sg_prng *r, sg_region region, char out[3][48])
{
    snprintf(out[0], 48, "%lld %s", (long long)sg_prng_range(r, 2, 990), SG_PICK(r, streets));
    if (region == SG_REGION_US) {
        const char *place = SG_PICK(r, us_places);
        size_t n = strlen(place);
        snprintf(out[1], 48, "%.*s, %s %05lld", (int)(n - 3), place, place + n - 2,
                 (long long)sg_prng_range(r, 10001, 99950));
        out[2][0] = '\0';
    } else if (region == SG_REGION_SG) {
        snprintf(out[1], 48, "#%02lld-%02lld", (long long)sg_prng_range(r, 1, 30),
                 (long long)sg_prng_range(r, 1, 40));
        snprintf(out[2], 48, "SINGAPORE %06lld", (long long)sg_prng_range(r, 100000, 829999));
    } else {
        snprintf(out[1], 48, "TAMAN SERI INDAH");
        snprintf(out[2], 48, "%05lld %s", (long long)sg_prng_range(r, 40000, 59999),
                 SG_PICK(r, my_places));
    }
}

void sg_title_case(char *s)
{
    char *w = s;
    while (*w) {
        while (*w == ' ')
            w++;
        char *e = w;
        while (*e && *e != ' ')
            e++;
        if (e - w > 2) {
            for (char *c = w; c < e; c++) {
                bool first = c == w || !isalpha((unsigned char)c[-1]);
                *c = (char)(first ? toupper((unsigned char)*c) : tolower((unsigned char)*c));
            }
        }
        w = e;
    }
}
