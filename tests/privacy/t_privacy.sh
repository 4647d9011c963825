#!/usr/bin/env bash
# t_privacy.sh - no full card number leaves cardledger (issue 13): statements
# that print full numbers (statement-gen's coupons and headers, and a case
# with numbers in a header, a description and beside other digit groups)
# are parsed and ingested; every output format, every log line, `status`
# and every text column of every table (a data-only pg_dump) are scanned for
# a 13-19 digit Luhn-valid number by tests/privacy/luhnscan.py.
source "$CL_SRC/tests/lib.sh"
source "$CL_SRC/tests/ingest/lib_ingest.sh"
ingest_skip_unless_ready

t=$CL_TEST_TMP/t_privacy
scan=$CL_SRC/tests/privacy/luhnscan.py
mkdir -p "$t/in" "$t/case"
# The layouts statement-gen draws with the full card number.
for p in chase citi citibank_sg dbs ocbc wells_fargo us_bank; do
    "$STATEMENT_GEN" --profile "$p" --card 4417 --from 2024-01 --months 2 --seed 11 --out "$t/in/$p" >/dev/null
done
# A page text with a Luhn-valid number ending 2031 in several spellings.
full=$(python3 -c '
def luhn(n):
    return sum(int(c) if i % 2 == 0 else (2 * int(c) - 9 if int(c) > 4 else 2 * int(c))
               for i, c in enumerate(reversed(n))) % 10 == 0
print(next(n for n in ("441788%06d2031" % k for k in range(10 ** 6)) if luhn(n)))')
sp="${full:0:4} ${full:4:4} ${full:8:4} ${full:12:4}"
ok "a Luhn-valid number ending 2031 ($sp)" python3 "$scan" /dev/null
like "the scanner finds it" "$(echo "x$full" | python3 "$scan")" "$full"
sed -e "s/4417 88XX XXXX 2031/$sp/" \
    -e "s/^  Account Summary/  Card x${full}  ${sp// /-}  12 2024\n  Account Summary/" \
    -e "s/^  01\/15        01\/16        BOOKS AND MORE AUSTIN TX   /  01\/15        01\/16        BOOKS ${sp// /  } 12/" \
    "$CL_SRC/tests/bank/cases/boa_tables_ignored/page_01.txt" >"$t/case/page_01.txt"
ok "the case prints the number 3 times" test "$(grep -c "${full:12:4}\|$full" "$t/case/page_01.txt")" -ge 3
"$CL_SRC/tests/bank/render-pdf.sh" "cairo sans 8 4.8" "$t/case" "$t/in/case.pdf"

# The input really holds full numbers (this test would pass on nothing).
nin=$("$CARDLEDGER" layout "$t"/in/*/*.pdf "$t/in/case.pdf" 2>/dev/null | python3 "$scan" | tail -1)
like "the statements print full card numbers ($nin)" "$nin" '^([1-9][0-9]+|[4-9]) card number'

# --- parse: JSON and CSV, stdout and stderr -------------------------------------
for fmt in json csv; do
    "$CARDLEDGER" parse --format $fmt "$t"/in/*/*.pdf "$t/in/case.pdf" >"$t/parse.$fmt" 2>"$t/parse.$fmt.err"
    is "parse --format $fmt exits 0" "$?" "0"
    ok "parse --format $fmt: no card number in the output or on stderr" \
        python3 "$scan" "$t/parse.$fmt" "$t/parse.$fmt.err"
done
ok "parse: every statement found" test "$(wc -l <"$t/parse.json")" -eq 15
like "parse: the case's card is still known by its last 4" "$(grep '"2031"' "$t/parse.json")" \
    '"account_last4":"2031"'
like "parse: the description keeps its masked number" "$(grep '"2031"' "$t/parse.json")" \
    '"description":"BOOKS XXXX XXXX XXXX 2031 12[^"]*"'
"$CARDLEDGER" parse --log-level debug --format json "$t/in/case.pdf" >/dev/null 2>"$t/parse.debug"
ok "parse --log-level debug: no card number in the log" python3 "$scan" "$t/parse.debug"

# --- ingest: logs, status, every table ------------------------------------------
db=$(new_db privacy)
"$CARDLEDGER" ingest --db "$db" -j 2 --log-level debug --log-format json "$t/in" >"$t/ingest.out" 2>"$t/ingest.err"
rc=$?
is "ingest exits 0" "$rc" "0"
[ "$rc" -eq 0 ] || grep '"outcome":"failed"' "$t/ingest.err" | head -3 | sed 's/^/# /'
is "every statement stored" "$(q "$db" "SELECT count(*) FROM raw.source_files WHERE status = 'done'")" "15"
ok "cardledger verify passes" "$CARDLEDGER" verify --db "$db"
ok "ingest: no card number in stdout or the log" python3 "$scan" "$t/ingest.out" "$t/ingest.err"
"$CARDLEDGER" status --db "$db" >"$t/status" 2>&1
ok "status: no card number" python3 "$scan" "$t/status"
pg_dump --data-only "$db" >"$t/dump.sql" 2>/dev/null
ok "the dump has the page text" grep -q "Account Summary" "$t/dump.sql"
ok "no card number in any column of any table (pg_dump --data-only)" python3 "$scan" "$t/dump.sql"
like "page text keeps the masked number and its layout" \
    "$(q "$db" "SELECT layout_text FROM raw.pages WHERE layout_text LIKE '%Account Summary%' AND layout_text LIKE '%Closing Date%'")" \
    "Account Number +XXXX XXXX XXXX 2031"

# --- file names with a number: logs and status mask them --------------------------
db2=$(new_db privacy_names)
mkdir -p "$t/names"
cp "$t/in/case.pdf" "$t/names/x${full}.pdf"
cp "$t/in/case.pdf" "$t/names/$sp 12 2023.pdf"
echo "not a pdf" >"$t/names/${sp// /--} bad.pdf"
"$CARDLEDGER" ingest --db "$db2" -j 1 --log-level debug --log-format json "$t/names" >"$t/names.out" 2>"$t/names.err"
is "ingest of oddly named files exits 1 (one is not a PDF)" "$?" "1"
ok "file names: no card number in the log" python3 "$scan" "$t/names.out" "$t/names.err"
"$CARDLEDGER" status --db "$db2" >"$t/names.status" 2>&1
like "status lists the failed file" "$(cat "$t/names.status")" "bad\.pdf"
ok "file names: no card number in status" python3 "$scan" "$t/names.status"
done_testing
