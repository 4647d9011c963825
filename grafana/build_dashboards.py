#!/usr/bin/env python3
"""grafana/build_dashboards.py - writes the four Grafana dashboards (grafana/dashboards/*.json).

The JSON files are generated so that every panel shares one definition of the
filters (card, category, kind, search, currency), the spend definition
(analytics.kinds.is_spend) and the data source; edit this file, run it, and
commit both. `--check` exits 1 when a JSON file differs from what it would write
(tests/grafana runs it).

Conventions of the SQL (see README "Grafana"):
- Multi-value variables (card, category, kind) are used as ${var:sqlstring}, so
  every value is a quoted literal; their custom "All" value is '-1', so
  `'-1' IN (${card:sqlstring})` is true for All and the planner drops the filter.
  Without a custom all value Grafana sends every option, which also works.
- Category 0 is "(uncategorized)" (category_id NULL).
- Every panel filters $__timeFilter(posting_date) (the partition key); panels that
  aggregate read the whole months of the range from the month summaries and only
  the days before and after them from the transactions: exact for any range.
- Money is never summed across currencies: money panels filter ${currency}.
"""
import json
import os
import sys

DS = {"type": "grafana-postgresql-datasource", "uid": "cardledger-pg"}
SCHEMA_VERSION = 42
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "dashboards")

# ---- SQL fragments ---------------------------------------------------------------

SEARCH = "${search:sqlstring}"
# The search text as an ILIKE pattern matching it literally (\, % and _ escaped).
PATTERN = ("('%' || replace(replace(replace(" + SEARCH + ", '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')")
CURRENCY = "${currency:sqlstring}"


def f_card(col):
    return f"('-1' IN (${{card:sqlstring}}) OR {col} IN (${{card:sqlstring}}))"


def f_category(col):
    return f"('-1' IN (${{category:sqlstring}}) OR coalesce({col}, 0) IN (${{category:sqlstring}}))"


def f_kind(col):
    return f"('-1' IN (${{kind:sqlstring}}) OR {col} IN (${{kind:sqlstring}}))"


def f_search(*cols):
    return "(" + SEARCH + " = '' OR " + " OR ".join(f"{c} ILIKE {PATTERN}" for c in cols) + ")"


# The range [F, T] in dates; W0..W1 are the whole months inside it (W0 the
# first day of the first whole month, W1 the day after the last one). Panels
# that aggregate read whole months from the month summaries and the days
# before W0 and from W1 on from the transactions, so every figure is exact
# for any range while reading at most two months of rows. (Only immutable
# functions: the planner folds the bounds and prunes the partitions.)
F = "$__timeFrom()::date"
T = "$__timeTo()::date"
W0 = f"(date_trunc('month', ({F} - 1)::timestamp) + interval '1 month')::date"
W1 = f"date_trunc('month', ({T} + 1)::timestamp)::date"
WHOLE = f"month >= {W0} AND month < {W1}"
EDGES = (f"$__timeFilter(t.posting_date)\n         AND (t.posting_date < least({W0}, {T} + 1)"
         f"\n              OR t.posting_date >= greatest({W1}, {W0}))")
MONTH_OF = "date_trunc('month', t.posting_date::timestamp)::date"
MONTH_TIME = "(s.month::timestamp AT TIME ZONE 'UTC')"
# Merchants whose name matches the search text.
MATCHING = f"(SELECT m.id FROM analytics.merchants m WHERE m.name ILIKE {PATTERN} OR m.display_name ILIKE {PATTERN})"
# The same as an array, which an index scan (or a BitmapOr with the trigram index) can use.
MATCHING_IDS = f"ANY (ARRAY{MATCHING})"

# The month summary as one relation s (month, card_id, category_id, kind,
# currency, txn_count, net): whole months from the card x category summary
# when there is no search text, else from the merchant summary for the
# merchants whose name matches (the summaries know merchants, not
# descriptions); the edge days from the transactions. The planner drops the
# branch whose constant condition is false.
SUMMARY = f"""(SELECT month, card_id, category_id, kind, currency, txn_count, net
        FROM analytics.spend_by_month_card_category
       WHERE {SEARCH} = '' AND {WHOLE}
      UNION ALL
      SELECT month, card_id, category_id, kind, currency, txn_count, net
        FROM analytics.spend_by_month_merchant
       WHERE {SEARCH} <> '' AND {WHOLE} AND merchant_id = {MATCHING_IDS}
      UNION ALL
      SELECT {MONTH_OF}, t.card_id, t.category_id, t.kind, t.currency, count(*), sum(t.amount)
        FROM analytics.transactions t
       WHERE {EDGES}
         AND ({SEARCH} = '' OR t.merchant_id = {MATCHING_IDS})
       GROUP BY 1, 2, 3, 4, 5) s
  JOIN analytics.kinds k ON k.kind = s.kind"""

