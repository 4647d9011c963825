#!/usr/bin/env python3
"""check_dashboards.py - the Grafana dashboards, checked without a Grafana server (TAP).

usage: check_dashboards.py SRC_DIR GRAFANA_DSN OWNER_DSN [CARDLEDGER]

Reads every grafana/dashboards/*.json and checks its shape; expands each panel's
SQL as Grafana does (grafana_expand.py) for several variable selections and two
time ranges; runs it on PostgreSQL as the read-only role (GRAFANA_DSN) and checks
the columns its panel type needs; and compares a handful of panels with direct
SQL over analytics.transactions (OWNER_DSN) and with `cardledger report` and
`cardledger coverage` when the binary has those commands.
"""
import datetime as dt
import glob
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import grafana_expand as gx  # noqa: E402

NULL = "@NULL@"
NUMERIC = {"smallint", "integer", "bigint", "numeric", "real", "double precision"}
TIME = {"timestamp with time zone", "timestamp without time zone", "date"}
CORE_PANELS = {"timeseries", "barchart", "piechart", "stat", "table", "state-timeline", "status-history"}
UTC = dt.timezone.utc

n_tests = 0
n_failed = 0


def result(ok, desc, detail=None):
    global n_tests, n_failed
    n_tests += 1
    print(("ok" if ok else "not ok") + f" {n_tests} - {desc}")
    if not ok:
        n_failed += 1
        for line in str(detail or "").splitlines()[:15]:
            print("#   " + line)
    return ok


def is_(desc, got, want):
    return result(got == want, desc, f"got:  {got!r}\nwant: {want!r}")


class QueryError(Exception):
    pass


def psql(dsn, sql, describe=True):
    """Runs one query; returns ([(name, type)], rows of str or None)."""
    script = "\\pset null '" + NULL + "'\n"
    if describe:
        script += sql + " \\gdesc\n\\echo @@SPLIT@@\n"
    script += sql + ";\n"
    p = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "--csv", "-d", dsn, "-f", "-"],
                       input=script, capture_output=True, text=True)
    if p.returncode != 0:
        raise QueryError(p.stderr.strip())
    import csv
    import io
    out = p.stdout
    types = []
    if describe:
        desc, _, out = out.partition("@@SPLIT@@\n")
        types = [tuple(r) for r in list(csv.reader(io.StringIO(desc)))[1:]]
    rows = list(csv.reader(io.StringIO(out)))
    body = [[None if c == NULL else c for c in r] for r in rows[1:]]
    return types, body


def psql_batch(dsn, sqls):
    """Runs several queries in one session (one connection); a list of results
    as psql() gives them, or of QueryError where one failed."""
    script = "\\pset null '" + NULL + "'\n"
    for i, sql in enumerate(sqls):
        script += f"\\echo @@Q{i}@@\n{sql} \\gdesc\n\\echo @@SPLIT@@\n{sql};\n"
    p = subprocess.run(["psql", "-X", "-q", "--csv", "-d", dsn, "-f", "-"],
                       input=script, capture_output=True, text=True)
    if p.returncode != 0 or p.stderr.strip():
        out = []
        for sql in sqls:        # find which: one at a time
            try:
                out.append(psql(dsn, sql))
            except QueryError as e:
                out.append(e)
        return out
    import csv
    import io
    parts = re.split(r"^@@Q\d+@@\n", p.stdout, flags=re.M)[1:]
    out = []
    for part in parts:
        desc, _, body = part.partition("@@SPLIT@@\n")
        types = [tuple(r) for r in list(csv.reader(io.StringIO(desc)))[1:]]
        rows = list(csv.reader(io.StringIO(body)))
        out.append((types, [[None if c == NULL else c for c in r] for r in rows[1:]]))
    return out


def utc(s):
    return dt.datetime.fromisoformat(s).replace(tzinfo=UTC)


# ---- the expander itself, on the documented examples -------------------------------------------

