#!/usr/bin/env python3
"""Compare `cardledger parse` JSON output with a peer-corpus case.

usage: peer_compare.py exact CASE_DIR OUT_JSON
           every expected transaction found exactly once (date, amount,
           description up to white space and case), nothing else; the
           previous-balance row of transformed.csv is in the summary and not a
           transaction; the statement date; reconciled. Prints the problems,
           exits 1 if any.
       peer_compare.py count CASE_DIR OUT_JSON
           prints "EXPECTED CORRECT FALSE" (for the generic-profile accuracy)."""
import csv
import json
import sys
from collections import Counter
from decimal import Decimal


def norm(desc):
    return " ".join(desc.split()).lower()


def key(date, amount, desc):
    return (date, Decimal(str(amount)).quantize(Decimal("0.01")), norm(desc))


def load(case, out):
    with open(f"{case}/expected.json") as f:
        exp = json.load(f)
    with open(out) as f:
        lines = [l for l in f if l.strip()]
    if len(lines) != 1:
        raise SystemExit(f"expected one JSON line, got {len(lines)}")
    got = json.loads(lines[0])
    return exp, got


def main():
    mode, case, out = sys.argv[1:4]
    exp, got = load(case, out)
    want = Counter(key(t["transaction_date"], t["amount"], t["description"]) for t in exp["transactions"])
    have = Counter(key(t["date"], t["amount"], t["description"]) for t in got["transactions"])
    correct = sum((want & have).values())
    false = sum((have - want).values())
    if mode == "count":
        print(sum(want.values()), correct, false)
        return 0
    problems = []
    for k in want - have:
        problems.append(f"missing: {k}")
    for k in have - want:
        problems.append(f"unexpected: {k}")
    # Rows of transformed.csv that are not transactions are previous
    # balances: they belong in the summary.
    with open(f"{case}/transformed.csv", newline="") as f:
        rows = Counter(key(r["date"], r["amount"], r["description"]) for r in csv.DictReader(f))
    extra = rows - want
    prev = [b for b in exp.get("balances", []) if b["type"] == "previous"]
    summary_prev = got["summary"]["previous_balance"]
    for (date, amount, desc) in extra:
        if (date, amount, desc) in have:
            problems.append(f"previous-balance row taken as a transaction: {desc}")
        if summary_prev is None or Decimal(summary_prev) != -amount:
            problems.append(f"summary previous_balance {summary_prev}, want {-amount} ({desc})")
    if len(prev) != len(extra):
        problems.append(f"{len(extra)} extra CSV rows but {len(prev)} previous balances in expected.json")
    if got["statement_date"] != exp["period_end"]:
        problems.append(f"statement_date {got['statement_date']}, want {exp['period_end']}")
    if exp.get("period_start") and got["period_start"] != exp["period_start"]:
        problems.append(f"period_start {got['period_start']}, want {exp['period_start']}")
    if not got["reconciled"]:
        problems.append(f"not reconciled: {got['warnings']}")
    if got["warnings"]:
        problems.append(f"warnings: {got['warnings']}")
    accounts = {t.get("account") for t in exp["transactions"]} - {None}
    if accounts and got["account_last4"] not in accounts:
        problems.append(f"account_last4 {got['account_last4']}, want {accounts}")
    for p in problems:
        print(p)
    return 1 if problems else 0


sys.exit(main())
