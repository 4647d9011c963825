#!/usr/bin/env bash
# t_edges.sh - ingest's way in and its rough edges: a file name that is not
# UTF-8, a FIFO and a huge page count among good statements; absolute
# paths whatever the directory a run starts in; --dry-run by content; the
# summary's failed files; unreconciled statements and the exit code;
# messages for -j PATH, a bad --db, an unknown command, psql options, a
# folder without statements; the progress bar standing alone on a terminal.
source "$CL_SRC/tests/lib.sh"
source "$CL_SRC/tests/ingest/lib_ingest.sh"
ingest_skip_unless_ready

T=$CL_TEST_TMP/t_edges
rm -rf "$T" && mkdir -p "$T/in"
profile=$("$STATEMENT_GEN" --list-profiles | head -1)
"$STATEMENT_GEN" --profile "$profile" --card 1111 --from 2024-01 --months 4 --out "$T/in" >/dev/null 2>&1
rm -f "$T/in"/*.json
first=$(ls "$T/in"/*.pdf | head -1)

# --- a non-UTF-8 name, a FIFO, a huge page count among good statements --------
bad=$(printf 'copy\xff.pdf')
"$STATEMENT_GEN" --profile "$profile" --card 2222 --from 2024-01 --months 1 --out "$T/other" >/dev/null 2>&1
cp "$T/other"/*.pdf "$T/in/$bad"
mkfifo "$T/in/fifo.pdf"
python3 - "$T/in/huge.pdf" <<'PY'
import sys
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"]
out, offs = b"%PDF-1.4\n", []
for i, o in enumerate(objs):
    offs.append(len(out)); out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
x = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
open(sys.argv[1], "wb").write(out)
PY
db=$(new_db edges)
"$CARDLEDGER" migrate up --db "$db" >/dev/null 2>&1
# relative PATH, from the folder's parent
(cd "$T" && timeout 120 "$CARDLEDGER" ingest --db "$db" --no-progress --log-format json -j 2 in \
    >"$CL_TEST_TMP/ingest.out" 2>"$CL_TEST_TMP/ingest.err")
is "the run ends with exit 1 (two files failed)" "$?" 1
is "the good statements and the non-UTF-8 name are stored" \
    "$(q "$db" "SELECT count(*) FROM raw.source_files WHERE status = 'done'")" 5
like "the non-UTF-8 name is stored escaped" \
    "$(q "$db" "SELECT path FROM raw.source_files WHERE path LIKE '%copy%'")" "^$T/in/copy\\\\xFF\\.pdf$"
is "a relative PATH is registered absolute" \
    "$(q "$db" "SELECT count(*) FROM raw.source_files WHERE path NOT LIKE '$T/in/%'")" 0
is "summary: unreadable (the FIFO)" "$(summary_value unreadable)" 1
is "summary: failed (the huge page count)" "$(summary_value failed)" 1
like "the FIFO is one warning naming it" "$(grep fifo.pdf "$CL_TEST_TMP/ingest.err")" \
    "fifo\\.pdf: not a regular file \\(a FIFO\\)"
like "the summary names the failed files with their reasons" "$(cat "$CL_TEST_TMP/ingest.out")" \
    "failed files:.*"
like "... the huge one" "$(grep -A3 'failed files:' "$CL_TEST_TMP/ingest.out")" \
    "huge\\.pdf: claims 2147483647 pages"
like "... the FIFO" "$(grep -A3 'failed files:' "$CL_TEST_TMP/ingest.out")" "fifo\\.pdf: not a regular file"
ok "every log line is valid JSON" python3 -c '
import json, sys
for l in open(sys.argv[1], encoding="utf-8"): json.loads(l)' "$CL_TEST_TMP/ingest.err"
ingest "$db" "$T/in/$bad"
is "a non-UTF-8 name given as PATH: the run is recorded (exit 0)" "$?" 0
like "... its PATH stored escaped" "$(q "$db" "SELECT paths FROM raw.ingest_runs ORDER BY id DESC LIMIT 1")" 'copy\\xFF\.pdf$'
rm -f "$T/in/fifo.pdf" "$T/in/huge.pdf"

# --- a pending file takes the path a later run has just seen --------------------
db2=$(new_db edges2)
"$CARDLEDGER" migrate up --db "$db2" >/dev/null 2>&1
"$STATEMENT_GEN" --profile "$profile" --card 3333 --from 2024-01 --months 2 --out "$T/moved" >/dev/null 2>&1
rm -f "$T/moved"/*.json
sha=$(sha256sum "$(ls "$T/moved"/*.pdf | head -1)" | cut -c1-64)
psql "$db2" -qAtX -c "INSERT INTO raw.source_files (sha256, path, size_bytes) VALUES ('$sha', 'moved/old-name.pdf', 1)" >/dev/null
ingest "$db2" -j 1 "$T/moved"
is "a file pending under a stale relative path is stored" "$?" 0
is "... by the path this run saw" "$(q "$db2" "SELECT status || ' ' || path FROM raw.source_files WHERE sha256 = '$sha'")" \
    "done $(ls "$T/moved"/*.pdf | head -1)"

# --- dry run: by content, as the run counts ------------------------------------
db3=$(new_db edges3)
"$CARDLEDGER" migrate up --db "$db3" >/dev/null 2>&1
mkdir -p "$T/dry"
cp "$T/in"/*.pdf "$T/dry/"
cp "$first" "$T/dry/zz-copy.pdf"
ingest "$db3" --dry-run "$T/dry"
is "dry run: new counts contents, not files" "$(summary_value new)" 5
is "dry run: the copy is counted as such" "$(summary_value 'of which copies')" 1
is "dry run lists every file in order with what the run would do" \
    "$(grep -P '^(new|known|copy)\t' "$CL_TEST_TMP/ingest.out" | cut -f1 | tr '\n' ' ')" "new new new new new copy "
is "... in name order" "$(grep -P '^(new|known|copy)\t' "$CL_TEST_TMP/ingest.out" | cut -f2 | head -1 | xargs basename)" \
    "$(basename "$(ls "$T/dry" | sort | head -1)")"
ingest "$db3" "$T/dry"
is "the run then finds as many new" "$(summary_value new)" 5
ingest "$db3" --dry-run "$T/dry"
is "a dry run after the run: all known" "$(summary_value 'already known')" 6

# --- unreconciled statements: stored, counted, exit 0 --------------------------
mkdir -p "$T/ur/gen"
"$STATEMENT_GEN" --profile chase --card 4242 --from 2024-01 --months 1 --transactions 5 --out "$T/ur/gen" >/dev/null 2>&1
"$CARDLEDGER" layout "$T/ur/gen"/*.pdf >"$T/ur/all.txt"
python3 - "$T/ur" <<'PY'
import glob, json, os, sys
d = sys.argv[1]
t = json.load(open(glob.glob(d + '/gen/*.json')[0]))
x = t['transactions'][0]
amt = '{:,.2f}'.format(abs(float(x['amount'])))
new = '{:,.2f}'.format(abs(float(x['amount'])) + 1)
os.makedirs(d + '/folder/stmt', exist_ok=True)
done = False
for i, p in enumerate(open(d + '/all.txt').read().split('\f')):
    lines = p.split('\n')
    for k, l in enumerate(lines):
        if not done and amt in l and x['description'].split()[0] in l:
            lines[k] = l.replace(amt, new, 1)
            done = True
    open(d + '/folder/stmt/page_%d.txt' % (i + 1), 'w').write('\n'.join(lines) + '\n')
PY
db4=$(new_db edges4)
ingest "$db4" "$T/ur/folder"
is "an unreconciled statement: exit 0 (stored, not a failure; README: Exit codes)" "$?" 0
is "... counted in the summary" "$(summary_value 'unreconciled statements')" 1
is "... stored, as a page-text folder (the one loader)" \
    "$(q "$db4" "SELECT count(*) FROM raw.statements WHERE NOT reconciled")" 1

# --- a folder with no statements -----------------------------------------------
mkdir -p "$T/empty" && echo notes >"$T/empty/readme.txt"
ingest "$db4" "$T/empty"
like "a PATH without statements gets a warning" "$(cat "$CL_TEST_TMP/ingest.err")" \
    '"event":"ingest_no_statements".*"path":"[^"]*empty"'

# --- a path over 4,095 bytes: an error, not a silent skip ------------------------
long=$(printf 'd%.0s' $(seq 200))
(mkdir -p "$T/deep" && cd "$T/deep" && for i in $(seq 22); do mkdir "$long" && cd "$long" || exit 1; done &&
    cp "$first" s.pdf)
ingest "$db4" "$T/deep"
is "a path over 4,095 bytes: exit 1" "$?" 1
like "... one warning saying so" "$(grep ingest_file_unreadable "$CL_TEST_TMP/ingest.err")" \
    "path longer than 4,095 bytes"
is "... counted as unreadable" "$(summary_value unreadable)" 1
rm -rf "$T/deep"

# --- messages ------------------------------------------------------------------
"$CARDLEDGER" ingest -j "$T/in" 2>"$T/err"
is "-j PATH: usage error" "$?" 2
like "-j PATH: says -j needs a number" "$(cat "$T/err")" "-j/--jobs needs a number of workers, not '$T/in'"
"$CARDLEDGER" ingest --db 'not a dsn' "$T/in" 2>"$T/err"
is "--db 'not a dsn': usage error" "$?" 2
like "--db 'not a dsn': the connection string is invalid" "$(cat "$T/err")" "connection string of --db is invalid"
"$CARDLEDGER" ingets "$T/in" 2>"$T/err"
is "unknown command: usage error" "$?" 2
like "unknown command: did you mean" "$(cat "$T/err")" "did you mean 'ingest'"
"$CARDLEDGER" db psql --db "$db" -c 'SELECT 1' 2>"$T/err"
like "db psql -c: psql's options go after --" "$(cat "$T/err")" "psql's own options go after '--'"
is "db psql -- -c works" "$("$CARDLEDGER" db psql --db "$db" -- -qAtX -c 'SELECT 41 + 1' 2>/dev/null)" 42

# --- on a terminal the progress bar stands alone --------------------------------
# script(1) gives the run a terminal and records what it shows.
for level in info debug; do
    dbt=$(new_db "edges_$level")
    "$CARDLEDGER" migrate up --db "$dbt" >/dev/null 2>&1
    script -qec "'$CARDLEDGER' ingest --db '$dbt' -j 1 --log-level $level '$T/moved'" "$T/tty.$level" \
        >/dev/null 2>&1 </dev/null
done
like "on a terminal: the progress bar is drawn" "$(cat "$T/tty.info")" "files"
unlike "on a terminal: no per-file events beside the progress bar" "$(cat "$T/tty.info")" "ingest_file"
like "... they are debug-level there" "$(cat "$T/tty.debug")" "ingest_file"
like "... and at info level when stderr is not a terminal (JSON logs)" \
    "$(ingest "$(new_db edges_json)" -j 1 "$T/moved"; cat "$CL_TEST_TMP/ingest.err")" '"event":"ingest_file"'

done_testing