def check_expander():
    servers = gx.Var("servers", ["test1", "test2"], multi=True)
    quoted = gx.Var("q", ["test'1", 'say "hi"'], multi=True)
    single = gx.Var("one", "it's", multi=False)
    allv = gx.Var("all", gx.ALL, options=["1", "2"], multi=True, include_all=True)
    allc = gx.Var("allc", gx.ALL, options=["1", "2"], all_value="'-1'", multi=True, include_all=True)
    vs = [servers, quoted, single, allv, allc]
    cases = [
        ("${servers:csv}", "test1,test2"),
        ("${servers:sqlstring}", "'test1','test2'"),
        ("${q:sqlstring}", "'test''1','say \\\"hi\\\"'"),
        ("${servers}", "'test1','test2'"),
        ("$servers", "'test1','test2'"),
        ("[[servers]]", "'test1','test2'"),
        ("${servers:doublequote}", '"test1","test2"'),
        ("${servers:singlequote}", "'test1','test2'"),
        ("${servers:pipe}", "test1|test2"),
        ("${servers:glob}", "{test1,test2}"),
        ("${servers:nonsense}", "{test1,test2}"),
        ("${one}", "it''s"),
        ("${one:sqlstring}", "'it''s'"),
        ("${all:csv}", "1,2"),
        ("${all}", "'1','2'"),
        ("${all:sqlstring}", "'1','2'"),
        ("${allc:csv}", "'-1'"),
        ("${allc:sqlstring}", "'-1'"),
        ("${allc:text}", "All"),
        ("$__timeFilter(x)", "$__timeFilter(x)"),
    ]
    for text, want in cases:
        is_(f"variable format {text}", gx.replace_variables(text, vs), want)
    f, t = utc("2024-01-01T00:00:00"), utc("2024-12-31T23:59:59.999000")
    macros = [
        ("$__timeFilter(posting_date)", "posting_date BETWEEN '2024-01-01T00:00:00Z' AND '2024-12-31T23:59:59.999Z'"),
        ("$__timeFrom()", "'2024-01-01T00:00:00Z'"),
        ("$__timeTo()", "'2024-12-31T23:59:59.999Z'"),
        ("$__time(d)", 'd AS "time"'),
        ("$__timeEpoch(d)", 'extract(epoch from d) as "time"'),
        ("$__timeGroup(d, '1d')", "floor(extract(epoch from d)/86400)*86400"),
        ("$__timeGroupAlias(d, 1h)", 'floor(extract(epoch from d)/3600)*3600 AS "time"'),
        ("$__unixEpochFilter(e)", "e >= 1704067200 AND e <= 1735689599"),
        ("$__unixEpochGroupAlias(e, '1w')", 'floor((e)/604800)*604800 AS "time"'),
        ("$__unixEpochNanoFrom()", "1704067200000000000"),
        ("$__unixEpochFrom() $__unixEpochTo()", "1704067200 1735689599"),
        ("$__interval $__interval_ms", "1d 86400000"),
    ]
    for text, want in macros:
        is_(f"macro {text}", gx.expand_macros(text, f, t), want)
    try:
        gx.expand_macros("$__nonsense(x)", f, t)
        result(False, "an unknown macro is an error")
    except ValueError:
        result(True, "an unknown macro is an error")


# ---- shape -----------------------------------------------------------------------------------------

def datasource_uid(src):
    text = open(os.path.join(src, "grafana/provisioning/datasources/cardledger.yaml")).read()
    m = re.search(r"^\s*uid:\s*['\"]?([\w-]+)", text, re.M)
    return m.group(1) if m else None


def referenced_vars(sql):
    names = set()
    for m in gx.VAR_RE.finditer(sql):
        name = m.group(1) or m.group(2) or m.group(4)
        if not name.startswith("__"):
            names.add(name)
    return names