# The same by merchant (month, card_id, merchant_id, category_id, kind, currency, txn_count, net).
MERCHANT_SUMMARY = f"""(SELECT month, card_id, merchant_id, category_id, kind, currency, txn_count, net
        FROM analytics.spend_by_month_merchant
       WHERE {WHOLE}
      UNION ALL
      SELECT {MONTH_OF}, t.card_id, t.merchant_id, t.category_id, t.kind, t.currency, count(*), sum(t.amount)
        FROM analytics.transactions t
       WHERE {EDGES}
       GROUP BY 1, 2, 3, 4, 5, 6) s
  JOIN analytics.kinds k ON k.kind = s.kind"""

FILTERS = f"""s.currency = {CURRENCY}
  AND {f_card('s.card_id')}
  AND {f_category('s.category_id')}
  AND {f_kind('s.kind')}"""
SUMMARY_WHERE = FILTERS

SPEND = "coalesce(-sum(s.net) FILTER (WHERE k.is_spend), 0)"
REFUNDS = "coalesce(sum(s.net) FILTER (WHERE s.kind = 'refund'), 0)"
PAYMENTS = "coalesce(sum(s.net) FILTER (WHERE s.kind = 'payment'), 0)"
CARD_NAME = "coalesce(c.label, c.issuer || ' ' || c.card_last4)"

TXN_WHERE = f"""$__timeFilter(t.posting_date)
  AND {f_card('t.card_id')}
  AND {f_category('t.category_id')}
  AND {f_kind('t.kind')}"""
TXN_COLUMNS = '''t.posting_date AS "Posted",
        t.transaction_date AS "Date",
        coalesce(t.card_label, t.issuer || ' ' || t.card_last4) AS "Card",
        coalesce(t.merchant, '') AS "Merchant",
        coalesce(t.category, '(uncategorized)') AS "Category",
        t.kind AS "Kind",
        t.amount AS "Amount",
        t.currency AS "Currency",
        t.description AS "Description",
        t.id AS "Id"'''
# The search of transaction-level panels: description or merchant name.
TXN_SEARCH = f"({SEARCH} = '' OR t.description ILIKE {PATTERN} OR t.merchant_id = {MATCHING_IDS})"

# ---- variables ----------------------------------------------------------------------


def var_query(name, label, sql, multi=True, description=""):
    v = {"name": name, "label": label, "type": "query", "datasource": DS, "query": sql,
         "definition": sql, "refresh": 1, "sort": 0, "hide": 0, "regex": "",
         "description": description, "allowCustomValue": False, "options": []}
    if multi:
        v.update({"multi": True, "includeAll": True, "allValue": "'-1'",
                  "current": {"text": ["All"], "value": ["$__all"]}})
    else:
        v.update({"multi": False, "includeAll": False, "current": {}})
    return v


V_CURRENCY = var_query(
    "currency", "Currency",
    "SELECT currency FROM analytics.spend_by_month_card_category GROUP BY currency "
    "ORDER BY sum(txn_count) DESC, currency", multi=False,
    description="Money is shown per currency, never summed across currencies")
V_CARD = var_query(
    "card", "Card",
    "SELECT id::text AS __value, coalesce(label, issuer || ' ' || card_last4) AS __text "
    "FROM analytics.cards ORDER BY 2",
    description="Cards by label or issuer and last 4 digits")
V_CATEGORY = var_query(
    "category", "Category",
    "SELECT __value, __text FROM (SELECT '0' AS __value, '(uncategorized)' AS __text "
    "UNION ALL SELECT id::text, name FROM analytics.categories) c ORDER BY __text",
    description="Categories; (uncategorized) is a transaction without one")
V_KIND = var_query(
    "kind", "Kind", "SELECT kind AS __value, label AS __text FROM analytics.kinds ORDER BY kind",
    description="Transaction kinds (spend = purchases, fees, interest, cash advances minus refunds)")
V_SEARCH = {"name": "search", "label": "Search", "type": "textbox", "query": "", "hide": 0,
            "current": {"text": "", "value": ""},
            "description": "Case-insensitive text in the description or merchant name "
                           "(summary panels: the merchant name)"}

# ---- panels ---------------------------------------------------------------------------


class Layout:
    """Places panels left to right in rows of 24 columns."""

    def __init__(self):
        self.x = self.y = self.row_h = 0
        self.next_id = 1

    def place(self, w, h):
        if self.x + w > 24:
            self.x, self.y, self.row_h = 0, self.y + self.row_h, 0
        pos = {"h": h, "w": w, "x": self.x, "y": self.y}
        self.x += w
        self.row_h = max(self.row_h, h)
        return pos


