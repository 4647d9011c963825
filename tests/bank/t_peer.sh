#!/usr/bin/env bash
# t_peer.sh - `cardledger parse` on the peer corpus (sanitizer build): each
# case detected and matching its expected transactions exactly, previous
# balances in the summary, reconciled; the generic profile's accuracy over
# all cases; output formats; bad inputs; user profiles; `profile check`.
source "$CL_SRC/tests/lib.sh"

CL=$CARDLEDGER_ASAN
cases=$CL_PEER_CORPUS/cases
need_peer_corpus || skip_all "peer corpus not found at $CL_PEER_CORPUS"
cmp="python3 $CL_SRC/tests/bank/peer_compare.py"
out=$CL_TEST_TMP/bank_peer
mkdir -p "$out"

declare -A profile_of=([amex]=amex_sg [bank_of_america]=bank_of_america [citibank]=citibank_sg [dbs]=dbs
                       [hsbc]=hsbc_sg [maybank]=maybank [ocbc]=ocbc [standard_chartered]=standard_chartered
                       [trust]=trust)

json_field() { # FILE FIELD
    python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())[sys.argv[2]])' "$1" "$2"
}

# --- every case, with detection -------------------------------------------
n_cases=0
for dir in "$cases"/*/credit; do
    bank=$(basename "$(dirname "$dir")")
    n_cases=$((n_cases + 1))
    "$CL" parse "$dir" >"$out/$bank.json" 2>"$out/$bank.err"
    is "$bank: parse exits 0" "$?" 0
    is "$bank: no error output" "$(cat "$out/$bank.err")" ""
    is "$bank: issuer detected" "$(json_field "$out/$bank.json" issuer)" "${profile_of[$bank]}"
    ok "$bank: transactions, previous balance, dates and reconciliation as expected" \
        $cmp exact "$dir" "$out/$bank.json"
done
is "nine peer cases" "$n_cases" 9

# --- the generic profile over all cases -------------------------------------
total=0 correct=0 false=0
for dir in "$cases"/*/credit; do
    bank=$(basename "$(dirname "$dir")")
    "$CL" parse --profile generic "$dir" >"$out/$bank.generic.json" 2>/dev/null
    read -r e c f < <($cmp count "$dir" "$out/$bank.generic.json")
    echo "# generic on $bank: $c of $e found, $f false"
    total=$((total + e)) correct=$((correct + c)) false=$((false + f))
done
echo "# generic overall: $correct of $total found, $false false"
ok "generic profile finds >= 95% of transactions ($correct of $total)" test $((correct * 100)) -ge $((total * 95))
ok "generic profile has <= 2% false transactions ($false)" test $((false * 100)) -le $((total * 2))

