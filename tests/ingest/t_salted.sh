#!/usr/bin/env bash
# t_salted.sh - a corpus salted with bad files: zero bytes, text named .pdf,
# truncated, password-protected, one that hangs its worker and one that
# crashes it. Each is recorded failed with its reason, the others are
# ingested, exit code 1; --retry-failed and --password-file; the memory
# cap; `cardledger status`; the progress bar only on a terminal.
source "$CL_SRC/tests/lib.sh"
source "$CL_SRC/tests/ingest/lib_ingest.sh"
ingest_skip_unless_ready

all=$CL_TEST_TMP/t_salted/all
ingest_corpus "$all"
pdfs=($(find "$all" -name '*.pdf' | sort))
good=$CL_TEST_TMP/t_salted/good
salted=$CL_TEST_TMP/t_salted/salted
truth=$CL_TEST_TMP/t_salted/truth
mkdir -p "$good" "$salted/good" "$truth"
# Ten good statements (with their truth), plus three to salt with.
for i in $(seq 0 9); do
    cp "${pdfs[$((i * 7))]}" "${pdfs[$((i * 7))]%.pdf}.json" "$good/"
done
cp "$good"/*.pdf "$salted/good/"
: >"$salted/zero.pdf"
echo "Dear customer, this is not a PDF." >"$salted/letter.pdf"
head -c 2000 "${pdfs[1]}" >"$salted/truncated.pdf"
qpdf --encrypt sesame owner 256 -- "${pdfs[2]}" "$salted/locked.pdf"
cp "${pdfs[3]}" "$salted/slow-1.pdf"
cp "${pdfs[4]}" "$salted/crash-1.pdf"
for i in 2 3 4; do cp "${pdfs[$i]%.pdf}.json" "$truth/"; done

db=$(new_db salted)
reason() { q "$db" "SELECT last_error FROM raw.source_files WHERE path LIKE '%/$1'"; }
status_of() { q "$db" "SELECT status || ' ' || attempts FROM raw.source_files WHERE path LIKE '%/$1'"; }

# The test hooks make a worker hang on slow-* and abort on crash-*. The
# sanitizer build, so every error path runs under ASan and UBSan.
CARDLEDGER_TEST_HANG='slow-*' CARDLEDGER_TEST_CRASH='crash-*' INGEST_BIN=$CARDLEDGER_ASAN \
    ingest "$db" -j 2 --file-timeout 2 "$salted"
is "a salted corpus: exit 1" "$?" "1"
unlike "no sanitizer report" "$(grep -v '"event"' "$CL_TEST_TMP/ingest.err")" \
    "AddressSanitizer|LeakSanitizer|runtime error"
same_as_truth "every good file ingested exactly" "$db" "$good"
is "summary: 6 failed" "$(summary_value failed)" "6"
is "summary: 10 stored" "$(summary_value stored)" "10"
like "zero-byte file: failed, empty" "$(status_of zero.pdf) $(reason zero.pdf)" "^failed 1 .*empty"
like "text named .pdf: failed, not a PDF" "$(status_of letter.pdf) $(reason letter.pdf)" "^failed 1 .*not a PDF"
like "truncated PDF: failed with a reason" "$(status_of truncated.pdf) $(reason truncated.pdf)" \
    "^failed 1 .*truncated.pdf: .*(corrupt|truncated|damaged|no statement)"
like "password-protected without its password: failed, needs a password" \
    "$(status_of locked.pdf) $(reason locked.pdf)" "^failed 1 .*needs a password"
like "a file that hangs its worker: failed, timed out" "$(status_of slow-1.pdf) $(reason slow-1.pdf)" \
    "^failed 1 timed out after 2 s"
like "a file that crashes its worker: tried twice, failed, crashed" \
    "$(status_of crash-1.pdf) $(reason crash-1.pdf)" "^failed 2 worker crashed on this file \(signal 6"
like "failures are logged with their error" "$(cat "$CL_TEST_TMP/ingest.err")" \
    '"event":"ingest_file".*"outcome":"failed".*"error":".*needs a password'
is "the run is recorded as failed" "$(q "$db" "SELECT status || ' ' || files_failed FROM raw.ingest_runs")" "failed 6"
st=$("$CARDLEDGER" status --db "$db" 2>&1)
is "status exits 0" "$?" "0"
like "status lists the failed files" "$st" "failed files"
like "status shows their errors" "$st" "needs a password"
like "status shows the runs" "$st" "failed +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +6"
like "status counts the queue" "$st" "files: 10 done, 0 duplicate, 6 failed, 0 pending"

# --- failed files are not tried again ------------------------------------------------
ingest "$db" "$salted"
is "again: exit 1 (failed files remain)" "$?" "1"
is "again: nothing processed" "$(summary_value stored) $(summary_value failed)" "0 0"
like "again: the failures are reported" "$(cat "$CL_TEST_TMP/ingest.out")" "of which failed before +6"
is "again: attempts unchanged" "$(status_of locked.pdf)" "failed 1"

# --- --retry-failed with the password ------------------------------------------------------
pw=$CL_TEST_TMP/t_salted/pw
printf 'wrong\nsesame\n' >"$pw"
chmod 600 "$pw"
ingest "$db" --retry-failed --password-file "$pw" "$salted"
is "retry: exit 1 (three files are beyond help)" "$?" "1"
is "retry: three stored (password, no hang, no crash)" "$(summary_value stored)" "3"
is "retry: three failed again" "$(summary_value failed)" "3"
is "retry: the locked one is stored" "$(status_of locked.pdf)" "done 2"
is "retry: the zero-byte one failed again" "$(status_of zero.pdf)" "failed 2"
same_as_truth "the database equals the truth of every readable file" "$db" "$good" "$truth"
summaries_exact "the summary tables are exact" "$db"

# --- the memory cap --------------------------------------------------------------------------
mdb=$(new_db memcap)
ingest "$mdb" --memory-limit 0.1 "$good"
is "over the memory cap: exit 1" "$?" "1"
like "over the memory cap: failed, out of memory" \
    "$(q "$mdb" "SELECT DISTINCT status || ' ' || last_error FROM raw.source_files")" "^failed .*out of memory"

# --- progress bar: on a terminal only ---------------------------------------------------------
unlike "no control characters when stderr is not a terminal" "$(cat "$CL_TEST_TMP/ingest.err" "$CL_TEST_TMP/ingest.out")" \
    $'[\r\033]'
pdb=$(new_db progress)
script -qfec "'$CARDLEDGER' ingest --db '$pdb' --log-format json '$good'" /dev/null \
    >"$CL_TEST_TMP/tty.out" 2>&1
like "on a terminal a progress bar is drawn in place" "$(cat "$CL_TEST_TMP/tty.out")" \
    $'\r\033\\[K\\[[#.]+\\] [0-9]+/10 files'
pdb=$(new_db progress2)
script -qfec "'$CARDLEDGER' ingest --no-progress --db '$pdb' --log-format json '$good'" /dev/null \
    >"$CL_TEST_TMP/tty.out" 2>&1
unlike "--no-progress: none on a terminal either" "$(cat "$CL_TEST_TMP/tty.out")" $'\033\\['

# Every database this suite used keeps its invariants (cardledger verify).
for n in salted memcap progress progress2; do
    ok "cardledger verify on the $n database" "$CARDLEDGER" verify --db "$CL_TEST_DSN dbname=t_${n}_$$"
done
done_testing
