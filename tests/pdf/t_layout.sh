#!/usr/bin/env bash
# t_layout.sh - `cardledger layout` on PDFs made here with cairo (mkpdf) and
# qpdf: reading order, columns, pages, rotation, passwords, and every bad
# input (empty, not a PDF, truncated, damaged, scanned, over the memory
# cap) giving its one-line error and exit code 1 under ASan+UBSan.
source "$CL_SRC/tests/lib.sh"

MKPDF=$(dirname "$CARDLEDGER")/tests/pdf/mkpdf
T=$CL_TEST_TMP/t_layout
rm -rf "$T" && mkdir -p "$T"
# A sanitizer report must not pass for the expected exit code 1.
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:exitcode=86"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-}:exitcode=87"
unset CARDLEDGER_PDF_PASSWORDS_FILE

# run ARGS... : sets $out, $err, $rc from `cardledger layout ARGS` (ASan build).
run() {
    out=$("$CARDLEDGER_ASAN" layout --log-format text "$@" 2>"$T/stderr")
    rc=$?
    err=$(cat "$T/stderr")
}

# fails_with DESC REGEX ARGS... : exit 1, one stderr line naming the file and
# matching REGEX, nothing on stdout.
fails_with() {
    local desc=$1 re=$2; shift 2
    run "$@"
    is "$desc: exit code" "$rc" 1
    like "$desc: message" "$err" "^cardledger layout: .*$re"
    is "$desc: one line" "$(printf '%s\n' "$err" | wc -l)" 1
    is "$desc: no output" "$out" ""
}

mk() { # NAME : description on stdin -> $T/NAME.pdf
    "$MKPDF" - "$T/$1.pdf"
}

# --- a statement page drawn out of reading order ---------------------------------
mk page <<'EOF'
page
font sans 7
text 54 760 Footer drawn first
font sans 9
right 558 100 1,234.56
text 54 100 01/15
text 110 100 BLUE BOTTLE COFFEE
right 558 112.5 12.75
text 54 112.5 01/16
text 110 112.5 AMAZON MKTPLACE
text 110 125 PAYMENT THANK YOU
text 54 125 01/17
right 558 125 -400.00
font sans 14 bold
text 54 60 EXAMPLE BANK
EOF
run "$T/page.pdf"
is "page: exit 0" "$rc" 0
is "page: nothing on stderr" "$err" ""
nonblank=$(printf '%s\n' "$out" | grep -v '^$')
is "page: heading first (drawn last)" "$(printf '%s\n' "$nonblank" | head -1)" "EXAMPLE BANK"
is "page: footer last (drawn first)" "$(printf '%s\n' "$nonblank" | tail -1)" "Footer drawn first"
# (grep matches line by line: ^ and $ are line ends)
like "page: row 1 columns" "$out" '^01/15 {2,}BLUE BOTTLE COFFEE {2,}1,234\.56$'
like "page: row 2 columns" "$out" '^01/16 {2,}AMAZON MKTPLACE {2,}12\.75$'
like "page: row 3 columns" "$out" '^01/17 {2,}PAYMENT THANK YOU {2,}-400\.00$'
ends=$(printf '%s\n' "$out" | grep -E '^01/1[567]' | awk '{ print length($0) }' | sort -u | wc -l)
is "page: right-aligned amounts end in one column" "$ends" 1
starts=$(printf '%s\n' "$out" | grep -E '^01/1[567]' | awk '{ match($0, /[A-Z]/); print RSTART }' | sort -u | wc -l)
is "page: descriptions start in one column" "$starts" 1
unlike "page: no form feed in a one-page file" "$out" $'\f'

# --- words ----------------------------------------------------------------------
run --words "$T/page.pdf"
is "words: header" "$(printf '%s\n' "$out" | head -1)" $'page\tline\tcol\tx0\ty0\tx1\ty1\tsize\ttext'
like "words: BLUE at x 110, size 9" "$out" $'^1\t[0-9]+\t[0-9]+\t110\\.0\t[0-9.]+\t[0-9.]+\t[0-9.]+\t9\\.0\tBLUE$'
like "words: amount ends at x 558" "$out" $'\t558\\.0\t[0-9.]+\t9\\.0\t1,234\\.56$'

run --metadata "$T/page.pdf"
like "metadata: producer printed" "$out" '^producer: cairo'