def check_shape(src, dashboards):
    uid = datasource_uid(src)
    ok = uid is not None
    result(ok, f"the provisioning file names a data source uid ({uid})")
    prov = open(os.path.join(src, "grafana/provisioning/dashboards/cardledger.yaml")).read()
    result("type: file" in prov and "path:" in prov, "the dashboards provider is a file provider with a path")
    uids = [d["uid"] for _, d in dashboards]
    is_("every dashboard has a distinct uid", len(set(uids)) == len(uids) and all(uids), True)
    for name, d in dashboards:
        ids = [p["id"] for p in d["panels"]]
        is_(f"{name}: panel ids are unique", len(set(ids)), len(ids))
        is_(f"{name}: schemaVersion", d.get("schemaVersion"), 42)
        is_(f"{name}: timezone utc (statement dates are calendar dates)", d.get("timezone"), "utc")
        bad = [p["title"] for p in d["panels"] if p["type"] not in CORE_PANELS]
        is_(f"{name}: core panel types only", bad, [])
        bad = [p["title"] for p in d["panels"]
               if p["datasource"].get("uid") != uid
               or any(t["datasource"].get("uid") != uid for t in p["targets"])]
        is_(f"{name}: every panel and query uses the provisioned data source", bad, [])
        bad = [v["name"] for v in d["templating"]["list"]
               if v["type"] == "query" and v["datasource"].get("uid") != uid]
        is_(f"{name}: every query variable uses the provisioned data source", bad, [])
        bad = [p["title"] for p in d["panels"]
               if p["gridPos"]["x"] + p["gridPos"]["w"] > 24 or p["gridPos"]["w"] <= 0]
        is_(f"{name}: panels fit the 24-column grid", bad, [])
        defined = {v["name"] for v in d["templating"]["list"]}
        used = set()
        missing = []
        for p in d["panels"]:
            for t in p["targets"]:
                refs = referenced_vars(t["rawSql"])
                used |= refs
                missing += [f"{p['title']}: ${r}" for r in refs - defined]
        is_(f"{name}: every variable a query uses is defined", missing, [])
        is_(f"{name}: every defined variable is used", sorted(defined - used), [])
        # every panel honours every dashboard variable (coverage: card only)
        # files and runs belong to no card: those panels are exempt
        not_honoured = [f"{p['title']}: {sorted(defined - referenced_vars(p['targets'][0]['rawSql']))}"
                        for p in d["panels"] if defined - referenced_vars(p["targets"][0]["rawSql"])
                        and re.search(r"analytics\.", p["targets"][0]["rawSql"])]
        is_(f"{name}: every panel on cards' data uses every variable of the dashboard", not_honoured, [])
        no_time = [p["title"] for p in d["panels"]
                   if "the time range does not apply" not in p.get("description", "")
                   and not re.search(r"\$__(timeFilter|timeFrom|unixEpochFilter)\(", p["targets"][0]["rawSql"])]
        is_(f"{name}: every panel follows the time range (or says it does not)", no_time, [])
        raw_txn = [p["title"] for p in d["panels"]
                   if re.search(r"analytics\.transactions(_v)?\b", p["targets"][0]["rawSql"])
                   and not re.search(r"\$__time(Filter|GroupAlias)?\(\w+\.posting_date", p["targets"][0]["rawSql"])]
        is_(f"{name}: panels on the transactions filter their partition key", raw_txn, [])
        fmts = [p["title"] for p in d["panels"]
                if (p["targets"][0]["format"] == "time_series") != (p["type"] in ("timeseries", "state-timeline"))]
        is_(f"{name}: time series panels ask for time_series format, the others for table", fmts, [])


# ---- running the panels ---------------------------------------------------------------------------

def options(dsn, var, cache):
    if var["name"] not in cache:
        types, rows = psql(dsn, var["query"])
        names = [n for n, _ in types]
        vi = names.index("__value") if "__value" in names else 0
        ti = names.index("__text") if "__text" in names else vi
        cache[var["name"]] = [(r[vi], r[ti]) for r in rows]
    return cache[var["name"]]


def selection(d, dsn, mode, cache, search=""):
    """Var objects for one dashboard under a selection mode."""
    out = []
    for v in d["templating"]["list"]:
        if v["type"] == "textbox":
            out.append(gx.Var(v["name"], search))
            continue
        opts = options(dsn, v, cache)
        values = [o[0] for o in opts]
        texts = dict(opts)
        if not v.get("multi"):
            out.append(gx.Var(v["name"], values[0] if values else "", options=values, texts=texts))
            continue
        if mode == "all-custom":
            value, all_value = gx.ALL, v.get("allValue")
        elif mode == "all-list":
            value, all_value = gx.ALL, None
        elif mode == "single":
            value, all_value = [values[0]], v.get("allValue")
        else:
            value, all_value = values[:3] if len(values) > 3 else values[:2], v.get("allValue")
        out.append(gx.Var(v["name"], value, options=values, all_value=all_value, multi=True,
                          include_all=v.get("includeAll", False), texts=texts))
    return out


