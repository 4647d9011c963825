#!/usr/bin/env python3
"""truth_compare.py - `cardledger parse` output against statement-gen's ground truth.

    truth_compare.py [--count] PARSE_OUTPUT.jsonl TRUTH...

TRUTH is a ground-truth JSON file statement-gen wrote beside a PDF, or a
directory of them. PARSE_OUTPUT holds one JSON object per line, as `cardledger
parse` prints them, matched to a truth file by the PDF's file name.

Default: every truth's statement must be in the parse output and equal the
truth in every field the truth has (a field the truth gains, say a
transaction's `kind`, is compared without a change here), except the fields in
IGNORED: `file` (a path) and the transactions' `line` (the extractor's own
layout line numbers: counted when they differ, never failed). Prints the
first differences of each differing statement and a closing `# ...` count
line; exits 1 on any difference.

--count: for a parser not expected to be exact (the generic profile), prints
"EXPECTED CORRECT FALSE" over all transactions, matched by MATCH_KEY (date,
amount, description up to white space and case), and exits 0.
"""
import json
import os
import sys
from collections import Counter

# Paths not compared: top-level keys, and keys of every transaction.
IGNORED = {"file", "transactions[].line"}
DIFFS_PER_STATEMENT = 5
MAX_LINES = 40


def match_key(t):
    return (t["date"], t["amount"], " ".join(t["description"].split()).lower())


def diffs(got, want, path=""):
    """Differences of got from want, over want's fields, as readable lines."""
    if isinstance(want, dict):
        if not isinstance(got, dict):
            yield "%s: got %r, want an object" % (path or "statement", got)
            return
        for k, w in want.items():
            p = "%s.%s" % (path, k) if path else k
            if p in IGNORED:
                continue
            if k not in got:
                yield "%s missing" % p
            else:
                yield from diffs(got[k], w, p)
    elif isinstance(want, list):
        if not isinstance(got, list):
            yield "%s: got %r, want a list" % (path, got)
        elif len(got) != len(want):
            yield "%s: %d items, want %d" % (path, len(got), len(want))
        else:
            for i, (g, w) in enumerate(zip(got, want)):
                # "transactions[3].amount" reported, "transactions[].amount" ignorable
                for d in diffs(g, w, "%s[]" % path):
                    yield d.replace("%s[]" % path, "%s[%d]" % (path, i), 1)
    elif got != want:
        yield "%s: got %r, want %r" % (path, got, want)


def truth_files(args):
    for a in args:
        if os.path.isdir(a):
            yield from sorted(os.path.join(a, n) for n in os.listdir(a) if n.endswith(".json"))
        else:
            yield a


def load_parsed(path):
    parsed = {}
    with open(path) as f:
        for line in f:
            if line.strip():
                obj = json.loads(line)
                parsed[os.path.basename(obj.get("file", ""))] = obj
    return parsed


def count(parsed, truths):
    total = correct = false = 0
    for path in truths:
        want = json.load(open(path))
        got = parsed.get(os.path.basename(path[:-5] + ".pdf"), {"transactions": []})
        w, g = Counter(map(match_key, want["transactions"])), Counter(map(match_key, got["transactions"]))
        total += sum(w.values())
        correct += sum((w & g).values())
        false += sum((g - w).values())
    print(total, correct, false)
    return 0


def exact(parsed, truths):
    statements = txns = bad = lines_off = 0
    out = []
    for path in truths:
        want = json.load(open(path))
        name = os.path.basename(path[:-5] + ".pdf")
        got = parsed.get(name)
        statements += 1
        txns += len(want["transactions"])
        found = ["not in the parse output"] if got is None else list(diffs(got, want))
        if found:
            bad += 1
            out += ["%s: %s" % (name, d) for d in found[:DIFFS_PER_STATEMENT]]
        elif [t.get("line") for t in got["transactions"]] != [t.get("line") for t in want["transactions"]]:
            lines_off += 1
    for line in out[:MAX_LINES]:
        print(line)
    print("# %d statements, %d transactions, %d differ, %d with other line numbers" %
          (statements, txns, bad, lines_off))
    return 1 if bad else 0


def main(argv):
    mode = exact
    if argv and argv[0] == "--count":
        mode, argv = count, argv[1:]
    if len(argv) < 2:
        sys.exit(__doc__.split("\n\n")[1])
    return mode(load_parsed(argv[0]), list(truth_files(argv[1:])))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
