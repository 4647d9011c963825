#!/usr/bin/env bash
# t_interrupt.sh - interruptions and concurrency: kill -9 of the ingest
# process and of one worker in the middle of a run, two ingests at once on
# the same corpus and on overlapping halves, PostgreSQL restarted in the
# middle of a run. After each, the database equals the ground truth.
source "$CL_SRC/tests/lib.sh"
source "$CL_SRC/tests/ingest/lib_ingest.sh"
ingest_skip_unless_ready

corpus=$CL_TEST_TMP/t_interrupt/corpus
ingest_corpus "$corpus"
n=$(count_pdfs "$corpus")
# Every file takes at least this long inside its transaction, so a kill
# lands in the middle of the run (and most likely inside a transaction).
export CARDLEDGER_TEST_FILE_DELAY_MS=30

start_ingest() { # DSN PATH...: in the background; pid in $ing
    local dsn=$1
    shift
    "$CARDLEDGER" ingest --db "$dsn" -j 2 --no-progress --log-format json "$@" \
        >"$CL_TEST_TMP/bg.out" 2>"$CL_TEST_TMP/bg.err" &
    ing=$!
}

# --- kill -9 of the ingest process ------------------------------------------------
db=$(new_db kill_parent)
"$CARDLEDGER" migrate up --db "$db" >/dev/null 2>&1
start_ingest "$db" "$corpus"
ok "ingest gets going" wait_until "$db" "SELECT count(*) >= 20 FROM raw.source_files WHERE status = 'done'"
workers=$(pgrep -P "$ing" | tr '\n' ' ')
ok "it runs worker processes ($workers)" test -n "$workers"
kill -9 "$ing"
wait "$ing" 2>/dev/null
alive() { for w in $workers; do kill -0 "$w" 2>/dev/null && return 0; done; return 1; }
for _ in $(seq 50); do alive || break; sleep 0.1; done
fails "its workers die with it (no orphans)" alive
done_now=$(q "$db" "SELECT count(*) FROM raw.source_files WHERE status = 'done'")
ok "the run was interrupted midway ($done_now of $n done)" test "$done_now" -lt "$n"
all_or_nothing "after kill -9 every file is stored whole or not at all" "$db"
like "status shows the run as killed" "$("$CARDLEDGER" status --db "$db" 2>/dev/null)" "^ +1 +[0-9-]+ [0-9:]+ +killed "
unset CARDLEDGER_TEST_FILE_DELAY_MS
ingest "$db" "$corpus"
is "ingest again exits 0" "$?" "0"
same_as_truth "then the database equals the ground truth" "$db" "$corpus"
summaries_exact "and the summary tables are exact" "$db"
is "the files left over were finished" "$(summary_value stored)" "$((n - done_now))"
export CARDLEDGER_TEST_FILE_DELAY_MS=30

# --- Ctrl-C --------------------------------------------------------------------------------
db=$(new_db sigint)
"$CARDLEDGER" migrate up --db "$db" >/dev/null 2>&1
export CARDLEDGER_TEST_FILE_DELAY_MS=30
start_ingest "$db" "$corpus"
ok "ingest gets going" wait_until "$db" "SELECT count(*) >= 10 FROM raw.source_files WHERE status = 'done'"
workers=$(pgrep -P "$ing" | tr '\n' ' ')
kill -INT "$ing"
wait "$ing"
is "interrupted: exit 1" "$?" "1"
fails "its workers are gone" alive
is "the run is recorded as aborted" "$(q "$db" "SELECT status FROM raw.ingest_runs")" "aborted"
like "the summary says so" "$(cat "$CL_TEST_TMP/bg.out")" "run ABORTED: interrupted by signal 2"
all_or_nothing "every file whole" "$db"

# --- kill -9 of one worker --------------------------------------------------------------
# The victim must be inside a file, not between two: a worker sleeping in
# the delay hook (within the file's transaction, its claim held; a worker
# sleeps nowhere else). It is stopped, and killed only if it stopped in that
# very sleep (the system call it was seen sleeping in); else it goes on.
in_sleep_call() { # PID: the number of the system call PID sleeps in, if it does
    local sc
    [[ $(cat "/proc/$1/wchan" 2>/dev/null) == *nanosleep* ]] || return 1
    sc=$(cut -d' ' -f1 "/proc/$1/syscall" 2>/dev/null) || return 1
    [[ $(cat "/proc/$1/wchan" 2>/dev/null) == *nanosleep* ]] && echo "$sc"
}
stop_worker_in_file() {
    local p sc
    for p in $(pgrep -P "$ing"); do
        sc=$(in_sleep_call "$p") || continue
        kill -STOP "$p"
        for _ in $(seq 100); do [ "$(cut -d' ' -f3 "/proc/$p/stat")" = T ] && break; sleep 0.01; done
        [ "$(cut -d' ' -f1 "/proc/$p/syscall" 2>/dev/null)" = "$sc" ] && { echo "$p"; return 0; }
        kill -CONT "$p"
    done
    return 1
}
db=$(new_db kill_worker)
"$CARDLEDGER" migrate up --db "$db" >/dev/null 2>&1
start_ingest "$db" "$corpus"
ok "ingest gets going" wait_until "$db" "SELECT count(*) >= 20 FROM raw.source_files WHERE status = 'done'"
victim=
for _ in $(seq 400); do victim=$(stop_worker_in_file) && break; sleep 0.01; done
ok "a worker is stopped inside a file" test -n "$victim"
kill -9 "$victim"
wait "$ing"
is "the run goes on and exits 0" "$?" "0"
like "the killed worker's file was taken again" "$(cat "$CL_TEST_TMP/bg.err")" \
    '"outcome":"retry".*worker crashed on this file \(signal 9'