def panel(lay, ptype, title, sql, w, h, description="", fmt="table", unit="none", decimals=2,
          options=None, field_defaults=None, overrides=None):
    pid = lay.next_id
    lay.next_id += 1
    defaults = {"unit": unit, "decimals": decimals}
    defaults.update(field_defaults or {})
    return {
        "id": pid, "type": ptype, "title": title, "description": description,
        "datasource": DS, "gridPos": lay.place(w, h),
        "targets": [{"refId": "A", "datasource": DS, "editorMode": "code", "format": fmt,
                     "rawQuery": True, "rawSql": sql.strip()}],
        "fieldConfig": {"defaults": defaults, "overrides": overrides or []},
        "options": options or {},
    }


def stat(lay, title, sql, w=6, description="", decimals=2):
    return panel(lay, "stat", title, sql, w, 4, description, decimals=decimals,
                 options={"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                          "colorMode": "none", "graphMode": "none", "textMode": "value"})


def timeseries(lay, title, sql, w=12, h=8, description="", bars=False, stack=False, display=None):
    custom = {"drawStyle": "bars" if bars else "line", "fillOpacity": 80 if bars else 10,
              "lineWidth": 1, "showPoints": "auto", "spanNulls": False,
              "stacking": {"mode": "normal" if stack else "none", "group": "A"}}
    defaults = {"custom": custom}
    if display:
        defaults["displayName"] = display
    return panel(lay, "timeseries", title, sql, w, h, description, fmt="time_series",
                 field_defaults=defaults,
                 options={"legend": {"displayMode": "list", "placement": "bottom", "showLegend": True},
                          "tooltip": {"mode": "multi", "sort": "none"}})


def table(lay, title, sql, w=24, h=9, description=""):
    return panel(lay, "table", title, sql, w, h, description,
                 options={"showHeader": True, "cellHeight": "sm", "footer": {"show": False}},
                 field_defaults={"custom": {"align": "auto", "filterable": True}})


# ---- Overview -----------------------------------------------------------------------------


def overview():
    lay = Layout()
    by_month = f"""
SELECT {MONTH_TIME} AS "time",
       {SPEND} AS "Spend",
       {REFUNDS} AS "Refunds",
       {PAYMENTS} AS "Payments"
FROM {SUMMARY}
WHERE {SUMMARY_WHERE}
GROUP BY s.month
ORDER BY 1"""
    panels = [
        stat(lay, "Spend", f"SELECT {SPEND} AS \"Spend\"\nFROM {SUMMARY}\nWHERE {SUMMARY_WHERE}",
             description="Purchases + fees + interest + cash advances - refunds, in the chosen "
                         "currency"),
        stat(lay, "Transactions", f"SELECT coalesce(sum(s.txn_count), 0) AS \"Transactions\"\n"
                                  f"FROM {SUMMARY}\nWHERE {SUMMARY_WHERE}", decimals=0,
             description="Transactions of every selected kind"),
        stat(lay, "Average spend per month",
             f"SELECT coalesce({SPEND} / nullif(count(DISTINCT s.month), 0), 0) AS \"Average per month\"\n"
             f"FROM {SUMMARY}\nWHERE {SUMMARY_WHERE}",
             description="Spend divided by the months of the range that have transactions"),
        stat(lay, "Largest purchase", f"""
SELECT (SELECT abs(t.amount)
        FROM analytics.transactions t
        WHERE {TXN_WHERE}
          AND t.kind = 'purchase' AND t.amount < 0
          AND t.currency = {CURRENCY}
          AND ({SEARCH} = '' OR t.merchant_id = {MATCHING_IDS})
        ORDER BY abs(t.amount) DESC, t.posting_date DESC, t.id DESC
        LIMIT 1) AS "Largest purchase"
""",
             description="The largest single purchase in the range (exact dates)"),
        timeseries(lay, "Spend, refunds and payments per month", by_month, w=24, bars=True,
                   description="Payments and balance transfers are never spend"),
        timeseries(lay, "Spend by category per month", f"""
SELECT {MONTH_TIME} AS "time",
       coalesce(cat.name, '(uncategorized)') AS category,
       -sum(s.net) AS "Spend"
FROM {SUMMARY}
LEFT JOIN analytics.categories cat ON cat.id = s.category_id
WHERE {SUMMARY_WHERE}
  AND k.is_spend
GROUP BY 1, 2
ORDER BY 1, 2""", w=12, bars=True, stack=True, display="${__field.labels.category}"),
        panel(lay, "piechart", "Spend by category", f"""
SELECT coalesce(cat.name, '(uncategorized)') AS "Category",
       -sum(s.net) AS "Spend"
FROM {SUMMARY}
LEFT JOIN analytics.categories cat ON cat.id = s.category_id
WHERE {SUMMARY_WHERE}
  AND k.is_spend
GROUP BY 1
ORDER BY 2 DESC""", 12, 8,
              options={"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": True},
                       "pieType": "pie", "displayLabels": ["name", "percent"],
                       "legend": {"displayMode": "table", "placement": "right", "showLegend": True,
                                  "values": ["value", "percent"]}}),
        panel(lay, "barchart", "Spend by card", f"""
SELECT {CARD_NAME} AS "Card",
       {SPEND} AS "Spend",
       {REFUNDS} AS "Refunds",
       {PAYMENTS} AS "Payments"
FROM {SUMMARY}
JOIN analytics.cards c ON c.id = s.card_id
WHERE {SUMMARY_WHERE}
GROUP BY 1
ORDER BY 2 DESC""", 12, 8,
              options={"xField": "Card", "orientation": "horizontal", "showValue": "auto",
                       "stacking": "none", "groupWidth": 0.7, "barWidth": 0.97,
                       "legend": {"displayMode": "list", "placement": "bottom", "showLegend": True}}),
        table(lay, "Top merchants", f"""
SELECT coalesce(m.display_name, m.name) AS "Merchant",
       coalesce(cat.name, '(uncategorized)') AS "Category",
       x.n AS "Transactions",
       x.spend AS "Spend"
FROM (SELECT s.merchant_id, sum(s.txn_count) AS n, {SPEND} AS spend
      FROM {MERCHANT_SUMMARY}
      WHERE {SUMMARY_WHERE}
        AND s.merchant_id IS NOT NULL
        AND ({SEARCH} = '' OR s.merchant_id = {MATCHING_IDS})
      GROUP BY s.merchant_id) x
JOIN analytics.merchants m ON m.id = x.merchant_id
LEFT JOIN analytics.categories cat ON cat.id = m.category_id
ORDER BY 4 DESC, 1
LIMIT 20""", w=12, h=8, description="The 20 merchants with the most spend in the range"),
    ]
    return dashboard("cardledger-overview", "cardledger: Overview", panels,
                     [V_CURRENCY, V_CARD, V_CATEGORY, V_KIND, V_SEARCH])


# ---- Transactions ---------------------------------------------------------------------------


def transactions():
    lay = Layout()
    where = f"""$__timeFilter(t.posting_date)
  AND {f_card('t.card_id')}
  AND {f_category('t.category_id')}
  AND {f_kind('t.kind')}
  AND {TXN_SEARCH}"""
    short = f"{T} - {F} < 92"      # a range of up to three months is shown by day
    panels = [
        table(lay, "Totals by currency", f"""
SELECT s.currency AS "Currency",
       sum(s.txn_count) AS "Transactions",
       {SPEND} AS "Spend",
       {REFUNDS} AS "Refunds",
       {PAYMENTS} AS "Payments"
FROM (SELECT month, card_id, category_id, kind, currency, txn_count, net
        FROM analytics.spend_by_month_card_category
       WHERE {SEARCH} = '' AND {WHOLE}
      UNION ALL
      SELECT {MONTH_OF}, t.card_id, t.category_id, t.kind, t.currency, count(*), sum(t.amount)
        FROM analytics.transactions t
       WHERE {SEARCH} = '' AND {EDGES}
       GROUP BY 1, 2, 3, 4, 5
      UNION ALL
      SELECT {MONTH_OF}, t.card_id, t.category_id, t.kind, t.currency, count(*), sum(t.amount)
        FROM analytics.transactions t
       WHERE {SEARCH} <> '' AND $__timeFilter(t.posting_date) AND {TXN_SEARCH}
       GROUP BY 1, 2, 3, 4, 5) s
JOIN analytics.kinds k ON k.kind = s.kind
WHERE {f_card('s.card_id')}
  AND {f_category('s.category_id')}
  AND {f_kind('s.kind')}
GROUP BY 1
ORDER BY 2 DESC, 1""", w=12, h=6, description="Every transaction the filters and the search select"),
        timeseries(lay, "Spend per day (per month beyond 3 months)", f"""
SELECT $__timeGroupAlias(t.posting_date, '1d'),
       t.currency AS currency,
       -sum(t.amount) AS "Spend"
FROM analytics.transactions t
JOIN analytics.kinds k ON k.kind = t.kind
WHERE {short}
  AND k.is_spend
  AND {where}
GROUP BY 1, 2
UNION ALL
SELECT extract(epoch FROM s.month::timestamp),
       s.currency,
       -sum(s.net)
FROM (SELECT month, card_id, category_id, kind, currency, net
        FROM analytics.spend_by_month_card_category
       WHERE {SEARCH} = '' AND {WHOLE}
      UNION ALL
      SELECT {MONTH_OF}, t.card_id, t.category_id, t.kind, t.currency, sum(t.amount)
        FROM analytics.transactions t
       WHERE {SEARCH} = '' AND {EDGES}
       GROUP BY 1, 2, 3, 4, 5
      UNION ALL
      SELECT {MONTH_OF}, t.card_id, t.category_id, t.kind, t.currency, sum(t.amount)
        FROM analytics.transactions t
       WHERE {SEARCH} <> '' AND $__timeFilter(t.posting_date) AND {TXN_SEARCH}
       GROUP BY 1, 2, 3, 4, 5) s
JOIN analytics.kinds k ON k.kind = s.kind
WHERE NOT ({short})
  AND k.is_spend
  AND {f_card('s.card_id')}
  AND {f_category('s.category_id')}
  AND {f_kind('s.kind')}
GROUP BY 1, 2
ORDER BY 1, 2""", w=12, h=6, bars=True, display="${__field.labels.currency}"),
        # Without search text the newest rows come straight from the posting-date
        # index; with one, the (few) matching rows are found through the trigram
        # and merchant indexes first (OFFSET 0 keeps the planner from walking the
        # date index hoping to meet them), then sorted.
        table(lay, "Transactions", f"""
(SELECT {TXN_COLUMNS}
 FROM analytics.transactions_v t
 WHERE {SEARCH} = ''
   AND {where}
 ORDER BY t.posting_date DESC, t.id DESC
 LIMIT 1000)
UNION ALL
(SELECT x.*
 FROM (SELECT {TXN_COLUMNS}
       FROM analytics.transactions_v t
       WHERE {SEARCH} <> ''
         AND {where}
       OFFSET 0) x
 ORDER BY x."Posted" DESC, x."Id" DESC
 LIMIT 1000)""", h=18, description="Newest first, at most 1000 rows: narrow the range or search for more; "
                                   "Id is what cardledger categorize --set takes"),
    ]
    return dashboard("cardledger-transactions", "cardledger: Transactions", panels,
                     [V_CARD, V_CATEGORY, V_KIND, V_SEARCH])


# ---- Coverage and data quality --------------------------------------------------------------

# A month's state per card, as `cardledger coverage` decides it (src/query/coverage.c,
# README "coverage"): a card's usual cycle is the median number of days between
# its statements' period ends (30 for one statement, kept within 7..92); a
# period counts as at least one cycle long (statements that print only a
# closing date start at their first transaction); a gap of more than 5 days
# before a statement is a missing statement, which would have ended in the
# month the gap ends in; otherwise a statement whose previous balance is not
# the prior new balance is a chain break, and one that does not add up is
# unreconciled. A month is 3 missing (a gap ends in it, or no statement ends in
# it and a gap covers it), else the worst state of the statements ending in it
# (2 chain-break, 1 unreconciled, 0 ok), else of those overlapping it; months
# before the card's first period or after its last are not shown.
GAP_DAYS = 5
COVERAGE = f"""WITH st AS (
    SELECT x.card_id, x.statement_id, x.period_start, x.period_end, x.previous_balance,
           x.new_balance, x.reconciled, x.reconcile_difference, x.file_path,
           row_number() OVER w AS rn,
           x.period_end - lag(x.period_end) OVER w AS step
    FROM analytics.statement_chain_v x
    WHERE {f_card('x.card_id')}
    WINDOW w AS (PARTITION BY x.card_id ORDER BY x.period_end, x.period_start, x.statement_id)
), cycle AS (
    SELECT card_id, coalesce(least(greatest((array_agg(step ORDER BY step) FILTER (WHERE step IS NOT NULL))
                                            [count(step) / 2 + 1], 7), 92), 30) AS days
    FROM st GROUP BY card_id
), chain AS (
    SELECT s.*, least(s.period_start, s.period_end - c.days + 1) AS eff_start,
           lag(s.period_end) OVER w AS prev_end, lag(s.new_balance) OVER w AS prev_new
    FROM st s JOIN cycle c ON c.card_id = s.card_id
    WINDOW w AS (PARTITION BY s.card_id ORDER BY s.rn)
), judged AS (
    SELECT j.*,
           CASE WHEN j.gap THEN CASE WHEN j.reconciled THEN 0 ELSE 1 END
                WHEN j.previous_balance <> j.prev_new THEN 2
                WHEN NOT j.reconciled THEN 1 ELSE 0 END AS state,
           CASE WHEN NOT j.gap AND j.previous_balance <> j.prev_new
                THEN 'previous balance ' || j.previous_balance || ' is not the prior new balance ' || j.prev_new
                     || ' (' || j.file_path || ')'
                WHEN NOT j.reconciled
                THEN 'does not add up to its printed totals (difference '
                     || coalesce(j.reconcile_difference::text, 'unknown') || ', ' || j.file_path || ')' END AS detail
    FROM (SELECT c.*, coalesce(c.eff_start - c.prev_end - 1 > {GAP_DAYS}, false) AS gap FROM chain c) j
), gaps AS (
    SELECT card_id, prev_end + 1 AS lo, period_start - 1 AS hi,
           'no statement covers ' || (prev_end + 1) || ' to ' || (period_start - 1) AS detail
    FROM judged WHERE gap
), months AS (
    SELECT sp.card_id, m::date AS month, (m + interval '1 month')::date - 1 AS month_end
    FROM (SELECT card_id, min(eff_start) FILTER (WHERE rn = 1) AS first_start, max(period_end) AS last_end
          FROM judged GROUP BY card_id) sp,
         generate_series(greatest(date_trunc('month', sp.first_start::timestamp),
                                  date_trunc('month', {F}::timestamp)),
                         least(sp.last_end::timestamp, {T}::timestamp), interval '1 month') m
), cells AS (
    SELECT mo.card_id, mo.month,
           coalesce(g1.state, e.state, g2.state, o.state, 0) AS state,
           coalesce(g1.detail, e.detail, g2.detail, o.detail) AS detail
    FROM months mo
    LEFT JOIN (SELECT card_id, date_trunc('month', hi::timestamp)::date AS month, 3 AS state,
                      min(detail) AS detail
               FROM gaps GROUP BY 1, 2) g1 ON g1.card_id = mo.card_id AND g1.month = mo.month
    LEFT JOIN (SELECT card_id, date_trunc('month', period_end::timestamp)::date AS month, max(state) AS state,
                      (array_agg(detail ORDER BY state DESC, rn))[1] AS detail
               FROM judged GROUP BY 1, 2) e ON e.card_id = mo.card_id AND e.month = mo.month
    LEFT JOIN LATERAL (SELECT 3 AS state, min(g.detail) AS detail FROM gaps g
                       WHERE e.state IS NULL AND g.card_id = mo.card_id AND g.lo <= mo.month_end AND g.hi >= mo.month
                       HAVING count(*) > 0) g2 ON true
    LEFT JOIN LATERAL (SELECT max(j.state) AS state, (array_agg(j.detail ORDER BY j.state DESC, j.rn))[1] AS detail
                       FROM judged j
                       WHERE e.state IS NULL AND j.card_id = mo.card_id
                         AND j.eff_start <= mo.month_end AND j.period_end >= mo.month
                       HAVING count(*) > 0) o ON true
)"""
STATE_TEXT = ("CASE x.state WHEN 0 THEN 'ok' WHEN 1 THEN 'unreconciled' "
              "WHEN 2 THEN 'chain-break' ELSE 'missing' END")
STATE_MAPPINGS = [{"type": "value", "options": {
    "0": {"text": "ok", "color": "green", "index": 0},
    "1": {"text": "unreconciled", "color": "orange", "index": 1},
    "2": {"text": "chain-break", "color": "red", "index": 2},
    "3": {"text": "missing", "color": "purple", "index": 3}}}]
STMT_WHERE = f"$__timeFilter(x.period_end)\n  AND {f_card('x.card_id')}"
# A failed file has no statement period: on the coverage dashboard it is an
# open problem whenever it was seen.
UNTIMED = "whenever they were seen: the time range does not apply"
FAILED = """(SELECT f.*, coalesce(f.processed_at, f.first_seen_at) AS seen_at
      FROM raw.source_files f WHERE f.status = 'failed') x"""


def coverage():
    lay = Layout()
    panels = [
        stat(lay, "Months not ok", f"{COVERAGE}\nSELECT count(*) FILTER (WHERE state <> 0) AS \"Months not ok\"\n"
                                   "FROM cells", decimals=0,
             description="Card-months that are missing, break the balance chain or do not reconcile"),
        stat(lay, "Statements", f"SELECT count(*) AS \"Statements\"\nFROM analytics.statement_chain_v x\n"
                                f"WHERE {STMT_WHERE}", decimals=0,
             description="Statements whose period ends in the range"),
        stat(lay, "Unreconciled statements", f"SELECT count(*) FILTER (WHERE NOT x.reconciled) AS \"Unreconciled\"\n"
                                             f"FROM analytics.statement_chain_v x\nWHERE {STMT_WHERE}",
             decimals=0),
        stat(lay, "Failed files", f"SELECT count(*) AS \"Failed files\"\nFROM {FAILED}", decimals=0,
             description=f"Files that could not be read as a statement; {UNTIMED}"),
        panel(lay, "state-timeline", "Coverage by card and month", f"""{COVERAGE}
SELECT (x.month::timestamp AT TIME ZONE 'UTC') AS "time",
       {CARD_NAME} AS card,
       x.state AS "state"
FROM cells x
JOIN analytics.cards c ON c.id = x.card_id
ORDER BY 1, 2""", 24, 8, fmt="time_series", decimals=0,
              description="ok / unreconciled / chain-break / missing, as `cardledger coverage` shows them",
              field_defaults={"mappings": STATE_MAPPINGS, "displayName": "${__field.labels.card}",
                              "color": {"mode": "thresholds"},
                              "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": None}]}},
              options={"mergeValues": True, "showValue": "auto", "alignValue": "left", "rowHeight": 0.9,
                       "legend": {"displayMode": "list", "placement": "bottom", "showLegend": True}}),
        table(lay, "Coverage problems", f"""{COVERAGE}
SELECT {CARD_NAME} AS "Card",
       to_char(x.month, 'YYYY-MM') AS "Month",
       {STATE_TEXT} AS "State",
       x.detail AS "Detail"
FROM cells x
JOIN analytics.cards c ON c.id = x.card_id
WHERE x.state <> 0
ORDER BY 1, 2""", w=12, h=8),
        table(lay, "Balance-chain breaks and gaps", f"""{COVERAGE}
SELECT c.issuer || ' ' || c.card_last4 AS "Card",
       x.prev_end AS "Prior period end",
       x.period_start AS "Period start",
       x.period_end AS "Period end",
       x.period_start - x.prev_end - 1 AS "Gap (days)",
       x.prev_new AS "Prior new balance",
       x.previous_balance AS "Previous balance",
       x.file_path AS "File"
FROM judged x
JOIN analytics.cards c ON c.id = x.card_id
WHERE $__timeFilter(x.period_end)
  AND (x.gap OR x.state = 2)
ORDER BY x.period_end DESC""", w=12, h=8,
              description=f"Statements after a gap of more than {GAP_DAYS} days (a statement is missing) or "
                          "whose previous balance is not the prior new balance"),
        table(lay, "Unreconciled statements", f"""
SELECT x.issuer || ' ' || x.card_last4 AS "Card",
       x.period_start AS "Period start",
       x.period_end AS "Period end",
       x.reconcile_difference AS "Difference",
       x.transaction_count AS "Transactions",
       x.file_path AS "File"
FROM analytics.statement_chain_v x
WHERE {STMT_WHERE}
  AND NOT x.reconciled
ORDER BY x.period_end DESC""", w=12, h=8),
        table(lay, "Failed files", f"""
SELECT x.seen_at AS "When",
       x.path AS "File",
       x.attempts AS "Attempts",
       coalesce(x.last_error, '') AS "Error"
FROM {FAILED}
ORDER BY x.seen_at DESC, x.id DESC
LIMIT 200""", w=12, h=8, description=f"Try them again with: cardledger ingest --retry-failed PATH; {UNTIMED}"),
    ]
    return dashboard("cardledger-coverage", "cardledger: Coverage and data quality", panels, [V_CARD])


