#!/usr/bin/env bash
# measure-partitions.sh - how wide should analytics.transactions partitions be?
# Builds the real schema twice (migration 0001) on a scratch server, one with
# 144 monthly partitions and one with 12 yearly ones, loads the same rows and
# times planning and execution of typical dashboard queries. Not a test: the
# numbers go into the README's design notes.
#
#   tests/db/measure-partitions.sh CARDLEDGER_BINARY SERVER_DSN [ROWS]
# e.g. tests/db/measure-partitions.sh build/cardledger "host=/tmp/x/pg user=cardledger dbname=postgres" 1200000
set -euo pipefail
bin=$1 dsn=$2 rows=${3:-1200000}
runs=7

sql() { psql "$1" -qAtX -v ON_ERROR_STOP=1 "${@:2}"; }

setup() { # NAME WIDTH(month|year)
    local db=$1 width=$2
    sql "$dsn" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    "$bin" migrate up --db "$dsn dbname=$db" --log-level warn >/dev/null
    local d="$dsn dbname=$db"
    if [ "$width" = month ]; then
        sql "$d" -c "DO \$\$ DECLARE m date; BEGIN
            FOR m IN SELECT generate_series('2013-01-01'::date, '2024-12-01', '1 month') LOOP
              EXECUTE format('CREATE TABLE analytics.%I PARTITION OF analytics.transactions FOR VALUES FROM (%L) TO (%L)',
                             'transactions_m' || to_char(m, 'YYYYMM'), m, m + interval '1 month');
            END LOOP; END \$\$"
    else
        sql "$d" -c "SELECT analytics.ensure_partitions('2013-01-01', '2024-12-31')" >/dev/null
    fi
    local t0=$SECONDS
    sql "$d" -c "
        INSERT INTO raw.source_files (sha256, path, size_bytes) VALUES (repeat('0', 64), 'x', 0);
        INSERT INTO raw.statements (source_file_id, issuer, card_last4, period_start, period_end)
            VALUES (1, 'chase', '0001', '2013-01-01', '2024-12-31');
        INSERT INTO analytics.cards (issuer, card_last4) SELECT 'chase', lpad(g::text, 4, '0') FROM generate_series(1, 4) g;
        INSERT INTO analytics.categories (name) SELECT 'cat' || g FROM generate_series(1, 12) g;
        INSERT INTO analytics.merchants (name) SELECT 'MERCHANT ' || g FROM generate_series(1, 500) g;
        INSERT INTO analytics.transactions (card_id, statement_id, posting_date, description, merchant_id,
                                            category_id, amount, currency, fingerprint)
        SELECT 1 + g % 4, 1, '2013-01-01'::date + (g % 4380), 'PURCHASE ' || (g % 997) || ' STORE',
               1 + g % 500, 1 + g % 12, -((g % 10000) / 100.0), 'USD', md5(g::text)
        FROM generate_series(1, $rows) g ORDER BY 3;"
    sql "$d" -c "VACUUM ANALYZE"
    echo "$width: loaded $rows rows in $((SECONDS - t0)) s" >&2
}

# Planning and execution ms of a query: the first run in a new session
# (cold caches) and the median of $runs more in that same session (warm, as
# a dashboard keeps its connection).
measure() { # DSN LABEL QUERY
    local q=${3//\'/\'\'}
    sql "$1" -c "SET jit = off" -c "
        CREATE FUNCTION pg_temp.m(q text, n int) RETURNS TABLE (i int, plan float8, exec float8)
        LANGUAGE plpgsql AS \$f\$
        DECLARE j json;
        BEGIN
            FOR k IN 1..n LOOP
                EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ' || q INTO j;
                RETURN QUERY SELECT k, (j->0->>'Planning Time')::float8, (j->0->>'Execution Time')::float8;
            END LOOP;
        END \$f\$;
        SELECT format('  %-34s cold: plan %7s ms exec %8s ms | warm: plan %6s ms exec %8s ms', '$2',
                      round(max(plan) FILTER (WHERE i = 1)::numeric, 2), round(max(exec) FILTER (WHERE i = 1)::numeric, 1),
                      round((percentile_cont(0.5) WITHIN GROUP (ORDER BY plan) FILTER (WHERE i > 1))::numeric, 2),
                      round((percentile_cont(0.5) WITHIN GROUP (ORDER BY exec) FILTER (WHERE i > 1))::numeric, 1))
        FROM pg_temp.m('$q', $runs + 1)"
}

queries() { # DSN
    measure "$1" "all rows, by card x category" \
        "SELECT card_id, category_id, sum(amount) FROM analytics.transactions GROUP BY 1, 2"
    measure "$1" "text search, no date" \
        "SELECT count(*) FROM analytics.transactions WHERE description ILIKE '%ORE 42%'"
    measure "$1" "one card, no date" \
        "SELECT count(*), sum(amount) FROM analytics.transactions WHERE card_id = 2"
    measure "$1" "one month (pruned)" \
        "SELECT category_id, sum(amount) FROM analytics.transactions WHERE posting_date >= '2020-03-01' AND posting_date < '2020-04-01' GROUP BY 1"
    measure "$1" "last 12 months (pruned)" \
        "SELECT date_trunc('month', posting_date), sum(amount) FROM analytics.transactions WHERE posting_date >= '2024-01-01' GROUP BY 1"
    measure "$1" "one row by fingerprint, no date" \
        "SELECT * FROM analytics.transactions WHERE fingerprint = md5('77')"
}

setup cl_part_month month
setup cl_part_year year
for w in month year; do
    echo "$w partitions ($(sql "$dsn dbname=cl_part_$w" -c "SELECT count(*) FROM pg_inherits WHERE inhparent = 'analytics.transactions'::regclass") incl. default), $rows rows:"
    queries "$dsn dbname=cl_part_$w"
done
sql "$dsn" -c "DROP DATABASE cl_part_month" -c "DROP DATABASE cl_part_year"
