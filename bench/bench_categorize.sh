#!/usr/bin/env bash
# bench_categorize.sh - `cardledger categorize` over a database of N
# transactions (default 1,000,000; SIZE=1k|100k|1m|10m or
# BENCH_CATEGORIZE_TX) made directly in SQL: 20,000 merchants across 4 cards
# and 5 years, most of them named so that a default rule matches. Reports
# the wall time of: the first categorize (every row gets its category), a
# run where nothing changes, a run after a user rule moves about a tenth of
# the rows, and --dry-run of that change. Target (issue 9): under 10 s.
#
#   bench/bench_categorize.sh [BUILD_DIR]
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
cardledger=$build/cardledger
case "${SIZE:-}" in
    1k) total=1000 ;; 100k) total=100000 ;; 10m) total=10000000 ;; *) total=1000000 ;;
esac
total=${BENCH_CATEGORIZE_TX:-$total}

home=$(mktemp -d /tmp/cardledger-bench.XXXXXX)
chmod 755 "$home"
export CARDLEDGER_HOME=$home XDG_CONFIG_HOME=$home/config
unset CARDLEDGER_DB DATABASE_URL PGHOST PGSERVICE PGHOSTADDR
trap '"$cardledger" db stop >/dev/null 2>&1; rm -rf "$home"' EXIT
"$cardledger" migrate up >/dev/null 2>&1 || { echo "bench_categorize: the embedded database did not start" >&2; exit 1; }
psql_() { "$cardledger" db psql -- -qAtX "$@"; }

t0=$(date +%s.%N)
psql_ -v ON_ERROR_STOP=1 -v n="$total" <<'SQL' >/dev/null || { echo "bench_categorize: could not make the database" >&2; exit 1; }
INSERT INTO raw.source_files (sha256, path, size_bytes, status) VALUES (repeat('0', 64), '/bench.pdf', 1, 'done');
INSERT INTO raw.statements (source_file_id, issuer, card_last4, period_start, period_end)
    SELECT id, 'bench', '0001', '2020-01-01', '2024-12-31' FROM raw.source_files;
INSERT INTO analytics.cards (issuer, card_last4) SELECT 'bench', lpad(g::text, 4, '0') FROM generate_series(1, 4) g;
SELECT analytics.ensure_partitions('2020-01-01', '2024-12-31');
-- 20,000 merchants: a name word and a suffix; most suffixes are default keywords.
INSERT INTO analytics.merchants (name)
SELECT 'BENCH' || g || ' ' || (ARRAY['COFFEE', 'HOTEL', 'FUEL', 'MARKET', 'AIRLINES', 'PHARMACY', 'PIZZA',
                                     'CINEMA', 'PARKING', 'WIDGETS', 'STUDIO', 'TRADING'])[1 + g % 12]
FROM generate_series(1, 20000) g;
INSERT INTO analytics.transactions (card_id, statement_id, posting_date, transaction_date, description,
                                    merchant_id, amount, currency, fingerprint, kind)
SELECT 1 + g % 4, (SELECT id FROM raw.statements), d, d, 'BENCH ROW ' || g, 1 + (g::bigint * 7919) % 20000,
       CASE WHEN g % 40 = 0 THEN (g % 500)::numeric ELSE -((g % 20000) / 100.0 + 1) END, 'USD', md5(g::text),
       CASE WHEN g % 40 = 0 THEN 'payment' WHEN g % 101 = 0 THEN 'fee' WHEN g % 103 = 0 THEN 'interest'
            WHEN g % 37 = 0 THEN 'refund' ELSE 'purchase' END
FROM generate_series(1, :n) g, LATERAL (SELECT date '2020-01-01' + (g % 1826) AS d) x;
SELECT analytics.refresh_summaries();
VACUUM ANALYZE;
SQL
t1=$(date +%s.%N)
printf 'database of %d transactions made in %.1f s\n' "$total" "$(echo "$t1 - $t0" | bc)"

timed() { # LABEL ARGS...
    local label=$1 s e
    shift
    s=$(date +%s.%N)
    "$cardledger" categorize "$@" >"$home/out" 2>&1 || { cat "$home/out"; exit 1; }
    e=$(date +%s.%N)
    printf '%-44s %6.2f s  (%s)\n' "$label" "$(echo "$e - $s" | bc)" \
        "$(grep -m1 '^transactions' "$home/out")"
}
timed "categorize, first run (every row)"
timed "categorize, nothing changed"
mkdir -p "$XDG_CONFIG_HOME/cardledger"
echo 'My Fuel: FUEL' >"$XDG_CONFIG_HOME/cardledger/rules"
timed "categorize --dry-run, a rule moves ~1/12" --dry-run
timed "categorize, a rule moves ~1/12"
