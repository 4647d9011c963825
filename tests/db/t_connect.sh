#!/usr/bin/env bash
# t_connect.sh - choosing the database (--db, $CARDLEDGER_DB, $DATABASE_URL,
# PG* variables), unreachable databases (exit 3, one redacted line),
# automatic migration and --no-migrate, `db status` and `doctor` on an
# external database.
source "$CL_SRC/tests/lib.sh"

cl=$CARDLEDGER_ASAN
q() { psql "$1" -qAtX -c "$2"; }
sock=$(echo "$CL_TEST_DSN" | sed -E 's/.*host=([^ ]+).*/\1/')
bad_kw="host=$CL_TEST_TMP/no-such-dir user=alice password=s3cretpw dbname=cards"
bad_uri="postgresql://bob:hunter2pw@127.0.0.1:1/cards"

# --- unreachable database -----------------------------------------------------
for dsn in "$bad_kw" "$bad_uri"; do
    err=$("$cl" migrate status --db "$dsn" 2>&1 >/dev/null)
    rc=$?
    is "unreachable ($dsn): exit code 3" "$rc" "3"
    is "unreachable: exactly one line" "$(printf '%s\n' "$err" | wc -l)" "1"
    unlike "unreachable: the password is not printed" "$err" "s3cretpw|hunter2pw"
    like "unreachable: the DSN is named with the password redacted" "$err" "password=\*\*\*|bob:\*\*\*@"
    like "unreachable: the server's reason is given" "$err" "No such file or directory|Connection refused"
done
err=$(CARDLEDGER_DB=$bad_kw "$cl" doctor --log-format json 2>&1)
is "doctor on an unreachable database exits 3" "$?" "3"
like "doctor says unhealthy" "$err" "UNHEALTHY"
unlike "doctor does not print the password" "$err" "s3cretpw"

