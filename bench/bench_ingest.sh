#!/usr/bin/env bash
# bench_ingest.sh - bulk ingest speed and memory: about 100,000 transactions
# (about 1,000 statements of 100 transactions from statement-gen) into an
# empty embedded database with -j equal to the cores. Reports wall time,
# transactions per second, peak resident memory of the largest cardledger
# process, CPU seconds, a second run over the same files (all known), and
# what keeping the summaries costs: a full rebuild, and what a concurrent
# materialized-view refresh at the end of every run would cost instead.
# Targets (issue 5, 2 cores): under 10 s and under 128 MB; 1,000,000
# transactions in under 120 s.
#
#   bench/bench_ingest.sh [BUILD_DIR]
# Environment:
#   BENCH_INGEST_TX=100000     transactions to generate (1000000: the big run)
#   BENCH_INGEST_PER=100       transactions per statement
#   BENCH_INGEST_JOBS=N        workers (default: the number of cores)
#   BENCH_CORPUS=DIR           ingest the PDFs in DIR instead
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
cardledger=$build/cardledger
gen=$build/statement-gen
total=${BENCH_INGEST_TX:-100000}
per=${BENCH_INGEST_PER:-100}
jobs=${BENCH_INGEST_JOBS:-$(nproc)}

if [ ! -x "$gen" ] || ! "$cardledger" parse --help >/dev/null 2>&1; then
    echo "bench_ingest: skipped (statement-gen or the parser is not built)"
    exit 0
fi

# --- the corpus (generated once per size, kept in the build directory) ---------
if [ -n "${BENCH_CORPUS:-}" ]; then
    corpus=$BENCH_CORPUS
else
    corpus=$build/bench-corpus/ingest-${total}x${per}
    if [ ! -f "$corpus/.complete" ]; then
        profiles=$(comm -12 <("$gen" --list-profiles | sort) \
            <("$cardledger" profiles 2>/dev/null | awk 'NR > 1 && NF >= 2 && $1 ~ /^[a-z0-9_]+$/ {print $1}' | sort))
        np=$(echo "$profiles" | wc -w)
        statements=$(( (total + per - 1) / per ))
        # At most five years of months per card; more cards when that is not enough.
        cards=$(( (statements + np * 60 - 1) / (np * 60) ))
        months=$(( (statements + np * cards - 1) / (np * cards) ))
        from=$(( 2024 - (months + 11) / 12 ))
        echo "generating $statements statements of $per transactions ($np profiles x $cards cards x $months months) in $corpus"
        rm -rf "$corpus" && mkdir -p "$corpus"
        i=0
        for p in $profiles; do
            for c in $(seq 1 "$cards"); do
                i=$((i + 1))
                "$gen" --profile "$p" --card "$(printf '%04d' $(((i * 1237 + 5) % 10000)))" --from "$from-01" \
                    --months "$months" --seed "$i" --transactions "$per" --out "$corpus/$p-$c" >/dev/null &
                [ $((i % $(nproc))) -eq 0 ] && wait
            done
        done
        wait
        find "$corpus" -name '*.json' -delete
        touch "$corpus/.complete"
    fi
fi
nfiles=$(find "$corpus" -name '*.pdf' | wc -l)
[ "$nfiles" -gt 0 ] || { echo "bench_ingest: no PDFs in $corpus" >&2; exit 1; }

# --- an empty embedded database ---------------------------------------------------
home=$(mktemp -d /tmp/cardledger-bench.XXXXXX)
chmod 755 "$home"
export CARDLEDGER_HOME=$home
unset CARDLEDGER_DB DATABASE_URL PGHOST PGSERVICE PGHOSTADDR
trap '"$cardledger" db stop >/dev/null 2>&1; rm -rf "$home"' EXIT
"$cardledger" migrate up >/dev/null 2>&1 || { echo "bench_ingest: the embedded database did not start" >&2; exit 1; }