def check_result(p, types, rows):
    """Problems of a result for its panel type (empty list: fine)."""
    names = [n for n, _ in types]
    kinds = [t for _, t in types]
    probs = []
    if len(set(names)) != len(names) or any(not n or n == "?column?" for n in names):
        probs.append(f"columns need distinct names: {names}")
    ptype = p["type"]
    if ptype in ("timeseries", "state-timeline", "status-history"):
        if "time" not in names:
            return probs + ["no time column"]
        ti = names.index("time")
        if kinds[ti] not in TIME | NUMERIC:
            probs.append(f"time column is {kinds[ti]}")
        if not any(k in NUMERIC for i, k in enumerate(kinds) if i != ti):
            probs.append("no numeric value column")
        others = [k for i, k in enumerate(kinds) if i != ti and k not in NUMERIC]
        if any(k not in ("text",) for k in others):
            probs.append(f"value columns must be numeric or text labels: {kinds}")
        keys = [r[ti] for r in rows]
        if kinds[ti] in NUMERIC:
            keys = [float(k) for k in keys]
        if keys != sorted(keys):
            probs.append("rows are not sorted by time")
    elif ptype == "stat":
        if len(rows) != 1 or len(names) != 1 or kinds[0] not in NUMERIC:
            probs.append(f"a stat needs one numeric value: {len(rows)} rows, {types}")
    elif ptype in ("barchart", "piechart"):
        if not any(k in NUMERIC for k in kinds):
            probs.append("no numeric column")
        if ptype == "barchart":
            x = p["options"].get("xField")
            if x not in names:
                probs.append(f"xField {x} is not a column")
    if ptype == "state-timeline":
        mapped = set(p["fieldConfig"]["defaults"]["mappings"][0]["options"])
        vi = names.index("state")
        codes = {r[vi] for r in rows}
        if codes - mapped:
            probs.append(f"state codes without a mapping: {codes - mapped}")
    return probs


RANGES = {"2023-2024": (utc("2023-01-01T00:00:00"), utc("2024-12-31T23:59:59.999000")),
          "March 2024": (utc("2024-03-01T00:00:00"), utc("2024-03-31T23:59:59.999000")),
          "10 May 13:00 - 7 Aug 2024": (utc("2024-05-10T13:00:00"), utc("2024-08-07T09:30:00"))}


def run_all(dashboards, dsn, search_word):
    cache = {}
    for name, d in dashboards:
        for mode in ("all-custom", "all-list", "single", "multi"):
            for search in ("", search_word, "O'Br\"ien 100%_\\"):
                if search and mode not in ("all-custom", "multi"):
                    continue
                vs = selection(d, dsn, mode, cache, search)
                for rname, (f, t) in RANGES.items():
                    if name == "imports.json":
                        f, t = utc("2000-01-01T00:00:00"), dt.datetime.now(UTC) + dt.timedelta(hours=1)
                    sqls = [gx.expand(p["targets"][0]["rawSql"], vs, f, t) for p in d["panels"]]
                    bad, empty = [], []
                    for p, res in zip(d["panels"], psql_batch(dsn, sqls)):
                        if isinstance(res, QueryError):
                            bad.append(f"{p['title']}: {res}")
                            continue
                        if not res[1]:
                            empty.append(p["title"])
                        bad += [f"{p['title']}: {x}" for x in check_result(p, *res)]
                    label = f"{name} [{mode}{', search ' + repr(search) if search else ''}, {rname}]"
                    result(not bad, f"{label}: every panel runs and has the columns its type needs", "\n".join(bad))
                    if mode == "all-custom" and not search and rname == "2023-2024":
                        is_(f"{label}: no panel is empty on the sample data", empty, [])


def panel_of(dashboards, dname, title):
    d = dict(dashboards)[dname]
    return d, next(p for p in d["panels"] if p["title"] == title)


def run_panel(dashboards, dsn, dname, title, values, f, t):
    """Runs one panel with explicit variable values (name -> value or ALL)."""
    d, p = panel_of(dashboards, dname, title)
    vs = []
    for v in d["templating"]["list"]:
        val = values.get(v["name"], gx.ALL if v.get("multi") else "")
        vs.append(gx.Var(v["name"], val, all_value=v.get("allValue"), multi=v.get("multi", False),
                         include_all=v.get("includeAll", False)))
    return psql(dsn, gx.expand(p["targets"][0]["rawSql"], vs, f, t))


