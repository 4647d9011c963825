# tests/pg-harness.sh - a scratch PostgreSQL cluster for the test run, on a
# Unix socket in its own directory (no TCP). As root the server runs as the
# unprivileged `postgres` account, since PostgreSQL refuses to run as root.
# Exports CL_TEST_DSN and CL_TEST_PGBIN.

pg_harness_bindir() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$d/postgres" ] && { echo "$d"; return 0; }
    done
    return 1
}

_pg_as() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_harness_start() { # DIR
    local dir=$1 bin
    bin=$(pg_harness_bindir) || { echo "no PostgreSQL server found" >&2; return 1; }
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    _PG_DIR=$dir
    _PG_BIN=$bin
    _pg_as "$bin/initdb" -D "$dir/data" -U cltest -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; return 1; }
    _pg_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c jit=off" \
        start >/dev/null 2>&1 || { cat "$dir/server.log" >&2; return 1; }
    export CL_TEST_DSN="host=$dir port=5432 user=cltest dbname=postgres"
    export CL_TEST_PGBIN=$bin
    export CL_TEST_PGDATA=$dir/data
}

pg_harness_stop() {
    [ -n "${_PG_DIR:-}" ] || return 0
    _pg_as "$_PG_BIN/pg_ctl" -D "$_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
}
