#!/usr/bin/env bash
# t_multihost.sh - several ingest hosts on one PostgreSQL, as separate hosts:
# network namespaces joined by veth pairs to a bridge in the "database
# host", a cluster there that listens on its veth address only with
# scram-sha-256 over TLS, three "ingest hosts" each running `ingest -j 2`
# over TCP on the same corpus; then one host killed with SIGKILL mid-run;
# then the database restarted mid-run; then a streaming replica in a
# namespace of its own answering the read side exactly as the primary.
# Every address is inside namespaces this test makes and removes.
source "$CL_SRC/tests/lib.sh"
source "$CL_SRC/tests/ingest/lib_ingest.sh"
ingest_skip_unless_ready

skip_all() { echo "1..0 # SKIP $1"; exit 0; }
[ "$(id -u)" -eq 0 ] || skip_all "network namespaces need root"
command -v ip >/dev/null || skip_all "no ip command (iproute2)"
command -v openssl >/dev/null || skip_all "no openssl"
tag=cl$$
ip netns add "${tag}db" 2>/dev/null || skip_all "network namespaces cannot be made here"

hosts="h1 h2 h3"
net=10.231.$(( $$ % 200 + 20 ))
dbaddr=$net.1
cleanup() {
    [ -n "${pgd:-}" ] && runuser -u postgres -- "$CL_TEST_PGBIN/pg_ctl" -D "$pgd/data" -m immediate stop >/dev/null 2>&1
    [ -n "${rep:-}" ] && runuser -u postgres -- "$CL_TEST_PGBIN/pg_ctl" -D "$rep/data" -m immediate stop >/dev/null 2>&1
    local h
    for h in db $hosts rep; do ip netns del "$tag$h" 2>/dev/null; done
}
trap cleanup EXIT

# --- the network: a bridge in the database host, one veth pair per host ----
inns() { local ns=$1; shift; ip netns exec "$tag$ns" "$@"; }
inns db ip link set lo up
inns db ip link add br0 type bridge
inns db ip addr add "$dbaddr/24" dev br0
inns db ip link set br0 up
i=1
for h in $hosts rep; do
    i=$((i + 1))
    ip netns add "$tag$h"
    ip link add "v$tag$h" type veth peer name "p$tag$h"
    ip link set "v$tag$h" netns "$tag$h"
    ip link set "p$tag$h" netns "${tag}db"
    inns db ip link set "p$tag$h" master br0
    inns db ip link set "p$tag$h" up
    inns "$h" ip link set lo up
    inns "$h" ip addr add "$net.$i/24" dev "v$tag$h"
    inns "$h" ip link set "v$tag$h" up
    eval "addr_$h=$net.$i"
done

# --- the database host: scram-sha-256, TLS, listening on its veth address ----
pgd=$CL_TEST_TMP/t_multihost/db
mkdir -p "$pgd"
chown postgres:postgres "$pgd"
pw=$(openssl rand -hex 12)
printf '%s\n' "$pw" >"$pgd/pw"
chown postgres "$pgd/pw"
as_pg() { runuser -u postgres -- "$@"; }
as_pg "$CL_TEST_PGBIN/initdb" -D "$pgd/data" -U cladmin --auth-local=trust --auth-host=scram-sha-256 \
    --pwfile="$pgd/pw" -E UTF8 --locale=C.UTF-8 >"$pgd/initdb.log" 2>&1
ok "the database host's cluster is made" test -f "$pgd/data/PG_VERSION"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$dbaddr" \
    -keyout "$pgd/data/server.key" -out "$pgd/data/server.crt" >/dev/null 2>&1
chown postgres:postgres "$pgd/data/server.key" "$pgd/data/server.crt"
chmod 600 "$pgd/data/server.key"
cat >"$pgd/data/pg_hba.conf" <<EOF
local all all trust
hostssl all all $net.0/24 scram-sha-256
hostssl replication all $net.0/24 scram-sha-256
EOF
pgopts="-c listen_addresses='$dbaddr' -c unix_socket_directories='$pgd' -c ssl=on -c fsync=off
 -c password_encryption=scram-sha-256 -c max_connections=60 -c wal_level=replica -c max_wal_senders=4"
