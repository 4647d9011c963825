#!/usr/bin/env bash
# t_coverage.sh - `cardledger coverage` on constructed statement chains: a
# missing month, a chain break, an unreconciled statement, 13 Dec - 12 Jan
# periods, a closing day of the 20th, a card that starts mid-year, statements
# that print only a closing date; the JSON form, --strict exit codes, bad input.
source "$CL_SRC/tests/lib.sh"

db=$(new_db coverage)
"$CARDLEDGER" migrate up --db "$db" >/dev/null 2>&1
q() { psql "$db" -qAtX -v ON_ERROR_STOP=1 -c "$1"; }
cl() { "$CARDLEDGER" "$@" --db "$db"; }

# chain LAST4 FIRST_END_MONTH COUNT CLOSE_DAY [month=change ...]: statements
# of card test:LAST4 whose periods end on CLOSE_DAY (0: the month's last day)
# of COUNT consecutive months, each starting the day after the one before and
# carrying on its balance. Changes: YYYY-MM=skip (no statement),
# YYYY-MM=unreconciled, YYYY-MM=break (previous balance off by 5.00),
# YYYY-MM=closing-only (period printed as its closing day only),
# YYYY-MM=paid (its new balance is 0.00).
chain() {
    python3 - "$@" <<'EOF' | psql "$db" -qAtX -v ON_ERROR_STOP=1 >/dev/null
import calendar, datetime, sys
last4, first, count, close = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
changes = dict(a.split('=') for a in sys.argv[5:])
y, m = map(int, first.split('-'))
def end_of(y, m):
    return datetime.date(y, m, close or calendar.monthrange(y, m)[1])
py, pm = (y, m - 1) if m > 1 else (y - 1, 12)
prev_end, balance = end_of(py, pm), 1000
print("INSERT INTO analytics.cards (issuer, card_last4) VALUES ('test', '%s') ON CONFLICT DO NOTHING;" % last4)
for i in range(count):
    end, key = end_of(y, m), '%04d-%02d' % (y, m)
    start, new = prev_end + datetime.timedelta(days=1), balance + 100 + i
    c = changes.get(key)
    if c == 'paid':
        new = 0
    if c != 'skip':
        prev = balance + 5 if c == 'break' else balance
        rec = 'false' if c == 'unreconciled' else 'true'
        diff = '12.34' if c == 'unreconciled' else '0'
        if c == 'closing-only':
            start = end
        print("WITH f AS (INSERT INTO raw.source_files (sha256, path, size_bytes, status) "
              "VALUES (encode(sha256('%s %s'::bytea), 'hex'), '/statements/%s-%s.pdf', 1, 'done') RETURNING id) "
              "INSERT INTO raw.statements (source_file_id, issuer, card_last4, period_start, period_end, statement_date, "
              "previous_balance, new_balance, reconciled, reconcile_difference) "
              "SELECT id, 'test', '%s', '%s', '%s', '%s', %d, %d, %s, %s FROM f;"
              % (last4, end, last4, key, last4, start, end, end, prev, new, rec, diff))
    prev_end, balance = end, new
    y, m = (y, m + 1) if m < 12 else (y + 1, 1)
EOF
}
# states [ARGS...]: "CARD: state state ..." per card from coverage --format json
states() {
    cl coverage --format json "$@" | python3 -c '
import json, sys
for c in json.load(sys.stdin)["cards"]:
    print(c["card_last4"] + ": " + " ".join(c["months"].values()))'
}
repeat() { local s="" i; for ((i = 0; i < $2; i++)); do s="$s${s:+ }$1"; done; echo "$s"; }
OK12=$(repeat ok 12)

chain 1001 2024-01 12 0                         # calendar months, complete
chain 1002 2024-01 12 0 2024-06=skip            # June missing
chain 1003 2024-01 12 0 2024-08=break           # August's previous balance is off
chain 1004 2024-01 12 0 2024-03=unreconciled
chain 1005 2023-11 15 12                        # 13th-12th: 13 Dec - 12 Jan and so on
chain 1006 2023-11 15 12 2024-01=skip           # ... without 13 Dec 2023 - 12 Jan 2024
chain 1007 2024-01 12 20 2024-09=skip           # closing on the 20th, Sep missing
chain 1008 2024-07 6 0                          # a card that starts in July
chain 1009 2024-01 12 25 2024-04=closing-only 2024-05=closing-only  # periods not printed
chain 1010 2023-11 15 12 2024-01=break          # a break across the year end
chain 1011 2024-01 12 0 2024-05=skip 2024-06=skip 2024-07=skip  # a whole quarter missing
chain 1012 2024-01 9 0                          # the last statements are not loaded (a balance is owed)
chain 1013 2024-01 9 0 2024-09=paid             # paid off and closed after September

is "complete calendar months are all ok" "$(states --year 2024 --card 1001)" "1001: $OK12"
is "a missing month is missing, the next one is ok" "$(states --year 2024 --card 1002)" \
    "1002: ok ok ok ok ok missing ok ok ok ok ok ok"
is "a previous balance that is not the prior new balance is a chain break" "$(states --year 2024 --card 1003)" \
    "1003: ok ok ok ok ok ok ok chain-break ok ok ok ok"
is "an unreconciled statement's month is unreconciled" "$(states --year 2024 --card 1004)" \
    "1004: ok ok unreconciled ok ok ok ok ok ok ok ok ok"
