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
#   bench/run build grafana    (or bench/bench_grafana.sh [BUILD_DIR])
# Environment:
#   BENCH_GRAFANA_TX=1000000   transactions (SIZE=1k|100k|1m|10m also works)
#   BENCH_GRAFANA_RUNS=20      timed runs per query (after 3 warm-up runs)
#   BENCH_GRAFANA_DSN=DSN      use this database (rows are generated only when it has none)
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
cardledger=$build/cardledger
case "${SIZE:-}" in
    1k) total=1000 ;; 100k) total=100000 ;; 1m) total=1000000 ;; 10m) total=10000000 ;;
    *) total=${BENCH_GRAFANA_TX:-1000000} ;;
esac
runs=${BENCH_GRAFANA_RUNS:-20}

if [ -n "${BENCH_GRAFANA_DSN:-}" ]; then
    dsn=$BENCH_GRAFANA_DSN
    "$cardledger" migrate up --db "$dsn" >/dev/null 2>&1 || { echo "bench_grafana: cannot migrate $dsn" >&2; exit 1; }
else
    home=$(mktemp -d /tmp/cardledger-bench.XXXXXX)
    chmod 755 "$home"
    export CARDLEDGER_HOME=$home
    unset CARDLEDGER_DB DATABASE_URL PGHOST PGSERVICE PGHOSTADDR
    trap '"$cardledger" db stop >/dev/null 2>&1; rm -rf "$home"' EXIT
    "$cardledger" migrate up >/dev/null 2>&1 || { echo "bench_grafana: the embedded database did not start" >&2; exit 1; }
    dsn=$("$cardledger" db status 2>/dev/null | awk -F': *' '/^dsn:/ {print $2}')
    [ -n "$dsn" ] || { echo "bench_grafana: no DSN from 'cardledger db status'" >&2; exit 1; }
fi

start=$SECONDS
if [ "$(psql "$dsn" -qAtX -c "SELECT count(*) > 0 FROM analytics.transactions")" = "t" ]; then
    echo "using the $(psql "$dsn" -qAtX -c "SELECT count(*) FROM analytics.transactions") transactions already in $dsn"
else
    psql "$dsn" -qX -v ON_ERROR_STOP=1 -v total="$total" -f "$src/bench/grafana_data.sql" >/dev/null || exit 1
    echo "generated $(psql "$dsn" -qAtX -c "SELECT count(*) FROM analytics.transactions") transactions in $((SECONDS - start)) s"
fi

CARDLEDGER_GRAFANA_PASSWORD=bench "$cardledger" grafana setup --db "$dsn" >/dev/null || exit 1
python3 "$src/bench/grafana_bench.py" "$src" "$dsn user=cardledger_grafana" "$runs"
