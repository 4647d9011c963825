#!/usr/bin/env bash
# bench_api.sh - `cardledger serve` at scale: a database of synthetic
# transactions (12 cards, 5 years, made with SQL in seconds rather than from
# PDFs), then every API endpoint 40 times for the full range and for one
# month (p50 / p95 of the wall time seen by curl), and the page's time to
# render every panel in headless Chromium (Performance API mark
# cl-rendered-N, from navigation start). Targets (issue 10, 2 cores): every
# endpoint under 50 ms p95 at 1,000,000 transactions, under 250 ms at
# 10,000,000; the page within 1 s.
#
#   bench/bench_api.sh [BUILD_DIR]
# Environment:
#   SIZE=1k|100k|1m|10m   transactions (default 100k); BENCH_API_TX=N overrides
#   BENCH_API_DSN=DSN     use this (scratch!) server; default: a private cluster
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
cardledger=$build/cardledger
case "${SIZE:-100k}" in
    1k) tx=1000 ;; 100k) tx=100000 ;; 1m) tx=1000000 ;; 10m) tx=10000000 ;; *) tx=100000 ;;
esac
tx=${BENCH_API_TX:-$tx}
runs=40

tmp=$(mktemp -d /tmp/cardledger-bench-api.XXXXXX)
chmod 755 "$tmp"
serve_pid=
cleanup() {
    [ -n "$serve_pid" ] && kill -TERM "$serve_pid" 2>/dev/null && wait "$serve_pid"
    [ -n "${pg_started:-}" ] && pg_harness_stop
    rm -rf "$tmp"
}
trap cleanup EXIT
if [ -n "${BENCH_API_DSN:-}" ]; then
    admin=$BENCH_API_DSN
else
    . "$src/tests/pg-harness.sh"
    pg_harness_start "$tmp/pg" || { echo "bench_api: cannot start PostgreSQL"; exit 1; }
    pg_started=1
    admin=$CL_TEST_DSN
fi
db=bench_api_$$
psql "$admin" -qAtX -c "CREATE DATABASE $db" >/dev/null || exit 1
dsn="$admin dbname=$db"
"$cardledger" migrate up --db "$dsn" --log-level warn >/dev/null || exit 1

echo "bench_api: generating $tx transactions (12 cards x 60 months)"
start=$(date +%s.%N)
psql "$dsn" -qAtX -v ON_ERROR_STOP=1 -v tx="$tx" >/dev/null <<'SQL' || exit 1
SELECT analytics.ensure_partitions('2020-01-01', '2024-12-31');
INSERT INTO analytics.cards (issuer, card_last4, label)
SELECT (ARRAY['chase','amex_us','citi','discover'])[1 + i % 4], lpad((1000 + i * 731 % 9000)::text, 4, '0'),
       CASE WHEN i % 3 = 0 THEN 'card ' || i END
FROM generate_series(1, 12) i;
INSERT INTO analytics.merchants (name, category_id)
SELECT 'MERCHANT ' || i, (SELECT id FROM analytics.categories ORDER BY id OFFSET i % 9 LIMIT 1)
FROM generate_series(1, 3000) i;
CREATE TEMP TABLE months AS
SELECT c.id AS card_id, c.issuer, c.card_last4, m, (date '2020-01-01' + make_interval(months => m))::date AS p_start
FROM analytics.cards c, generate_series(0, 59) m;
INSERT INTO raw.source_files (sha256, path, size_bytes, status)
SELECT encode(sha256(convert_to(card_id || '-' || m, 'UTF8')), 'hex'), '/bench/' || card_id || '-' || m || '.pdf', 1, 'done'
FROM months;
INSERT INTO raw.statements (source_file_id, issuer, card_last4, period_start, period_end, reconciled, currency)
SELECT f.id, x.issuer, x.card_last4, x.p_start, (x.p_start + interval '1 month' - interval '1 day')::date, true, 'USD'
FROM months x JOIN raw.source_files f ON f.path = '/bench/' || x.card_id || '-' || x.m || '.pdf';
CREATE TEMP TABLE stm AS
SELECT s.id, c.id AS card_id, row_number() OVER (PARTITION BY c.id ORDER BY s.period_start) - 1 AS m, s.period_start
FROM raw.statements s JOIN analytics.cards c ON c.issuer = s.issuer AND c.card_last4 = s.card_last4;
CREATE INDEX ON stm (card_id, m);
INSERT INTO analytics.transactions (card_id, statement_id, transaction_date, posting_date, description,
                                    merchant_id, category_id, amount, currency, fingerprint, kind)