# --- which database -------------------------------------------------------------
db=$(new_db connect)
CARDLEDGER_DB=$bad_kw "$cl" migrate status >/dev/null 2>&1
is "\$CARDLEDGER_DB is used when there is no --db" "$?" "3"
ok "--db wins over \$CARDLEDGER_DB" env CARDLEDGER_DB="$bad_kw" "$cl" migrate status --db "$db"
CARDLEDGER_DB=$bad_kw DATABASE_URL=$db "$cl" migrate status >/dev/null 2>&1
is "\$CARDLEDGER_DB wins over \$DATABASE_URL" "$?" "3"
ok "\$DATABASE_URL is used when it is the only one" env DATABASE_URL="$db" "$cl" migrate status
DATABASE_URL=$bad_uri "$cl" migrate status >/dev/null 2>&1
is "a bad \$DATABASE_URL fails with 3" "$?" "3"
dbname=${db##*dbname=}
out=$(PGHOST=$sock PGUSER=cltest PGDATABASE=$dbname "$cl" db status 2>&1)
is "libpq's PG* variables select a server" "$?" "0"
like "db status reports it as external" "$out" "database: +external"
like "and reachable" "$out" "server: +reachable \(PostgreSQL 1[5-9]"

# --- automatic migration and --no-migrate -------------------------------------------
err=$("$cl" db psql --no-migrate --db "$db" -- -qAtX -c "SELECT 1" 2>&1)
is "--no-migrate leaves an empty database alone" \
    "$(q "$db" "SELECT to_regclass('cardledger.schema_migrations') IS NULL")" "t"
out=$("$cl" db psql --db "$db" --log-format text -- -qAtX -c "SELECT count(*) FROM raw.source_files" 2>&1)
like "a command that needs the schema migrates it and says so" "$out" "migration_applied .*0001"
like "and then works on it" "$out" "^0$|[^0-9]0$"
out=$("$cl" db status --db "$db" 2>&1)
like "db status shows the schema version" "$out" "schema: +version [1-9]"

# --- doctor --------------------------------------------------------------------------
out=$("$cl" doctor --db "$db" 2>&1)
is "doctor on a healthy external database exits 0" "$?" "0"
is "doctor ends with healthy" "$(printf '%s\n' "$out" | tail -1)" "healthy"
like "doctor checks the schema" "$out" "schema +ok +version [0-9]+ \(head\)"
like "doctor checks disk space" "$out" "disk space +ok +[0-9.]+ GiB free"
like "doctor checks reachability" "$out" "database +ok"
like "doctor checks pg_trgm" "$out" "pg_trgm +ok"
db2=$(new_db doctor2)
out=$("$cl" doctor --db "$db2" 2>&1)
is "doctor on a not yet migrated database exits 0 (pending is a warning)" "$?" "0"
like "and warns about the pending migrations" "$out" "schema +warn +version 0 of"
is "doctor never migrates" "$(q "$db2" "SELECT to_regclass('cardledger.schema_migrations') IS NULL")" "t"
q "$db" "UPDATE cardledger.schema_migrations SET checksum = 'x' WHERE version = 1"
out=$("$cl" doctor --db "$db" 2>&1)
is "doctor with a changed migration exits 4" "$?" "4"
like "and names the file" "$out" "schema +FAIL .*0001_initial_schema.up.sql"
"$cl" doctor extra >/dev/null 2>&1
is "doctor with an argument is a usage error" "$?" "2"

# --- passwords in every valid DSN spelling (issue 13) ---------------------------------
# libpq allows blanks around '=' and quoted values: redaction goes through
# libpq's own parser, so every spelling is caught.
db=$(new_db connect_pw)
"$cl" migrate up --db "$db" >/dev/null 2>&1
for pw in "password = S3cretpw" "password='S3cret pw'" "password= S3cretpw"; do
    err=$("$cl" migrate status --db "host=$CL_TEST_TMP/no-such-dir $pw dbname=cards" 2>&1 >/dev/null)
    is "unreachable ($pw): exit 3" "$?" "3"
    unlike "unreachable ($pw): the password is not printed" "$err" "S3cret"
    like "unreachable ($pw): shown as ***" "$err" "password=\*\*\*"
done
err=$("$cl" migrate status --db "host=/x password S3cretpw" 2>&1 >/dev/null)
is "a DSN libpq cannot parse: exit 2 (usage)" "$?" "2"
unlike "a DSN libpq cannot parse: no piece of it is printed" "$err" "S3cret"
like "a DSN libpq cannot parse: says so" "$err" "connection string of --db is invalid"
err=$("$cl" migrate status --db "host=/x S3cretpw" 2>&1 >/dev/null)
unlike "libpq's message quoting the DSN is not printed as is" "$err" "S3cret"
out=$("$cl" doctor --db "$db password = S3cretpw" 2>&1)
unlike "doctor: the password is not printed" "$out" "S3cret"
like "doctor: the DSN is shown with password=***" "$out" "database +ok +.*password=\*\*\*"
mkdir -p "$CL_TEST_TMP/t_connect_empty"
out=$("$cl" ingest --db "$db password = S3cretpw" --log-format json "$CL_TEST_TMP/t_connect_empty" 2>&1)
like "ingest_start names the DSN" "$out" '"event":"ingest_start".*"dsn":".*password=\*\*\*'
unlike "ingest_start: the password is not printed" "$out" "S3cret"

# `db psql`: the password reaches psql through its environment, not argv.
"$cl" db psql --db "$db password = S3cretpw" -- -qAtX -c "SELECT pg_sleep(3)" >/dev/null 2>&1 &
bg=$!
psql_pid=""
for _ in $(seq 50); do
    psql_pid=$(pgrep -P "$bg" -x psql || true)
    # exec: the cardledger process itself becomes psql
    [ -z "$psql_pid" ] && [ "$(cat /proc/$bg/comm 2>/dev/null)" = psql ] && psql_pid=$bg
    [ -n "$psql_pid" ] && break
    sleep 0.1
done
ok "db psql runs psql" test -n "$psql_pid"
args=$(tr '\0' ' ' <"/proc/$psql_pid/cmdline" 2>/dev/null)
like "psql's command line names the database" "$args" "dbname="
unlike "psql's command line (what ps shows) has no password" "$args" "S3cret"
like "psql gets the password through its environment" \
    "$(tr '\0' '\n' <"/proc/$psql_pid/environ" 2>/dev/null | grep '^PGPASSWORD=')" "^PGPASSWORD=S3cretpw$"
wait "$bg"
is "db psql with a password in the DSN works" "$?" "0"

done_testing
