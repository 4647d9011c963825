#!/usr/bin/env bash
# t_cases.sh - statement cases as data: each tests/bank/cases/NAME/ holds
# page_*.txt files, an optional `args` file (extra `parse` arguments, e.g.
# --profile generic) and expect.json, the parts of the `parse` output that
# must hold (see expect_match.py). Add a case by adding a folder. Each case
# is also drawn as a PDF by two producers (render-pdf.sh: cairo, and
# Ghostscript with its text in scrambled order) and must read the same
# through MuPDF, unless it holds a `text_only` file saying why not (the
# renderers draw a line's text between runs of two spaces as one piece, so
# they cannot draw, say, an amount one space after its description but
# aligned with the amounts above it).
source "$CL_SRC/tests/lib.sh"

out=$CL_TEST_TMP/bank_cases
mkdir -p "$out"
for dir in "$CL_SRC"/tests/bank/cases/*/; do
    name=$(basename "$dir")
    args=()
    [ -f "$dir/args" ] && read -r -a args <"$dir/args"
    "$CARDLEDGER_ASAN" parse "${args[@]}" "$dir" >"$out/$name.json" 2>"$out/$name.err"
    is "$name: parse exits 0" "$?" 0
    ok "$name: as expected" python3 "$CL_SRC/tests/bank/expect_match.py" "$dir/expect.json" "$out/$name.json"
    [ -f "$dir/text_only" ] && continue
    "$CL_SRC/tests/bank/render-pdf.sh" "cairo sans 8 4.8" "$dir" "$out/$name.cairo.pdf"
    "$CL_SRC/tests/bank/render-pdf.sh" "gs Helvetica 8 4.8" "$dir" "$out/$name.gs.pdf"
    for producer in cairo gs; do
        "$CARDLEDGER_ASAN" parse "${args[@]}" "$out/$name.$producer.pdf" >"$out/$name.$producer.json" 2>/dev/null
        ok "$name as a $producer PDF: as expected" \
            python3 "$CL_SRC/tests/bank/expect_match.py" "$dir/expect.json" "$out/$name.$producer.json"
    done
done
done_testing
