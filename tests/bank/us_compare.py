#!/usr/bin/env python3
"""us_compare.py - `cardledger parse` output against statement-gen ground truth.

    us_compare.py [--names-gap ID,ID] PARSE_OUTPUT.jsonl TRUTH.json...

Every truth file's PDF (same name, .pdf) must be in PARSE_OUTPUT (one JSON
object per line, matched by file name) with exactly the truth's issuer,
account_last4, currency, statement and period dates, summary, reconciled,
reconcile_difference, warnings, and transactions (date, posted_date,
description, amount, currency, foreign_amount, foreign_currency, page).
Line numbers are only counted when they differ.

--names-gap: issuers whose statements print the foreign currency by its
name ("HONG KONG DOLLAR") where the engine cannot map names to ISO codes
yet; for them an empty foreign_currency is accepted (and counted) when the
foreign amount is right. Any other value must still equal the truth.

Prints one line per differing statement (its first difference) and a
summary line; exits 1 on any difference.
"""
import json
import os
import sys

TOP = ["issuer", "account_last4", "currency", "statement_date", "period_start", "period_end",
       "summary", "reconciled", "reconcile_difference", "warnings"]
TXN = ["date", "posted_date", "description", "amount", "currency", "foreign_amount", "page"]


def compare(got, want, names_gap, stats):
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
        gc, wc = g.get("foreign_currency"), w["foreign_currency"]
        if gc != wc:
            if names_gap and wc and not gc:
                stats["gap"] += 1
            else:
                return "transactions[%d].foreign_currency: got %r, want %r (%s)" % (i, gc, wc, w["description"])
        if g.get("line") != w["line"]:
            stats["lines"] += 1
    return None


def main(argv):
    gap = set()
    if argv and argv[0] == "--names-gap":
        gap = set(argv[1].split(","))
        argv = argv[2:]
    parsed = {}
    with open(argv[0]) as f:
        for line in f:
            if line.strip():
                obj = json.loads(line)
                parsed[os.path.basename(obj.get("file", ""))] = obj
    stats = {"gap": 0, "lines": 0, "txns": 0}
    bad = 0
    for path in argv[1:]:
        want = json.load(open(path))
        name = os.path.basename(path[:-5] + ".pdf")
        got = parsed.get(name)
        stats["txns"] += len(want["transactions"])
        d = "not in the parse output" if got is None else compare(got, want, want["issuer"] in gap, stats)
        if d:
            print("%s: %s" % (name, d))
            bad += 1
    print("# %d statements, %d transactions, %d differ; %d other line numbers; "
          "%d currency names not mapped (engine gap)" %
          (len(argv) - 1, stats["txns"], bad, stats["lines"], stats["gap"]))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
