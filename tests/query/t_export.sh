#!/usr/bin/env bash
# t_export.sh - `cardledger export` on a statement-gen corpus of every
# profile: hledger and bean-check accept the ledger and beancount files and
# their balances per account and commodity equal the SQL sums; CSV and JSON
# carry the same rows and amounts as SQL; the report filters apply; bad input
# is one line and exit 2.
source "$CL_SRC/tests/lib.sh"
source "$CL_SRC/tests/ingest/lib_ingest.sh"
ingest_skip_unless_ready
command -v hledger >/dev/null && command -v bean-check >/dev/null ||
    skip_all "hledger or bean-check not installed (scripts/install-deps)"

T=$CL_TEST_TMP/t_export
rm -rf "$T"
mkdir -p "$T"
corpus=$T/corpus
ingest_corpus "$corpus" 60
db=$(new_db export)
ingest "$db" -j 2 "$corpus"
is "ingest exits 0" "$?" "0"
n=$(q "$db" "SELECT count(*) FROM analytics.transactions")
ok "corpus stored ($n rows)" test "$n" -gt 100
X() { "$CARDLEDGER" export --db "$db" "$@"; }

# SQL: the card/account side per account and currency, in the export's names.
own_sql="SELECT CASE WHEN EXISTS (SELECT 1 FROM analytics.transactions x WHERE x.card_id = c.id
                                  AND x.kind IN ('deposit', 'withdrawal'))
                     THEN 'Assets:Bank:' ELSE 'Liabilities:Cards:' END
              || upper(substr(c.issuer, 1, 1)) || substr(regexp_replace(c.issuer, '[^A-Za-z0-9]+', '-', 'g'), 2)
              || '-' || c.card_last4 || ' ' || t.currency || ' ' || sum(t.amount)
       FROM analytics.transactions t JOIN analytics.cards c ON c.id = t.card_id"

# --- ledger through hledger --------------------------------------------------------
X --format ledger >"$T/all.journal" 2>"$T/err"
is "export --format ledger exits 0" "$?" "0"
hledger -f "$T/all.journal" check >"$T/hc.out" 2>&1
is "hledger check is clean" "$?" "0"
hledger -f "$T/all.journal" check accounts >"$T/hc2.out" 2>&1
is "hledger check accounts: every account declared" "$?" "0"
# hl ACCOUNT-QUERY...: "ACCOUNT COMMODITY AMOUNT" per line from hledger balance.
hl() {
    hledger -f "$1" balance --flat --no-total -E -O csv --layout=tidy "${@:2}" |
        python3 -c '
import csv, sys
r = csv.DictReader(sys.stdin)
for x in r: print(x["account"], x["commodity"], "%.2f" % float(x["value"].replace(",", "")))
' | LC_ALL=C sort
}
hl_bal() { hl "$1" '^(Liabilities:Cards|Assets:Bank):'; }
hl_one() { hl "$1" "$2" | cut -d' ' -f2-; }
want=$(q "$db" "$own_sql GROUP BY c.id, c.issuer, c.card_last4, t.currency" | LC_ALL=C sort)
is "hledger balance per card and currency equals SQL" "$(hl_bal "$T/all.journal")" "$want"
# the other side: expenses by category path equal SQL
exp_sql="WITH RECURSIVE cp (id, path) AS (SELECT id, name::text FROM analytics.categories WHERE parent_id IS NULL
           UNION ALL SELECT g.id, cp.path || ':' || g.name FROM analytics.categories g JOIN cp ON g.parent_id = cp.id)
         SELECT count(DISTINCT coalesce(cp.path, 'Uncategorized')) FROM analytics.transactions t
         LEFT JOIN cp ON cp.id = t.category_id
         WHERE t.kind IN ('purchase', 'refund', 'cash_advance', 'withdrawal')"
nexp=$(hledger -f "$T/all.journal" accounts Expenses | grep -vc '^Expenses:Fees$\|^Expenses:Interest$')
is "one Expenses account per category path used" "$nexp" "$(q "$db" "$exp_sql")"
fees_sql="SELECT t.currency || ' ' || -sum(t.amount) FROM analytics.transactions t WHERE t.kind = 'fee'
          GROUP BY t.currency ORDER BY 1"
