#!/usr/bin/env bash
# render-pdf.sh STYLE CASE_DIR OUT_PDF - a page_*.txt statement drawn as a
# PDF for the extraction tests. STYLE is "PRODUCER FONT SIZE CHAR_WIDTH
# [MODES]": cairo (pages2pdf.py and tests/pdf/mkpdf, beside $CARDLEDGER)
# places every chunk of text at its column; gs (pages2ps.py and
# Ghostscript's ps2pdf) embeds Type 1 fonts as CFF subsets, has its own
# encodings (an ASCII '-' comes out as U+2212 MINUS SIGN, "'" as U+2019)
# and draws every page's text in scrambled order; MODES "glyphs": letter by
# letter.
set -eu
read -r producer font size cw modes <<<"$1"
here=$(dirname "$0")
case $producer in
cairo) python3 "$here/pages2pdf.py" "$2" "$font $size" "$cw" | "$(dirname "$CARDLEDGER")/tests/pdf/mkpdf" - "$3" ;;
gs) python3 "$here/pages2ps.py" "$2" "$font" "$size" "$cw" shuffle $modes >"$3.ps"
    ps2pdf "$3.ps" "$3" ;;
*) echo "render-pdf.sh: unknown producer '$producer'" >&2
   exit 2 ;;
esac
