#!/usr/bin/env bash
# t_ingest.sh - `cardledger ingest` on a statement-gen corpus of 200+
# statements across every profile: the database equals the ground truth;
# the same corpus again, renamed copies and re-saved copies add nothing;
# identical same-day purchases are all kept; dry run, skipping, summary.
source "$CL_SRC/tests/lib.sh"
source "$CL_SRC/tests/ingest/lib_ingest.sh"
ingest_skip_unless_ready

corpus=$CL_TEST_TMP/t_ingest/corpus
ingest_corpus "$corpus"
n=$(count_pdfs "$corpus")
ok "the corpus has at least 200 statements ($n)" test "$n" -ge 200
db=$(new_db ingest)

# --- a dry run writes nothing -------------------------------------------------
"$CARDLEDGER" migrate up --db "$db" >/dev/null 2>&1
ingest "$db" --dry-run "$corpus"
is "dry run exits 0" "$?" "0"
is "dry run counts every file as new" "$(summary_value new)" "$n"
is "dry run stores nothing" "$(q "$db" "SELECT count(*) FROM raw.source_files")" "0"

# --- the corpus --------------------------------------------------------------
mkdir -p "$corpus/.hidden" && cp "$(find "$corpus" -name '*.pdf' | head -1)" "$corpus/.hidden/x.pdf"
echo "not a statement" >"$corpus/notes.txt"
ingest "$db" -j 2 "$corpus"
is "ingest exits 0" "$?" "0"
same_as_truth "the database equals the ground truth (every row's card, dates, description, amount)" \
    "$db" "$corpus"
is "every file stored" "$(q "$db" "SELECT count(*) FROM raw.source_files WHERE status = 'done'")" "$n"
is "summary: files new" "$(summary_value new)" "$n"
is "summary: stored" "$(summary_value stored)" "$n"
is "summary: transactions inserted" "$(summary_value 'transactions inserted')" \
    "$(q "$db" "SELECT count(*) FROM analytics.transactions")"
# n .json truth files, notes.txt and the .hidden folder
is "summary: hidden and non-PDF files skipped and counted" \
    "$(summary_value 'skipped \(hidden, not PDF\)')" "$((n + 2))"
is "every page stored" "$(q "$db" "SELECT sum(pages) FROM raw.source_files")" \
    "$(q "$db" "SELECT count(*) FROM raw.pages")"
is "raw lines match analytics rows" "$(q "$db" "SELECT count(*) FROM raw.transaction_lines")" \
    "$(q "$db" "SELECT count(*) FROM analytics.transactions")"
summaries_exact "summary tables equal a fresh aggregation" "$db"
like "one log event per file with its fields" \
    "$(grep -m1 '"event":"ingest_file"' "$CL_TEST_TMP/ingest.err")" \
    '"file":.*"sha256":"[0-9a-f]{12}".*"profile":.*"pages":[0-9]+.*"transactions":[0-9]+.*"ms":[0-9]+.*"outcome":"stored"'
is "as many file events as files" "$(grep -c '"event":"ingest_file"' "$CL_TEST_TMP/ingest.err")" "$n"
is "the run is recorded" "$(q "$db" "SELECT status || ' ' || files_stored FROM raw.ingest_runs")" "done $n"
is "merchants are normalized names" \
    "$(q "$db" "SELECT count(*) FROM analytics.merchants WHERE name ~ '[a-z*#]' OR name ~ ' (OR|CA|NY|SG)$'")" "0"
ok "merchants are categorized" test "$(q "$db" "SELECT count(*) FROM analytics.merchants WHERE category_id IS NOT NULL")" -gt 0

# --- again: nothing new ----------------------------------------------------------
before=$(q "$db" "SELECT count(*) FROM analytics.transactions")
ingest "$db" "$corpus"
is "the same corpus again exits 0" "$?" "0"
is "again: 0 rows added" "$(q "$db" "SELECT count(*) FROM analytics.transactions")" "$before"
is "again: every file already known" "$(summary_value 'already known')" "$n"
is "again: no file read" "$(summary_value stored)" "0"

# --- renamed copies: known by content --------------------------------------------
copies=$CL_TEST_TMP/t_ingest/copies
mkdir -p "$copies"
i=0
for f in $(find "$corpus" -name '*.pdf' -not -path '*/.hidden/*'); do
    i=$((i + 1))
    cp "$f" "$copies/renamed-$i.pdf"
done
ingest "$db" "$copies"
is "renamed copies exit 0" "$?" "0"
is "renamed copies: 0 rows added" "$(q "$db" "SELECT count(*) FROM analytics.transactions")" "$before"
is "renamed copies: already known" "$(summary_value 'already known')" "$n"
is "renamed copies: every path recorded" \
    "$(q "$db" "SELECT count(*) FROM raw.source_file_paths WHERE path LIKE '%/renamed-%'")" "$n"

# --- re-saved copies: other bytes, same statements -----------------------------------
resaved=$CL_TEST_TMP/t_ingest/resaved
mkdir -p "$resaved"
i=0
for f in $(find "$corpus" -name '*.pdf' -not -path '*/.hidden/*'); do
    i=$((i + 1))
    qpdf --object-streams=generate --newline-before-endstream "$f" "$resaved/resaved-$i.pdf" 2>/dev/null
done
differ=$(for i in 1 2 3; do cmp -s "$resaved/resaved-$i.pdf" "$(find "$corpus" -name '*.pdf' | sed -n "${i}p")" || echo x; done | wc -l)
is "qpdf made files with other bytes" "$differ" "3"
ingest "$db" "$resaved"
is "re-saved copies exit 0" "$?" "0"
is "re-saved copies: 0 rows added" "$(q "$db" "SELECT count(*) FROM analytics.transactions")" "$before"
is "re-saved copies: new files" "$(summary_value new)" "$n"
is "re-saved copies: recorded as duplicate statements" "$(summary_value 'duplicate statements')" "$n"
is "each duplicate points at the file first imported" \
    "$(q "$db" "SELECT count(*) FROM raw.source_files d JOIN raw.source_files o ON o.id = d.duplicate_of
                WHERE d.status = 'duplicate' AND o.status = 'done' AND d.path LIKE '%/resaved-%'")" "$n"
