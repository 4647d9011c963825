#!/usr/bin/env python3
"""hostile-corpus.py OUT_DIR GOOD.pdf - PDFs built to break a reader, made
from one good statement and from scratch: truncated at many offsets, a
broken or missing xref, wrong stream lengths, deep nesting, page-tree loops,
a page count of 2,147,483,647, a compression bomb, absurd font metrics,
100,000 tiny text runs, not-a-PDF and empty files, odd file names, and a
FIFO (named fifo-*.pdf). Prints the number of files written. The caps that
make the huge page count and the FIFO one error line belong to the document
loader (issue 13, items 8 and 9)."""
import os
import sys
import zlib

out, good_path = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
good = open(good_path, 'rb').read()
n = 0


def put(name, data):
    global n
    with open(os.path.join(out, name), 'wb') as f:
        f.write(data)
    n += 1


def pdf(objs, root=1, trailer_extra=b'', xref=True):
    """objs: {num: bytes body}. A well-formed file unless told otherwise."""
    body = b'%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'
    offs = {}
    for k in sorted(objs):
        offs[k] = len(body)
        body += b'%d 0 obj\n' % k + objs[k] + b'\nendobj\n'
    start = len(body)
    size = max(objs) + 1
    if xref:
        body += b'xref\n0 %d\n0000000000 65535 f \n' % size
        for k in range(1, size):
            body += b'%010d 00000 n \n' % offs.get(k, 0)
    body += b'trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n' % (
        size, root, trailer_extra, start)
    return body


def stream(data, extra=b'', length=None):
    return b'<< /Length %d %s>>\nstream\n' % (len(data) if length is None else length, extra) + data + \
        b'\nendstream'


FONT = b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
TEXT = b'BT /F1 10 Tf 72 720 Td (CHASE Statement Date 01/05/2024 New Balance $10.00) Tj ET'


def one_page(content, font=FONT, pages_extra=b''):
    return {
        1: b'<< /Type /Catalog /Pages 2 0 R >>',
        2: b'<< /Type /Pages /Kids [3 0 R] /Count 1 %s>>' % pages_extra,
        3: b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R '
           b'/Resources << /Font << /F1 5 0 R >> >> >>',
        4: content,
        5: font,
    }


# Truncated at many offsets (the start, the middle, inside the xref).
for frac in (1, 5, 10, 25, 40, 50, 60, 75, 90, 95, 98, 99):
    put('truncated-%02d.pdf' % frac, good[:len(good) * frac // 100])
put('truncated-header.pdf', good[:9])
put('truncated-last-byte.pdf', good[:-1])
# Broken xref: offsets garbled, startxref pointing nowhere, no xref at all.
i = good.rfind(b'startxref')
put('xref-garbled.pdf', good.replace(b' 00000 n', b' 99999 n'))
put('startxref-wrong.pdf', good[:i] + b'startxref\n999999999\n%%EOF\n')
put('xref-missing.pdf', pdf(one_page(stream(TEXT)), xref=False))
# Stream lengths that lie.
put('length-huge.pdf', pdf(one_page(stream(TEXT, length=999999999))))
put('length-short.pdf', pdf(one_page(stream(TEXT, length=3))))
put('length-negative.pdf', pdf(one_page(stream(TEXT, length=-50))))
# Deep nesting: arrays and dictionaries 100,000 levels deep.
put('nesting-arrays.pdf', pdf({**one_page(stream(TEXT)), 6: b'[' * 100000 + b']' * 100000},
                              trailer_extra=b'/Deep 6 0 R '))
put('nesting-dicts.pdf', pdf(one_page(stream(TEXT), pages_extra=b'/X ' + b'<< /A ' * 50000 + b'>> ' * 50000)))
# Page-tree loops: a page tree whose kids are itself, or each other.
loop = one_page(stream(TEXT))
loop[2] = b'<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>'
put('pagetree-self.pdf', pdf(loop))
loop2 = one_page(stream(TEXT))
loop2[2] = b'<< /Type /Pages /Kids [6 0 R] /Count 1 >>'
loop2[6] = b'<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>'
put('pagetree-cycle.pdf', pdf(loop2))
# A page tree claiming 2,147,483,647 pages (one real one).
huge = one_page(stream(TEXT))
huge[2] = b'<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>'
put('pagecount-huge.pdf', pdf(huge))
# Compression bomb: 256 MB of blanks in a 250 kB Flate stream.
z = zlib.compressobj(9)
bomb = b''.join(z.compress(b' ' * (1 << 20)) for _ in range(256)) + z.flush()
put('bomb-flate.pdf', pdf(one_page(stream(bomb, b'/Filter /FlateDecode '))))
# Absurd font metrics and text matrices.
put('font-absurd.pdf', pdf(one_page(
    stream(b'BT /F1 1e30 Tf 1e9 Tz 1e30 0 0 1e30 0 0 Tm (AB) Tj -1e30 TL T* (CD) Tj ET'),
    font=b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 0 /LastChar 255 '
         b'/Widths [' + b'1e38 ' * 256 + b'] /FontMatrix [1e30 0 0 1e30 0 0] >>')))
put('font-zero.pdf', pdf(one_page(stream(b'BT /F1 0 Tf 0 0 0 0 0 0 Tm (ZERO SIZE TEXT) Tj ET'))))
# 100,000 tiny text runs on one page.
runs = b''.join(b'BT /F1 1 Tf %d %d Td (a) Tj ET\n' % (k % 600, k // 600 % 780) for k in range(100000))
put('runs-100k.pdf', pdf(one_page(stream(zlib.compress(runs), b'/Filter /FlateDecode '))))
# Not PDFs at all.
put('empty.pdf', b'')
put('text.pdf', b'this is not a PDF\n' * 10)
put('zeros.pdf', b'\0' * 4096)
put('html.pdf', b'<html><body>%PDF-1.4 trailer</body></html>')
# Odd names, valid content.
for name in ('-rf.pdf', ' leading space.pdf', 'new\nline.pdf', 'tab\there.pdf', "quote'\"s.pdf",
             'unicod\u00e9 \u00fc\u4e2d.pdf', 'x' * 251 + '.pdf', '--help.pdf'):
    put(name, good)
# A FIFO: nothing ever writes it, so a reader that opens it blocks.
fifo = os.path.join(out, 'fifo-statement.pdf')
if not os.path.exists(fifo):
    os.mkfifo(fifo)
n += 1
print(n)
