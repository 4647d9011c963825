#!/usr/bin/env bash
# t_limits.sh - ingest at the server's limits (issue 13): a full disk under
# the database (an embedded cluster on a small tmpfs) stops the run once
# with exit 3 and a hint, leaves nothing half-written, and a run after
# freeing space completes; `db start` on a full disk names the cause; -j
# above the free connection slots is capped with a warning; closed
# descriptors 0-2 do not end up as the database socket.
source "$CL_SRC/tests/lib.sh"
source "$CL_SRC/tests/ingest/lib_ingest.sh"
ingest_skip_unless_ready

t=$CL_TEST_TMP/t_limits
mkdir -p "$t"
corpus=$t/corpus
for p in chase dbs ocbc citi; do
    "$STATEMENT_GEN" --profile "$p" --card 3141 --from 2022-01 --months 12 --seed 21 --out "$corpus/$p" >/dev/null
done
n=$(count_pdfs "$corpus")

# --- -j above the free connection slots -------------------------------------------
db=$(new_db limits)
"$CARDLEDGER" migrate up --db "$db" >/dev/null 2>&1
dbname=${db##*dbname=}
psql "$CL_TEST_DSN" -qAtX -c "ALTER DATABASE $dbname CONNECTION LIMIT 4" >/dev/null
ingest "$db" -j 12 "$corpus"
is "-j 12 with 4 connections allowed: exit 0" "$?" "0"
like "a warning says the workers were capped" "$(cat "$CL_TEST_TMP/ingest.err")" \
    '"level":"warn","event":"ingest_jobs_capped","requested":12,"workers":2'
unlike "no worker died" "$(cat "$CL_TEST_TMP/ingest.err")" "too many|worker_died|keep dying"
same_as_truth "capped: the database equals the ground truth" "$db" "$corpus"
is "the run records 2 workers" "$(q "$db" "SELECT workers FROM raw.ingest_runs")" "2"
ok "capped: cardledger verify passes" "$CARDLEDGER" verify --db "$db"
out=$("$CARDLEDGER" verify --db "$db" 2>&1)
is "verify prints one line per check and a verdict" "$(printf '%s\n' "$out" | grep -c '^ok ')" \
    "$(($(printf '%s\n' "$out" | wc -l) - 1))"
# Break three invariants behind cardledger's back: verify names each.
cp_db=$db
q "$cp_db" "DELETE FROM raw.transaction_lines WHERE (statement_id, seq) = (SELECT statement_id, seq FROM raw.transaction_lines LIMIT 1)" >/dev/null
q "$cp_db" "UPDATE analytics.spend_by_month_merchant SET net = net + 1 WHERE month = (SELECT min(month) FROM analytics.spend_by_month_merchant)" >/dev/null
q "$cp_db" "UPDATE raw.statements SET reconciled = true, reconcile_difference = 1 WHERE id = (SELECT min(id) FROM raw.statements)" >/dev/null
out=$("$CARDLEDGER" verify --db "$cp_db" 2>&1)
is "verify on a broken database exits 1" "$?" "1"
like "it names the missing raw line" "$out" "FAIL +raw-lines-complete .*1 row breaks it"
like "it names the summary that differs" "$out" "FAIL +summaries-exact .*: [0-9]+ rows break it"
like "it names the reconciled flag" "$out" "FAIL +reconciled-flags"
is "the other checks pass" "$(printf "%s\n" "$out" | grep -c "^FAIL ")" "3"
psql "$CL_TEST_DSN" -qAtX -c "ALTER DATABASE $dbname CONNECTION LIMIT 1" >/dev/null
out=$("$CARDLEDGER" ingest --db "$db" --no-progress "$corpus" 2>&1)
is "no slot left for a worker: exit 3" "$?" "3"
like "and says so in one line" "$out" "no free connection slot"
psql "$CL_TEST_DSN" -qAtX -c "ALTER DATABASE $dbname CONNECTION LIMIT -1" >/dev/null

# --- stderr closed -------------------------------------------------------------------
db=$(new_db limits_fd)
"$CARDLEDGER" ingest --db "$db" --no-progress -j 2 "$corpus" >"$t/fd.out" 2>&-
is "ingest with stderr closed: exit 0" "$?" "0"
same_as_truth "stderr closed: the database equals the ground truth" "$db" "$corpus"
"$CARDLEDGER" ingest --db "$db" --no-progress -j 2 "$corpus" <&- >&- 2>&-
is "ingest with 0, 1 and 2 closed: exit 0" "$?" "0"
ok "closed descriptors: cardledger verify passes" "$CARDLEDGER" verify --db "$db"

# --- a full disk --------------------------------------------------------------------
mnt=$t/mnt
mkdir -p "$mnt"
chmod 755 "$t"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=100m,mode=755 tmpfs "$mnt" 2>/dev/null; then
    echo "# SKIP full disk: cannot mount a tmpfs here (needs root and mount rights)"
    done_testing
    exit
fi
home=$mnt/home
cleanup() {
    CARDLEDGER_HOME=$home "$CARDLEDGER" db stop >/dev/null 2>&1
    umount "$mnt" 2>/dev/null || umount -l "$mnt"
}
trap cleanup EXIT
export CARDLEDGER_HOME=$home
edb() { "$CARDLEDGER" db psql --no-migrate -- -qAtX -c "$1" 2>/dev/null; }
ok "an embedded cluster on a 100 MB tmpfs" "$CARDLEDGER" migrate up
big=$t/big
for p in chase dbs ocbc citi us_bank wells_fargo; do
    "$STATEMENT_GEN" --profile "$p" --card 2718 --from 2021-01 --months 6 --seed 9 --transactions 300 \
        --out "$big/$p" >/dev/null
done
nbig=$(count_pdfs "$big")
# Leave about 3 MB: a few files fit, then the disk is full.
avail=$(df -k --output=avail "$mnt" | tail -1)
dd if=/dev/zero of="$mnt/filler" bs=1K count=$((avail - 3000)) 2>/dev/null
start=$SECONDS
timeout 300 "$CARDLEDGER" ingest --no-progress --log-format json -j 2 "$big" >"$t/full.out" 2>"$t/full.err"
rc=$?
is "full disk: the run stops with exit 3" "$rc" "3"
ok "full disk: it stops within a minute ($((SECONDS - start)) s)" test $((SECONDS - start)) -lt 60
is "full disk: said once in the log" "$(grep -c '"event":"ingest_disk_full"' "$t/full.err")" "1"
like "full disk: the summary names the cause and the remedy" "$(cat "$t/full.out")" \
    "run ABORTED: no space left on the database's disk. HINT: free space"
is "full disk: no file retried at info/warn level" "$(grep -c '"outcome":"retry"' "$t/full.err")" "0"
stored=$(edb "SELECT count(*) FROM raw.source_files WHERE status = 'done'")
ok "full disk: some files were stored before ($stored of $nbig)" test "$stored" -lt "$nbig"
is "full disk: no file failed" "$(edb "SELECT count(*) FROM raw.source_files WHERE status = 'failed'")" "0"
is "full disk: nothing half-written (every statement has all its lines, every done file its statement)" \
    "$(edb "SELECT (SELECT count(*) FROM raw.statements s
                   WHERE s.transaction_count <> (SELECT count(*) FROM raw.transaction_lines l
                                                 WHERE l.statement_id = s.id))
                + (SELECT count(*) FROM raw.source_files f
                   WHERE (f.status = 'done') <> EXISTS (SELECT 1 FROM raw.statements s
                                                        WHERE s.source_file_id = f.id))")" "0"
ok "full disk: cardledger verify passes" "$CARDLEDGER" verify
# The same with the whole disk full: nothing fits, not even the run record.
dd if=/dev/zero of="$mnt/filler2" bs=1K 2>/dev/null
out=$("$CARDLEDGER" ingest --no-progress "$big" 2>&1)
is "no space at all: exit 3" "$?" "3"
like "no space at all: the reason" "$out" "no space left on the database's disk"
# db start on a full disk
"$CARDLEDGER" db stop >/dev/null 2>&1
out=$("$CARDLEDGER" db start 2>&1)
is "db start on a full disk: exit 3" "$?" "3"
like "db start on a full disk: names it" "$out" "no space left on device"
rm -f "$mnt/filler" "$mnt/filler2"
# Room for the rest: the disk holds about 60 MB more now.
timeout 300 "$CARDLEDGER" ingest --no-progress --log-format json -j 2 "$big" >"$t/again.out" 2>"$t/again.err"
is "after freeing space the same command completes" "$?" "0"
is "every file stored once" "$(edb "SELECT count(*) FROM raw.source_files WHERE status = 'done'")" "$nbig"
edsn=$("$CARDLEDGER" db status 2>/dev/null | awk '/^dsn:/ {sub(/^dsn: +/, ""); print}')
same_as_truth "after the full disk: the database equals the ground truth" "$edsn" "$big"
ok "cardledger verify passes" "$CARDLEDGER" verify
done_testing