# run LABEL ARGS...: one ingest, measured: wall and CPU seconds of the
# process tree and the largest resident set of any of its processes
# (RUSAGE_CHILDREN covers the workers the ingest process waited for).
run() {
    local label=$1
    shift
    python3 - "$label" "$cardledger" "$@" <<'EOF'
import resource, subprocess, sys, time
label, exe, args = sys.argv[1], sys.argv[2], sys.argv[3:]
t0 = time.monotonic()
p = subprocess.run([exe, 'ingest', '--no-progress', '--log-format', 'json', '--log-level', 'warn'] + args,
                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
wall = time.monotonic() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
ins = [l.split()[-1] for l in p.stdout.splitlines() if l.strip().startswith('transactions inserted')]
ins = int(ins[0]) if ins else 0
print(f'{label}: exit {p.returncode}, {wall:.2f} s wall, {ins} transactions inserted, '
      f'{ins / wall:.0f} tx/s, peak RSS {ru.ru_maxrss / 1024:.1f} MB, '
      f'cardledger CPU {ru.ru_utime + ru.ru_stime:.2f} s')
if p.returncode != 0:
    sys.stderr.write(p.stderr[-2000:])
EOF
}

sql() { "$cardledger" db psql --log-level warn -- -qAtX -c "$1" 2>/dev/null; }

# CPU time of the database sessions: the postmaster's reaped children.
server_pid=$("$cardledger" db status 2>/dev/null | sed -n 's/.*running (pid \([0-9]*\)).*/\1/p')
server_cpu() { awk '{ print $16 + $17 }' "/proc/$server_pid/stat" 2>/dev/null || echo 0; }

echo "corpus: $nfiles files in $corpus; $jobs workers; $(nproc) cores; load average $(cut -d' ' -f1 /proc/loadavg)"
c0=$(server_cpu)
run "ingest" -j "$jobs" "$corpus"
sleep 1     # the sessions' processes exit after their clients
c1=$(server_cpu)
echo "database server CPU during the ingest: $(awk -v a="$c0" -v b="$c1" -v t="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (b - a) / t }') s (with the cardledger CPU above: the wall time an idle machine needs at least, divided by the cores)"
echo "database: $(sql "SELECT count(*) FROM analytics.transactions") transactions, $(sql "SELECT count(*) FROM raw.statements") statements, $(sql "SELECT count(*) FROM analytics.merchants") merchants"
run "again (every file known)" -j "$jobs" "$corpus"

# What the summaries cost. Kept by every file's transaction (no refresh at
# the end); analytics.refresh_summaries() rebuilds them in full; the design
# this replaced refreshed three materialized views concurrently per run.
ms() { python3 -c "import subprocess, sys, time; t = time.monotonic(); subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); print(f'{(time.monotonic() - t) * 1000:.0f} ms')" "$@"; }
echo "summary tables, full rebuild (analytics.refresh_summaries): $(ms "$cardledger" db psql --log-level warn -- -qAtX -c 'SELECT analytics.refresh_summaries()')"
# What a dashboard pays for the day summary, a plain view since migration
# 0003: one whole year of every card and category, warm.
year=$(sql "SELECT extract(year FROM posting_date)::int FROM analytics.transactions GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
day_query="SELECT count(*), sum(net) FROM analytics.spend_by_day_card_category WHERE day >= make_date($year, 1, 1) AND day < make_date($year + 1, 1, 1)"
echo "spend by day x card x category (a view), all of $year: $("$cardledger" db psql --log-level warn -- -qAtX \
    -c "$day_query" -c '\timing on' -c "$day_query" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1 ms/p')"
sql "CREATE SCHEMA bench_mv" >/dev/null
echo "materialized views of the replaced design, created: $(ms "$cardledger" db psql --log-level warn -- -qAtX -c "
    SET jit = off;
    CREATE MATERIALIZED VIEW bench_mv.m2 AS SELECT date_trunc('month', posting_date)::date AS month, card_id, category_id, currency, count(*) AS n, sum(amount) AS net FROM analytics.transactions GROUP BY 1, 2, 3, 4;
    CREATE UNIQUE INDEX ON bench_mv.m2 (month, card_id, category_id, currency) NULLS NOT DISTINCT;
    CREATE MATERIALIZED VIEW bench_mv.d2 AS SELECT posting_date AS day, card_id, category_id, currency, count(*) AS n, sum(amount) AS net FROM analytics.transactions GROUP BY 1, 2, 3, 4;
    CREATE UNIQUE INDEX ON bench_mv.d2 (day, card_id, category_id, currency) NULLS NOT DISTINCT;
    CREATE MATERIALIZED VIEW bench_mv.mm2 AS SELECT date_trunc('month', posting_date)::date AS month, merchant_id, currency, count(*) AS n, sum(amount) AS net FROM analytics.transactions GROUP BY 1, 2, 3;
    CREATE UNIQUE INDEX ON bench_mv.mm2 (month, merchant_id, currency) NULLS NOT DISTINCT;
    SELECT 1")"
echo "  and REFRESH CONCURRENTLY of all three (what every run paid at its end): $(ms "$cardledger" db psql --log-level warn -- -qAtX -c "SET jit = off; REFRESH MATERIALIZED VIEW CONCURRENTLY bench_mv.m2; REFRESH MATERIALIZED VIEW CONCURRENTLY bench_mv.d2; REFRESH MATERIALIZED VIEW CONCURRENTLY bench_mv.mm2")"
sql "DROP SCHEMA bench_mv CASCADE" >/dev/null
echo "targets (2 cores, 100,000 transactions): under 10 s, under 128 MB"