is "Expenses:Fees equals SQL's fee rows (sign flipped)" "$(hl_one "$T/all.journal" '^Expenses:Fees$')" "$(q "$db" "$fees_sql")"
pay_sql="SELECT t.currency || ' ' || -sum(t.amount) FROM analytics.transactions t
         WHERE t.kind IN ('payment', 'transfer') GROUP BY t.currency ORDER BY 1"
X --format ledger --payments-account Assets:Bank:Joint-Checking >"$T/pay.journal"
is "payments against --payments-account equal SQL" \
   "$(hl_one "$T/pay.journal" '^Assets:Bank:Joint-Checking$')" "$(q "$db" "$pay_sql")"

# --- beancount --------------------------------------------------------------------
X --format beancount >"$T/all.beancount" 2>"$T/err"
is "export --format beancount exits 0" "$?" "0"
bean-check "$T/all.beancount" >"$T/bc.out" 2>&1
is "bean-check is clean" "$?$(head -c 300 "$T/bc.out")" "0"
bean_bal=$(/usr/bin/python3 - "$T/all.beancount" <<'PY'
import sys
from beancount import loader
from beancount.core import realization
entries, errors, _ = loader.load_file(sys.argv[1])
assert not errors, errors
real = realization.realize(entries)
for acc in realization.iter_children(real):
    if acc.account.startswith(('Liabilities:Cards:', 'Assets:Bank:')) and acc.account.count(':') == 2:
        for pos in acc.balance:
            print(acc.account, pos.units.currency, pos.units.number)
PY
)
is "beancount balance per card and currency equals SQL" "$(echo "$bean_bal" | LC_ALL=C sort)" "$want"

# --- CSV and JSON against SQL --------------------------------------------------------
X --format csv >"$T/all.csv"
is "csv: one line per row plus the header" "$(($(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1]))))' "$T/all.csv") - 1))" "$n"
csv_sum=$(python3 - "$T/all.csv" <<'PY'
import csv, sys
from decimal import Decimal
s = {}
for r in csv.DictReader(open(sys.argv[1])):
    s[r['currency']] = s.get(r['currency'], Decimal(0)) + Decimal(r['amount'])
for c in sorted(s): print(c, s[c])
PY
)
is "csv: sums per currency equal SQL" "$csv_sum" "$(q "$db" "SELECT currency || ' ' || sum(amount) FROM analytics.transactions GROUP BY currency ORDER BY 1")"
X --format json --year 2023 --kind fee,interest >"$T/fi.json"
json_ids=$(python3 -c 'import json,sys; print(" ".join(str(r["id"]) for r in json.load(open(sys.argv[1]))))' "$T/fi.json")
is "json --year --kind: the same ids, oldest first, as SQL" "$json_ids" \
   "$(q "$db" "SELECT string_agg(id::text, ' ' ORDER BY posting_date, id) FROM analytics.transactions
               WHERE kind IN ('fee', 'interest') AND posting_date BETWEEN '2023-01-01' AND '2023-12-31'")"
card=$(q "$db" "SELECT card_last4 FROM analytics.cards ORDER BY id LIMIT 1")
X --format json --card "$card" >"$T/card.json"
is "json --card: that card's rows" \
   "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$T/card.json")" \
   "$(q "$db" "SELECT count(*) FROM analytics.transactions t JOIN analytics.cards c ON c.id = t.card_id WHERE c.card_last4 = '$card'")"
python3 -c 'import json,sys; [r["amount"].split(".")[1] for r in json.load(open(sys.argv[1]))]' "$T/card.json"
is "json amounts are exact decimal strings" "$?" "0"

# --- bad input: one line, exit 2 ---------------------------------------------------------
bad() {
    local desc=$1; shift
    X "$@" >"$T/bad.out" 2>"$T/bad.err"
    local rc=$?
    is "$desc: exit 2" "$rc" "2"
    is "$desc: one line" "$(wc -l <"$T/bad.err")" "1"
}
bad "no --format" --year 2023
bad "--format xml" --format xml
bad "--payments-account checking" --format ledger --payments-account checking
bad "--card 9999 (unknown)" --format csv --card 9999
bad "--from 2023-13-01" --format csv --from 2023-13-01
like "an unknown card is named" "$(cat "$T/bad.err")" "card"
done_testing