same_as_truth "the database equals the ground truth" "$db" "$corpus"
all_or_nothing "every file whole" "$db"
unset CARDLEDGER_TEST_FILE_DELAY_MS
ingest "$db" "$corpus"
is "ingest again adds nothing" "$(summary_value 'transactions inserted')" "0"
export CARDLEDGER_TEST_FILE_DELAY_MS=10

# --- two ingests at once on the same corpus -------------------------------------------------
db=$(new_db twice)
"$CARDLEDGER" ingest --db "$db" --no-progress -j 2 "$corpus" >/dev/null 2>&1 &
a=$!
"$CARDLEDGER" ingest --db "$db" --no-progress -j 2 "$corpus" >/dev/null 2>&1 &
b=$!
wait "$a"; ra=$?
wait "$b"; rb=$?
is "two ingests at once both exit 0" "$ra $rb" "0 0"
same_as_truth "the database equals the ground truth" "$db" "$corpus"
is "each file processed once in all" \
    "$(q "$db" "SELECT sum(files_stored + files_duplicate + files_failed) FROM raw.ingest_runs")" "$n"
is "no file read twice" "$(q "$db" "SELECT max(attempts) FROM raw.source_files")" "1"
summaries_exact "the summary tables are exact" "$db"

# --- two ingests on overlapping halves -------------------------------------------------------
half1=$CL_TEST_TMP/t_interrupt/half1
half2=$CL_TEST_TMP/t_interrupt/half2
mkdir -p "$half1" "$half2"
third=$((n / 3))
i=0
for f in $(find "$corpus" -name '*.pdf' | sort); do
    i=$((i + 1))
    [ "$i" -le $((2 * third)) ] && cp "$f" "$half1/"
    [ "$i" -gt "$third" ] && cp "$f" "$half2/"
done
db=$(new_db halves)
"$CARDLEDGER" ingest --db "$db" --no-progress -j 2 "$half1" >/dev/null 2>&1 &
a=$!
"$CARDLEDGER" ingest --db "$db" --no-progress -j 2 "$half2" >/dev/null 2>&1 &
b=$!
wait "$a"; ra=$?
wait "$b"; rb=$?
is "ingests of overlapping halves both exit 0" "$ra $rb" "0 0"
same_as_truth "the database equals the ground truth" "$db" "$corpus"
summaries_exact "the summary tables are exact" "$db"

# --- PostgreSQL restarted in the middle of a run ---------------------------------------------
# A cluster of this test's own, so restarting it disturbs nobody.
pgr=$CL_TEST_TMP/t_interrupt/pg
mkdir -p "$pgr"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pgr"
as_pg "$CL_TEST_PGBIN/initdb" -D "$pgr/data" -U cltest -A trust -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1
pgopts="-c listen_addresses='' -c unix_socket_directories='$pgr' -c fsync=off -c max_connections=50"
pgctl() { as_pg "$CL_TEST_PGBIN/pg_ctl" -D "$pgr/data" -l "$pgr/server.log" -w -t 60 -o "$pgopts" "$@" >/dev/null 2>&1; }
trap 'pgctl -m immediate stop' EXIT
ok "a cluster of its own starts" pgctl start
rdb="host=$pgr port=5432 user=cltest dbname=postgres"
"$CARDLEDGER" migrate up --db "$rdb" >/dev/null 2>&1
export CARDLEDGER_TEST_FILE_DELAY_MS=30
start_ingest "$rdb" "$corpus"
ok "ingest gets going" wait_until "$rdb" "SELECT count(*) >= 20 FROM raw.source_files WHERE status = 'done'"
ok "PostgreSQL restarts (fast shutdown) in the middle of the run" pgctl -m fast restart
wait "$ing"
rc=$?
ok "the run recovers (exit 0) or fails cleanly (exit 3): $rc" test "$rc" -eq 0 -o "$rc" -eq 3
is "the run record counts no more files stored than it stored" \
    "$(q "$rdb" "SELECT count(*) FROM raw.ingest_runs r WHERE r.files_stored >
        (SELECT count(*) FROM raw.source_files f WHERE f.last_run_id = r.id AND f.status = 'done')")" "0"
if [ "$rc" -eq 0 ]; then
    like "it waited for the database and went on" "$(cat "$CL_TEST_TMP/bg.err")" '"event":"ingest_db_reconnected"'
else
    like "it says the database is gone" "$(tail -3 "$CL_TEST_TMP/bg.err")" "database"
fi
unset CARDLEDGER_TEST_FILE_DELAY_MS
ingest "$rdb" "$corpus"
is "the next run exits 0" "$?" "0"
same_as_truth "the database equals the ground truth" "$rdb" "$corpus"
all_or_nothing "every file whole" "$rdb"
summaries_exact "the summary tables are exact" "$rdb"
ok "cardledger verify after the restart" "$CARDLEDGER" verify --db "$rdb"

# Every database this suite used keeps its invariants (cardledger verify).
for n in kill_parent sigint kill_worker twice halves; do
    ok "cardledger verify on the $n database" "$CARDLEDGER" verify --db "$CL_TEST_DSN dbname=t_${n}_$$"
done
done_testing