# --- the same statements as real PDFs ---------------------------------------
# Read back through MuPDF's layout, drawn by two producers in several fonts
# and spacings (render-pdf.sh; one style letter by letter): the profiles
# must not depend on the exact spacing, nor on the producer.
MKPDF=$(dirname "$CARDLEDGER")/tests/pdf/mkpdf
for style in "cairo sans 8 4.8" "cairo serif 9 5.4" "gs Helvetica 8 4.8" "gs Times-Roman 9 5.4" "gs Courier 8 4.8" \
    "gs Helvetica 8 4.8 glyphs"; do
    tag=${style// /-}
    mkdir -p "$out/$tag"
    for dir in "$cases"/*/credit; do
        "$CL_SRC/tests/bank/render-pdf.sh" "$style" "$dir" "$out/$tag/$(basename "$(dirname "$dir")").pdf"
    done
    "$CL" parse "$out/$tag" >"$out/$tag.json" 2>"$out/$tag.err"
    is "PDFs ($style): parse exits 0" "$?" 0
    is "PDFs ($style): one statement per PDF" "$(wc -l <"$out/$tag.json")" 9
    for dir in "$cases"/*/credit; do
        bank=$(basename "$(dirname "$dir")")
        grep "/$bank.pdf\"" "$out/$tag.json" >"$out/$tag-$bank.json"
        is "PDF $bank ($style): issuer detected" "$(json_field "$out/$tag-$bank.json" issuer)" "${profile_of[$bank]}"
        ok "PDF $bank ($style): as expected" $cmp exact "$dir" "$out/$tag-$bank.json"
    done
done
like "the layout shows the minus sign as '-'" "$("$CL" layout "$out/gs-Courier-8-4.8/dbs.pdf")" "PAYMENT - DBS INTERNET"

# Encrypted PDFs: passwords from --password-file or the environment.
qpdf --encrypt 'card pw' owner-pw 256 -- "$out/cairo-sans-8-4.8/dbs.pdf" "$out/locked.pdf"
err=$("$CL" parse "$out/locked.pdf" 2>&1 >/dev/null); rc=$?
is "encrypted PDF without a password: exit 1" "$rc" 1
like "encrypted PDF without a password: says so" "$err" 'locked\.pdf: needs a password'
printf 'nope\ncard pw\n' >"$out/pw"; chmod 600 "$out/pw"
"$CL" parse --password-file "$out/pw" "$out/locked.pdf" >"$out/locked.json"
is "encrypted PDF with the password: parsed" "$(json_field "$out/locked.json" issuer)" dbs
CARDLEDGER_PDF_PASSWORDS_FILE=$out/pw "$CL" parse "$out/locked.pdf" >"$out/locked2.json"
is "encrypted PDF, password file from the environment" "$(json_field "$out/locked2.json" issuer)" dbs
chmod 644 "$out/pw"
err=$("$CL" parse --password-file "$out/pw" "$out/locked.pdf" "$cases/trust/credit" 2>&1 >"$out/locked3.json"); rc=$?
like "a password file readable by others is refused with a warning" "$err" 'password_file_refused.*pw: password file is readable by group or others'
like "... and the encrypted PDF then needs a password" "$err" 'locked\.pdf: needs a password'
is "... the other input is still parsed" "$(wc -l <"$out/locked3.json")" 1

: >"$out/empty.pdf"
err=$("$CL" parse "$out/empty.pdf" 2>&1 >/dev/null); rc=$?
is "zero-byte PDF: exit 1" "$rc" 1
like "zero-byte PDF: one line naming it" "$err" '^cardledger parse: .*empty\.pdf: '

# --- several inputs, directory recursion, CSV --------------------------------
"$CL" parse "$cases" >"$out/all.json"
is "a directory is searched recursively: one line per statement" "$(wc -l <"$out/all.json")" 9
"$CL" parse --format csv "$cases/dbs/credit" "$cases/ocbc/credit" >"$out/two.csv"
is "csv: header plus one row per transaction" "$(wc -l <"$out/two.csv")" 17
like "csv header" "$(head -1 "$out/two.csv")" '^file,issuer,account_last4,statement_date,date,posted_date,description,amount,currency'
like "csv row" "$(grep -m1 MERIDIAN "$out/two.csv")" ',dbs,4444,2023-11-20,2023-10-14,,MERIDIAN BOOKSHOP,-12.50,SGD,'

# --- bad inputs -------------------------------------------------------------
err=$("$CL" parse "$CL_TEST_TMP/no/such/dir" 2>&1 >/dev/null); rc=$?
is "missing input: exit 1" "$rc" 1
like "missing input: error names it" "$err" 'no/such/dir: No such file or directory'
mkdir -p "$out/empty"
err=$("$CL" parse "$out/empty" 2>&1 >/dev/null); rc=$?
is "empty directory: exit 1" "$rc" 1
like "empty directory: error" "$err" 'empty: no PDF, OFX, QFX or CSV files or page_\*\.txt directories found'
err=$("$CL" parse --profile nosuchbank "$cases/dbs/credit" 2>&1 >/dev/null); rc=$?
is "unknown --profile: usage error" "$rc" 2
like "unknown --profile: names it and the known ones" "$err" "unknown --profile 'nosuchbank'.*dbs"
err=$("$CL" parse --format xml "$cases/dbs/credit" 2>&1 >/dev/null); rc=$?
is "bad --format: usage error" "$rc" 2
mkdir -p "$out/nostatement"
printf 'Dear customer,\n\nThank you for banking with us.\n' >"$out/nostatement/page_01.txt"
err=$("$CL" parse "$out/nostatement" 2>&1 >/dev/null); rc=$?
is "page dir without a statement: exit 1" "$rc" 1
like "page dir without a statement: error" "$err" 'nostatement: no statement recognized'
printf 'hello' >"$out/notes.pdf"
good=$("$CL" parse "$out/notes.pdf" "$cases/trust/credit" 2>"$out/mixed.err"); rc=$?
is "one bad file among good ones: exit 1" "$rc" 1
is "the good one is still parsed" "$(printf '%s\n' "$good" | wc -l)" 1
is "one error line naming the bad file" "$(grep -c 'notes.pdf' "$out/mixed.err")" 1
fails "no INPUT is a usage error" "$CL" parse

# --- unknown layout: generic fallback ---------------------------------------
mkdir -p "$out/unknown"
cat >"$out/unknown/page_01.txt" <<'PAGE'
   Zephyr Credit Union                        Statement Date: 15 Jan 2025

   Previous balance                                        100.00
   New balance                                             130.00

   Date       Description                                  Amount
   28 Dec     CORNER BAKERY                                 40.00
   05 Jan     PAYMENT RECEIVED                              30.00 CR
   09 Jan     HARDWARE STORE                                20.00
   Total                                                    30.00
PAGE
"$CL" parse "$out/unknown" >"$out/unknown.json"
is "unknown layout: parsed with the generic profile" "$(json_field "$out/unknown.json" issuer)" generic
like "unknown layout: the fallback is a warning" "$(json_field "$out/unknown.json" warnings)" 'generic profile'
like "unknown layout: December date on a January statement" "$(cat "$out/unknown.json")" '"date":"2024-12-28","posted_date":null,"description":"CORNER BAKERY","amount":"-40.00"'
is "unknown layout: reconciled" "$(json_field "$out/unknown.json" reconciled)" True

# --- profiles, user overrides ----------------------------------------------
list=$("$CL" profiles)
for id in amex_sg bank_of_america citibank_sg dbs hsbc_sg maybank ocbc standard_chartered trust generic; do
    like "profiles lists $id" "$list" "^$id +.* built-in$"
done
mkdir -p "$XDG_CONFIG_HOME/cardledger/banks"
cat >"$XDG_CONFIG_HOME/cardledger/banks/zephyr.profile" <<'PROFILE'
[profile]
id = zephyr
issuer = Zephyr Credit Union
currency = USD
[detect]
require = Zephyr Credit Union
[fields]
statement_date = Statement Date:\s+(?<date>\d{1,2} %MONTH% \d{4})
[summary]
previous_balance = ^\s*Previous balance\s+(?<amount>%AMOUNT%)\s*$
new_balance = ^\s*New balance\s+(?<amount>%AMOUNT%)\s*$
[transactions]
line = ^\s*(?<date>\d\d %MONTH%)\s{2,}(?<description>\S.*?)\s{2,}(?<amount>%AMOUNT%)\s*$
date_format = DD MMM
PROFILE
like "profiles lists a user file with its path" "$("$CL" profiles)" "^zephyr +Zephyr Credit Union +$XDG_CONFIG_HOME/cardledger/banks/zephyr.profile"
"$CL" parse "$out/unknown" >"$out/zephyr.json"
is "a user profile is detected" "$(json_field "$out/zephyr.json" issuer)" zephyr
is "a user profile: currency" "$(json_field "$out/zephyr.json" currency)" USD
printf '[profile]\nid = broken\n[transactions]\nline = (unclosed\n' >"$XDG_CONFIG_HOME/cardledger/banks/broken.profile"
err=$("$CL" parse "$out/unknown" 2>&1 >/dev/null); rc=$?
is "a broken user profile stops parse" "$rc" 1
like "a broken user profile: file and line" "$err" 'broken.profile:4: bad regex'
rm -f "$XDG_CONFIG_HOME/cardledger/banks/broken.profile" "$XDG_CONFIG_HOME/cardledger/banks/zephyr.profile"

# Detection by PDF metadata (a creator rule outweighs a text phrase).
cat >"$XDG_CONFIG_HOME/cardledger/banks/acme.profile" <<'PROFILE'
[profile]
id = acme
[detect]
creator = 5 ^ACME StatementWriter
phrase = 1 Zephyr
[transactions]
line = ^\s*(?<date>\d\d %MONTH%)\s{2,}(?<description>\S.*?)\s{2,}(?<amount>%AMOUNT%)\s*$
PROFILE
cat >"$XDG_CONFIG_HOME/cardledger/banks/zephyr2.profile" <<'PROFILE'
[profile]
id = zephyr2
[detect]
phrase = 3 Zephyr Credit Union
[transactions]
line = ^\s*(?<date>\d\d %MONTH%)\s{2,}(?<description>\S.*?)\s{2,}(?<amount>%AMOUNT%)\s*$
PROFILE
python3 "$CL_SRC/tests/bank/pages2pdf.py" "$out/unknown" "sans 8" 4.8 >"$out/meta.desc"
"$MKPDF" "$out/meta.desc" "$out/nometa.pdf"
{ echo "meta creator ACME StatementWriter 2.1"; cat "$out/meta.desc"; } | "$MKPDF" - "$out/meta.pdf"
is "detection by text without metadata" "$("$CL" parse "$out/nometa.pdf" | python3 -c 'import json,sys; print(json.load(sys.stdin)["issuer"])')" zephyr2
is "detection by PDF creator" "$("$CL" parse "$out/meta.pdf" | python3 -c 'import json,sys; print(json.load(sys.stdin)["issuer"])')" acme
rm -f "$XDG_CONFIG_HOME/cardledger/banks/acme.profile" "$XDG_CONFIG_HOME/cardledger/banks/zephyr2.profile"

# The example profile of docs/profiles.md is a valid profile.
python3 - "$CL_SRC/docs/profiles.md" >"$out/example.profile" <<'PY'
import sys
text = open(sys.argv[1]).read().split("## Example", 1)[1]
print(text.split("```", 2)[1].strip())
PY
chk=$("$CL" profile check "$out/example.profile" "$out/unknown" 2>&1)
like "the documented example profile loads" "$chk" '^profile example \(Example Bank\)'

# --- profile check ----------------------------------------------------------
chk=$("$CL" profile check dbs "$cases/dbs/credit"); rc=$?
is "profile check: exit 0 when every transaction-like line matched" "$rc" 0
like "profile check: transaction lines" "$chk" 'p1:43 +txn +\| 14 OCT +MERIDIAN BOOKSHOP'
like "profile check: summary lines" "$chk" 'summary: previous_balance +\| +PREVIOUS BALANCE'
like "profile check: excluded continuation" "$chk" 'not appended +\| +REF NO: MBI998877'
like "profile check: totals" "$chk" '9 transactions; 0 lines look like transactions but matched nothing'
chk=$("$CL" profile check ocbc "$cases/dbs/credit"); rc=$?
is "profile check with the wrong profile: exit 1" "$rc" 1
like "profile check: unmatched transaction-like lines" "$chk" 'UNMATCHED +\| 14 OCT +MERIDIAN BOOKSHOP'
fails "profile check: unknown id" "$CL" profile check nosuch "$cases/dbs/credit"

done_testing