is "13 Dec - 12 Jan periods: every month ok" "$(states --from 2023-12 --to 2025-01 --card 1005)" \
    "1005: $(repeat ok 14)"
is "13 Dec - 12 Jan periods: the statement ending 12 Jan missing is January's" \
    "$(states --from 2023-11 --to 2024-03 --card 1006)" "1006: ok ok missing ok ok"
is "closing on the 20th: the month of the missing statement's end" "$(states --year 2024 --card 1007)" \
    "1007: ok ok ok ok ok ok ok ok missing ok ok ok"
is "a card starting in July: inactive before, ok after" "$(states --year 2024 --card 1008)" \
    "1008: $(repeat inactive 6) $(repeat ok 6)"
is "statements that print only their closing date leave no gap" "$(states --year 2024 --card 1009)" "1009: $OK12"
is "a chain break across the year end is January's" "$(states --from 2023-12 --to 2024-02 --card 1010)" \
    "1010: ok chain-break ok"
is "three missing statements are three missing months" "$(states --year 2024 --card 1011)" \
    "1011: ok ok ok ok missing missing missing ok ok ok ok ok"
is "statements missing at the end, with a balance owed, are missing" "$(states --year 2024 --card 1012)" \
    "1012: $(repeat ok 9) missing missing missing"
like "... and the problem says so" "$(cl coverage --year 2024 --card 1012)" \
    '2024-12  missing +no statement after the one ending 2024-09-30, whose new balance was [0-9.]+; statements of other cards reach 2025-01-12'
is "a card paid off to 0.00 may simply end" "$(states --year 2024 --card 1013)" "1013: $(repeat ok 9) $(repeat inactive 3)"
is "every card with statements is listed" "$(states --year 2024 | wc -l)" "13"

# --- the JSON form and the problems ------------------------------------------------
json=$(cl coverage --year 2024 --card 1002 --format json)
is "JSON: from, to, complete, the card and its problem" "$(echo "$json" | python3 -c '
import json, sys
d = json.load(sys.stdin)
c = d["cards"][0]
p = c["problems"]
print(d["from"], d["to"], d["complete"], c["issuer"], c["card_last4"], c["label"], len(c["months"]),
      len(p), p[0]["month"], p[0]["state"])')" "2024-01 2024-12 False test 1002 None 12 1 2024-06 missing"
like "the problem says which days no statement covers" "$(echo "$json" | python3 -c '
import json, sys; print(json.load(sys.stdin)["cards"][0]["problems"][0]["detail"])')" \
    'no statement covers 2024-06-01 to 2024-06-30'
like "the chain break names both balances and the file" "$(cl coverage --year 2024 --card 1003)" \
    '2024-08  chain-break .*previous balance [0-9.]+ is not the new balance [0-9.]+ of the statement ending 2024-07-31.*1003-2024-08\.pdf'
like "the table shows the grid and the problems" "$(cl coverage --year 2024 --card 1002)" \
    'test:1002 +ok +ok +ok +ok +ok +MISS +ok'
ok "cards label shows in coverage" cl cards label test:1002 Spare
like "the label is in the grid" "$(cl coverage --year 2024 --card Spare)" 'test:1002 \(Spare\)'

# --- --strict ----------------------------------------------------------------------
rc() { "$@" >/dev/null 2>&1; echo $?; }
is "--strict on a complete year exits 0" "$(rc cl coverage --year 2024 --strict --card 1001)" "0"
is "--strict with a missing month exits 1" "$(rc cl coverage --year 2024 --strict --card 1002)" "1"
is "--strict with a chain break exits 1" "$(rc cl coverage --year 2024 --strict --card 1003)" "1"
is "--strict with an unreconciled month exits 1" "$(rc cl coverage --year 2024 --strict --card 1004)" "1"
is "--strict: a card starting mid-year is complete" "$(rc cl coverage --year 2024 --strict --card 1008)" "0"
is "--strict over several complete cards exits 0" \
    "$(rc cl coverage --year 2024 --strict --card 1001 --card 1005 --card 1008 --card 1009)" "0"
is "--strict over every card exits 1" "$(rc cl coverage --year 2024 --strict)" "1"
is "without --strict problems still exit 0" "$(rc cl coverage --year 2024)" "0"
is "--strict with no statement in the range exits 1" "$(rc cl coverage --year 2031 --strict --card 1001)" "1"
is "--strict: the December 2024 statement ending 12 Jan 2025 is in" \
    "$(rc cl coverage --from 2024-12 --to 2025-01 --strict --card 1005)" "0"

# --- bad input ----------------------------------------------------------------------
bad() { # DESC REGEX ARGS...
    local desc=$1 re=$2 err rc
    shift 2
    err=$(cl "$@" 2>&1 >/dev/null)
    rc=$?
    if [ "$rc" -eq 2 ] && [ "$(echo "$err" | wc -l)" -eq 1 ] && echo "$err" | grep -Eq -- "$re"; then
        _tap_result 0 "$desc"
    else
        _tap_result 1 "$desc"
        echo "#   exit $rc: $err"
    fi
}
bad "an unknown card" "--card '4242'" coverage --card 4242
bad "a bad month" "--from '2024-13'" coverage --from 2024-13
bad "a bad year" "--year 'last'" coverage --year last
bad "csv is not a coverage format" "--format 'csv'" coverage --format csv
bad "a stray argument" "unexpected argument" coverage 2024

done_testing
