#!/usr/bin/env python3
"""expect_match.py EXPECT_JSON OUT_JSON: the parse output (one JSON line)
holds everything EXPECT_JSON states: objects match key by key (keys not
named are not compared), lists element by element and with the same
length, other values exactly. Prints the differences; exit 1 if any."""
import json
import sys


def match(want, got, path, problems):
    if isinstance(want, dict):
        if not isinstance(got, dict):
            problems.append(f"{path}: want an object, got {got!r}")
            return
        for k, v in want.items():
            if k not in got:
                problems.append(f"{path}.{k}: missing")
            else:
                match(v, got[k], f"{path}.{k}", problems)
    elif isinstance(want, list):
        if not isinstance(got, list) or len(got) != len(want):
            problems.append(f"{path}: want {len(want)} items, got {len(got) if isinstance(got, list) else got!r}")
            return
        for i, (w, g) in enumerate(zip(want, got)):
            match(w, g, f"{path}[{i}]", problems)
    elif want != got:
        problems.append(f"{path}: want {want!r}, got {got!r}")


with open(sys.argv[1]) as f:
    want = json.load(f)
with open(sys.argv[2]) as f:
    lines = [l for l in f if l.strip()]
problems = []
if len(lines) != 1:
    problems.append(f"want one statement, got {len(lines)} lines")
else:
    match(want, json.loads(lines[0]), "$", problems)
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
