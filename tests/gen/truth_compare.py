#!/usr/bin/env python3
"""compare_parse.py - compare `cardledger parse` output with statement-gen ground truth.

    compare_parse.py PARSE_OUTPUT.jsonl TRUTH.json...

PARSE_OUTPUT holds one JSON object per line, as `cardledger parse` prints them. Each truth
file's PDF (same name, .pdf) must appear there (matched by file name) and equal the ground
truth in every field except `file` and the transactions' `line` (line numbers are compared
but only reported, not failed). Prints one line per mismatching statement (the first
difference) and a final count; exits 1 on any mismatch.
"""
import json
import os
import sys

IGNORED = {"file"}


def first_diff(got, want, path=""):
    if isinstance(want, dict) and isinstance(got, dict):
        for k in want:
            if k in IGNORED and path == "":
                continue
            if k == "line" and path.startswith("transactions"):
                continue
            if k not in got:
                return "%s%s missing" % (path, k)
            d = first_diff(got[k], want[k], "%s%s." % (path, k))
            if d:
                return d
        return None
    if isinstance(want, list) and isinstance(got, list):
        if len(got) != len(want):
            return "%s: %d items, want %d" % (path.rstrip("."), len(got), len(want))
        for i, (g, w) in enumerate(zip(got, want)):
            d = first_diff(g, w, "%s[%d]." % (path.rstrip("."), i))
            if d:
                return d
        return None
    if got != want:
        return "%s: got %r, want %r" % (path.rstrip("."), got, want)
    return None


def main(argv):
    parsed = {}
    with open(argv[0]) as f:
        for line in f:
            line = line.strip()
            if line:
                obj = json.loads(line)
                parsed[os.path.basename(obj.get("file", ""))] = obj
    bad = lines_off = 0
    for path in argv[1:]:
        want = json.load(open(path))
        name = os.path.basename(path[:-5] + ".pdf")
        got = parsed.get(name)
        if got is None:
            print("%s: not in the parse output" % name)
            bad += 1
            continue
        d = first_diff(got, want)
        if d:
            print("%s: %s" % (name, d))
            bad += 1
            continue
        gl = [t.get("line") for t in got["transactions"]]
        if gl != [t["line"] for t in want["transactions"]]:
            lines_off += 1
    print("# %d statements, %d differ, %d with other line numbers" % (len(argv) - 1, bad, lines_off))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
