#!/usr/bin/env python3
"""check_truth.py - check statement-gen ground truth against its PDF.

    check_truth.py [--luhn] FILE.json...

For each ground-truth file, reads the PDF beside it with MuPDF
(`mutool draw -F stext`: every character with its baseline origin),
rebuilds the text lines of each page as the ground truth counts them
(distinct baselines, top first) and checks:
  - the sha256 and page count;
  - every transaction's amount is printed on its (page, line), its
    description words appear in order from that line on, and its foreign
    amount (when given) near it; its kind is one of purchase, fee,
    interest (negative amounts), payment, refund (positive);
  - amounts reconcile with the summary's previous and new balance, and a
    complete summary is self-consistent;
  - with --luhn: a Luhn-valid 13-19 digit card number ending in
    account_last4 is printed somewhere.
Prints one line per problem and exits 1 if there was any.
"""
import hashlib
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal


def pages_of(pdf):
    xml = subprocess.run(["mutool", "draw", "-q", "-F", "stext", "-o", "-", pdf],
                         check=True, capture_output=True).stdout
    root = ET.fromstring(xml)
    pages = []
    for page in root.iter("page"):
        chars = []
        for font in page.iter("font"):
            size = float(font.get("size"))
            for ch in font.iter("char"):
                chars.append((round(float(ch.get("y")), 2), float(ch.get("x")), ch.get("c"), size,
                              float(ch.get("quad").split()[2])))
        lines = {}
        for y, x, c, size, x_end in chars:
            lines.setdefault(y, []).append((x, c, size, x_end))
        text = []
        for y in sorted(lines):
            out, last_end = "", None
            for x, c, size, x_end in sorted(lines[y]):
                if last_end is not None and x - last_end > size * 0.15:
                    out += " "
                out += c
                last_end = x_end
            text.append(re.sub(r"\s+", " ", out).strip())
        pages.append(text)
    return pages


def grouped(v):
    v = abs(Decimal(v))
    whole, frac = divmod(v, 1)
    return "{:,}.{:02d}".format(int(whole), int(frac * 100))


def luhn(digits):
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d)
        if i % 2 == 1:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def check(path, want_luhn):
    problems = []
    truth = json.load(open(path))
    pdf = path[:-5] + ".pdf"
    digest = hashlib.sha256(open(pdf, "rb").read()).hexdigest()
    if truth["sha256"] != digest:
        problems.append("sha256 differs")
    pages = pages_of(pdf)
    if truth["pages"] != len(pages):
        problems.append("pages %d, pdf has %d" % (truth["pages"], len(pages)))
    total = Decimal(0)
    for i, t in enumerate(truth["transactions"]):
        total += Decimal(t["amount"])
        where = "transaction %d (%s, page %s line %s)" % (i, t["description"], t["page"], t["line"])
        if not 1 <= t["page"] <= len(pages) or not 1 <= t["line"] <= len(pages[t["page"] - 1]):
            problems.append(where + ": no such line")
            continue
        lines = pages[t["page"] - 1]
        first = lines[t["line"] - 1]
        amt = grouped(t["amount"])
        if amt not in first:
            problems.append(where + ": amount %s not on the line %r" % (amt, first))
        window = " ".join(lines[t["line"] - 1:t["line"] + 5]).split()
        pos = 0
        for word in t["description"].split():
            while pos < len(window) and window[pos] != word:
                pos += 1
            if pos == len(window):
                problems.append(where + ": word %r not found in %r" % (word, window))
                break
            pos += 1
        sign = {"purchase": -1, "fee": -1, "interest": -1, "payment": 1, "refund": 1}.get(t.get("kind"))
        if sign is None or sign * Decimal(t["amount"]) <= 0:
            problems.append(where + ": kind %r does not fit amount %s" % (t.get("kind"), t["amount"]))
        if t["foreign_amount"] is not None:
            fx = grouped(t["foreign_amount"])
            if fx not in " ".join(lines[t["line"] - 1:t["line"] + 6]):
                problems.append(where + ": foreign amount %s not printed" % fx)
    s = truth["summary"]
    if s["previous_balance"] is not None and s["new_balance"] is not None:
        change = Decimal(s["new_balance"]) - Decimal(s["previous_balance"])
        if change != -total:
            problems.append("transactions sum %s, balance change %s" % (total, change))
    if all(s[k] is not None for k in s):
        pay = abs(Decimal(s["payments_and_credits"]))
        calc = (Decimal(s["previous_balance"]) + Decimal(s["purchases"]) + Decimal(s["fees"])
                + Decimal(s["interest"]) - pay)
        if calc != Decimal(s["new_balance"]):
            problems.append("summary not self-consistent")
    if want_luhn is not None:
        text = "\n".join("\n".join(p) for p in pages)
        found = False
        for m in re.finditer(r"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])", text):
            digits = re.sub(r"\D", "", m.group(0))
            if luhn(digits) and digits.endswith(truth["account_last4"] or "????"):
                found = True
        if want_luhn and not found:
            problems.append("no Luhn-valid full card number printed")
        if not want_luhn and found:
            problems.append("a Luhn-valid full card number is printed")
    return ["%s: %s" % (path, p) for p in problems]


def main(argv):
    want_luhn = True if "--luhn" in argv else False if "--no-luhn" in argv else None
    files = [a for a in argv if a not in ("--luhn", "--no-luhn")]
    problems = []
    for f in files:
        problems += check(f, want_luhn)
    for p in problems[:50]:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
