#!/usr/bin/env python3
"""pages2ps.py CASE_DIR FONT SIZE CHAR_WIDTH [shuffle] [glyphs]: print a PostScript
program drawing a page_*.txt statement, for Ghostscript's ps2pdf: a second
PDF producer beside cairo, with its own fonts (Type 1, embedded as CFF
subsets), encodings and text operators. Every chunk of text (pagechunks.py)
is placed at its column times CHAR_WIDTH points, amount-like chunks
right-aligned at their last column. With "shuffle" the
chunks of each page are drawn in a scrambled order, not reading order; with
"glyphs" every letter of a left-aligned chunk is drawn on its own, at the
width of the text before it (as some producers do), so with "shuffle" too
the letters of a word come in any order."""
import random
import sys

from pagechunks import chunks, pages

case, font, size, cw = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
shuffle = 'shuffle' in sys.argv[5:]
glyphs = 'glyphs' in sys.argv[5:]


def ps_string(t):
    """A PostScript string literal; non-ASCII text as Latin-1 octal escapes."""
    out = []
    for ch in t:
        o = ord(ch)
        if ch in '()\\':
            out.append('\\' + ch)
        elif 32 <= o < 127:
            out.append(ch)
        elif o < 256:
            out.append('\\%03o' % o)
        else:
            out.append('?')
    return '(' + ''.join(out) + ')'


print('%!PS-Adobe-3.0')
print(f'/F /{font} findfont dup length dict begin {{1 index /FID ne {{def}} {{pop pop}} ifelse}} forall'
      ' /Encoding ISOLatin1Encoding def currentdict end definefont pop')
print('/R { dup stringwidth pop 4 -1 roll exch sub 3 -1 roll moveto show } def')  # right-x y (s) R
rng = random.Random(7)
for n, lines in enumerate(pages(case), 1):
    width = max(len(l) for l in lines) * cw + 72
    height = max(792, len(lines) * (size + 3) + 80)
    print(f'%%Page: {n} {n}')
    print(f'<< /PageSize [{width:.0f} {height:.0f}] >> setpagedevice')
    print(f'/F findfont {size} scalefont setfont')
    ops = []
    for i, l in enumerate(lines):
        y = height - 40 - i * (size + 3)
        for start, end, t, is_amount in chunks(l):
            if is_amount:
                ops.append(f'{36 + end * cw:.2f} {y:.2f} {ps_string(t)} R')
            elif glyphs:
                x0 = 36 + start * cw
                ops.extend(f'{ps_string(t[:k])} stringwidth pop {x0:.2f} add {y:.2f} moveto {ps_string(c)} show'
                           for k, c in enumerate(t) if c != ' ')
            else:
                ops.append(f'{36 + start * cw:.2f} {y:.2f} moveto {ps_string(t)} show')
    if shuffle:
        rng.shuffle(ops)
    print('\n'.join(ops))
    print('showpage')
