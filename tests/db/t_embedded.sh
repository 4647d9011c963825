#!/usr/bin/env bash
# t_embedded.sh - the embedded cluster: created and started by the first
# command, reported by `db status`, stopped by `db stop`, started again by
# the next command with its data intact; concurrent first commands; as root
# (server runs as postgres, also when $CARDLEDGER_HOME is unreachable for it)
# and as an ordinary user. Every cluster started here is stopped at the end.
source "$CL_SRC/tests/lib.sh"

cl=$CARDLEDGER_ASAN     # the sanitizer build: leaks and UB fail the suite
homes=()            # every CARDLEDGER_HOME used, for the cleanup
user=""             # throwaway account (root only)

cleanup() {
    local h pid
    for h in "${homes[@]}"; do
        if [ -n "$user" ] && [[ $h == "$CL_TEST_TMP/user-home"* ]]; then
            runuser -u "$user" -- env CARDLEDGER_HOME="$h" "$cl" db stop >/dev/null 2>&1
        else
            CARDLEDGER_HOME=$h "$cl" db stop >/dev/null 2>&1
        fi
        pid=$(head -1 "$h/pg/data/postmaster.pid" 2>/dev/null)
        [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
        if [ -L "$h/pg" ]; then rm -rf "$(readlink "$h/pg")"; fi
    done
    [ -n "$user" ] && userdel "$user" >/dev/null 2>&1
    return 0
}
trap cleanup EXIT

use_home() { # NAME: a fresh CARDLEDGER_HOME
    export CARDLEDGER_HOME=$CL_TEST_TMP/$1
    homes+=("$CARDLEDGER_HOME")
}
sqlq() { "$cl" db psql --no-migrate -- -qAtX -c "$1" 2>/dev/null; }
server_pid() { head -1 "$CARDLEDGER_HOME/pg/data/postmaster.pid" 2>/dev/null; }
proc_user() { ps -o user= -p "$1" 2>/dev/null | tr -d ' '; }
# Running: exists and is not a zombie (an init that does not reap, as in
# some containers, leaves the stopped server as one).
alive() { local st; st=$(ps -o stat= -p "$1" 2>/dev/null); [ -n "$st" ] && [[ $st != Z* ]]; }

# --- lifecycle ------------------------------------------------------------------
use_home emb
out=$("$cl" db status 2>&1)
is "db status before first use exits 3" "$?" "3"
like "and says the cluster is not created yet" "$out" "not created yet"
err=$("$cl" migrate up --log-format json 2>&1 >/dev/null)
is "the first command that needs the database exits 0" "$?" "0"
like "it created the cluster" "$err" '"event":"embedded_cluster_create"'
like "it started the cluster" "$err" '"event":"embedded_cluster_started"'
like "and migrated it" "$err" '"event":"migration_applied"'
out=$("$cl" db status 2>&1)
is "db status on a running cluster exits 0" "$?" "0"
pid=$(server_pid)
like "db status reports it running with its pid" "$out" "running \(pid $pid\)"
like "db status names the cluster directory" "$out" "cluster: +$CARDLEDGER_HOME/pg"
ok "the server process exists" alive "$pid"
if [ "$(id -u)" -eq 0 ]; then
    is "as root the server runs as postgres" "$(proc_user "$pid")" "postgres"
    like "db status names the account" "$out" "server user: +postgres"
else
    is "the server runs as the current user" "$(proc_user "$pid")" "$(id -un)"
fi
is "no TCP: listen_addresses is empty" "$(sqlq "SHOW listen_addresses")" ""
is "the socket is inside the cluster directory" "$(sqlq "SHOW unix_socket_directories")" "$CARDLEDGER_HOME/pg"
ok "the socket file is there" test -S "$CARDLEDGER_HOME/pg/.s.PGSQL.5432"
is "data checksums are on" "$(sqlq "SHOW data_checksums")" "on"
is "the encoding is UTF8" "$(sqlq "SHOW server_encoding")" "UTF8"
is "the database is named cardledger" "$(sqlq "SELECT current_database()")" "cardledger"
is "the data directory is private" "$(stat -c %a "$CARDLEDGER_HOME/pg/data")" "700"
ok "a second start is a no-op" "$cl" db start
is "and keeps the same server" "$(server_pid)" "$pid"

sqlq "INSERT INTO analytics.cards (issuer, card_last4) VALUES ('chase', '4242')" >/dev/null
out=$("$cl" db stop 2>&1)
is "db stop exits 0" "$?" "0"
like "and says so" "$out" "stopped"
fails "the server process is gone" alive "$pid"
out=$("$cl" db status 2>&1)
is "db status on a stopped cluster exits 3" "$?" "3"
like "and says stopped" "$out" "server: +stopped"
ok "db stop on a stopped cluster exits 0" "$cl" db stop
err=$("$cl" migrate status --log-format json 2>&1 >/dev/null)
is "the next command starts it again" "$?" "0"
like "logging the start" "$err" '"event":"embedded_cluster_started"'
unlike "without creating it again" "$err" '"event":"embedded_cluster_create"'
is "the data survived the restart" "$(sqlq "SELECT issuer || ':' || card_last4 FROM analytics.cards")" "chase:4242"
ok "db start on a stopped cluster" "$cl" db stop
ok "db start starts it" "$cl" db start
ok "and it answers" "$cl" migrate verify
out=$("$cl" doctor 2>&1)
is "doctor on the embedded cluster exits 0" "$?" "0"
like "doctor reports the embedded cluster running" "$out" "embedded cluster +ok .*running"
like "doctor checks the data directory's disk" "$out" "disk space +ok .* at $CARDLEDGER_HOME/pg/data"
"$cl" db stop >/dev/null 2>&1

# --- several first commands at once -------------------------------------------------
use_home conc
for i in 1 2 3; do
    "$cl" migrate up --log-format json >"$CL_TEST_TMP/conc$i.out" 2>"$CL_TEST_TMP/conc$i.err" &
    eval "p$i=$!"
done
wait "$p1"; r1=$?
wait "$p2"; r2=$?
wait "$p3"; r3=$?
is "three first commands at once all exit 0" "$r1 $r2 $r3" "0 0 0"
is "exactly one created the cluster" "$(cat "$CL_TEST_TMP"/conc?.err | grep -c '"event":"embedded_cluster_created"')" "1"
is "exactly one started a server" "$(cat "$CL_TEST_TMP"/conc?.err | grep -c '"event":"embedded_cluster_started"')" "1"
is "one postmaster runs on that data directory" "$(pgrep -c -f -- "-D $CARDLEDGER_HOME/pg/data\$")" "1"
is "each migration was applied once" "$(cat "$CL_TEST_TMP"/conc?.err | grep -c '"event":"migration_applied"')" \
    "$(sqlq "SELECT count(*) FROM cardledger.schema_migrations")"
"$cl" db stop >/dev/null 2>&1

# --- a home too long for a Unix socket path ---------------------------------------------
use_home "$(printf 'long%.0s' {1..25})"
err=$("$cl" db start 2>&1)
is "a CARDLEDGER_HOME too long for a socket path exits 3" "$?" "3"
like "with a hint" "$err" "too long for a Unix socket.*HINT"

# --- as root: a home the postgres account cannot reach -----------------------------------
if [ "$(id -u)" -eq 0 ]; then
    mkdir -p "$CL_TEST_TMP/private" && chmod 700 "$CL_TEST_TMP/private"
    use_home private/home
    err=$("$cl" migrate up --log-format json 2>&1 >/dev/null)
    is "root, home unreachable by postgres: the first command exits 0" "$?" "0"
    like "the cluster was placed where postgres can reach it" "$err" '"event":"embedded_cluster_relocated"'
    ok "\$CARDLEDGER_HOME/pg links to it" test -L "$CARDLEDGER_HOME/pg"
    like "under /var/lib/cardledger/clusters" "$(readlink "$CARDLEDGER_HOME/pg")" "^/var/lib/cardledger/clusters/"
    is "the private directory kept its mode" "$(stat -c %a "$CL_TEST_TMP/private")" "700"
    pid=$(head -1 "$(readlink "$CARDLEDGER_HOME/pg")/data/postmaster.pid")
    is "the server runs as postgres" "$(proc_user "$pid")" "postgres"
    ok "db stop stops it" "$cl" db stop
    ok "the next command starts it again" "$cl" migrate status
    "$cl" db stop >/dev/null 2>&1
else
    _tap_result 0 "# SKIP unreachable-home relocation is a root-only case"
fi

# --- as an ordinary user ----------------------------------------------------------------
if [ "$(id -u)" -eq 0 ]; then
    user=clemb$$
    if useradd --no-create-home --shell /usr/sbin/nologin --user-group "$user" 2>/dev/null; then
        h=$CL_TEST_TMP/user-home
        homes+=("$h")
        mkdir -p "$h" && chown "$user:$user" "$h" && chmod 700 "$h"
        as_user() { runuser -u "$user" -- env HOME="$h" CARDLEDGER_HOME="$h" "$@"; }
        err=$(as_user "$cl" migrate up 2>&1)
        is "ordinary user: the first command exits 0" "$?" "0"
        out=$(as_user "$cl" db status 2>&1)
        is "ordinary user: db status exits 0" "$?" "0"
        pid=$(head -1 "$h/pg/data/postmaster.pid")
        is "ordinary user: the server runs as that user" "$(proc_user "$pid")" "$user"
        is "ordinary user: the cluster belongs to that user" "$(stat -c %U "$h/pg/data")" "$user"
        ok "ordinary user: db stop" as_user "$cl" db stop
        fails "ordinary user: the server is gone" alive "$pid"
        ok "ordinary user: the next command starts it again" as_user "$cl" migrate verify
        ok "ordinary user: db stop again" as_user "$cl" db stop
    else
        _tap_result 1 "useradd failed: cannot test as an ordinary user"
    fi
else
    ok "ordinary user: the whole suite ran as $(id -un)" true
fi

done_testing
