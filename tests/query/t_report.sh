#!/usr/bin/env bash
# t_report.sh - `report`, `transactions` and `cards` on an ingested
# statement-gen corpus (four US cards and one SGD card, Nov 2023 - Dec 2024,
# one month of one card left out): for every --by, the report equals SQL over
# analytics.transactions; filters, --top, JSON, keyset pages, labels; the
# report reads the summary tables; bad input is one line naming the option,
# exit 2.
source "$CL_SRC/tests/lib.sh"
source "$CL_SRC/tests/ingest/lib_ingest.sh"
ingest_skip_unless_ready

corpus=$CL_TEST_TMP/t_report/corpus
rm -rf "$corpus"
card=4101
for p in chase amex_us citi discover dbs; do
    "$STATEMENT_GEN" --profile "$p" --card "$card" --from 2023-11 --months 14 --seed 11 --out "$corpus/$p" >/dev/null
    card=$((card + 1111))
done
rm -f "$corpus"/citi/*-2024-06.*        # citi's June statement is missing
db=$(new_db report)
ingest "$db" "$corpus"
is "the corpus ingests" "$?" "0"
cl() { "$CARDLEDGER" "$@" --db "$db"; }

# SQL spend by the definition: purchases, fees, interest, cash advances and
# withdrawals, minus refunds; never payments or balance transfers.
SPEND="-coalesce(sum(t.amount) FILTER (WHERE t.kind IN ('purchase','refund','fee','interest','cash_advance','withdrawal')), 0)"
# sql_groups KEY_EXPR WHERE: key|currency|n|spend|refunds|payments per group, sorted
sql_groups() {
    q "$db" "SELECT $1 || '|' || t.currency || '|' || count(*) || '|' || ($SPEND)::numeric(16,2) || '|' ||
                    coalesce(sum(t.amount) FILTER (WHERE t.kind = 'refund'), 0)::numeric(16,2) || '|' ||
                    coalesce(sum(t.amount) FILTER (WHERE t.kind = 'payment'), 0)::numeric(16,2)
             FROM analytics.transactions t JOIN analytics.cards cd ON cd.id = t.card_id
             LEFT JOIN analytics.categories g ON g.id = t.category_id
             LEFT JOIN analytics.merchants m ON m.id = t.merchant_id
             WHERE $2 GROUP BY $1, t.currency" | sorted
}
# json_groups: the same lines from `report --format json` on stdin
json_groups() {
    python3 -c '
import json, sys
for r in json.load(sys.stdin):
    assert isinstance(r["transactions"], int) and all(isinstance(r[k], str) for k in ("spend", "refunds", "payments"))
    print("|".join([r["key"], r["currency"], str(r["transactions"]), r["spend"], r["refunds"], r["payments"]]))' | sorted
}
compare() { # DESC WANT GOT
    if [ -n "$2" ] && [ "$2" = "$3" ]; then
        _tap_result 0 "$1"
    else
        _tap_result 1 "$1"
        diff <(echo "$2") <(echo "$3") | head -6 | sed 's/^/#   /'
    fi
}

Y="t.posting_date BETWEEN '2024-01-01' AND '2024-12-31'"
declare -A KEY=(
    [month]="to_char(t.posting_date, 'YYYY-MM')" [year]="to_char(t.posting_date, 'YYYY')"
    [day]="to_char(t.posting_date, 'YYYY-MM-DD')" [week]="to_char(date_trunc('week', t.posting_date), 'IYYY-\"W\"IW')"
    [category]="coalesce(g.name, 'Uncategorized')" [merchant]="coalesce(m.display_name, m.name, '(none)')"
    [card]="cd.issuer || ':' || cd.card_last4" [kind]="t.kind")
for by in month week day year category merchant card kind; do
    compare "report --by $by --year 2024 equals SQL over the transactions" \
        "$(sql_groups "${KEY[$by]}" "$Y")" "$(cl report --year 2024 --by "$by" --format json | json_groups)"
done
compare "report --by month over partial months (2024-02-10 to 2024-11-20) equals SQL" \
    "$(sql_groups "${KEY[month]}" "t.posting_date BETWEEN '2024-02-10' AND '2024-11-20'")" \
    "$(cl report --from 2024-02-10 --to 2024-11-20 --format json | json_groups)"
compare "report --by category with --from only equals SQL" \
    "$(sql_groups "${KEY[category]}" "t.posting_date >= '2024-03-15'")" \
    "$(cl report --from 2024-03-15 --by category --format json | json_groups)"
compare "report --card --kind --category filters equal SQL" \
    "$(sql_groups "${KEY[month]}" "$Y AND cd.issuer = 'chase' AND t.kind IN ('purchase', 'fee') AND g.name = 'Dining'")" \
    "$(cl report --year 2024 --card chase:4101 --kind purchase,fee --category dining --format json | json_groups)"
compare "report --merchant (substring, any case) equals SQL" \
    "$(sql_groups "${KEY[card]}" "$Y AND (m.name ILIKE '%mart%' OR m.display_name ILIKE '%mart%')")" \
    "$(cl report --year 2024 --by card --merchant MaRt --format json | json_groups)"
# The default rules categorize nearly everything: leave one merchant's rows without a category.
q "$db" "UPDATE analytics.transactions SET category_id = NULL WHERE merchant_id =
           (SELECT merchant_id FROM analytics.transactions t WHERE $Y AND kind = 'purchase'
            GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1) AND posting_date >= '2024-01-01';
         SELECT analytics.refresh_summaries()" >/dev/null
compare "report --category Uncategorized is the rows without one" \
    "$(sql_groups "${KEY[kind]}" "$Y AND t.category_id IS NULL")" \
    "$(cl report --year 2024 --by kind --category Uncategorized --format json | json_groups)"
like "the SGD card is reported in its own currency" "$(cl report --year 2024 --by card --format csv)" '^dbs:[0-9]{4},,SGD,'

# --- the table: aligned, with a total row per currency --------------------------
table=$(cl report --year 2024)
is "the table has a header, a rule, 12 months x 2 currencies, a rule and 2 totals" "$(echo "$table" | wc -l)" "$((2 + 24 + 1 + 2))"
usd_total=$(q "$db" "SELECT to_char(($SPEND), 'FM999,999,999,990.00') FROM analytics.transactions t WHERE $Y AND currency = 'USD'")
like "the USD total row is the SQL total" "$(echo "$table" | grep '^total *USD')" " $usd_total( |$)"
is "every line of the table is as wide as the header or narrower" \
    "$(echo "$table" | awk -v w="$(echo "$table" | head -1 | wc -L)" 'length($0) > w' | wc -l)" "0"
is "the default is this year by month" "$(cl report --format csv | sed -n 2p | cut -c1-4)" \
    "$( [ -n "$(cl report --format csv | sed -n 2p)" ] && date +%Y)"

# --- --top ------------------------------------------------------------------------
top=$(cl report --year 2024 --by merchant --top 5 --format json | python3 -c '
import json, sys
rows = json.load(sys.stdin)
usd = [r for r in rows if r["currency"] == "USD"]
print(len(usd), all(float(a["spend"]) >= float(b["spend"]) for a, b in zip(usd, usd[1:])))')
is "--top 5: five merchants per currency, largest spend first" "$top" "5 True"
is "--top 5: the first is the merchant with the most spend" \
    "$(cl report --year 2024 --by merchant --top 1 --format csv | grep ',USD,' | cut -d, -f1)" \
    "$(q "$db" "SELECT coalesce(m.display_name, m.name) FROM analytics.transactions t JOIN analytics.merchants m ON m.id = t.merchant_id
              WHERE $Y AND t.currency = 'USD' GROUP BY 1 ORDER BY $SPEND DESC LIMIT 1")"

# --- the report reads the summary table (a changed summary row shows) ----------------
q "$db" "UPDATE analytics.spend_by_month_card_category SET net = net - 1000, txn_count = txn_count + 1
         WHERE (month, card_id, kind) = (SELECT month, card_id, kind FROM analytics.spend_by_month_card_category
                                         WHERE kind = 'purchase' AND month = '2024-05-01' LIMIT 1)
           AND category_id IS NOT DISTINCT FROM (SELECT category_id FROM analytics.spend_by_month_card_category
                                                 WHERE kind = 'purchase' AND month = '2024-05-01' LIMIT 1)" >/dev/null
tampered=$(cl report --year 2024 --format json | json_groups | grep '^2024-05|USD')
compare "report by month reads analytics.spend_by_month_card_category" \
    "$(sql_groups "${KEY[month]}" "$Y" | grep '^2024-05|USD' | awk -F'|' -v OFS='|' '{$3 = $3 + 1; $4 = sprintf("%.2f", $4 + 1000); print}')" \
    "$tampered"
q "$db" "SELECT analytics.refresh_summaries()" >/dev/null
compare "after refresh_summaries the report equals SQL again" \
    "$(sql_groups "${KEY[month]}" "$Y")" "$(cl report --year 2024 --format json | json_groups)"

# --- transactions ---------------------------------------------------------------------
ids_sql=$(q "$db" "SELECT id FROM analytics.transactions ORDER BY posting_date DESC, id DESC")
n_all=$(echo "$ids_sql" | wc -l)
ok "the corpus has more than one page of 1000 rows ($n_all)" test "$n_all" -gt 2000
compare "transactions --limit 0: every row, newest first, across keyset pages" \
    "$ids_sql" "$(cl transactions --limit 0 --format csv | tail -n +2 | cut -d, -f1)"
is "transactions default: 50 rows" "$(cl transactions --format csv | tail -n +2 | wc -l)" "50"
like "the table says there are more" "$(cl transactions -n 3)" 'there are more'
compare "transactions --sort amount: largest size first" \
    "$(q "$db" "SELECT id FROM analytics.transactions ORDER BY abs(amount) DESC, posting_date DESC, id DESC LIMIT 1500")" \
    "$(cl transactions --sort amount --limit 1500 --format csv | tail -n +2 | cut -d, -f1)"
compare "transactions --search (description or merchant, any case) --min --max --year" \
    "$(q "$db" "SELECT t.id FROM analytics.transactions t LEFT JOIN analytics.merchants m ON m.id = t.merchant_id
              WHERE (t.description ILIKE '%coffee%' OR m.name ILIKE '%coffee%') AND abs(t.amount) BETWEEN 5 AND 50
                AND $Y ORDER BY t.posting_date DESC, t.id DESC")" \
    "$(cl transactions --search CoFFee --min 5 --max 50 --year 2024 --limit 0 --format csv | tail -n +2 | cut -d, -f1)"
is "--search treats % and _ as text" "$(cl transactions --search '%' --limit 0 --format csv | tail -n +2 | wc -l)" \
    "$(q "$db" "SELECT count(*) FROM analytics.transactions t LEFT JOIN analytics.merchants m ON m.id = t.merchant_id
              WHERE strpos(t.description, '%') > 0 OR strpos(m.name, '%') > 0")"
json=$(cl transactions -n 20 --kind refund --format json)
is "transactions JSON: refunds only, amounts as exact decimal strings, ids as numbers" "$(echo "$json" | python3 -c '
import json, re, sys
rows = json.load(sys.stdin)
print(len(rows), all(r["kind"] == "refund" and isinstance(r["amount"], str) and re.fullmatch(r"-?[0-9]+\.[0-9]{2}", r["amount"])
                     and isinstance(r["id"], int) and r["card"].count(":") == 1 for r in rows))')" "20 True"

# --- cards and labels -------------------------------------------------------------------
is "cards lists five cards" "$(cl cards --format csv | tail -n +2 | wc -l)" "5"
like "cards shows first and last statement and counts" "$(cl cards --format csv | grep '^citi:')" \
    '^citi:6323,citi,6323,,20[0-9-]+,2024-12-[0-9]+,13,0,[0-9]+,USD'
ok "cards label names a card" cl cards label chase:4101 Travel
like "the label shows in cards" "$(cl cards)" 'chase:4101 +Travel'
compare "--card LABEL selects that card" "$(cl report --year 2024 --by card --card chase:4101 --format csv)" \
    "$(cl report --year 2024 --by card --card travel --format csv)"
like "the label shows in transactions" "$(cl transactions -n 1 --card Travel)" 'Travel \(chase:4101\)'
like "the label shows in report --by card" "$(cl report --year 2024 --by card)" 'chase:4101 +Travel'
ok "an empty label removes it" cl cards label chase:4101 ''
unlike "the label is gone" "$(cl cards)" 'Travel'

# --- coverage of the ingested corpus: citi's June is the gap ------------------------------
cov=$(cl coverage --year 2024 --format json | python3 -c '
import json, sys
for c in json.load(sys.stdin)["cards"]:
    bad = [m + " " + s for m, s in c["months"].items() if s != "ok"]
    print(c["issuer"] + ": " + (", ".join(bad) or "all ok"))')
is "coverage of the corpus: only citi's June is missing" "$cov" \
    "$(printf 'amex_us: all ok\nchase: all ok\nciti: 2024-06 missing\ndbs: all ok\ndiscover: all ok')"
"$CARDLEDGER" coverage --db "$db" --year 2024 --strict >/dev/null
is "coverage --strict of the corpus exits 1" "$?" "1"
"$CARDLEDGER" coverage --db "$db" --year 2024 --strict --card chase:4101 --card amex_us:5212 >/dev/null
is "coverage --strict of the complete cards exits 0" "$?" "0"

# --- status --format json -----------------------------------------------------------------
is "status --format json: runs, files, failed files, unreconciled statements" "$(cl status --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
r = d["runs"][0]
print(sorted(d), r["status"], r["files_stored"], d["files"]["done"], d["failed_files"]["total"], d["unreconciled"]["total"])')" \
    "['failed_files', 'files', 'runs', 'unreconciled'] done $(count_pdfs "$corpus") $(count_pdfs "$corpus") 0 $(q "$db" "SELECT count(*) FROM raw.statements WHERE NOT reconciled")"

# --- the sanitizer build: no leak or undefined behaviour in the read path ----------------
if [ -x "${CARDLEDGER_ASAN:-}" ]; then
    for args in "report --year 2024 --by merchant --top 3" "report --by week --from 2024-02-10 --to 2024-03-20 --format json" \
                "transactions --limit 1200 --search a --format csv" "transactions --sort amount --kind refund -n 5" \
                "coverage --year 2024 --format json" "coverage --from 2023-11 --to 2024-12" "cards --format json" \
                "status --format json" \
                "report --card 9999"; do
        # shellcheck disable=SC2086
        "$CARDLEDGER_ASAN" $args --db "$db" >/dev/null 2>"$CL_TEST_TMP/asan.err"
        unlike "ASan/UBSan: $args" "$(cat "$CL_TEST_TMP/asan.err")" 'Sanitizer|runtime error|leak'
    done
fi

# --- bad input: one line naming the option, exit 2 ---------------------------------------
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
bad "unknown card" "--card '9999'.*no card" report --card 9999
bad "unknown ISSUER:LAST4" "--card 'nobank:4101'" transactions --card nobank:4101
bad "a bad date" "--from '2024-02-30'.*not a date" report --from 2024-02-30
bad "a bad --to" "--to 'tomorrow'" transactions --to tomorrow
bad "--by nonsense" "--by 'nonsense'.*month\|week" report --by nonsense
bad "an unknown kind" "--kind 'shopping'.*purchase" report --kind shopping
bad "an unknown category" "--category 'Nope'" report --category Nope
bad "a bad year" "--year '24'" report --year 24
bad "--year with --from" "--year and --from" report --year 2024 --from 2024-01
bad "--from after --to" "--from 2024-05 is after --to 2024-01" report --from 2024-05 --to 2024-01
bad "a bad amount" "--min '12,50'" transactions --min 12,50
bad "a bad --sort" "--sort 'size'" transactions --sort size
bad "a bad --format" "--format 'xml'" report --format xml
bad "a bad --limit" "--limit" transactions --limit -1
bad "cards label without a name" "label takes" cards label chase:4101
bad "cards label of an unknown card" "card 'chase:0000'" cards label chase:0000 X
bad "a 4-digit label" "label '1234'" cards label chase:4101 1234

done_testing
