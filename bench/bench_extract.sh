#!/usr/bin/env bash
# bench_extract.sh - PDF extraction speed: cardledger (MuPDF in one process)
# against `pdftotext -layout` (one process a file), side by side on the same
# multi-page statements. Target (issue 3): extraction plus parsing at least
# twice as fast as pdftotext alone.
#
#   bench/bench_extract.sh [BUILD_DIR]
# Environment:
#   BENCH_FILES=200 BENCH_PAGES=4   size of the generated corpus
#   BENCH_CORPUS=DIR                use the PDFs in DIR instead
#   BENCH_RUNS=3                    runs of each method; the best one counts
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
cardledger=$build/cardledger
mkpdf=$build/tests/pdf/mkpdf
files=${BENCH_FILES:-200}
pages=${BENCH_PAGES:-4}
runs=${BENCH_RUNS:-3}

command -v pdftotext >/dev/null || { echo "bench_extract: pdftotext not found (poppler-utils)" >&2; exit 1; }

if [ -n "${BENCH_CORPUS:-}" ]; then
    corpus=$BENCH_CORPUS
else
    # Generated once per size and kept in the build directory.
    corpus=$build/bench-corpus/statements-${files}x${pages}
    if [ ! -f "$corpus/.complete" ]; then
        echo "generating $files statements of $pages pages in $corpus"
        rm -rf "$corpus" && mkdir -p "$corpus"
        for i in $(seq 1 "$files"); do
            "$mkpdf" --statement "$i" "$pages" "$corpus/statement-$(printf %04d "$i").pdf" || exit 1
        done
        touch "$corpus/.complete"
    fi
fi
mapfile -t pdfs < <(find "$corpus" -name '*.pdf' | sort)
nfiles=${#pdfs[@]}
[ "$nfiles" -gt 0 ] || { echo "bench_extract: no PDFs in $corpus" >&2; exit 1; }
npages=$("$cardledger" layout --quiet --timing "${pdfs[@]}" 2>&1 >/dev/null | sed -n 's/.* \([0-9]*\) pages,.*/\1/p')

now_ms() { date +%s%N | awk '{ printf "%.1f", $1 / 1e6 }'; }

# best_of CMD... : the fastest of $runs runs, in ms.
best_of() {
    local best="" t0 t1 ms
    for _ in $(seq 1 "$runs"); do
        t0=$(now_ms)
        "$@" >/dev/null 2>&1
        t1=$(now_ms)
        ms=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
        if [ -z "$best" ] || awk -v a="$ms" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$ms; fi
    done
    echo "$best"
}

pdftotext_each() { for f in "${pdfs[@]}"; do pdftotext -layout "$f" /dev/null; done; }
layout_each() { for f in "${pdfs[@]}"; do "$cardledger" layout "$f"; done; }
layout_one_process() { "$cardledger" layout "${pdfs[@]}"; }
parse_one_process() { "$cardledger" parse "${pdfs[@]}"; }

echo "corpus: $nfiles files, $npages pages ($corpus); best of $runs runs"
t_ref=$(best_of pdftotext_each)
row() { # label ms
    awk -v l="$1" -v ms="$2" -v p="$npages" -v f="$nfiles" -v ref="$t_ref" \
        'BEGIN { printf "%-44s %9.1f ms %7.3f ms/page %7.2f ms/file %6.2fx\n", l, ms, ms / p, ms / f, ref / ms }'
}
printf '%-44s %12s %15s %15s %7s\n' "method" "total" "per page" "per file" "speedup"
row "pdftotext -layout (a process a file)" "$t_ref"
t_each=$(best_of layout_each)
row "cardledger layout (a process a file)" "$t_each"
t_one=$(best_of layout_one_process)
row "cardledger layout FILES... (one process)" "$t_one"
best=$t_one
what="extraction"
if "$cardledger" parse --help >/dev/null 2>&1; then
    t_parse=$(best_of parse_one_process)
    row "cardledger parse FILES... (one process)" "$t_parse"
    best=$t_parse
    what="extraction + parsing"
fi
awk -v ref="$t_ref" -v t="$best" -v what="$what" 'BEGIN {
    r = ref / t
    printf "%s: %.2fx as fast as pdftotext -layout (target: 2x) -> %s\n", what, r, (r >= 2 ? "OK" : "BELOW TARGET")
}'
