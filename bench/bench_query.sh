#!/usr/bin/env bash
# bench_query.sh - read-side speed at 1,000,000 transactions: `report`
# (several groupings and filters), `transactions --limit 50` (first page, a
# filtered page, a search), `coverage` and `cards`, end to end (process start,
# connection, query, output), warm: the median of 5 runs after one unmeasured
# run. Target (issue 9): each under 100 ms.
# The data is synthesized in SQL (20 cards, 5 years of monthly statements,
# 2,000 merchants of which each card uses 300, a few of them often; kinds in
# realistic shares) rather than ingested from PDFs,
# so the benchmark takes a minute rather than many; its shape is what the
# ingest writes: the same tables, partitions, indexes and exact summaries.
#
#   bench/bench_query.sh [BUILD_DIR]
# Environment:
#   SIZE=1k|100k|1m|10m       transactions (default 1m), or BENCH_QUERY_TX=N
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
cardledger=$build/cardledger
case "${SIZE:-1m}" in
1k) total=1000 ;; 100k) total=100000 ;; 1m) total=1000000 ;; 10m) total=10000000 ;;
*) echo "bench_query: SIZE must be 1k, 100k, 1m or 10m" >&2; exit 2 ;;
esac
total=${BENCH_QUERY_TX:-$total}

#   BENCH_QUERY_HOME=DIR      keep the embedded cluster and its data in DIR (made
#                             once, reused by later runs) instead of a temporary one
if [ -n "${BENCH_QUERY_HOME:-}" ]; then
    home=$BENCH_QUERY_HOME
    mkdir -p "$home"
else
    home=$(mktemp -d /tmp/cardledger-bench.XXXXXX)
    trap '"$cardledger" db stop >/dev/null 2>&1; rm -rf "$home"' EXIT
fi
chmod 755 "$home"
export CARDLEDGER_HOME=$home
unset CARDLEDGER_DB DATABASE_URL PGHOST PGSERVICE PGHOSTADDR
"$cardledger" migrate up >/dev/null 2>&1 || { echo "bench_query: the embedded database did not start" >&2; exit 1; }
sql() { "$cardledger" db psql --log-level warn -- -qAtX -v ON_ERROR_STOP=1 -c "$1"; }