SELECT s.card_id, s.id, d, d, 'MERCHANT ' || mid || ' SOMEWHERE', mid, mm.category_id,
       CASE WHEN k = 'purchase' OR k = 'fee' OR k = 'interest' THEN -1 ELSE 1 END * (1 + (i * 7919 % 50000) / 100.0),
       'USD', 'bench-' || i, k
FROM (SELECT i, 1 + i % 12 AS card_id, (i / 12) % 60 AS m, 1 + (i * 104729) % 3000 AS mid,
             CASE WHEN i % 100 < 90 THEN 'purchase' WHEN i % 100 < 94 THEN 'refund'
                  WHEN i % 100 < 97 THEN 'payment' WHEN i % 100 < 99 THEN 'fee' ELSE 'interest' END AS k
      FROM generate_series(1, :tx::bigint) i) g
JOIN stm s ON s.card_id = g.card_id AND s.m = g.m
JOIN analytics.merchants mm ON mm.id = g.mid
CROSS JOIN LATERAL (SELECT (s.period_start + (g.i % 28)::int)::date AS d) dd;
SELECT analytics.refresh_summaries();
VACUUM ANALYZE;
SQL
printf 'bench_api: data ready in %.1f s\n' "$(echo "$(date +%s.%N) - $start" | bc)"

"$cardledger" serve --db "$dsn" --listen 127.0.0.1:0 --log-level warn >"$tmp/serve.out" 2>"$tmp/serve.err" &
serve_pid=$!
for i in $(seq 1 100); do
    url=$(sed -n 's|^cardledger serve: dashboard at \(http://[^ ]*\)/ .*|\1|p' "$tmp/serve.out")
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { echo "bench_api: serve did not start"; cat "$tmp/serve.err"; exit 1; }

# The second page's cursor, for a page deep in the keyset.
cursor=$(curl -s "$url/api/transactions?limit=50" | python3 -c 'import json,sys; print(json.load(sys.stdin)["next"] or "")')
month="from=2024-06-01&to=2024-06-30"
printf '\n%-52s %8s %8s %8s\n' "endpoint ($tx transactions)" "p50 ms" "p95 ms" "max ms"
worst=0
for ep in "summary" "report?by=month" "report?by=month&split=category" "report?by=category" \
          "report?by=merchant&top=15" "report?by=card" "transactions?limit=50" \
          "transactions?limit=50&after=$cursor" "transactions?limit=50&sort=amount" \
          "transactions?limit=50&q=MERCHANT%2017" "coverage?from=2020-01&to=2024-12" \
          "cards" "categories" "imports" \
          "summary?$month" "report?by=day&$month" "report?by=day&split=category&$month" \
          "report?by=category&$month" "transactions?limit=50&$month" "coverage?from=2024-06&to=2024-06"; do
    q="$url/api/$ep"
    for i in $(seq 1 $runs); do
        curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$q"
    done >"$tmp/times"
    bad=$(awk '$1 != 200' "$tmp/times" | wc -l)
    read -r p50 p95 max < <(awk '{print $2 * 1000}' "$tmp/times" | sort -n |
        awk '{v[NR] = $1} END {printf "%.1f %.1f %.1f\n", v[int(NR * 0.5 + 0.5)], v[int(NR * 0.95 + 0.5)], v[NR]}')
    label=${ep%%after=*}; [ "$label" != "$ep" ] && label="${label}after=(page 2)"
    printf '%-52s %8s %8s %8s%s\n' "$label" "$p50" "$p95" "$max" "$([ "$bad" -gt 0 ] && echo "  ($bad not 200)")"
    worst=$(echo "$p95 $worst" | awk '{print ($1 > $2) ? $1 : $2}')
done
echo "worst p95: $worst ms"

if [ -x /usr/bin/chromium ] && [ -d "$src/tests/web/node_modules/playwright-core" ]; then
    echo
    NODE_PATH=$src/tests/web/node_modules node "$src/bench/bench_page.js" "$url/?range=all" 5
fi
