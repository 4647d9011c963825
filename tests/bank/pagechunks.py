"""pagechunks.py - what the test PDF renderers (pages2pdf.py, pages2ps.py)
draw of a page_*.txt statement: its pages, and on each line the chunks of
text (runs separated by two or more spaces) with their columns; amount-like
chunks are marked, to be right-aligned at their last column as statements
print them."""
import glob
import os
import re

AMOUNT = re.compile(r'^[-+(]?[A-Z]{0,2}\$?-?[\d,]*\d\.\d{2}\)?(?:\s?CR|DR)?$')


def pages(case):
    """The lines of each page_*.txt file of CASE, in name order."""
    for p in sorted(glob.glob(os.path.join(case, 'page_*.txt'))):
        with open(p, encoding='utf-8') as f:
            yield f.read().split('\n')


def chunks(line):
    """(first column, end column, text, amount-like) of each chunk."""
    for m in re.finditer(r'\S+(?: \S+)*', line):
        yield m.start(), m.end(), m.group(0), bool(AMOUNT.match(m.group(0)))
