#!/usr/bin/env python3
"""api_check.py URL DSN - the dashboard API's figures against SQL over
analytics.transactions for the same filters (summary, every report grouping,
the split report, paging, sorting, amount bounds). Prints one line per check:
"0<TAB>description" when it holds, "1<TAB>description<TAB>detail" when not."""
import json
import subprocess
import sys
import urllib.parse
import urllib.request
from decimal import Decimal

URL, DSN = sys.argv[1], sys.argv[2]


def report(ok, desc, detail=""):
    print(f"{0 if ok else 1}\t{desc}\t{detail}".rstrip("\t"))


def api(path, params):
    q = urllib.parse.urlencode(params, doseq=True)
    with urllib.request.urlopen(f"{URL}/api/{path}?{q}") as r:
        return json.load(r)


def sql(query, *args):
    """Rows of a query; args are passed as psql variables (:'v1' ...)."""
    cmd = ["psql", DSN, "-qAtX", "-F", "\t", "-v", "ON_ERROR_STOP=1"]
    for i, a in enumerate(args, 1):
        cmd += ["-v", f"v{i}={a}"]
    out = subprocess.run(cmd, input=query, capture_output=True, text=True, check=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


BASE = """
FROM analytics.transactions t
JOIN analytics.kinds k ON k.kind = t.kind
JOIN analytics.cards cd ON cd.id = t.card_id
LEFT JOIN analytics.categories g ON g.id = t.category_id
LEFT JOIN analytics.merchants m ON m.id = t.merchant_id
"""


def where(f):
    """SQL conditions for a filter dict (values come from this file only)."""
    c = ["true"]
    if "from" in f:
        c.append(f"t.posting_date >= '{f['from']}'")
    if "to" in f:
        c.append(f"t.posting_date <= '{f['to']}'")
    if "card" in f:
        c.append("(cd.issuer || ':' || cd.card_last4) IN (%s)" % ",".join(f"'{x}'" for x in f["card"]))
    if "category" in f:
        c.append("coalesce(g.name, 'Uncategorized') IN (%s)" % ",".join(f"'{x}'" for x in f["category"]))
    if "kind" in f:
        c.append("t.kind IN (%s)" % ",".join(f"'{x}'" for x in f["kind"]))
    if "q" in f:
        c.append(f"(t.description ILIKE '%{f['q']}%' OR m.name ILIKE '%{f['q']}%' OR m.display_name ILIKE '%{f['q']}%')")
    if "min" in f:
        c.append(f"abs(t.amount) >= {f['min']}")
    if "max" in f:
        c.append(f"abs(t.amount) <= {f['max']}")
    return " AND ".join(c)


FIGURES = """count(*), coalesce(-sum(t.amount) FILTER (WHERE k.is_spend), 0),
 coalesce(sum(t.amount) FILTER (WHERE t.kind = 'refund'), 0),
 coalesce(sum(t.amount) FILTER (WHERE t.kind = 'payment'), 0)"""

KEYS = {
    "month": "to_char(t.posting_date, 'YYYY-MM')",
    "week": "to_char(date_trunc('week', t.posting_date), 'IYYY-\"W\"IW')",
    "day": "to_char(t.posting_date, 'YYYY-MM-DD')",
    "year": "to_char(t.posting_date, 'YYYY')",
    "category": "coalesce(g.name, 'Uncategorized')",
    "merchant": "coalesce(m.display_name, m.name, '(none)')",
    "card": "cd.issuer || ':' || cd.card_last4",
    "kind": "t.kind",
}


def figures(row):
    return (int(row[0]), Decimal(row[1]), Decimal(row[2]), Decimal(row[3]))


def api_figures(r):
    return (r["transactions"], Decimal(r["spend"]), Decimal(r["refunds"]), Decimal(r["payments"]))


FILTERS = [
    {"from": "2024-01-01", "to": "2024-12-31"},
    {"from": "2023-03-10", "to": "2023-08-20", "card": ["chase:4101", "citi:6323"]},
    {"from": "2023-01-01", "to": "2024-12-31", "category": ["Dining", "Groceries"], "kind": ["purchase", "refund"]},
    {"from": "2024-02-01", "to": "2024-04-30", "min": "20", "max": "300"},
    {"q": "market"},
]

for f in FILTERS:
    name = urllib.parse.urlencode(f, doseq=True)
    s = api("summary", f)
    want = {r[0]: figures(r[1:]) for r in sql(f"SELECT t.currency, {FIGURES} {BASE} WHERE {where(f)} GROUP BY 1")}
    got = {c["currency"]: api_figures(c) for c in s["currencies"]}
    report(got == want and len(want) > 0, f"summary {name}: figures equal SQL", f"got {got} want {want}")
    biggest = sql(f"SELECT t.currency, min(t.amount) {BASE} WHERE {where(f)} AND t.kind = 'purchase' GROUP BY 1")
    gotb = {c["currency"]: c["largest_purchase"]["amount"] for c in s["currencies"] if c["largest_purchase"]}
    report(gotb == {r[0]: r[1] for r in biggest}, f"summary {name}: largest purchase", f"got {gotb} want {biggest}")
    for by, key in KEYS.items():
        rep = api("report", dict(f, by=by))
        want = {(r[0], r[1]): figures(r[2:]) for r in sql(
            f"SELECT {key}, t.currency, {FIGURES} {BASE} WHERE {where(f)} GROUP BY 1, 2")}
        got = {(r["key"], r["currency"]): api_figures(r) for r in rep["rows"]}
        bad = {k: (got.get(k), want.get(k)) for k in set(got) | set(want) if got.get(k) != want.get(k)}
        report(not bad and len(want) > 0, f"report by={by} {name}: every group equals SQL",
               f"{len(bad)} differ, e.g. {list(bad.items())[:2]}")

# The stacked chart: per time key, the category parts add up to the whole.
for f in FILTERS[:2]:
    whole = {(r["key"], r["currency"]): api_figures(r) for r in api("report", dict(f, by="month"))["rows"]}
    parts = {}
    for r in api("report", dict(f, by="month", split="category"))["rows"]:
        k = (r["key"], r["currency"])
        a = parts.get(k, (0, Decimal(0), Decimal(0), Decimal(0)))
        parts[k] = tuple(x + y for x, y in zip(a, api_figures(r)))
    report(parts == whole, f"report split=category {urllib.parse.urlencode(f, doseq=True)}: parts add up",
           f"parts {list(parts.items())[:2]} whole {list(whole.items())[:2]}")

# Each category of the split equals SQL for that month (or week) and category.
for f, by in [(FILTERS[0], "month"), (FILTERS[1], "month"), (FILTERS[3], "week"), (FILTERS[4], "month")]:
    want = {(r[0], r[1], r[2]): figures(r[3:]) for r in sql(
        f"SELECT {KEYS[by]}, coalesce(g.name, 'Uncategorized'), t.currency, {FIGURES} {BASE} WHERE {where(f)} GROUP BY 1, 2, 3")}
    rows = api("report", dict(f, by=by, split="category"))["rows"]
    got = {(r["key"], r["split"], r["currency"]): api_figures(r) for r in rows if r["split"] != "Other"}
    bad = {k: (v, want.get(k)) for k, v in got.items() if want.get(k) != v}
    report(not bad and len(got) > 0, f"report by={by} split=category {urllib.parse.urlencode(f, doseq=True)}: each category equals SQL",
           f"{len(bad)} differ, e.g. {list(bad.items())[:2]}")
    cats = {r["split"] for r in rows} - {"Other"}
    report(len(cats) <= 8, f"report by={by} split=category: at most 8 categories beside Other ({len(cats)})")

# Paging walks every row once, newest first, for both sort orders.
for f in [FILTERS[0], FILTERS[3]]:
    for sort in ["date", "amount"]:
        ids, rows, after, pages = [], [], None, 0
        while True:
            p = dict(f, limit=97, sort=sort)
            if after:
                p["after"] = after
            page = api("transactions", p)
            rows += page["rows"]
            ids += [r["id"] for r in page["rows"]]
            pages += 1
            after = page["next"]
            if not after or pages > 1000:
                break
        want = sql(f"SELECT t.id {BASE} WHERE {where(f)}")
        name = f"transactions sort={sort} {urllib.parse.urlencode(f, doseq=True)}"
        report(len(ids) == len(set(ids)) and sorted(ids) == sorted(int(r[0]) for r in want) and pages > 1,
               f"{name}: {pages} pages walk every row once", f"{len(ids)} ids, {len(set(ids))} distinct, want {len(want)}")
        if sort == "date":
            keys = [r["date"] for r in rows]
            report(keys == sorted(keys, reverse=True), f"{name}: newest first")
        else:
            keys = [abs(Decimal(r["amount"])) for r in rows]
            report(keys == sorted(keys, reverse=True), f"{name}: largest first")
        if "min" in f:
            report(all(Decimal(f["min"]) <= abs(Decimal(r["amount"])) <= Decimal(f["max"]) for r in rows),
                   f"{name}: every amount within min..max")

# The card list names each card by issuer and last 4.
cards = api("cards", {})
report(sorted(c["key"] for c in cards["cards"]) == sorted(["amex_us:5212", "chase:4101", "citi:6323", "discover:7434"]),
       "cards: the four cards by ISSUER:LAST4")
