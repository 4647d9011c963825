#!/usr/bin/env python3
"""pages2pdf.py CASE_DIR FONT CHAR_WIDTH: print the mkpdf description
(tests/pdf/pdfgen.h) of a PDF drawing a page_*.txt statement: every chunk of
text (pagechunks.py) placed at its column times CHAR_WIDTH points,
amount-like chunks right-aligned at their last column, in font FONT
("sans 8"). The PDF's own layout then differs from the text's spacing as
another producer's would."""
import sys

from pagechunks import chunks, pages

case, font, cw = sys.argv[1], sys.argv[2], float(sys.argv[3])
out = []
for lines in pages(case):
    width = max(len(l) for l in lines) * cw + 72
    out.append(f'page {width:.0f} {max(792, len(lines)*11+80)}')
    out.append(f'font {font}')
    for i, l in enumerate(lines):
        y = 40 + i * 11
        for start, end, t, is_amount in chunks(l):
            if is_amount:
                out.append(f'right {36 + end*cw:.1f} {y} {t}')
            else:
                out.append(f'text {36 + start*cw:.1f} {y} {t}')
print('\n'.join(out))
