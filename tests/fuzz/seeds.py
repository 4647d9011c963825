#!/usr/bin/env python3
"""seeds.py OUT_DIR SRC_DIR - the fuzz targets' seed corpora, made from what
the repository already holds (nothing large is committed): the statement
cases' page texts (fuzz_parse; as positioned words for fuzz_layout), the
built-in bank profiles (fuzz_profile) and tests/fuzz/values.txt, one value
per line (fuzz_values)."""
import glob
import os
import struct
import sys

out, src = sys.argv[1], sys.argv[2]
for t in ('fuzz_parse', 'fuzz_layout', 'fuzz_profile', 'fuzz_values', 'fuzz_msg', 'fuzz_api'):
    os.makedirs(os.path.join(out, t), exist_ok=True)


def put(target, name, data):
    with open(os.path.join(out, target, name), 'wb') as f:
        f.write(data)


cases = sorted(glob.glob(os.path.join(src, 'tests/bank/cases/*/')))
for case in cases:
    name = os.path.basename(case.rstrip('/'))
    pages = [open(p, 'rb').read() for p in sorted(glob.glob(case + 'page_*.txt'))]
    put('fuzz_parse', name, b'\f'.join(pages))
    # The first page as words: 5 points a column, 12 a line, size 10.
    recs = b''
    for y, line in enumerate(pages[0].split(b'\n')[:60]):
        col = 0
        for word in line.split(b' '):
            if word:
                x0 = col * 5.0
                recs += struct.pack('<6fBB', x0, y * 12.0, x0 + 5.0 * len(word), y * 12.0 + 10,
                                    y * 12.0 + 8, 10.0, 1, min(len(word), 255)) + word[:255]
            col += len(word) + 1
    put('fuzz_layout', name, recs)
for prof in sorted(glob.glob(os.path.join(src, 'banks/*.profile'))):
    put('fuzz_profile', os.path.basename(prof), open(prof, 'rb').read())
for i, line in enumerate(open(os.path.join(src, 'tests/fuzz/values.txt'), 'rb').read().split(b'\n')):
    if line:
        put('fuzz_values', 'v%03d' % i, line)
# Worker messages as the encoder writes them (fuzz_msg).
for i, line in enumerate([
        b'R\t4242', b'I', b'E\t3\tno space left on the database\'s disk',
        b'S\t17\t' + b'0123456789abcdef' * 4 + b'\t/home/me/statements/chase 2024-01.pdf',
        b'D\t17\tstored\tchase\t3\t41\t41\t0\t1\t12\t',
        b'D\t18\tfailed\t\t0\t0\t0\t0\t0\t3\tnot a PDF (no %PDF header)',
        b'D\t19\tduplicate\tcitibank_sg\t2\t12\t0\t12\t1\t8\t']):
    put('fuzz_msg', 'm%02d' % i, line)
# API requests: endpoint, newline, query string (fuzz_api).
for i, req in enumerate([
        b'summary\nfrom=2024-01-01&to=2024-12-31', b'report\nby=category&year=2024&card=chase:4242&kind=purchase',
        b'transactions\nlimit=50&sort=amount&q=coffee&min=10&max=200.50', b'coverage\nyear=2024',
        b'coverage\nfrom=2023-11&to=2024-02&card=4242', b'imports\nlimit=5', b'cards\n', b'categories\n',
        b'transactions\nafter=2024-03-01,123&category=Dining&category=Travel']):
    put('fuzz_api', 'a%02d' % i, req)