# ---- Imports ----------------------------------------------------------------------------------

RUNS = """(SELECT r.*, extract(epoch FROM r.started_at)::bigint AS started_epoch,
             nullif(r.elapsed_ms, 0) / 1000.0 AS elapsed_s
      FROM raw.ingest_runs r) x"""


def imports():
    lay = Layout()
    panels = [
        stat(lay, "Runs", f"SELECT count(*) AS \"Runs\"\nFROM {RUNS}\nWHERE $__timeFilter(x.started_at)", decimals=0),
        stat(lay, "Files stored", f"SELECT coalesce(sum(x.files_stored), 0) AS \"Files stored\"\nFROM {RUNS}\n"
                                  "WHERE $__timeFilter(x.started_at)", decimals=0),
        stat(lay, "Transactions inserted", f"SELECT coalesce(sum(x.txns_inserted), 0) AS \"Transactions inserted\"\n"
                                           f"FROM {RUNS}\nWHERE $__timeFilter(x.started_at)", decimals=0),
        stat(lay, "Failed files", f"SELECT coalesce(sum(x.files_failed), 0) AS \"Failed files\"\nFROM {RUNS}\n"
                                  "WHERE $__timeFilter(x.started_at)", decimals=0,
             description="Files the runs of the range could not read"),
        timeseries(lay, "Runs per day", f"""
SELECT $__unixEpochGroupAlias(x.started_epoch, '1d'),
       count(*) AS "Runs",
       count(*) FILTER (WHERE x.status <> 'done') AS "Not done"
FROM {RUNS}
WHERE $__unixEpochFilter(x.started_epoch)
GROUP BY 1
ORDER BY 1""", w=8, bars=True),
        timeseries(lay, "Files per run", f"""
SELECT x.started_at AS "time",
       x.files_stored AS "Stored",
       x.files_duplicate AS "Duplicate",
       x.files_known AS "Already known",
       x.files_failed AS "Failed"
FROM {RUNS}
WHERE $__timeFilter(x.started_at)
ORDER BY 1""", w=8, bars=True, stack=True),
        timeseries(lay, "Throughput per run", f"""
SELECT x.started_at AS "time",
       round(x.txns_inserted / x.elapsed_s, 1) AS "Transactions per second",
       round(x.files_stored / x.elapsed_s, 2) AS "Files per second"
FROM {RUNS}
WHERE $__timeFilter(x.started_at)
  AND x.elapsed_s IS NOT NULL
ORDER BY 1""", w=8),
        table(lay, "Runs", f"""
SELECT x.id AS "Run",
       x.started_at AS "Started",
       x.status AS "Status",
       coalesce(x.host, '') AS "Host",
       x.workers AS "Workers",
       x.files_found AS "Found",
       x.files_new AS "New",
       x.files_stored AS "Stored",
       x.files_duplicate AS "Duplicate",
       x.files_failed AS "Failed",
       x.txns_inserted AS "Transactions",
       x.unreconciled AS "Unreconciled",
       round(x.elapsed_s, 1) AS "Seconds",
       coalesce(x.error, '') AS "Error"
FROM {RUNS}
WHERE $__timeFilter(x.started_at)
ORDER BY x.started_at DESC
LIMIT 200""", h=9),
        table(lay, "Files by status", """
SELECT x.status AS "Status",
       count(*) AS "Files",
       coalesce(sum(x.pages), 0) AS "Pages",
       coalesce(sum(x.size_bytes), 0) AS "Bytes"
FROM (SELECT f.*, coalesce(f.processed_at, f.first_seen_at) AS seen_at FROM raw.source_files f) x
WHERE $__timeFilter(x.seen_at)
GROUP BY 1
ORDER BY 2 DESC""", w=8, h=8),
        table(lay, "Failures", f"""
SELECT x.seen_at AS "When",
       x.path AS "File",
       coalesce(x.last_error, '') AS "Error",
       x.last_run_id AS "Run"
FROM {FAILED}
WHERE $__timeFilter(x.seen_at)
ORDER BY x.seen_at DESC, x.id DESC
LIMIT 200""", w=16, h=8),
    ]
    return dashboard("cardledger-imports", "cardledger: Imports", panels, [], time_from="now-90d", time_to="now")


