#!/usr/bin/env python3
"""grafana_bench.py - times every Grafana panel query as Grafana would send it (bench_grafana.sh).

usage: grafana_bench.py SRC_DIR DSN RUNS
Prints one line per panel and selection with the median and 95th percentile
(psql's \\timing: server time plus the transfer of the rows) and exits 1 when a
95th percentile is at or above 50 ms.
"""
import datetime as dt
import glob
import json
import os
import re
import subprocess
import sys

SRC, DSN, RUNS = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, os.path.join(SRC, "tests", "grafana"))
import grafana_expand as gx  # noqa: E402

UTC = dt.timezone.utc
TARGET_MS = 50.0
WARMUP = 3


def psql_rows(sql):
    p = subprocess.run(["psql", "-X", "-qAt", "-d", DSN, "-c", sql], capture_output=True, text=True, check=True)
    return [line.split("|") for line in p.stdout.splitlines()]


def options(var, cache):
    if var["name"] not in cache:
        cache[var["name"]] = [r[0] for r in psql_rows(var["query"])]
    return cache[var["name"]]


def variables(d, cache, pick):
    out = []
    for v in d["templating"]["list"]:
        if v["type"] == "textbox":
            out.append(gx.Var(v["name"], pick.get("search", "")))
            continue
        opts = options(v, cache)
        if not v.get("multi"):
            out.append(gx.Var(v["name"], opts[0] if opts else ""))
            continue
        n = pick.get(v["name"])
        value = gx.ALL if n is None else opts[:n]
        out.append(gx.Var(v["name"], value, options=opts, all_value=v.get("allValue"), multi=True,
                          include_all=True))
    return out


def timings(sql):
    """RUNS timings (ms) of sql after WARMUP runs, in one session."""
    script = "\\o /dev/null\n" + (sql + ";\n") * WARMUP + "\\timing on\n" + (sql + ";\n") * RUNS
    p = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", DSN, "-f", "-"],
                       input=script, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(p.stderr.strip())
    return sorted(float(m) for m in re.findall(r"^Time: ([0-9.]+) ms", p.stdout, re.M))


def pct(xs, q):
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


def main():
    cache = {}
    span = psql_rows("SELECT min(posting_date), max(posting_date) FROM analytics.transactions")[0]
    full = (dt.datetime.fromisoformat(span[0]).replace(tzinfo=UTC),
            dt.datetime.fromisoformat(span[1]).replace(tzinfo=UTC) + dt.timedelta(days=1, milliseconds=-1))
    month = (dt.datetime(2024, 3, 1, tzinfo=UTC), dt.datetime(2024, 3, 31, 23, 59, 59, 999000, tzinfo=UTC))
    runs_range = (dt.datetime(2000, 1, 1, tzinfo=UTC), dt.datetime.now(UTC))
    cases = [("all, full range", {}, full), ("all, one month", {}, month),
             ("1 card 3 categories 2 kinds, full range", {"card": 1, "category": 3, "kind": 2}, full),
             ("search 'merchant 377', full range", {"search": "merchant 377"}, full)]
    slow = 0
    print(f"{'dashboard':<18} {'panel':<40} {'selection':<42} {'median':>8} {'p95':>8}")
    for path in sorted(glob.glob(os.path.join(SRC, "grafana", "dashboards", "*.json"))):
        d = json.load(open(path))
        for label, pick, (f, t) in cases:
            if os.path.basename(path) == "imports.json":
                if label != "all, full range":
                    continue
                f, t = runs_range
            vs = variables(d, cache, pick)
            for p in d["panels"]:
                sql = gx.expand(p["targets"][0]["rawSql"], vs, f, t)
                ms = timings(sql)
                p95 = pct(ms, 0.95)
                flag = "" if p95 < TARGET_MS else "  SLOW"
                slow += p95 >= TARGET_MS
                print(f"{os.path.basename(path)[:-5]:<18} {p['title'][:40]:<40} {label:<42} "
                      f"{pct(ms, 0.5):>6.1f}ms {p95:>6.1f}ms{flag}")
    print(f"{slow} queries at or above {TARGET_MS:.0f} ms at the 95th percentile")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