pgctl() { inns db runuser -u postgres -- "$CL_TEST_PGBIN/pg_ctl" -D "$pgd/data" -l "$pgd/server.log" \
              -w -t 60 -o "$pgopts" "$@" >/dev/null 2>&1; }
ok "PostgreSQL starts in the database host" pgctl start
reach() { timeout 5 bash -c "exec 3<>/dev/tcp/$1/5432" 2>/dev/null; }
for h in $hosts; do ok "ingest host $h reaches the database host's port" inns "$h" bash -c "$(declare -f reach); reach $dbaddr"; done
fails "it listens on its veth address only (not on its loopback)" inns db bash -c "$(declare -f reach); reach 127.0.0.1"
local_dsn="host=$pgd port=5432 user=cladmin"
psql "$local_dsn dbname=postgres" -qAtX -c "CREATE ROLE ingest LOGIN CREATEROLE PASSWORD '$pw'" \
    -c "CREATE ROLE replicator LOGIN REPLICATION PASSWORD '$pw'" >/dev/null
is "passwords are stored as SCRAM secrets" \
    "$(q "$local_dsn dbname=postgres" "SELECT count(*) FROM pg_authid WHERE rolname IN ('ingest', 'replicator')
                                       AND rolpassword LIKE 'SCRAM-SHA-256%'")" "2"

# Every host reads its password from a libpq passfile of its own (0600).
passfile=$CL_TEST_TMP/t_multihost/pgpass
echo "$dbaddr:5432:*:ingest:$pw" >"$passfile"
echo "$dbaddr:5432:*:replicator:$pw" >>"$passfile"
echo "$addr_rep:5432:*:ingest:$pw" >>"$passfile"
chmod 600 "$passfile"
tcp_dsn() { echo "host=$dbaddr port=5432 user=ingest dbname=$1 sslmode=require connect_timeout=10"; }

fails "without the password a host is refused" \
    inns h1 env PGPASSFILE=/nonexistent psql "$(tcp_dsn postgres)" -qAtX -c "SELECT 1"
fails "without TLS a host is refused" \
    inns h1 env PGPASSFILE="$passfile" psql "host=$dbaddr user=ingest dbname=postgres sslmode=disable" -qAtX -c "SELECT 1"
is "with the passfile a host gets a TLS session" \
    "$(inns h1 env PGPASSFILE="$passfile" psql "$(tcp_dsn postgres)" -qAtX \
         -c "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")" "t"

corpus=$CL_TEST_TMP/t_multihost/corpus
ingest_corpus "$corpus" 120
n=$(count_pdfs "$corpus")

fresh_db() { # NAME: a database owned by the ingest role, migrated; its local DSN
    psql "$local_dsn dbname=postgres" -qAtX -c "DROP DATABASE IF EXISTS $1" \
        -c "CREATE DATABASE $1 OWNER ingest" >/dev/null
    inns h1 env PGPASSFILE="$passfile" "$CARDLEDGER" migrate up --db "$(tcp_dsn "$1")" >/dev/null 2>&1
    echo "$local_dsn dbname=$1 user=ingest"
}

start_host() { # HOST DB: ingest -j 2 over TCP in the background; pid in pid_HOST
    inns "$1" env PGPASSFILE="$passfile" \
        "$CARDLEDGER" ingest --db "$(tcp_dsn "$2")" -j 2 --no-progress --log-format json "$corpus" \
        >"$CL_TEST_TMP/t_multihost/$1.out" 2>"$CL_TEST_TMP/t_multihost/$1.err" &
    eval "pid_$1=$!"
}

# --- three hosts at once --------------------------------------------------------------
db=$(fresh_db three)
export CARDLEDGER_TEST_FILE_DELAY_MS=10
for h in $hosts; do start_host "$h" three; done
rcs=""
for h in $hosts; do eval "wait \$pid_$h"; rcs="$rcs$?"; done
is "three hosts ingest the same corpus over TCP and TLS: all exit 0" "$rcs" "000"
same_as_truth "the database equals the ground truth" "$db" "$corpus"
all_or_nothing "every file whole" "$db"
summaries_exact "the summary tables are exact" "$db"
is "every file stored once" "$(q "$db" "SELECT count(*) FROM raw.source_files WHERE status = 'done'")" "$n"
is "the work was shared: each host's run processed files" \
    "$(q "$db" "SELECT count(*) FROM raw.ingest_runs WHERE files_stored > 0")" "3"