same_as_truth "still exactly the ground truth" "$db" "$corpus"
summaries_exact "summary tables still exact" "$db"

# --- identical same-day purchases ------------------------------------------------------
# A peer-corpus DBS statement with one purchase printed twice, drawn as a PDF.
if need_peer_corpus; then
    mkpdf=$(dirname "$CARDLEDGER")/tests/pdf/mkpdf
    case_dir=$CL_PEER_CORPUS/cases/dbs/credit
    dup=$CL_TEST_TMP/t_ingest/dup
    mkdir -p "$dup"
    sed '/24 OCT  *DAYBREAK BAKERY/p' "$case_dir/page_01.txt" >"$dup/page_01.txt"
    to_desc() { awk 'BEGIN {print "page 900 1100"; print "font mono 7"}
                     length($0) {printf "text 20 %d %s\n", 30 + NR * 10.5, $0}' "$1"; }
    { to_desc "$dup/page_01.txt"; to_desc "$case_dir/page_02.txt"; } >"$dup/desc"
    "$mkpdf" "$dup/desc" "$dup/twice.pdf"
    ingest "$db" "$dup/twice.pdf"
    is "a statement with a purchase printed twice is stored" "$(summary_value stored)" "1"
    is "both identical same-day purchases are kept" \
        "$(q "$db" "SELECT count(*) FROM analytics.transactions WHERE description = 'DAYBREAK BAKERY'
                    AND transaction_date = '2023-10-24' AND amount = -8.75")" "2"
    is "every row of that statement stored" \
        "$(q "$db" "SELECT count(*) FROM analytics.transactions t JOIN raw.statements s ON s.id = t.statement_id
                    JOIN raw.source_files f ON f.id = s.source_file_id WHERE f.path LIKE '%/twice.pdf'")" \
        "$(($(tail -n +2 "$case_dir/transformed.csv" | grep -vc 'PREVIOUS BALANCE') + 1))"
    is "it does not reconcile: flagged and counted" "$(summary_value 'unreconciled statements')" "1"
    like "status lists it" "$("$CARDLEDGER" status --db "$db" 2>/dev/null)" "dbs +4444 +2023-11-20"
    ingest "$db" "$dup/twice.pdf"
    is "read again it adds nothing" "$(q "$db" "SELECT count(*) FROM analytics.transactions WHERE description = 'DAYBREAK BAKERY'
                                                AND transaction_date = '2023-10-24' AND amount = -8.75")" "2"
else
    skip 6 "identical same-day purchases (a peer-corpus statement)" "no peer corpus"
fi

# --- the kinds migration (0004) reverted and applied again on a full database ---
# (with every later migration: down as many as are applied above version 3)
snapshot="SELECT count(*), sum(amount), count(DISTINCT fingerprint) FROM analytics.transactions"
before=$(q "$db" "$snapshot")
lines=$(q "$db" "SELECT count(*) FROM raw.transaction_lines")
above3=$(q "$db" "SELECT count(*) FROM cardledger.schema_migrations WHERE version > 3")
ok "migrate down to version 3 on a full database" "$CARDLEDGER" migrate down "$above3" --db "$db"
is "down keeps every transaction" "$(q "$db" "$snapshot")" "$before"
is "down keeps every raw line" "$(q "$db" "SELECT count(*) FROM raw.transaction_lines")" "$lines"
summaries_exact_v3 "down: the summaries equal a fresh aggregation" "$db"
ok "migrate up again" "$CARDLEDGER" migrate up --db "$db"
is "up keeps every transaction" "$(q "$db" "$snapshot")" "$before"
is "up keeps every raw line" "$(q "$db" "SELECT count(*) FROM raw.transaction_lines")" "$lines"
summaries_exact "up: the summaries equal a fresh aggregation" "$db"
is "up: every stored row has a kind derived from its text and sign" \
    "$(q "$db" "SELECT count(*) FROM analytics.transactions t LEFT JOIN analytics.kinds k USING (kind)
                WHERE k.kind IS NULL")" "0"
is "up: card payments are payments, not refunds" \
    "$(q "$db" "SELECT count(*) FROM analytics.transactions WHERE amount > 0 AND kind <> 'payment'
                AND description ~* 'PAYMENT|THANK YOU|AUTOPAY'")" "0"
ingest "$db" "$corpus"
is "after down and up the corpus again adds nothing" "$(q "$db" "$snapshot")" "$before"

# --- usage and exit codes ----------------------------------------------------------------
"$CARDLEDGER" ingest --db "$db" >/dev/null 2>&1
is "no PATH: exit 2" "$?" "2"
"$CARDLEDGER" ingest --db "$db" -j 0 "$corpus" >/dev/null 2>&1
is "-j 0: exit 2" "$?" "2"
"$CARDLEDGER" ingest --db "$db" "$CL_TEST_TMP/no/such/dir" >/dev/null 2>&1
is "a missing PATH: exit 2" "$?" "2"
err=$("$CARDLEDGER" ingest --db "host=$CL_TEST_TMP/nowhere user=x password=secret dbname=x" "$corpus" 2>&1)
is "database unavailable: exit 3" "$?" "3"
unlike "the password is not shown" "$err" "secret"
like "ingest --help documents it" "$("$CARDLEDGER" ingest --help)" "--retry-failed"

done_testing
