#!/usr/bin/env python3
"""pages2pdf.py CASE_DIR FONT CHAR_WIDTH: print the mkpdf description
(tests/pdf/pdfgen.h) of a PDF drawing a page_*.txt statement: every chunk of
text (runs separated by two or more spaces) placed at its column times
CHAR_WIDTH points, amount-like chunks right-aligned at their last column (as
statements print them), in font FONT ("sans 8"). The PDF's own layout then
differs from the text's spacing as another producer's would."""
import glob
import os
import re
import sys

case, font, cw = sys.argv[1], sys.argv[2], float(sys.argv[3])
pages = sorted(glob.glob(os.path.join(case, 'page_*.txt')))
amount = re.compile(r'^[-+(]?[A-Z]{0,2}\$?-?[\d,]*\d\.\d{2}\)?(?:\s?CR|DR)?$')
out = []
for p in pages:
    lines = open(p).read().split('\n')
    width = max(len(l) for l in lines) * cw + 72
    out.append(f'page {width:.0f} {max(792, len(lines)*11+80)}')
    out.append(f'font {font}')
    for i, l in enumerate(lines):
        y = 40 + i * 11
        for m in re.finditer(r'\S+(?: \S+)*', l):
            t = m.group(0)
            if amount.match(t):
                out.append(f'right {36 + m.end()*cw:.1f} {y} {t}')
            else:
                out.append(f'text {36 + m.start()*cw:.1f} {y} {t}')
print('\n'.join(out))