# --- rotated page: /Rotate 90 reads like the upright page -----------------------
qpdf --rotate=+90 "$T/page.pdf" "$T/page-rot90.pdf"
qpdf --rotate=+180 "$T/page.pdf" "$T/page-rot180.pdf"
run "$T/page.pdf"; upright=$out
run "$T/page-rot90.pdf"
is "rotate 90: same text as upright" "$out" "$upright"
run "$T/page-rot180.pdf"
is "rotate 180: same text as upright" "$out" "$upright"

# --- a multi-page statement: pages, rows, and the same words as pdftotext --------
"$MKPDF" --statement 7 3 "$T/stmt.pdf"
rows_drawn=$("$MKPDF" --statement-desc 7 3 | grep -cE '^text 54 [0-9.]+ [0-9]{2}/[0-9]{2}$')
run "$T/stmt.pdf"
is "statement: exit 0" "$rc" 0
is "statement: 3 pages, 2 form feeds" "$(printf '%s' "$out" | tr -cd '\f' | wc -c)" 2
is "statement: every row on one line" \
    "$(printf '%s\n' "$out" | grep -cE '^ *[0-9]{2}/[0-9]{2} {2,}[A-Z].* {2,}-?[0-9,]+\.[0-9]{2}$')" "$rows_drawn"
like "statement: page 2 header" "$(printf '%s' "$out" | awk 'BEGIN{RS="\f"} NR==2')" 'Page 2 of 3'
ours=$(printf '%s' "$out" | tr -s ' \f' '\n\n' | grep -v '^$' | sort | md5sum)
theirs=$(pdftotext -layout "$T/stmt.pdf" - | tr -s ' \f' '\n\n' | grep -v '^$' | sort | md5sum)
is "statement: same words as pdftotext -layout" "$ours" "$theirs"

# --- several files: a bad one does not stop the others ----------------------------
: >"$T/empty.pdf"
run "$T/page.pdf" "$T/empty.pdf" "$T/stmt.pdf"
is "several: exit 1" "$rc" 1
like "several: good files printed" "$out" "==> $T/stmt.pdf <=="
like "several: error names the bad file" "$err" "$T/empty.pdf: empty file"
unlike "several: no header for the bad file" "$out" "==> $T/empty.pdf"

# --- bad inputs -------------------------------------------------------------------
fails_with "empty file" "$T/empty.pdf: empty file$" "$T/empty.pdf"
echo "just some notes" >"$T/notes.pdf"
fails_with "not a PDF" "$T/notes.pdf: not a PDF" "$T/notes.pdf"
fails_with "missing file" "$T/nope.pdf: No such file" "$T/nope.pdf"
# A directory is searched as parse and ingest search it (one walker): each
# PDF gets its header, the bad ones their line, and the exit code is 1.
mkdir -p "$T/dir/sub" && cp "$T/page.pdf" "$T/dir/sub/b.pdf" && cp "$T/page.pdf" "$T/dir/a.pdf"
: >"$T/dir/sub/c.pdf"
run "$T/dir"
is "directory: exit 1 for the empty PDF in it" "$rc" 1
is "directory: its PDFs in name order, each with a header" \
    "$(printf '%s\n' "$out" | sed -n 's/^==> \(.*\) <==$/\1/p')" "$T/dir/a.pdf
$T/dir/sub/b.pdf"
is "directory: one line for the bad file" "$err" "cardledger layout: $T/dir/sub/c.pdf: empty file"
size=$(stat -c %s "$T/stmt.pdf")
head -c $((size / 2)) "$T/stmt.pdf" >"$T/half.pdf"
fails_with "truncated" "$T/half.pdf: corrupt or truncated PDF" "$T/half.pdf"
mk scan <<'EOF'
page
rect 40 40 300 80
image 60 200 400 400
EOF
fails_with "scanned" "$T/scan.pdf: scanned statement: no text layer" "$T/scan.pdf"
(echo page; echo "font mono 3"
 for y in $(seq 10 3 780); do echo "text 10 $y ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"; done) | mk dense
fails_with "memory cap" "$T/dense.pdf: needs more than the 1 MB memory limit" --memory-limit 1 "$T/dense.pdf"
run "$T/dense.pdf"
is "memory cap: without it the file reads" "$rc" 0