# ---- values against direct SQL, `report` and `coverage` ----------------------------------------------

def direct(dsn, sql):
    return psql(dsn, sql, describe=False)[1]


def dec(x):
    from decimal import Decimal
    return Decimal(x) if x is not None else None


def txn_where(f, t, currency=None, cards=None, kinds=None, cats=None):
    w = [f"t.posting_date BETWEEN '{f}' AND '{t}'"]
    if currency:
        w.append(f"t.currency = '{currency}'")
    if cards:
        w.append("t.card_id IN (" + ",".join(cards) + ")")
    if kinds:
        w.append("t.kind IN (" + ",".join(f"'{k}'" for k in kinds) + ")")
    if cats:
        w.append("coalesce(t.category_id, 0) IN (" + ",".join(cats) + ")")
    return " AND ".join(w)


SPEND_SQL = ("coalesce(-sum(t.amount) FILTER (WHERE k.is_spend), 0), count(*), "
             "coalesce(sum(t.amount) FILTER (WHERE t.kind = 'refund'), 0), "
             "coalesce(sum(t.amount) FILTER (WHERE t.kind = 'payment'), 0)")
TXNS = "analytics.transactions t JOIN analytics.kinds k ON k.kind = t.kind"


def check_values(dashboards, gdsn, odsn, cardledger):
    for r0, r1 in (("2024-01-01", "2024-12-31"), ("2023-11-17", "2024-02-09")):
        check_range_values(dashboards, gdsn, odsn, cardledger, r0, r1)


