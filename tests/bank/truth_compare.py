#!/usr/bin/env python3
"""truth_compare.py exact|count DIR PARSE_OUT.jsonl

Compare `cardledger parse` output (JSON lines, any order) with the
ground-truth JSON files statement-gen wrote beside each PDF in DIR.
exact: every statement matches its truth (fields, summary, reconciliation,
transactions: dates, description, amounts, foreign amounts, page; layout
line numbers are the extractor's own and not compared); prints the
differences, exit 1 if any. count: prints "EXPECTED CORRECT FALSE" over all
statements (date, amount, description up to white space and case)."""
import glob
import json
import os
import sys
from collections import Counter

mode, folder, out = sys.argv[1:4]
got = {}
with open(out) as f:
    for line in f:
        if line.strip():
            o = json.loads(line)
            got[os.path.basename(o["file"])] = o

FIELDS = ["issuer", "statement_kind", "account_last4", "currency", "statement_date", "period_start", "period_end", "reconciled",
          "reconcile_difference"]
TXN = ["date", "posted_date", "description", "amount", "currency", "foreign_amount", "foreign_currency", "page"]


def key(t):
    return (t["date"], t["amount"], " ".join(t["description"].split()).lower())


problems, total, correct, false = [], 0, 0, 0
for truth_file in sorted(glob.glob(os.path.join(folder, "*.json"))):
    truth = json.load(open(truth_file))
    name = os.path.basename(truth_file)[:-5] + ".pdf"
    o = got.get(name)
    if o is None:
        problems.append(f"{name}: not parsed")
        total += len(truth["transactions"])
        continue
    want, have = Counter(map(key, truth["transactions"])), Counter(map(key, o["transactions"]))
    total += sum(want.values())
    correct += sum((want & have).values())
    false += sum((have - want).values())
    if mode != "exact":
        continue
    for k in FIELDS:
        if truth.get(k) != o.get(k):
            problems.append(f"{name}: {k} {o.get(k)!r}, want {truth.get(k)!r}")
    if truth["summary"] != o["summary"]:
        problems.append(f"{name}: summary {o['summary']}, want {truth['summary']}")
    if len(truth["transactions"]) != len(o["transactions"]):
        problems.append(f"{name}: {len(o['transactions'])} transactions, want {len(truth['transactions'])}")
    else:
        for i, (a, b) in enumerate(zip(truth["transactions"], o["transactions"])):
            for k in TXN:
                if a.get(k) != b.get(k):
                    problems.append(f"{name}: transaction {i + 1} {k} {b.get(k)!r}, want {a.get(k)!r}")
    if o["warnings"]:
        problems.append(f"{name}: warnings {o['warnings']}")

if mode == "count":
    print(total, correct, false)
    sys.exit(0)
for p in problems[:40]:
    print(p)
sys.exit(1 if problems else 0)