is "the runs' stored files add up to the corpus" \
    "$(q "$db" "SELECT sum(files_stored) FROM raw.ingest_runs")" "$n"
is "every connection used TLS" "$(q "$local_dsn dbname=postgres" \
    "SELECT count(*) FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.client_addr IS NOT NULL AND NOT s.ssl")" "0"
unlike "no host logged the password" "$(cat "$CL_TEST_TMP"/t_multihost/h*.err "$CL_TEST_TMP"/t_multihost/h*.out)" "$pw"

# --- one host killed with SIGKILL mid-run ---------------------------------------------
db=$(fresh_db killed)
export CARDLEDGER_TEST_FILE_DELAY_MS=40
for h in $hosts; do start_host "$h" killed; done
ok "the hosts get going" wait_until "$db" "SELECT count(*) >= 15 FROM raw.source_files WHERE status = 'done'"
# The whole host goes: the ingest process and its workers.
victims="$(pgrep -P "$pid_h2" | tr '\n' ' ')"
for v in $(pgrep -P "$pid_h2"); do victims="$victims $(pgrep -P "$v" | tr '\n' ' ')"; done
kill -9 $victims 2>/dev/null
wait "$pid_h2" 2>/dev/null
rcs=""
for h in h1 h3; do eval "wait \$pid_$h"; rcs="$rcs$?"; done
is "the two other hosts finish (exit 0)" "$rcs" "00"
same_as_truth "the database equals the ground truth" "$db" "$corpus"
all_or_nothing "every file whole" "$db"
summaries_exact "the summary tables are exact" "$db"
is "no file is left pending" "$(q "$db" "SELECT count(*) FROM raw.source_files WHERE status = 'pending'")" "0"

# --- the database host's PostgreSQL restarted mid-run -------------------------------------
db=$(fresh_db restarted)
export CARDLEDGER_TEST_FILE_DELAY_MS=40
for h in $hosts; do start_host "$h" restarted; done
ok "the hosts get going" wait_until "$db" "SELECT count(*) >= 15 FROM raw.source_files WHERE status = 'done'"
ok "PostgreSQL restarts (fast shutdown) in the middle of the runs" pgctl -m fast restart
rcs=""
for h in $hosts; do eval "wait \$pid_$h"; rc=$?; rcs="$rcs $rc"; done
ok "each host recovered (exit 0) or failed cleanly (exit 3):$rcs" \
    bash -c "for r in $rcs; do [ \$r -eq 0 ] || [ \$r -eq 3 ] || exit 1; done"
unset CARDLEDGER_TEST_FILE_DELAY_MS
start_host h1 restarted
wait "$pid_h1"
is "one more run from any host exits 0" "$?" "0"
same_as_truth "the database equals the ground truth" "$db" "$corpus"
all_or_nothing "every file whole" "$db"
summaries_exact "the summary tables are exact" "$db"

# --- a streaming replica in a namespace of its own -------------------------------------------
rep=$CL_TEST_TMP/t_multihost/replica
mkdir -p "$rep"
chown postgres:postgres "$rep"
cp "$passfile" "$rep/pgpass"
chown postgres "$rep/pgpass"
ok "pg_basebackup -R makes a standby over TCP and TLS" \
    inns rep runuser -u postgres -- env PGPASSFILE="$rep/pgpass" "$CL_TEST_PGBIN/pg_basebackup" \
        -d "host=$dbaddr user=replicator sslmode=require" -D "$rep/data" -R -X stream
# The standby keeps reading its password from the passfile (primary_conninfo).
echo "primary_conninfo = 'host=$dbaddr user=replicator sslmode=require passfile=$rep/pgpass'" \
    >>"$rep/data/postgresql.auto.conf"
