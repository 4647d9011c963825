#!/usr/bin/env bash
# t_grafana.sh - the Grafana provisioning files, the read-only role of
# `cardledger grafana setup`, and every dashboard panel run as that role on
# generated statements with one month missing, one statement unreconciled and
# one file that is no statement (check_dashboards.py does the panels).
source "$CL_SRC/tests/lib.sh"
source "$CL_SRC/tests/ingest/lib_ingest.sh"
ingest_skip_unless_ready

tmp=$CL_TEST_TMP/t_grafana
corpus=$tmp/corpus
mkdir -p "$corpus"
"$STATEMENT_GEN" --profile chase --card 4242 --from 2023-01 --months 24 --seed 11 --out "$corpus/chase" >/dev/null
"$STATEMENT_GEN" --profile amex_us --card 1005 --from 2023-07 --months 18 --seed 12 --out "$corpus/amex" >/dev/null
"$STATEMENT_GEN" --profile dbs --card 7788 --from 2024-01 --months 12 --seed 13 --out "$corpus/dbs" >/dev/null
rm -f "$corpus"/amex/amex_us-1005-2024-06.*          # a missing month
printf '%%PDF-1.4\nnot really a statement\n' >"$corpus/broken.pdf"   # a failed file

db=$(new_db grafana)
ingest "$db" -j 2 "$corpus"
is "the corpus is ingested" "$(q "$db" "SELECT count(*) FROM raw.statements")" "53"
is "the broken file failed" "$(q "$db" "SELECT count(*) FROM raw.source_files WHERE status = 'failed'")" "1"
# one statement that does not reconcile, as a misread one would be stored
q "$db" "UPDATE raw.statements SET reconciled = false, reconcile_difference = 12.34
         WHERE issuer = 'chase' AND period_end BETWEEN '2024-03-01' AND '2024-03-31'" >/dev/null

# --- provisioning files ---------------------------------------------------------
ds=$CL_SRC/grafana/provisioning/datasources/cardledger.yaml
like "the data source is PostgreSQL with a fixed uid" "$(cat "$ds")" \
    'type: grafana-postgresql-datasource'
like "its password is \${CARDLEDGER_GRAFANA_PASSWORD} in secureJsonData" \
    "$(sed -n '/secureJsonData:/,$p' "$ds")" 'password: \$\{CARDLEDGER_GRAFANA_PASSWORD\}'
like "it logs in as the read-only role" "$(grep -E '^ +user:' "$ds")" 'user: cardledger_grafana$'
unlike "no password in clear in the file" "$(grep -vE '^ *#' "$ds")" 'password: [^$]'
ok "the dashboards are what grafana/build_dashboards.py writes" python3 "$CL_SRC/grafana/build_dashboards.py" --check

# --- cardledger grafana setup -------------------------------------------------------
unset CARDLEDGER_GRAFANA_PASSWORD
"$CARDLEDGER" grafana setup --db "$db" >"$tmp/out" 2>"$tmp/err"
is "no password: exit 2" "$?" "2"
like "no password: says where it comes from" "$(cat "$tmp/err")" 'CARDLEDGER_GRAFANA_PASSWORD or give --password-file'
is "no password: no role made" "$(q "$db" "SELECT count(*) FROM pg_roles WHERE rolname = 'cardledger_grafana'")" "0"
owner=$(q "$db" "SELECT current_user")
CARDLEDGER_GRAFANA_PASSWORD=x "$CARDLEDGER" grafana setup --db "$db" --role "$owner" >"$tmp/out" 2>"$tmp/err"
is "the owner role is refused: exit 1" "$?" "1"
like "the owner role is refused: says why" "$(cat "$tmp/err")" 'is the one running this command'
q "$db" "CREATE ROLE cl_member_of_owner LOGIN IN ROLE $owner" >/dev/null 2>&1 ||
    q "$db" "CREATE ROLE cl_member_of_owner LOGIN; GRANT $owner TO cl_member_of_owner" >/dev/null
CARDLEDGER_GRAFANA_PASSWORD=x "$CARDLEDGER" grafana setup --db "$db" --role cl_member_of_owner >/dev/null 2>"$tmp/err"
is "a role that inherits the owner is refused: exit 1" "$?" "1"
like "... and says why" "$(cat "$tmp/err")" 'owns \(or inherits the owner of\)'
fails "a missing --password-file is an error" "$CARDLEDGER" grafana setup --db "$db" --password-file "$tmp/nope"

