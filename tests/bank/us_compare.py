#!/usr/bin/env python3
"""us_compare.py - `cardledger parse` output against statement-gen ground truth.

    us_compare.py PARSE_OUTPUT.jsonl TRUTH.json...

Every truth file's PDF (same name, .pdf) must be in PARSE_OUTPUT (one JSON
object per line, matched by file name) with exactly the truth's issuer,
account_last4, currency, statement and period dates, summary, reconciled,
reconcile_difference, warnings, and transactions (date, posted_date,
description, amount, currency, foreign_amount, foreign_currency, kind, page).
Line numbers are only counted when they differ.

Prints one line per differing statement (its first difference) and a
summary line; exits 1 on any difference.
"""
import json
import os
import sys

TOP = ["issuer", "account_last4", "currency", "statement_date", "period_start", "period_end",
       "summary", "reconciled", "reconcile_difference", "warnings"]
TXN = ["date", "posted_date", "description", "amount", "currency", "foreign_amount",
       "foreign_currency", "kind", "page"]


def compare(got, want, stats):
    if want.get("period_start") is None and want.get("period_end") is None:
        # No printed period: parse ends it on the statement date (older
        # statement-gen truth files print null).
        want = dict(want, period_end=want["statement_date"])
    for k in TOP:
        if got.get(k) != want.get(k):
            return "%s: got %r, want %r" % (k, got.get(k), want.get(k))
    gt, wt = got.get("transactions", []), want["transactions"]
    if len(gt) != len(wt):
        return "transactions: %d, want %d" % (len(gt), len(wt))
    for i, (g, w) in enumerate(zip(gt, wt)):
        for k in TXN:
            if g.get(k) != w[k]:
                return "transactions[%d].%s: got %r, want %r (%s)" % (i, k, g.get(k), w[k], w["description"])
        if g.get("line") != w["line"]:
            stats["lines"] += 1
    return None


def main(argv):
    parsed = {}
    with open(argv[0]) as f:
        for line in f:
            if line.strip():
                obj = json.loads(line)
                parsed[os.path.basename(obj.get("file", ""))] = obj
    stats = {"lines": 0, "txns": 0}
    bad = 0
    for path in argv[1:]:
        want = json.load(open(path))
        name = os.path.basename(path[:-5] + ".pdf")
        got = parsed.get(name)
        stats["txns"] += len(want["transactions"])
        d = "not in the parse output" if got is None else compare(got, want, stats)
        if d:
            print("%s: %s" % (name, d))
            bad += 1
    print("# %d statements, %d transactions, %d differ; %d other line numbers" %
          (len(argv) - 1, stats["txns"], bad, stats["lines"]))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
