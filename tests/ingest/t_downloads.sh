#!/usr/bin/env bash
# t_downloads.sh - OFX, QFX and CSV downloads: `parse` and `ingest` read
# them like statements; a download overlapping its PDF months (by a few days
# at both ends) adds only the rows the PDFs lack; exactly-once; bad files one
# error line each and the rest stored.
source "$CL_SRC/tests/lib.sh"
source "$CL_SRC/tests/ingest/lib_ingest.sh"
ingest_skip_unless_ready

T=$CL_TEST_TMP/t_downloads
GEN="python3 $CL_SRC/tests/ingest/exports_from_truth.py"
rm -rf "$T" && mkdir -p "$T/pdf" "$T/dl" "$T/bad"
"$STATEMENT_GEN" --layout chase --card 4242 --from 2024-01 --months 4 --seed 11 --transactions 14 \
    --out "$T/gen" >/dev/null
cp "$T"/gen/chase-4242-2024-0[123].pdf "$T/pdf/"
truth=("$T"/gen/chase-4242-2024-0*.json)
field() { python3 -c "import json,sys; print(json.loads(open(sys.argv[1]).readline())[sys.argv[2]])" "$1" "$2"; }
plus() { date -u -d "$1 $2 days" +%F; }
m1s=$(field "${truth[0]}" period_start); m4s=$(field "${truth[3]}" period_start)
# truth rows (posting date) in LO..HI [of these truth files; default all]
truth_n() {
    local lo=$1 hi=$2
    shift 2
    [ $# -gt 0 ] || set -- "${truth[@]}"
    python3 - "$lo" "$hi" "$@" <<'PY'
import json, sys
lo, hi = sys.argv[1:3]
n = 0
for p in sys.argv[3:]:
    for t in json.loads(open(p).readline())["transactions"]:
        n += lo <= (t["posted_date"] or t["date"]) <= hi
print(n)
PY
}

# --- parse takes every download kind -------------------------------------------------
lo=$(plus "$m1s" 10); hi=$(plus "$m4s" 5)
for f in chase amex capital_one citi discover apple_card; do
    $GEN $f "$lo" "$hi" "$T/dl/$f-4242.csv" "${truth[@]}"
    got=$("$CARDLEDGER" parse "$T/dl/$f-4242.csv" 2>&1 |
          python3 -c "import json,sys; d=json.loads(sys.stdin.readline()); print(d['issuer'], d['account_last4'], len(d['transactions']))")
    is "parse: $f CSV read with its mapping (issuer, card, rows)" "$got" \
        "$(sed -n "s/^issuer = //p" "$CL_SRC/banks/csv/$f.csvmap") 4242 $(truth_n "$lo" "$hi")"
done
olo=$m1s; ohi=$(plus "$m4s" 8)
$GEN ofx "$olo" "$ohi" "$T/dl/download.ofx" "${truth[@]}"
$GEN qfx "$olo" "$ohi" "$T/dl/download.qfx" "${truth[@]}"
for f in download.ofx download.qfx; do
    got=$("$CARDLEDGER" parse "$T/dl/$f" 2>&1 | python3 -c "import json,sys
d=json.loads(sys.stdin.readline()); print(d['issuer'], d['account_last4'], d['period_start'], d['period_end'], len(d['transactions']), d['summary']['new_balance'])")
    is "parse: $f through libofx (issuer from ORG, card from ACCTID, period DTSTART..DTEND, rows, LEDGERBAL)" \
        "$got" "chase 4242 $olo $ohi $(truth_n "$olo" "$ohi") -$(python3 -c "import json,sys; print(json.loads(open(sys.argv[1]).readline())['summary']['new_balance'])" "${truth[3]}")"
done

# --- PDFs, then the overlapping downloads --------------------------------------------
db=$(new_db downloads)
"$CARDLEDGER" migrate up --db "$db" >/dev/null 2>&1
ingest "$db" "$T/pdf"
is "the three PDF months are stored" "$?" "0"
pdf_rows=$(truth_n 0000-00-00 9999-12-31 "${truth[@]:0:3}")
csv_new=$(truth_n "$lo" "$hi" "${truth[3]}")
is "their rows equal the ground truth" "$(q "$db" "SELECT count(*) FROM analytics.transactions")" "$pdf_rows"

mkdir -p "$T/in1" && cp "$T/dl/chase-4242.csv" "$T/in1/Chase4242_Activity_20240415.CSV"
ingest "$db" "$T/in1"
is "the Chase CSV (PDF months plus 5 days of the next) is stored" "$?" "0"
is "it adds only the rows the PDFs lack" "$(q "$db" "SELECT count(*) FROM analytics.transactions")" \
    "$((pdf_rows + csv_new))"
is "its rows as read are in the raw tier" \
    "$(q "$db" "SELECT count(*) FROM raw.transaction_lines l JOIN raw.statements s ON s.id = l.statement_id WHERE s.source_kind = 'csv'")" \
    "$(truth_n "$lo" "$hi")"
is "its text is its page" "$(q "$db" "SELECT count(*) FROM raw.pages p JOIN raw.statements s USING (source_file_id) WHERE s.source_kind = 'csv' AND p.layout_text LIKE 'Transaction Date,Post Date,%'")" "1"

ofx_new=$(( $(truth_n "$olo" "$ohi" "${truth[3]}") - csv_new ))
# a QFX of another range (one day shorter): its rows pair with the OFX's
$GEN qfx "$(plus "$olo" 1)" "$ohi" "$T/dl/download2.qfx" "${truth[@]}"
ingest "$db" "$T/dl/download.ofx" && ingest "$db" "$T/dl/download2.qfx"
is "the OFX and QFX downloads (other descriptions: NAME is cut at 32 characters) are stored" "$?" "0"
is "they add only the rows no earlier source had (matched on card, posting date and amount)" \
    "$(q "$db" "SELECT count(*) FROM analytics.transactions")" "$((pdf_rows + ofx_new + csv_new))"
is "every ground-truth (posting date, amount) is there exactly once" \
    "$(q "$db" "SELECT string_agg(d || ' ' || a, ',' ORDER BY d, amount) FROM (SELECT posting_date::text d, amount::text a, amount FROM analytics.transactions) x")" \
    "$(python3 - "$olo" "$ohi" "${truth[@]}" <<'PY'
import json, sys
rows = []
for i, p in enumerate(sys.argv[3:]):
    for t in json.loads(open(p).readline())["transactions"]:
        d = t["posted_date"] or t["date"]
        if i < 3 or sys.argv[1] <= d <= sys.argv[2]:
            rows.append((d, t["amount"]))
rows.sort(key=lambda r: (r[0], float(r[1])))
print(",".join(f"{d} {a}" for d, a in rows))
PY
)"
is "each row records the source it was first seen in" \
    "$(q "$db" "SELECT string_agg(k || '=' || n, ' ' ORDER BY k) FROM (SELECT s.source_kind k, count(*) n FROM analytics.transactions t JOIN raw.statements s ON s.id = t.statement_id GROUP BY 1) x")" \
    "csv=$csv_new ofx=$ofx_new pdf=$pdf_rows"
is "downloads get kinds like statements (payments)" \
    "$(q "$db" "SELECT count(*) FROM analytics.transactions t JOIN raw.statements s ON s.id = t.statement_id WHERE s.source_kind <> 'pdf' AND t.kind = 'payment'")" \
    "$(q "$db" "SELECT count(*) FROM analytics.transactions t JOIN raw.statements s ON s.id = t.statement_id WHERE s.source_kind <> 'pdf' AND t.description ILIKE 'payment%'")"
is "OFX LEDGERBAL is the statement's new balance" \
    "$(q "$db" "SELECT new_balance FROM raw.statements WHERE source_kind = 'ofx'")" \
    "-$(python3 -c "import json,sys; print(json.loads(open(sys.argv[1]).readline())['summary']['new_balance'])" "${truth[3]}")"
summaries_exact "summary tables equal a fresh aggregation" "$db"

# --- the other order: the download first, then its PDF months -------------------------
db2=$(new_db downloads2)
"$CARDLEDGER" migrate up --db "$db2" >/dev/null 2>&1
ingest "$db2" "$T/in1/Chase4242_Activity_20240415.CSV" && ingest "$db2" "$T/pdf"
is "CSV first, then the PDFs: the same rows, none doubled" \
    "$(q "$db2" "SELECT count(*) FROM analytics.transactions")" "$((pdf_rows + csv_new))"
is "... each first seen in the CSV unless only a PDF has it" \
    "$(q "$db2" "SELECT count(*) FROM analytics.transactions t JOIN raw.statements s ON s.id = t.statement_id WHERE s.source_kind = 'csv'")" \
    "$(truth_n "$lo" "$hi")"

# --- exactly once ---------------------------------------------------------------------
before=$(q "$db" "SELECT count(*) FROM analytics.transactions")
ingest "$db" "$T/in1" "$T/dl/download.ofx"
is "the same downloads again: 0 rows added" "$(q "$db" "SELECT count(*) FROM analytics.transactions")" "$before"
is "again: already known" "$(summary_value 'already known')" "2"
$GEN chase "$(plus "$m1s" 20)" "$(plus "$m4s" 3)" "$T/in1/chase-4242-part.csv" "${truth[@]}"
ingest "$db" "$T/in1/chase-4242-part.csv"
is "a second download of a shorter range (other bytes) adds nothing" \
    "$(q "$db" "SELECT count(*) FROM analytics.transactions")" "$before"

mkdir -p "$T/twice"
printf 'Transaction Date,Post Date,Description,Category,Type,Amount,Memo\r\n' >"$T/twice/chase-7777.csv"
for i in 1 2; do printf '03/05/2024,03/06/2024,COFFEE BAR SEATTLE WA,Food,Sale,-4.50,\r\n' >>"$T/twice/chase-7777.csv"; done
printf '03/07/2024,03/07/2024,BOOKS INC,Shopping,Sale,-12.00,\r\n' >>"$T/twice/chase-7777.csv"
ingest "$db" "$T/twice"
is "two identical purchases on one day in one file stay two" \
    "$(q "$db" "SELECT count(*) FROM analytics.transactions t JOIN analytics.cards c ON c.id = t.card_id WHERE c.card_last4 = '7777' AND amount = -4.50")" "2"

# --- bad files: one line each, the rest stored -------------------------------------------
head -c 900 "$T/dl/download.ofx" >"$T/bad/truncated-4242.ofx"
printf 'When,What,How much\n2024-03-01,THING,1.00\n' >"$T/bad/unknown-4242.csv"
printf 'Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n03/01/2024,03/01/2024,CAF\xc9 DE PARIS,,Sale,-3.00,\n' >"$T/bad/latin1-4242.csv"
printf 'Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n03/09/2024,03/09/2024,GOOD ROW,,Sale,-9.99,\n' >"$T/bad/good-5555.csv"
ingest "$db" "$T/bad"
isnt_zero=$?
ok "bad files: ingest exits non-zero" test "$isnt_zero" -ne 0
errs=$(grep -v '^{' "$CL_TEST_TMP/ingest.err"; grep -o '"error":"\([^"\\]\|\\.\)*"' "$CL_TEST_TMP/ingest.err")
like "truncated OFX: its line" "$errs" 'truncated-4242.ofx: truncated OFX \(no closing </OFX>\)'
like "unknown columns: its line names the columns it saw" "$errs" \
    'unknown-4242.csv: no CSV mapping fits its columns .*When.*, .*What.*, .*How much'
like "Latin-1 bytes: its line" "$errs" 'latin1-4242.csv: line 2: not UTF-8 text'
is "the good file beside them is stored" \
    "$(q "$db" "SELECT count(*) FROM analytics.transactions WHERE description = 'GOOD ROW'")" "1"
is "the bad files are recorded as failed" "$(q "$db" "SELECT count(*) FROM raw.source_files WHERE status = 'failed'")" "3"

# --- --csv-map and user mappings ---------------------------------------------------------
cat >"$T/my.csvmap" <<'MAP'
id = mine
issuer = mybank
date = When
date_format = YYYY-MM-DD
description = What
amount = How much
charges = positive
MAP
is "--csv-map FILE reads a CSV no built-in mapping fits" \
    "$("$CARDLEDGER" parse --csv-map "$T/my.csvmap" "$T/bad/unknown-4242.csv" | python3 -c "import json,sys; d=json.loads(sys.stdin.readline()); print(d['issuer'], d['transactions'][0]['amount'])")" \
    "mybank -1.00"
mkdir -p "$T/xdg/cardledger/csv" && cp "$T/my.csvmap" "$T/xdg/cardledger/csv/"
is "so does a mapping in \$XDG_CONFIG_HOME/cardledger/csv" \
    "$(XDG_CONFIG_HOME=$T/xdg "$CARDLEDGER" parse "$T/bad/unknown-4242.csv" | python3 -c "import json,sys; print(json.loads(sys.stdin.readline())['issuer'])")" "mybank"
out=$("$CARDLEDGER" parse "$T/bad/unknown-4242.csv" 2>&1); rc=$?
is "parse: a CSV no mapping fits is one line and exit 1" "$rc $(echo "$out" | wc -l)" "1 1"

done_testing
