#!/usr/bin/env bash
# bench_grafana.sh - every Grafana panel query, expanded as Grafana sends it,
# at 1,000,000 transactions: the full range and one month, with every
# variable on All, then one card, three categories and two kinds, then a search
# text. Target (issue 11): under 50 ms at the 95th percentile per query (warm).
#
# The rows are made by SQL (8 cards, 5 years, 600 merchants, the kinds in
# household proportions, one statement per card and month) rather than by
# statement-gen and ingest, which bench_ingest measures; the summaries are
# then rebuilt by analytics.refresh_summaries(), as ingest keeps them.
#
#   bench/bench_grafana.sh [BUILD_DIR]
# Environment:
#   BENCH_GRAFANA_TX=1000000   transactions (SIZE=1k|100k|1m|10m also works)
#   BENCH_GRAFANA_RUNS=20      timed runs per query (after 3 warm-up runs)
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
cardledger=$build/cardledger
case "${SIZE:-}" in
    1k) total=1000 ;; 100k) total=100000 ;; 1m) total=1000000 ;; 10m) total=10000000 ;;
    *) total=${BENCH_GRAFANA_TX:-1000000} ;;
esac
runs=${BENCH_GRAFANA_RUNS:-20}

home=$(mktemp -d /tmp/cardledger-bench.XXXXXX)
chmod 755 "$home"
export CARDLEDGER_HOME=$home
unset CARDLEDGER_DB DATABASE_URL PGHOST PGSERVICE PGHOSTADDR
trap '"$cardledger" db stop >/dev/null 2>&1; rm -rf "$home"' EXIT
"$cardledger" migrate up >/dev/null 2>&1 || { echo "bench_grafana: the embedded database did not start" >&2; exit 1; }
dsn=$("$cardledger" db status 2>/dev/null | awk -F': *' '/^dsn:/ {print $2}')
[ -n "$dsn" ] || { echo "bench_grafana: no DSN from 'cardledger db status'" >&2; exit 1; }

start=$SECONDS
psql "$dsn" -qX -v ON_ERROR_STOP=1 -v total="$total" <<'EOF' || exit 1
SELECT analytics.ensure_partitions('2020-01-01', '2024-12-31');
INSERT INTO analytics.cards (issuer, card_last4, label)
SELECT 'bank' || i, lpad((1000 + i)::text, 4, '0'), CASE WHEN i % 2 = 0 THEN 'card ' || i END
FROM generate_series(1, 8) i;
INSERT INTO analytics.merchants (name, category_id)
SELECT 'MERCHANT ' || i, (SELECT id FROM analytics.categories ORDER BY id OFFSET i % 10 LIMIT 1)
FROM generate_series(1, 600) i;
INSERT INTO raw.source_files (sha256, path, size_bytes, status, pages, processed_at)
SELECT encode(sha256(convert_to(c || '-' || m, 'UTF8')), 'hex'), '/bench/' || c || '/' || m || '.pdf',
       100000, 'done', 3, '2025-01-01'::timestamptz + m * interval '1 hour'
FROM generate_series(1, 8) c, generate_series(0, 59) m;
INSERT INTO raw.statements (source_file_id, issuer, card_last4, period_start, period_end, currency,
                            previous_balance, new_balance, reconciled, transaction_count)
SELECT f.id, c.issuer, c.card_last4, make_date(2020, 1, 1) + make_interval(months => m),
       (make_date(2020, 1, 1) + make_interval(months => m + 1))::date - 1,
       CASE WHEN c.id > 6 THEN 'SGD' ELSE 'USD' END, 1000 + m, 1001 + m, m % 17 <> 5, 0
FROM analytics.cards c
CROSS JOIN generate_series(0, 59) m
JOIN raw.source_files f ON f.path = '/bench/' || (c.id - (SELECT min(id) FROM analytics.cards) + 1) || '/' || m || '.pdf';
CREATE TEMP TABLE stmt AS
SELECT s.id, c.id AS card_id, date_trunc('month', s.period_start)::date AS month, s.currency
FROM raw.statements s JOIN analytics.cards c ON c.issuer = s.issuer AND c.card_last4 = s.card_last4;
CREATE INDEX ON stmt (card_id, month);
CREATE TEMP TABLE merch AS SELECT id, name, category_id, row_number() OVER (ORDER BY id) - 1 AS k
FROM analytics.merchants;
\timing on
INSERT INTO analytics.transactions (card_id, statement_id, transaction_date, posting_date, description,
                                    merchant_id, category_id, kind, amount, currency, fingerprint)
SELECT st.card_id, st.id, x.d - 1, x.d, m.name || ' #' || x.n, m.id, m.category_id, x.kind,
       CASE WHEN x.kind IN ('refund', 'payment') THEN 1 ELSE -1 END * (1 + (x.n * 7919 % 50000) / 100.0),
       st.currency, 'bench-' || x.n
FROM (SELECT n, date '2020-01-01' + (n * 1826 / (:total + 1))::int AS d,
             (SELECT min(id) FROM analytics.cards) + n % 8 AS card_id,
             CASE WHEN n % 100 < 88 THEN 'purchase' WHEN n % 100 < 92 THEN 'refund'
                  WHEN n % 100 < 95 THEN 'payment' WHEN n % 100 < 98 THEN 'fee' ELSE 'interest' END AS kind
      FROM generate_series(1, :total) n) x
JOIN stmt st ON st.card_id = x.card_id AND st.month = date_trunc('month', x.d)::date
JOIN merch m ON m.k = (x.n * 2654435761) % 600;
SELECT analytics.refresh_summaries();
INSERT INTO raw.ingest_runs (started_at, finished_at, status, host, workers, files_found, files_new,
                             files_stored, files_failed, txns_inserted, elapsed_ms)
SELECT '2025-01-01'::timestamptz + i * interval '1 day', '2025-01-01'::timestamptz + i * interval '1 day' + interval '2 min',
       CASE WHEN i % 50 = 7 THEN 'aborted' ELSE 'done' END, 'bench', 2, 40, 40, 39, 1, 4000, 120000
FROM generate_series(1, 200) i;
ANALYZE;
EOF
echo "generated $(psql "$dsn" -qAtX -c "SELECT count(*) FROM analytics.transactions") transactions in $((SECONDS - start)) s"

CARDLEDGER_GRAFANA_PASSWORD=bench "$cardledger" grafana setup --db "$dsn" >/dev/null || exit 1
python3 "$src/bench/grafana_bench.py" "$src" "$dsn user=cardledger_grafana" "$runs"