# Damaged but repairable: MuPDF rebuilds the cross-reference table; the text
# is complete and a warning says so.
run "$T/stmt.pdf"; intact=$out
head -c $((size - 20)) "$T/stmt.pdf" >"$T/cut-end.pdf"
LC_ALL=C sed 's/^xref$/xXef/' "$T/stmt.pdf" >"$T/bad-xref.pdf"
for f in cut-end bad-xref; do
    run "$T/$f.pdf"
    is "$f: repaired, exit 0" "$rc" 0
    is "$f: full text" "$out" "$intact"
    like "$f: warns" "$err" "pdf_repaired.*file=$T/$f.pdf"
done

# Damaged and empty of text is a corrupt file, not a scan.
LC_ALL=C sed 's|/Contents|/Xontents|g' "$T/stmt.pdf" | head -c $((size - 20)) >"$T/damaged-empty.pdf"
fails_with "damaged, no text" "$T/damaged-empty.pdf: corrupt PDF: no readable text" "$T/damaged-empty.pdf"

# Any cut or garbage: an error or text, never a crash.
crashes=0
for pct in 5 15 30 45 60 75 90 97; do
    head -c $((size * pct / 100)) "$T/stmt.pdf" >"$T/cut$pct.pdf"
done
for i in 1 2 3; do
    { printf '%%PDF-1.4\n'
      LC_ALL=C awk -v seed="$i" 'BEGIN { srand(seed); for (k = 0; k < 3000; k++) printf "%c", int(rand() * 255) + 1 }'
    } >"$T/garbage$i.pdf"
done
for f in "$T"/cut*.pdf "$T"/garbage*.pdf; do
    run "$f"
    if [ "$rc" -gt 1 ] || printf '%s' "$err" | grep -q 'Sanitizer\|runtime error'; then
        echo "# $f: exit $rc: $(printf '%s' "$err" | head -3)"
        crashes=$((crashes + 1))
    fi
done
is "cut and garbage files: no crash" "$crashes" 0

# --- passwords --------------------------------------------------------------------
qpdf --encrypt 'open sesame' owner-secret 256 -- "$T/page.pdf" "$T/locked.pdf"
fails_with "locked, no password" "$T/locked.pdf: needs a password" "$T/locked.pdf"
printf 'wrong\n' >"$T/pw-wrong"; chmod 600 "$T/pw-wrong"
fails_with "locked, wrong password" "$T/locked.pdf: wrong password" --password-file "$T/pw-wrong" "$T/locked.pdf"
printf 'wrong\n\nopen sesame\r\n' >"$T/pw"; chmod 600 "$T/pw"
run --password-file "$T/pw" "$T/locked.pdf"
is "locked, right password (third line): exit 0" "$rc" 0
is "locked, right password: same text" "$out" "$upright"
out=$(CARDLEDGER_PDF_PASSWORDS_FILE=$T/pw "$CARDLEDGER_ASAN" layout "$T/locked.pdf" 2>&1)
is "locked, password file from the environment" "$out" "$upright"
chmod 644 "$T/pw"
out=$("$CARDLEDGER_ASAN" layout --password-file "$T/pw" "$T/locked.pdf" 2>&1 >/dev/null); rc=$?
is "password file readable by others: not used, locked file fails" "$rc" 1
like "password file readable by others: refused with a warning naming it" "$out" \
    "password_file_refused.*$T/pw: password file is readable by group or others"
like "password file readable by others: the locked file needs a password" "$out" "$T/locked.pdf: needs a password"
chmod 640 "$T/pw"
out=$(CARDLEDGER_PDF_PASSWORDS_FILE=$T/pw "$CARDLEDGER_ASAN" layout "$T/page.pdf" 2>&1 >/dev/null); rc=$?
is "password file readable by group: refused from the environment too, work goes on" "$rc" 0
like "password file refusal names the file" "$out" "$T/pw: password file is readable"

# --- usage ------------------------------------------------------------------------
run
is "no file: usage exit 2" "$rc" 2
run --memory-limit lots "$T/page.pdf"
is "bad --memory-limit: usage exit 2" "$rc" 2
help=$("$CARDLEDGER" layout --help)
like "help: documents form feeds" "$help" 'form feed'
like "help: has examples" "$help" 'cardledger layout --password-file'
like "overview lists layout" "$("$CARDLEDGER" --help)" 'layout'

done_testing