def check_range_values(dashboards, gdsn, odsn, cardledger, r0, r1):
    """The panels over [r0, r1] (dates) against SQL over the transactions of those days."""
    y0, y1 = utc(r0 + "T00:00:00"), utc(r1 + "T23:59:59.999000")
    rng = f"{r0}..{r1}"
    cur = direct(odsn, "SELECT currency FROM analytics.transactions GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")[0][0]
    cards = [r[0] for r in direct(odsn, "SELECT id::text FROM analytics.cards c WHERE EXISTS (SELECT 1 FROM "
                                        f"raw.statements s WHERE s.issuer = c.issuer AND s.card_last4 = c.card_last4 "
                                        f"AND s.currency = '{cur}') ORDER BY id")]
    cats = [r[0] for r in direct(odsn, "SELECT coalesce(category_id, 0)::text FROM analytics.transactions "
                                       "GROUP BY 1 ORDER BY count(*) DESC LIMIT 2")]
    selections = [
        ("All", {}, {}),
        ("one card, three kinds, two categories",
         {"card": [cards[0]], "kind": ["purchase", "refund", "fee"], "category": cats},
         {"cards": [cards[0]], "kinds": ["purchase", "refund", "fee"], "cats": cats}),
    ]
    for label, values, filt in selections:
        values = dict(values, currency=cur)
        want = direct(odsn, f"SELECT {SPEND_SQL} FROM {TXNS} WHERE "
                            + txn_where(r0, r1, cur, **filt))[0]
        got = run_panel(dashboards, gdsn, "overview.json", "Spend", values, y0, y1)[1][0][0]
        is_(f"Overview Spend {rng} ({label}) equals the spend of the transactions", dec(got), dec(want[0]))
        got = run_panel(dashboards, gdsn, "overview.json", "Transactions", values, y0, y1)[1][0][0]
        is_(f"Overview Transactions {rng} ({label}) equals their count", int(got), int(want[1]))
        rows = run_panel(dashboards, gdsn, "overview.json", "Spend, refunds and payments per month",
                         values, y0, y1)[1]
        want_rows = direct(odsn, f"SELECT to_char(t.posting_date, 'YYYY-MM'), {SPEND_SQL} FROM {TXNS} WHERE "
                                 + txn_where(r0, r1, cur, **filt) + " GROUP BY 1 ORDER BY 1")
        is_(f"Overview monthly spend, refunds, payments {rng} ({label}) equal the transactions'",
            [(r[0][:7], dec(r[1]), dec(r[2]), dec(r[3])) for r in rows],
            [(r[0], dec(r[1]), dec(r[3]), dec(r[4])) for r in want_rows])
        got = run_panel(dashboards, gdsn, "overview.json", "Largest purchase", values, y0, y1)[1][0][0]
        want_max = direct(odsn, f"SELECT max(-t.amount) FROM {TXNS} WHERE t.kind = 'purchase' AND "
                                + txn_where(r0, r1, cur, **filt))[0][0]
        is_(f"Overview Largest purchase ({label})", dec(got), dec(want_max))
    values = {"currency": cur}
    rows = run_panel(dashboards, gdsn, "overview.json", "Spend by card", values, y0, y1)[1]
    want_rows = direct(odsn, f"SELECT coalesce(c.label, c.issuer || ' ' || c.card_last4), {SPEND_SQL} FROM {TXNS} "
                             "JOIN analytics.cards c ON c.id = t.card_id WHERE "
                             + txn_where(r0, r1, cur) + " GROUP BY 1 ORDER BY 2 DESC")
    is_("Overview Spend by card {rng} equals the transactions per card",
        [(r[0], dec(r[1]), dec(r[2]), dec(r[3])) for r in rows],
        [(r[0], dec(r[1]), dec(r[3]), dec(r[4])) for r in want_rows])
    rows = run_panel(dashboards, gdsn, "overview.json", "Top merchants", values, y0, y1)[1]
    want_rows = direct(odsn, f"SELECT coalesce(m.display_name, m.name), count(*), "
                             f"coalesce(-sum(t.amount) FILTER (WHERE k.is_spend), 0) FROM {TXNS} "
                             "JOIN analytics.merchants m ON m.id = t.merchant_id WHERE "
                             + txn_where(r0, r1, cur) + " GROUP BY m.id, 1 ORDER BY 3 DESC, 1 LIMIT 20")
    is_("Overview Top merchants {rng} equal the transactions per merchant",
        [(r[0], int(r[2]), dec(r[3])) for r in rows], [(r[0], int(r[1]), dec(r[2])) for r in want_rows])
    # the search box on the Transactions dashboard: description or merchant, case-insensitive
    word = direct(odsn, "SELECT lower(split_part(name, ' ', 1)) FROM analytics.merchants m JOIN "
                        "analytics.transactions t ON t.merchant_id = m.id GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")[0][0]
    for sel in ({}, {"card": [cards[0]]}):
        got = run_panel(dashboards, gdsn, "transactions.json", "Totals by currency", dict(sel, search=word), y0, y1)[1]
        filt = f" AND t.card_id = {cards[0]}" if sel else ""
        want_rows = direct(odsn, f"SELECT t.currency, {SPEND_SQL} FROM {TXNS} LEFT JOIN analytics.merchants m "
                                 f"ON m.id = t.merchant_id WHERE t.posting_date BETWEEN '{r0}' AND '{r1}' "
                                 f"AND (strpos(lower(t.description), '{word}') > 0 OR strpos(lower(m.name), '{word}') > 0)"
                                 f"{filt} GROUP BY 1 ORDER BY 3 DESC")
        is_(f"Transactions totals for search {word!r} {'on one card ' if sel else ''}equal a substring match",
            [(r[0], int(r[1]), dec(r[2]), dec(r[3]), dec(r[4])) for r in got],
            [(r[0], int(r[2]), dec(r[1]), dec(r[3]), dec(r[4])) for r in want_rows])
        got = run_panel(dashboards, gdsn, "transactions.json", "Totals by currency", sel, y0, y1)[1]
        want_all = direct(odsn, f"SELECT t.currency, {SPEND_SQL} FROM {TXNS} WHERE t.posting_date BETWEEN "
                                f"'{r0}' AND '{r1}'{filt} GROUP BY 1 ORDER BY 3 DESC, 1")
        is_(f"Transactions totals {rng} {'on one card ' if sel else ''}without search equal the transactions'",
            [(r[0], int(r[1]), dec(r[2]), dec(r[3]), dec(r[4])) for r in got],
            [(r[0], int(r[2]), dec(r[1]), dec(r[3]), dec(r[4])) for r in want_all])
        got = run_panel(dashboards, gdsn, "transactions.json", "Transactions", dict(sel, search=word), y0, y1)[1]
        is_(f"Transactions table for search {word!r} {'on one card ' if sel else ''}has every matching row",
            len(got), min(1000, sum(int(r[2]) for r in want_rows)))
    if cardledger and subprocess.run([cardledger, "report", "--help"], capture_output=True).returncode == 0:
        p = subprocess.run([cardledger, "report", "--db", odsn, "--no-migrate", "--from", r0, "--to", r1,
                            "--by", "month", "--format", "json"], capture_output=True, text=True)
        rep = [r for r in json.loads(p.stdout or "[]") if r.get("currency") == cur]
        rows = run_panel(dashboards, gdsn, "overview.json", "Spend, refunds and payments per month",
                         {"currency": cur}, y0, y1)[1]
        is_(f"Overview monthly spend {rng} equals `cardledger report --by month`",
            [(r[0][:7], dec(r[1]), dec(r[2]), dec(r[3])) for r in rows],
            [(r["key"], dec(r["spend"]), dec(r["refunds"]), dec(r["payments"])) for r in rep])
    else:
        print("# cardledger report is not built: compared with SQL over analytics.transactions only")


