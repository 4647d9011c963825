#!/usr/bin/env bash
# tests/gen/t_gen.sh - statement-gen: profiles, determinism, valid PDFs whose
# text (read back with MuPDF) carries every ground-truth transaction, year-end
# periods, full card numbers where issuers print them, and a sanitizer run.
source "$CL_SRC/tests/lib.sh"

GEN=$STATEMENT_GEN
GEN_ASAN=$(dirname "$CARDLEDGER_ASAN")/statement-gen
CHECK="python3 $CL_SRC/tests/gen/check_truth.py"
T=$CL_TEST_TMP/gen
rm -rf "$T"
mkdir -p "$T"

ALL="amex_sg bank_of_america citibank_sg dbs hsbc_sg maybank ocbc standard_chartered trust
chase amex_us capital_one citi discover wells_fargo us_bank apple_card barclays_us
eu_card us_checking savings"
FULL_NUMBER="chase citi us_bank wells_fargo citibank_sg dbs ocbc"

# --- command line ----------------------------------------------------------
is "--list-profiles prints the 21 layout ids" \
    "$($GEN --list-profiles | sort | tr '\n' ' ')" "$(echo $ALL | tr ' ' '\n' | sort | tr '\n' ' ')"
is "--list-layouts prints the same ids in the same order" "$($GEN --list-layouts)" "$($GEN --list-profiles)"
like "--help shows the usage" "$($GEN --help)" "^usage: statement-gen --layout ID"
like "--help names --profile as the former name of --layout" "$($GEN --help)" "--profile ID +the same"
fails "an unknown profile is refused" $GEN --profile nosuch --out "$T/x"
like "an unknown layout is named as such" "$($GEN --layout nosuch --out "$T/x" 2>&1)" \
    "unknown layout \(see --list-layouts\)"
fails "--card must be 4 digits" $GEN --profile chase --card 12345 --out "$T/x"
fails "--from must be YYYY-MM" $GEN --profile chase --from 2024-13 --out "$T/x"
fails "--out is required" $GEN --profile chase
like "without a layout: --layout is required" "$($GEN --out "$T/x" 2>&1)" "--layout is required"
$GEN --profile chase --out "$T/x" --bogus >/dev/null 2>&1
is "usage errors exit with status 2" "$?" "2"
$GEN --layout trust --card 4821 --seed 3 --out "$T/alias-l" >/dev/null
$GEN --profile trust --card 4821 --seed 3 --out "$T/alias-p" >/dev/null
ok "--profile is an alias of --layout: identical ground truth" \
    cmp "$T/alias-l/trust-4821-2024-01.json" <(sed "s|$T/alias-p|$T/alias-l|" "$T/alias-p/trust-4821-2024-01.json")
ok "... and identical PDF bytes" cmp "$T/alias-l/trust-4821-2024-01.pdf" "$T/alias-p/trust-4821-2024-01.pdf"
rm -rf "$T/alias-l" "$T/alias-p"

# --- determinism -----------------------------------------------------------
gen_twice() { # profile seed
    $GEN --profile "$1" --card 4821 --from 2023-12 --months 2 --seed "$2" --out "$T/det" >/dev/null &&
        mv "$T/det" "$T/det1" &&
        $GEN --profile "$1" --card 4821 --from 2023-12 --months 2 --seed "$2" --out "$T/det" >/dev/null
}
for p in chase citibank_sg trust; do
    gen_twice $p 42
    ok "$p: the same seed gives identical PDF and ground truth bytes" diff -r "$T/det1" "$T/det"
    $GEN --profile $p --card 4821 --from 2023-12 --months 2 --seed 43 --out "$T/det2" >/dev/null
    fails "$p: another seed gives another statement" \
        cmp -s "$T/det/$p-4821-2024-01.json" "$T/det2/$p-4821-2024-01.json"
    rm -rf "$T/det" "$T/det1" "$T/det2"
done

