#!/usr/bin/env bash
# t_hostile.sh - parse and ingest over the hostile-PDF corpus
# (scripts/hostile-corpus.py: truncated, broken xref, lying lengths, deep
# nesting, page-tree loops, a compression bomb, absurd fonts, 100,000 text
# runs, not-PDFs, odd names) mixed with good statements: no crash or hang,
# every file that cannot be read is one error line naming it, every good
# statement is stored, the database passes cardledger verify. The huge page
# count and the FIFO depend on the document caps (issue 13, items 8 and 9):
# they are checked with a time limit and skipped until those land.
source "$CL_SRC/tests/lib.sh"
source "$CL_SRC/tests/ingest/lib_ingest.sh"
ingest_skip_unless_ready

t=$CL_TEST_TMP/t_hostile
mix=$t/mix
mkdir -p "$t/good" "$t/capped"
for p in chase dbs ocbc citi us_bank; do
    "$STATEMENT_GEN" --profile "$p" --card 7070 --from 2024-01 --months 2 --seed 31 --out "$t/good/$p" >/dev/null
done
ngood=$(count_pdfs "$t/good")
nbad=$(python3 "$CL_SRC/scripts/hostile-corpus.py" "$mix" "$t/good/chase/chase-7070-2024-01.pdf")
ok "the hostile corpus is built ($nbad files)" test "$nbad" -ge 40
mv "$mix/pagecount-huge.pdf" "$mix/fifo-statement.pdf" "$t/capped/"
cp -r "$t/good" "$mix/good"
nfiles=$(find "$mix" -type f -name '*.pdf' -printf x | wc -c)   # a name holds a newline

# --- parse ------------------------------------------------------------------------
start=$SECONDS
timeout 600 "$CARDLEDGER" parse --log-level error "$mix" >"$t/parse.out" 2>"$t/parse.err"
rc=$?
is "parse over the mix exits 1 (some files fail), no crash or hang" "$rc" "1"
ok "parse takes under 2 minutes ($((SECONDS - start)) s)" test $((SECONDS - start)) -lt 120
parsed=$(wc -l <"$t/parse.out")
for f in "$t"/good/*/*.pdf; do
    grep -qF "\"file\":\"$mix/good/${f#"$t/good/"}\"" "$t/parse.out" || echo "$f" >>"$t/missing"
done
is "parse: every good statement is parsed" "$(cat "$t/missing" 2>/dev/null | wc -l)" "0"
is "parse: one error line per file not parsed" "$(wc -l <"$t/parse.err")" "$((nfiles - parsed))"
is "parse: every error line names its file" \
    "$(grep -cvE "^cardledger parse: $mix/[^:]+(:|$)" "$t/parse.err")" "0"
unlike "parse: no crash, sanitizer or allocation report" "$(cat "$t/parse.err")" \
    "out of memory allocating|Segmentation|AddressSanitizer|runtime error|Aborted"

# --- ingest -----------------------------------------------------------------------
db=$(new_db hostile)
start=$SECONDS
timeout 600 "$CARDLEDGER" ingest --db "$db" --no-progress --log-format json -j 2 "$mix" \
    >"$t/ingest.out" 2>"$t/ingest.err"
rc=$?
is "ingest over the mix exits 1 (some files fail)" "$rc" "1"
ok "ingest takes under 2 minutes ($((SECONDS - start)) s)" test $((SECONDS - start)) -lt 120
nfail=$(q "$db" "SELECT count(*) FROM raw.source_files WHERE status = 'failed'")
is "ingest: one warning per failed file" "$(grep -c '"outcome":"failed"' "$t/ingest.err")" "$nfail"
is "ingest: nothing left pending" "$(q "$db" "SELECT count(*) FROM raw.source_files WHERE status = 'pending'")" "0"
same_as_truth "ingest: every good statement stored, exactly" "$db" "$t/good"
is "ingest: every failed file has its reason" \
    "$(q "$db" "SELECT count(*) FROM raw.source_files WHERE status = 'failed' AND coalesce(last_error, '') = ''")" "0"
ok "ingest: cardledger verify passes" "$CARDLEDGER" verify --db "$db"

# --- what needs the document caps ---------------------------------------------------
capped() { # DESC FILE: one error line naming the file within 20 s, else skipped
    local out rc
    out=$(timeout 20 "$CARDLEDGER" parse --log-level error "$2" 2>&1 >/dev/null </dev/null)
    rc=$?
    if [ "$rc" -eq 124 ] || ! printf '%s' "$out" | grep -qF "$2"; then
        _tap_n=$((_tap_n + 1))
        echo "ok $_tap_n - $1 # SKIP needs the document caps (issue 13 items 8, 9): rc $rc"
    else
        is "$1: exit 1" "$rc" "1"
        is "$1: one line" "$(printf '%s\n' "$out" | wc -l)" "1"
    fi
}
capped "a page tree claiming 2,147,483,647 pages" "$t/capped/pagecount-huge.pdf"
capped "a FIFO named .pdf" "$t/capped/fifo-statement.pdf"
done_testing