repaddr=$addr_rep
repopts="-c listen_addresses='$repaddr' -c unix_socket_directories='$rep' -c ssl=on -c hot_standby=on"
ok "the replica starts in its own namespace" inns rep runuser -u postgres -- "$CL_TEST_PGBIN/pg_ctl" \
    -D "$rep/data" -l "$rep/server.log" -w -t 60 -o "$repopts" start
rep_local="host=$rep port=5432 user=cladmin"
is "it is a standby" "$(q "$rep_local dbname=postgres" "SELECT pg_is_in_recovery()")" "t"

# Ingest writes to the primary while the replica follows.
db=$(fresh_db replicated)
start_host h1 replicated
start_host h3 replicated
wait "$pid_h1"; wait "$pid_h3"
lsn=$(q "$local_dsn dbname=postgres" "SELECT pg_current_wal_lsn()")
ok "the replica catches up" wait_until "$rep_local dbname=replicated" \
    "SELECT pg_last_wal_replay_lsn() >= '$lsn'::pg_lsn" 60
rep_db="host=$repaddr port=5432 user=ingest dbname=replicated sslmode=require connect_timeout=10"
same_as_truth "the replica holds the ground truth" "$rep_local dbname=replicated" "$corpus"
if "$CARDLEDGER" report --help >/dev/null 2>&1; then
    for args in "--year 2023" "--year 2023 --by category" "--year 2023 --by card --format json" \
                "--from 2023-03-01 --to 2023-05-31 --by merchant --top 10"; do
        # shellcheck disable=SC2086
        want=$(inns h1 env PGPASSFILE="$passfile" "$CARDLEDGER" report --db "$(tcp_dsn replicated)" $args 2>&1)
        # shellcheck disable=SC2086
        got=$(inns h2 env PGPASSFILE="$passfile" "$CARDLEDGER" report --db "$rep_db" $args 2>&1)
        is "report $args on the replica equals the primary" "$got" "$want"
    done
    # shellcheck disable=SC2086
    want=$(inns h1 env PGPASSFILE="$passfile" "$CARDLEDGER" coverage --db "$(tcp_dsn replicated)" --year 2023 --format json 2>&1)
    got=$(inns h2 env PGPASSFILE="$passfile" "$CARDLEDGER" coverage --db "$rep_db" --year 2023 --format json 2>&1)
    is "coverage on the replica equals the primary" "$got" "$want"
fi
if "$CARDLEDGER" serve --help >/dev/null 2>&1 && command -v curl >/dev/null; then
    port=18000
    # ip netns exec execs the command: $! is the server itself.
    ip netns exec "${tag}rep" env PGPASSFILE="$passfile" "$CARDLEDGER" serve --db "$rep_db" \
        --listen "127.0.0.1:$port" >"$CL_TEST_TMP/t_multihost/serve-rep.log" 2>&1 &
    srv_rep=$!
    ip netns exec "${tag}h1" env PGPASSFILE="$passfile" "$CARDLEDGER" serve --db "$(tcp_dsn replicated)" \
        --listen "127.0.0.1:$port" >"$CL_TEST_TMP/t_multihost/serve-pri.log" 2>&1 &
    srv_pri=$!
    up() { for _ in $(seq 100); do inns "$1" curl -fs "http://127.0.0.1:$port/api/cards" >/dev/null && return 0; sleep 0.1; done; return 1; }
    ok "serve answers on the replica" up rep
    ok "serve answers on the primary" up h1
    for path in "/api/summary?from=2023-01-01&to=2023-12-31" "/api/report?by=category&from=2023-01-01&to=2023-12-31" \
                "/api/coverage?year=2023" "/api/transactions?limit=50&from=2023-01-01&to=2023-12-31"; do
        is "GET $path: the replica answers what the primary does" \
            "$(inns rep curl -fs "http://127.0.0.1:$port$path")" "$(inns h1 curl -fs "http://127.0.0.1:$port$path")"
    done
    kill "$srv_rep" "$srv_pri" 2>/dev/null
    wait "$srv_rep" "$srv_pri" 2>/dev/null
fi
is "nothing on the replica tried to write" "$(grep -c 'cannot execute .* in a read-only transaction' "$rep/server.log")" "0"

done_testing