# --- every profile: valid PDFs, ground truth printed, sizes 0/1/400 --------
for p in $ALL; do
    d=$T/p/$p
    okgen=0
    $GEN --profile $p --card 7301 --from 2023-11 --months 4 --seed 5 --out "$d" >/dev/null || okgen=1
    $GEN --profile $p --card 7301 --from 2024-01 --seed 3 --transactions 12 \
        --out "$d/jan" >/dev/null || okgen=1
    for n in 0 1 400; do
        $GEN --profile $p --card 7301 --from 2024-06 --seed $n --transactions $n \
            --out "$d/n$n" >/dev/null || okgen=1
    done
    is "$p: generates 8 statements" "$okgen:$(ls "$d"/*.pdf "$d"/n*/*.pdf "$d"/jan/*.pdf | wc -l)" "0:8"
    bad=""
    for f in "$d"/*.pdf "$d"/n*/*.pdf "$d"/jan/*.pdf; do
        qpdf --check "$f" >/dev/null 2>&1 || bad="$bad $(basename "$f")"
    done
    is "$p: qpdf --check accepts every PDF" "$bad" ""
    ok "$p: every ground-truth transaction is printed where it says" \
        $CHECK "$d"/*.json "$d"/n*/*.json "$d"/jan/*.json
    is "$p: --transactions gives exact sizes" \
        "$(python3 -c 'import json,sys; print(*[len(json.load(open(f))["transactions"]) for f in sys.argv[1:]])' \
            "$d"/n0/*.json "$d"/n1/*.json "$d"/n400/*.json)" "0 1 400"
    like "$p: a 400-transaction statement breaks pages" \
        "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["pages"])' "$d"/n400/*.json)" \
        '^([4-9]|[1-9][0-9])$'
    is "$p: the January statement has December dates of the year before" \
        "$(python3 - "$d/jan/$p-7301-2024-01.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
dec = [t for t in d["transactions"] if t["date"].startswith("2023-12-")]
print(d["statement_date"][:7], "dec" if dec else "none")
PY
)" "2024-01 dec"
    if [[ " $FULL_NUMBER " == *" $p "* ]]; then
        ok "$p: prints a Luhn-valid full card number" $CHECK --luhn "$d"/*.json
    else
        ok "$p: prints no full card number" $CHECK --no-luhn "$d"/*.json
    fi
done

# --- not trivially easy ----------------------------------------------------
fonts=$(for p in $ALL; do pdffonts "$T/p/$p/$p-7301-2024-01.pdf" | awk 'NR>2 {sub(/^[A-Z]+\+/, "", $1); print $1}'; done | sort -u | wc -l)
like "at least 8 different fonts across the profiles ($fonts)" "$fonts" '^([89]|[1-9][0-9])$'
disorder=$(for p in $ALL; do
    mutool draw -q -F stext -o - "$T/p/$p/n400/$p-7301-2024-06.pdf" 2>/dev/null | python3 -c '
import sys, xml.etree.ElementTree as ET
pages = 0
for page in ET.parse(sys.stdin).getroot().iter("page"):
    ys = [float(l.get("bbox").split()[3]) for l in page.iter("line")]
    if any(b < a - 20 for a, b in zip(ys, ys[1:])):
        pages += 1
print(pages)'
done | awk '$1 > 0' | wc -l)
like "most profiles draw some pages out of reading order ($disorder of 21)" "$disorder" '^(1[0-9]|2[01])$'

# --- sanitizers -------------------------------------------------------------
if [ -x "$GEN_ASAN" ]; then
    for p in $ALL; do
        LSAN_OPTIONS=suppressions=$CL_SRC/tests/gen/lsan.supp \
            "$GEN_ASAN" --profile $p --from 2023-12 --months 2 --seed 9 --transactions 150 \
            --out "$T/asan" >/dev/null 2>>"$T/asan.err" || echo "$p" >>"$T/asan.failed"
    done
    is "the ASan+UBSan build generates every profile cleanly" \
        "$(cat "$T/asan.failed" 2>/dev/null)$(grep -l 'runtime error' "$T/asan.err" 2>/dev/null)" ""
fi

rm -rf "$T"
done_testing