start=$(date +%s.%N)
[ "$(sql "SELECT count(*) FROM analytics.cards")" = 0 ] && {
sql "
SELECT analytics.ensure_partitions('2020-01-01', '2024-12-31');
INSERT INTO analytics.cards (issuer, card_last4)
SELECT (ARRAY['chase','amex_us','citi','discover','capital_one','dbs','ocbc'])[1 + c % 7], lpad((1000 + c * 373)::text, 4, '0')
FROM generate_series(0, 19) c;
INSERT INTO analytics.merchants (name, category_id)
SELECT 'MERCHANT ' || lpad(m::text, 4, '0'), (SELECT id FROM analytics.categories ORDER BY id OFFSET m % 10 LIMIT 1)
FROM generate_series(1, 2000) m;
INSERT INTO raw.source_files (sha256, path, size_bytes, status)
SELECT encode(sha256((c.id || ' ' || mo)::text::bytea), 'hex'), '/bench/' || c.issuer || '-' || c.card_last4 || '-' || mo || '.pdf', 1, 'done'
FROM analytics.cards c, generate_series(0, 59) mo;
INSERT INTO raw.statements (source_file_id, issuer, card_last4, period_start, period_end, statement_date, currency,
                            previous_balance, new_balance, reconciled, reconcile_difference, transaction_count)
SELECT f.id, c.issuer, c.card_last4, make_date(2020, 1, 1) + (mo || ' months')::interval,
       (make_date(2020, 2, 1) + (mo || ' months')::interval - interval '1 day')::date,
       (make_date(2020, 2, 1) + (mo || ' months')::interval - interval '1 day')::date,
       CASE WHEN c.issuer IN ('dbs', 'ocbc') THEN 'SGD' ELSE 'USD' END, 0, 0, true, 0, 0
FROM analytics.cards c CROSS JOIN generate_series(0, 59) mo
JOIN raw.source_files f ON f.path = '/bench/' || c.issuer || '-' || c.card_last4 || '-' || mo || '.pdf';
" >/dev/null || exit 1
# One card misses a statement, so coverage has something to find.
sql "DELETE FROM raw.statements WHERE period_end = '2024-06-30' AND card_last4 = '1000'" >/dev/null
sql "
CREATE TEMP TABLE cmap AS SELECT row_number() OVER (ORDER BY id) AS rn, id, issuer, card_last4 FROM analytics.cards;
CREATE TEMP TABLE mmap AS SELECT row_number() OVER (ORDER BY id) AS rn, id, name, category_id FROM analytics.merchants;
CREATE TEMP TABLE g AS
SELECT n, 1 + abs(hashint8(n)) % 20 AS card, (date '2020-01-01' + (n::bigint * 1826 / $total)::int) AS day,
       abs(hashint8(n + 7919))::float8 / 2147483648 AS u, abs(hashint8(n + 104729)) % 100 AS r
FROM generate_series(0::bigint, $total - 1) n;
-- Each card has its own 300 merchants out of the 2,000, a few of them
-- frequent (u cubed): a household's shape, not a uniform spread.
ALTER TABLE g ADD COLUMN merchant int;
UPDATE g SET merchant = 1 + (card * 97 + floor(300 * u * u * u)::int) % 2000;
INSERT INTO analytics.transactions (card_id, statement_id, transaction_date, posting_date, description,
                                    merchant_id, category_id, amount, currency, fingerprint, kind)
SELECT c.id, s.id, g.day, g.day, m.name || ' CITY ' || (g.n % 97), m.id, m.category_id,
       CASE WHEN g.r < 85 THEN -(1 + (g.n * 13) % 20000) / 100.0
            WHEN g.r < 90 THEN (1 + (g.n * 17) % 5000) / 100.0
            WHEN g.r < 93 THEN (100 + (g.n * 19) % 200000) / 100.0
            ELSE -(1 + (g.n * 23) % 4000) / 100.0 END,
       s.currency, 'bench' || g.n,
       CASE WHEN g.r < 85 THEN 'purchase' WHEN g.r < 90 THEN 'refund' WHEN g.r < 93 THEN 'payment'
            WHEN g.r < 97 THEN 'fee' ELSE 'interest' END
FROM g JOIN cmap c ON c.rn = g.card
JOIN mmap m ON m.rn = g.merchant
JOIN raw.statements s ON s.issuer = c.issuer AND s.card_last4 = c.card_last4
                     AND s.period_start = date_trunc('month', g.day)::date;
SELECT analytics.refresh_summaries();
" >/dev/null || exit 1
sql "VACUUM ANALYZE" >/dev/null
}
rows=$(sql "SELECT count(*) FROM analytics.transactions")
printf 'data: %s transactions, %s statements, %s summary rows (month x card x category x kind), built in %.0f s\n' \
    "$rows" "$(sql "SELECT count(*) FROM raw.statements")" \
    "$(sql "SELECT count(*) FROM analytics.spend_by_month_card_category")" "$(echo "$(date +%s.%N) - $start" | bc)"

# measure LABEL ARGS...: median, best and worst wall time of 5 warm runs, in ms
status=0
measure() {
    local label=$1
    shift
    "$cardledger" "$@" >/dev/null 2>&1 || { echo "  $label: FAILED ($*)"; status=1; return; }
    python3 - "$label" "$cardledger" "$@" <<'EOF' || status=1
import subprocess, sys, time
label, cmd = sys.argv[1], sys.argv[2:]
times = []
for _ in range(5):
    t = time.monotonic()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    times.append((time.monotonic() - t) * 1000)
times.sort()
verdict = "ok" if times[2] < 100 else "OVER 100 ms"
print("  %-52s median %6.1f ms  best %6.1f ms  worst %6.1f ms  %s" % (label, times[2], times[0], times[-1], verdict))
sys.exit(0 if times[2] < 100 else 1)
EOF
}
echo "warm, end to end (median of 5; load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores):"
measure "report (this year by month; 2024 here)" report --year 2024
measure "report --by category, all years" report --by category --from 2020-01 --to 2024-12
measure "report --by merchant --top 10" report --year 2024 --by merchant --top 10
measure "report --by card, partial months" report --from 2024-02-10 --to 2024-11-20 --by card
measure "report --by week (from the rows)" report --year 2024 --by week
measure "report --by kind --card --category" report --year 2024 --by kind --card chase:1000 --category Dining
measure "transactions --limit 50" transactions --limit 50
measure "transactions --limit 50 --card --kind refund" transactions --limit 50 --card amex_us:1373 --kind refund
measure "transactions --limit 50 --merchant" transactions --limit 50 --merchant 'MERCHANT 0042'
measure "transactions --limit 50 --sort amount --year 2024" transactions --limit 50 --sort amount --year 2024
measure "coverage --year 2024" coverage --year 2024
measure "cards" cards
exit $status
