#!/usr/bin/env bash
# t_inputs.sh - one way in: `layout`, `parse` and `profile check` find and
# open their inputs as ingest does (one walker, one loader), and every bad
# input is one error line while the run goes on: a name that is not UTF-8,
# a FIFO, /dev/zero, a page tree claiming 2^31 pages, a NUL byte or a
# 1 MB line in a page-text file, a path over 4,095 bytes.
source "$CL_SRC/tests/lib.sh"

T=$CL_TEST_TMP/t_inputs
rm -rf "$T" && mkdir -p "$T/good"
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:exitcode=86"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-}:exitcode=87"
unset CARDLEDGER_PDF_PASSWORDS_FILE
if [ ! -x "${STATEMENT_GEN:-}" ]; then
    echo "1..0 # SKIP statement-gen is not built"
    exit 0
fi
profile=$("$STATEMENT_GEN" --list-profiles | head -1)
"$STATEMENT_GEN" --profile "$profile" --months 3 --out "$T/good" >/dev/null 2>&1
n_good=$(ls "$T/good"/*.pdf | wc -l)
ok "three generated statements" test "$n_good" -eq 3

# --- a name that is not UTF-8 among good statements -------------------------
bad=$(printf 'bad\xff.pdf')
cp "$(ls "$T/good"/*.pdf | head -1)" "$T/good/$bad"
out=$("$CARDLEDGER_ASAN" parse "$T/good" 2>"$T/err")
is "parse: a non-UTF-8 name does not stop the run" "$?" 0
is "parse: every statement printed" "$(printf '%s\n' "$out" | wc -l)" 4
like "parse: the name is shown escaped" "$out" '"file":"[^"]*/bad\\\\xFF\.pdf"'
ok "parse: every line is valid JSON (UTF-8)" python3 -c '
import json, sys
for l in open(sys.argv[1], encoding="utf-8"): json.loads(l)' <(printf '%s\n' "$out")
rm -f "$T/good/$bad"

# --- parse, layout and ingest see the same files in the same order ---------
mkdir -p "$T/tree/b" "$T/tree/a" "$T/tree/.hidden"
for f in "$T/good"/*.pdf; do cp "$f" "$T/tree/b/"; done
cp "$(ls "$T/good"/*.pdf | head -1)" "$T/tree/a/z.pdf"
cp "$(ls "$T/good"/*.pdf | head -1)" "$T/tree/.hidden/h.pdf"
ln -s "$T/tree/b" "$T/tree/a/link-to-b"
parse_files=$("$CARDLEDGER" parse "$T/tree" 2>/dev/null | python3 -c '
import json, sys
for l in sys.stdin: print(json.loads(l)["file"])')
layout_files=$("$CARDLEDGER" layout "$T/tree" 2>/dev/null | sed -n 's/^==> \(.*\) <==$/\1/p')
is "parse and layout take the same files in the same order" "$parse_files" "$layout_files"
is "in name order, a linked folder once, hidden skipped" "$(printf '%s\n' "$parse_files" | sed "s|$T/tree/||")" \
"a/link-to-b/$(ls "$T/good" | grep pdf | sed -n 1p)
a/link-to-b/$(ls "$T/good" | grep pdf | sed -n 2p)
a/link-to-b/$(ls "$T/good" | grep pdf | sed -n 3p)
a/z.pdf"
(cd "$T" && "$CARDLEDGER" parse tree/a/z.pdf >"$T/rel.json" 2>/dev/null)
like "a relative INPUT is shown absolute" "$(cat "$T/rel.json")" "\"file\":\"$T/tree/a/z.pdf\""

# --- FIFO and /dev/zero: one error line each, never a hang -------------------
mkfifo "$T/good/fifo.pdf"
out=$(timeout 20 "$CARDLEDGER_ASAN" parse "$T/good/fifo.pdf" /dev/zero "$T/good" 2>"$T/err")
rc=$?
is "parse: FIFO and /dev/zero fail (exit 1, no hang)" "$rc" 1
like "parse: the FIFO is one line naming it" "$(cat "$T/err")" "fifo\.pdf: not a regular file \(a FIFO\)"
like "parse: /dev/zero is one line naming it" "$(cat "$T/err")" "/dev/zero: not a regular file \(a character device\)"
is "parse: two lines for the FIFO (named, and found in the folder) and one for /dev/zero" \
    "$(wc -l <"$T/err")" 3
is "parse: the good statements are still printed" "$(printf '%s\n' "$out" | wc -l)" 3
timeout 20 "$CARDLEDGER_ASAN" layout --quiet "$T/good/fifo.pdf" 2>"$T/err"
is "layout: a FIFO fails without hanging" "$?" 1
timeout 20 "$CARDLEDGER_ASAN" profile check "$profile" "$T/good/fifo.pdf" >/dev/null 2>"$T/err"
is "profile check: a FIFO fails without hanging" "$?" 1
rm -f "$T/good/fifo.pdf"

# --- a page tree claiming 2,147,483,647 pages -------------------------------
python3 - "$T/huge.pdf" <<'PY'
import sys
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>"]
s = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET"
objs.append(b"<< /Length %d >>\nstream\n" % len(s) + s + b"\nendstream")
out, offs = b"%PDF-1.4\n", []
for i, o in enumerate(objs):
    offs.append(len(out)); out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
x = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
open(sys.argv[1], "wb").write(out)
PY
first=$(ls "$T/good"/*.pdf | head -1)
out=$("$CARDLEDGER_ASAN" layout "$T/huge.pdf" "$first" 2>"$T/err")
is "layout: the huge page count fails the file (exit 1)" "$?" 1
like "layout: one line naming the file and the cap" "$(cat "$T/err")" \
    "^cardledger layout: $T/huge.pdf: claims 2147483647 pages, more than the limit of 5000"
is "layout: one line" "$(wc -l <"$T/err")" 1
like "layout: the next file is still printed" "$out" "==> $first <=="
out=$("$CARDLEDGER_ASAN" parse "$T/huge.pdf" "$first" 2>"$T/err")
is "parse: the huge page count fails the file (exit 1)" "$?" 1
like "parse: one line naming the file" "$(cat "$T/err")" "huge\.pdf: claims 2147483647 pages"
is "parse: the next file is still parsed" "$(printf '%s\n' "$out" | wc -l)" 1
"$CARDLEDGER" parse --max-pages 1 "$first" >/dev/null 2>"$T/err"
like "--max-pages is the same cap for any document" "$(cat "$T/err")" "pages, more than the limit of 1"
"$CARDLEDGER" layout --memory-limit 0.3 --quiet "$first" 2>"$T/err"
like "layout: --memory-limit fails a document with one line" "$(cat "$T/err")" "memory limit"
"$CARDLEDGER" parse --memory-limit 0.3 "$first" 2>"$T/err" >/dev/null
like "parse: --memory-limit is accepted and applied" "$(cat "$T/err")" "memory limit"
second=$(ls "$T/good"/*.pdf | sed -n 2p)
out=$("$CARDLEDGER_ASAN" parse --file-timeout 0.000001 "$first" "$second" 2>"$T/err")
is "parse: --file-timeout fails a document that takes longer (exit 1)" "$?" 1
is "... one line per document, and the run goes on to the next" \
    "$(grep -c 'took longer than the 1e-06 s time limit per file' "$T/err")" 2
"$CARDLEDGER_ASAN" layout --quiet --file-timeout 0.000001 "$first" 2>"$T/err"
like "layout: the same time limit" "$(cat "$T/err")" "^cardledger layout: $first: took longer than"
"$CARDLEDGER" parse --file-timeout nope "$first" 2>"$T/err" >/dev/null
is "parse: a bad --file-timeout is a usage error" "$?" 2

# --- page-text folders: a NUL byte, a 1 MB line ----------------------------
mkdir -p "$T/pages"
printf 'STATEMENT\n01/02 COFFEE 3.50\n' >"$T/pages/page_1.txt"
printf 'SECOND PAGE\n\000hidden after a NUL\n' >"$T/pages/page_2.txt"
"$CARDLEDGER_ASAN" parse "$T/pages" >/dev/null 2>"$T/err"
is "a NUL byte in a page file fails the folder" "$?" 1
like "... with one line naming the page file" "$(cat "$T/err")" "pages/page_2.txt: holds a NUL byte at offset 12"
mkdir -p "$T/long"
python3 -c 'import sys; sys.stdout.write("01/02 " + "WORD " * 200000 + " 3.50\n")' >"$T/long/page_1.txt"
start=$SECONDS
timeout 60 "$CARDLEDGER" layout --quiet "$T/long"
rc=$?
ok "a 1 MB line in a page file is read in linear time (well under a minute)" test "$rc" -le 1 -a $((SECONDS - start)) -lt 20

# --- a path over 4,095 bytes -----------------------------------------------
deep=$T/deep
long=$(printf 'd%.0s' $(seq 200))
(mkdir -p "$deep" && cd "$deep" && for i in $(seq 22); do mkdir "$long" && cd "$long" || exit 1; done &&
    cp "$first" s.pdf)
ok "a statement more than 4,095 bytes deep was made" test $? -eq 0
"$CARDLEDGER" parse "$deep" >/dev/null 2>"$T/err"
is "parse: a path over 4,095 bytes is an error (exit 1)" "$?" 1
like "parse: one line saying so" "$(cat "$T/err")" "path longer than 4,095 bytes"
rm -rf "$deep"

done_testing
