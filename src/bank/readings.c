/* readings.c - one statement read more than one way: the decimal separator
 * of a profile with `decimal = auto`, decided once per statement from its
 * amount tokens, and when they disagree the reading that reconciles. */
#include "engine.h"

#include <ctype.h>

/* Votes of one line's number tokens: a run of digits and separators that
 * ends in a separator and two digits, with every other separator of the
 * other kind before three-digit groups, is a decimal-point ("1,234.56") or
 * a decimal-comma ("1.234,56", "1 234,56") amount; dates (10.12.24) and
 * plain numbers vote for neither. */
static void vote_line(const char *s, int *dot, int *comma)
{
    for (size_t i = 0; s[i];) {
        if (!isdigit((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t b = i;
        while (s[i] && (isdigit((unsigned char)s[i]) || s[i] == '.' || s[i] == ',' || s[i] == '\'' ||
                        (s[i] == ' ' && isdigit((unsigned char)s[i + 1]) && i > b && isdigit((unsigned char)s[i - 1]))))
            i++;
        size_t e = i;
        while (e > b && !isdigit((unsigned char)s[e - 1]))
            e--;
        if (e - b < 4 || s[e - 3] == ' ' || isdigit((unsigned char)s[e - 3]) || !isdigit((unsigned char)s[e - 4]))
            continue;
        char dec = s[e - 3];
        bool good = dec == '.' || dec == ',';
        int run = 0;
        for (size_t k = e - 4; good; k--) {
            if (isdigit((unsigned char)s[k])) {
                run++;
            } else {
                good = s[k] != dec && run == 3 && !(dec == '.' && s[k] == ' ');
                run = 0;
            }
            if (k == b)
                break;
        }
        if (good && run <= 3)
            (*(dec == '.' ? dot : comma))++;
    }
}

/* decimal = auto: the separator is decided once per statement from its
 * amount tokens; when both kinds occur, both readings are made and the one
 * that reconciles (else finds more rows) is kept. */
bank_statement *bank_extract(const bank_profile *p, const pdf_text *doc, const bank_parse_opts *opts)
{
    if (!p->decimal_auto || !p->comma_text)
        return eng_extract(p, doc, opts);
    int dot = 0, comma = 0;
    for (int pg = 0; pg < doc->n_pages; pg++)
        for (int li = 0; li < doc->pages[pg].n_lines; li++)
            vote_line(doc->pages[pg].lines[li].text, &dot, &comma);
    if (comma == 0 || (opts && opts->trace && dot >= comma))
        return eng_extract(p, doc, opts);
    const bank_profile *c = bank_profile_comma(p);
    if (!c)
        return eng_extract(p, doc, opts);
    if (dot == 0 || (opts && opts->trace))
        return eng_extract(c, doc, opts);
    bank_statement *a = eng_extract(p, doc, opts), *b = eng_extract(c, doc, opts);
    bool keep_b = b->reconciled != a->reconciled ? b->reconciled
                  : b->n_txns != a->n_txns        ? b->n_txns > a->n_txns
                                                  : comma > dot;
    bank_statement_free(keep_b ? a : b);
    return keep_b ? b : a;
}
