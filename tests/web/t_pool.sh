#!/usr/bin/env bash
# t_pool.sh - serve's database side: the database stopped (503 with a JSON
# error) and started again (200 without restarting serve); connections
# killed under it (replaced); threads capped by the server's free
# connection slots; and the whole API through a PgBouncer in transaction
# pooling mode, its figures still equal to SQL. Uses a PostgreSQL cluster of
# its own, since it stops it.
. "$CL_SRC/tests/lib.sh"
. "$CL_SRC/tests/web/lib_web.sh"

as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pgdir=$CL_TEST_TMP/pg-pool.$$
mkdir -p "$pgdir"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pgdir"
pg_opts="-c listen_addresses='' -c unix_socket_directories='$pgdir' -c fsync=off -c max_connections=20 -c jit=off"
pg_up() { as_pg "$CL_TEST_PGBIN/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 -o "$pg_opts" start >/dev/null; }
pg_down() { as_pg "$CL_TEST_PGBIN/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null; }
as_pg "$CL_TEST_PGBIN/initdb" -D "$pgdir/data" -U cltest -A trust -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1
pg_up || { echo "not ok 1 - could not start a PostgreSQL cluster"; exit 1; }
bouncer_pid=
bdir=$CL_TEST_TMP/bouncer.$$
cleanup() {
    serve_stop 2>/dev/null
    # runuser does not pass the signal on: stop pgbouncer itself, by its pid file
    [ -n "$bouncer_pid" ] && [ -f "$bdir/pgbouncer.pid" ] && kill "$(cat "$bdir/pgbouncer.pid")" 2>/dev/null
    [ -n "$bouncer_pid" ] && wait "$bouncer_pid" 2>/dev/null
    pg_down 2>/dev/null
}
trap cleanup EXIT

# A dataset in this cluster (the statements are shared with the other suites).
CL_TEST_DSN="host=$pgdir port=5432 user=cltest dbname=postgres"
dsn=$(web_dataset pool) || { echo "not ok 1 - could not build the test database"; exit 1; }

# ---- the database goes away and comes back --------------------------------------------------
serve_start "$CARDLEDGER_ASAN" --db "$dsn" --threads 2
_tap_result $? "serve starts"
r=$(http "/api/summary?year=2024")
is "summary answers" "${r%% *}" 200
pg_down
r=$(http "/api/summary?year=2024")
is "database stopped: 503" "${r%% *}" 503
like "with a JSON error" "${r#* }" '^\{"error":"database unavailable[^"]*","param":null\}$'
r=$(http "/api/cards")
is "still 503 while it is down" "${r%% *}" 503
r=$(http "/")
is "the page itself is still served" "${r%% *}" 200
pg_up
r=$(http "/api/summary?year=2024")
is "database started again: 200 without restarting serve" "${r%% *}" 200
r=$(http "/api/cards")
is "and every endpoint answers" "${r%% *}" 200
kill -0 "$SERVE_PID"
_tap_result $? "serve kept running throughout"

# ---- connections killed under it are replaced ------------------------------------------------------
for i in 1 2 3 4; do http /api/cards >/dev/null; done
killed=$(psql "$dsn" -qAtX -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
    WHERE application_name = 'cardledger' AND datname = current_database() AND pid <> pg_backend_pid()")
[ "$killed" -ge 1 ] 2>/dev/null
_tap_result $? "the server's connections were killed ($killed)"
codes=
for i in 1 2 3 4 5 6; do r=$(http /api/transactions?limit=5); codes="$codes${r%% *} "; done
is "every request after that succeeds on a fresh connection" "$codes" "200 200 200 200 200 200 "
like "the lost connection is logged" "$(cat "$SERVE_LOG")" serve_connection_lost
serve_stop

# ---- threads capped by free connection slots (max_connections=20 here) -----------------------
serve_start "$CARDLEDGER" --db "$dsn" --threads 64
_tap_result $? "serve starts with --threads 64"
cap=$(grep '"event":"serve_listening"' "$SERVE_LOG" | sed 's/.*"threads":\([0-9]*\).*/\1/')
[ -n "$cap" ] && [ "$cap" -lt 20 ] && [ "$cap" -ge 1 ]
_tap_result $? "threads capped below max_connections ($cap)"
like "and the cap is logged" "$(cat "$SERVE_LOG")" serve_threads_capped
serve_stop

# ---- through PgBouncer, transaction pooling ------------------------------------------------------
mkdir -p "$bdir"
printf '"cltest" ""\n' >"$bdir/users.txt"
cat >"$bdir/pgbouncer.ini" <<EOF_INI
[databases]
* = host=$pgdir port=5432
[pgbouncer]
listen_addr =
listen_port = 6433
unix_socket_dir = $bdir
auth_type = trust
auth_file = $bdir/users.txt
pool_mode = transaction
default_pool_size = 2
max_client_conn = 50
ignore_startup_parameters = extra_float_digits
logfile = $bdir/pgbouncer.log
pidfile = $bdir/pgbouncer.pid
EOF_INI
[ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$bdir"
as_pg /usr/sbin/pgbouncer "$bdir/pgbouncer.ini" >/dev/null 2>&1 &
bouncer_pid=$!
for i in $(seq 1 50); do [ -S "$bdir/.s.PGSQL.6433" ] && break; sleep 0.1; done
ok "pgbouncer runs (transaction pooling, 2 server connections)" test -S "$bdir/.s.PGSQL.6433"
bdsn="host=$bdir port=6433 user=cltest dbname=${dsn##*dbname=}"
serve_start "$CARDLEDGER_ASAN" --db "$bdsn" --threads 4
_tap_result $? "serve starts through pgbouncer"
# Four threads share two server sessions: each transaction may land on
# another one, so nothing may rely on session state.
while IFS=$'\t' read -r st desc detail; do
    _tap_result "$st" "through pgbouncer: $desc"
    [ "$st" = 0 ] || echo "#   $detail" | cut -c1-400
done < <(python3 "$CL_SRC/tests/web/api_check.py" "$SERVE_URL" "$dsn" 2>&1 || echo $'1\tapi_check.py ran to the end')
pids=()
for i in 1 2 3 4 5 6 7 8; do
    curl -s -o /dev/null -w '%{http_code}\n' "$SERVE_URL/api/summary?year=2023" >"$bdir/par.$i" &
    pids+=($!)
done
wait "${pids[@]}"
is "eight requests at once through pgbouncer all succeed" "$(cat "$bdir"/par.* | sort | uniq -c | tr -s ' ')" " 8 200"
serve_stop INT
_tap_result $? "SIGINT (Ctrl-C) stops serve cleanly (exit 0)"
like "and it says so" "$(tail -2 "$SERVE_LOG")" '"signal":"SIGINT"'
unlike "the sanitizer build of serve reported nothing" "$(cat "$CL_TEST_TMP"/serve.$$.*.log)" \
    "AddressSanitizer|LeakSanitizer|runtime error"
done_testing