# ---- dashboards ---------------------------------------------------------------------------------


def dashboard(uid, title, panels, variables, time_from="now/y", time_to="now/y"):
    return {
        "uid": uid, "title": title, "tags": ["cardledger"], "timezone": "utc",
        "schemaVersion": SCHEMA_VERSION, "version": 1, "editable": True, "graphTooltip": 1,
        "fiscalYearStartMonth": 0, "liveNow": False, "refresh": "",
        "time": {"from": time_from, "to": time_to}, "timepicker": {},
        "annotations": {"list": []},
        "links": [{"title": "cardledger", "type": "dashboards", "tags": ["cardledger"], "asDropdown": True,
                   "includeVars": True, "keepTime": True, "icon": "external link", "targetBlank": False,
                   "tooltip": "", "url": ""}],
        "templating": {"list": variables},
        "panels": panels,
    }


DASHBOARDS = {"overview.json": overview, "transactions.json": transactions,
              "coverage.json": coverage, "imports.json": imports}


def render(build):
    return json.dumps(build(), indent=2, ensure_ascii=False) + "\n"


def main(argv):
    check = "--check" in argv
    stale = []
    os.makedirs(OUT, exist_ok=True)
    for name, build in DASHBOARDS.items():
        path = os.path.join(OUT, name)
        text = render(build)
        try:
            with open(path, encoding="utf-8") as f:
                same = f.read() == text
        except OSError:
            same = False
        if same:
            continue
        if check:
            stale.append(name)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    if stale:
        print("grafana/build_dashboards.py: out of date: " + ", ".join(stale) +
              " (run python3 grafana/build_dashboards.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