password="It's a \"secret\" %s \\ 123"
export CARDLEDGER_GRAFANA_PASSWORD=$password
"$CARDLEDGER" grafana setup --db "$db" >"$tmp/out" 2>"$tmp/err"
is "setup exits 0" "$?" "0"
like "setup says what the role may read" "$(cat "$tmp/out")" 'role cardledger_grafana created: it can read the analytics schema'
ok "the password appears in no output" bash -c '! grep -qF -- "$1" "$2" "$3"' _ "$password" "$tmp/out" "$tmp/err"
is "the role logs in, is no superuser, cannot create roles or databases" \
    "$(q "$db" "SELECT rolcanlogin, rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = 'cardledger_grafana'")" \
    "t|f|f|f"
secret=$(q "$db" "SELECT rolpassword FROM pg_authid WHERE rolname = 'cardledger_grafana'")
ok "the server stores the SCRAM secret of exactly that password" python3 - "$password" "$secret" <<'EOF'
import base64, hashlib, hmac, sys
password, secret = sys.argv[1], sys.argv[2]
head, keys = secret.split("$", 1)[1].split("$")
iters, salt = head.split(":")
stored, server = keys.split(":")
salted = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(salt), int(iters))
client = hmac.new(salted, b"Client Key", "sha256").digest()
assert secret.startswith("SCRAM-SHA-256$"), secret[:14]
assert base64.b64encode(hashlib.sha256(client).digest()).decode() == stored, "StoredKey differs"
assert base64.b64encode(hmac.new(salted, b"Server Key", "sha256").digest()).decode() == server
EOF
CARDLEDGER_GRAFANA_PASSWORD=other "$CARDLEDGER" grafana setup --db "$db" >"$tmp/out" 2>&1
like "setup again updates the role (a new password)" "$(cat "$tmp/out")" 'role cardledger_grafana updated'
isnt_secret=$(q "$db" "SELECT rolpassword <> '$secret' FROM pg_authid WHERE rolname = 'cardledger_grafana'")
is "... whose secret changed" "$isnt_secret" "t"
printf '%s\n' "$password" >"$tmp/pw"
CARDLEDGER_GRAFANA_PASSWORD= "$CARDLEDGER" grafana setup --db "$db" --password-file "$tmp/pw" >/dev/null 2>&1
is "--password-file: the first line is the password" \
    "$(q "$db" "SELECT rolpassword LIKE 'SCRAM-SHA-256\$%' FROM pg_authid WHERE rolname = 'cardledger_grafana'")" "t"

gdb="$db user=cardledger_grafana"
is "the role reads the views" "$(q "$gdb" "SELECT count(*) > 0 FROM analytics.transactions_v")" "t"
is "its sessions are read-only and in UTC" "$(q "$gdb" "SHOW default_transaction_read_only")|$(q "$gdb" "SHOW timezone")" "on|UTC"
fails "it cannot read page text" psql "$gdb" -qAtX -v ON_ERROR_STOP=1 -c "SELECT count(*) FROM raw.pages"
fails "it cannot read raw lines" psql "$gdb" -qAtX -v ON_ERROR_STOP=1 -c "SELECT count(*) FROM raw.transaction_lines"
fails "it cannot write, even in a read-write transaction" psql "$gdb" -qAtX -v ON_ERROR_STOP=1 \
    -c "BEGIN READ WRITE; DELETE FROM analytics.cards; COMMIT"
fails "it cannot create tables" psql "$gdb" -qAtX -v ON_ERROR_STOP=1 \
    -c "BEGIN READ WRITE; CREATE TABLE analytics.x (i int); COMMIT"
is "nothing was deleted" "$(q "$db" "SELECT count(*) FROM analytics.cards")" "3"

# --- every panel, as that role --------------------------------------------------------
expect='[["amex_us 1005", "2024-06", "missing"],
         ["chase 4242", "2024-03", "unreconciled"]]'
TAP_OFFSET=$_tap_n TAP_COUNTS=$tmp/counts GRAFANA_EXPECT_PROBLEMS=$expect \
    python3 "$CL_SRC/tests/grafana/check_dashboards.py" "$CL_SRC" "$gdb" "$db" "$CARDLEDGER"
read -r n f <"$tmp/counts" || { n=1; f=1; echo "not ok - check_dashboards.py did not finish"; }
_tap_n=$((_tap_n + n))
_tap_failed=$((_tap_failed + f))

done_testing