def check_coverage(dashboards, gdsn, odsn, expect, cardledger):
    """expect: {(issuer last4, 'YYYY-MM'): state} of every cell that is not ok."""
    f, t = utc("2023-01-01T00:00:00"), utc("2024-12-31T23:59:59.999000")
    rows = run_panel(dashboards, gdsn, "coverage.json", "Coverage problems", {}, f, t)[1]
    got = {(r[0], r[1]): r[2] for r in rows}
    is_("Coverage problems are exactly the constructed ones", got, expect)
    series = run_panel(dashboards, gdsn, "coverage.json", "Coverage by card and month", {}, f, t)[1]
    names = {"0": "ok", "1": "unreconciled", "2": "chain-break", "3": "missing"}
    bad = {(r[1], r[0][:7]): names[r[2]] for r in series if r[2] != "0"}
    is_("the state timeline shows the same states", bad, expect)
    n = run_panel(dashboards, gdsn, "coverage.json", "Months not ok", {}, f, t)[1][0][0]
    is_("Months not ok counts them", int(n), len(expect))
    if cardledger and subprocess.run([cardledger, "coverage", "--help"], capture_output=True).returncode == 0:
        p = subprocess.run([cardledger, "coverage", "--db", odsn, "--no-migrate", "--from", "2023-01", "--to",
                            "2024-12", "--format", "json"], capture_output=True, text=True)
        cov = json.loads(p.stdout or "{}")
        theirs = {}
        for c in cov.get("cards", []):
            name = c.get("label") or f"{c['issuer']} {c['card_last4']}"
            for month, state in c.get("months", {}).items():
                if state != "inactive":
                    theirs[(name, month)] = state
        grid = {(r[1], r[0][:7]): names[r[2]] for r in series}
        is_("every card-month of the state timeline equals `cardledger coverage` (%d cells)" % len(theirs),
            grid, theirs)
    else:
        print("# cardledger coverage is not built: compared with the constructed gaps only")


def main(argv):
    src, gdsn, odsn = argv[1:4]
    cardledger = argv[4] if len(argv) > 4 else None
    expect = json.loads(os.environ.get("GRAFANA_EXPECT_PROBLEMS", "[]"))
    global n_tests
    n_tests = int(os.environ.get("TAP_OFFSET", "0"))
    start = n_tests
    check_expander()
    files = sorted(glob.glob(os.path.join(src, "grafana/dashboards/*.json")))
    dashboards = [(os.path.basename(f), json.load(open(f))) for f in files]
    is_("the four dashboards", [n for n, _ in dashboards],
        ["coverage.json", "imports.json", "overview.json", "transactions.json"])
    check_shape(src, dashboards)
    word = direct(odsn, "SELECT lower(split_part(name, ' ', 1)) FROM analytics.merchants ORDER BY id LIMIT 1")[0][0]
    run_all(dashboards, gdsn, word)
    check_values(dashboards, gdsn, odsn, cardledger)
    check_coverage(dashboards, gdsn, odsn, {(a, b): c for a, b, c in expect}, cardledger)
    if os.environ.get("TAP_COUNTS"):
        with open(os.environ["TAP_COUNTS"], "w") as fh:
            fh.write(f"{n_tests - start} {n_failed}\n")
    return 1 if n_failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
