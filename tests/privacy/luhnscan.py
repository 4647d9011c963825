#!/usr/bin/env python3
"""luhnscan.py - report every card number (13-19 digits passing the Luhn
check, in groups joined by one or two spaces/dashes, whatever surrounds it)
in the files or stdin given. Written apart from src/common/cardmask.c so the
test does not check the masker against itself. SHA-256 hex strings (file
hashes, fingerprints) are skipped. Prints one line per hit; exit 1 if any."""
import re
import sys

SHA = re.compile(r'(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])')
RUN = re.compile(r'[0-9]+(?:[ -]{1,2}[0-9]+)*')


def luhn(d):
    total = 0
    for i, c in enumerate(reversed(d)):
        x = int(c)
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        total += x
    return total % 10 == 0


def hits(text):
    text = SHA.sub('<sha256>', text)
    for m in RUN.finditer(text):
        groups = re.findall(r'[0-9]+', m.group(0))
        for a in range(len(groups)):
            digits = ''
            for b in range(a, len(groups)):
                digits += groups[b]
                if len(digits) > 19:
                    break
                if len(digits) >= 13 and luhn(digits):
                    yield m.group(0), digits


def main():
    found = 0
    for name in sys.argv[1:] or ['-']:
        data = sys.stdin.buffer.read() if name == '-' else open(name, 'rb').read()
        for lineno, line in enumerate(data.decode('utf-8', 'replace').splitlines(), 1):
            for run, digits in hits(line):
                found += 1
                if found <= 20:
                    print(f'{name}:{lineno}: {digits} in {line.strip()[:160]!r}')
    if found:
        print(f'{found} card number(s) found')
    return 1 if found else 0


if __name__ == '__main__':
    sys.exit(main())
