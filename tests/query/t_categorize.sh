#!/usr/bin/env bash
# t_categorize.sh - categories on a statement-gen corpus of every profile:
# kinds as the ground truth says, payments/fees/interest by their kind,
# merchants by the default rules and the user's rules (first), the same
# rules at ingest and in `categorize`; --dry-run changes nothing; summaries
# equal analytics.refresh_summaries() after every change; --set and
# --merchant overrides survive re-ingest and later runs; --uncategorized;
# bad input is one line and exit 2; migration 0005 down restores 0004.
source "$CL_SRC/tests/lib.sh"
source "$CL_SRC/tests/ingest/lib_ingest.sh"
ingest_skip_unless_ready

T=$CL_TEST_TMP/t_categorize
rm -rf "$T"
mkdir -p "$T"
corpus=$T/corpus
ingest_corpus "$corpus"
db=$(new_db categorize)
export XDG_CONFIG_HOME=$T/config
rules=$XDG_CONFIG_HOME/cardledger/rules
mkdir -p "$(dirname "$rules")"
cat_of() { q "$db" "SELECT coalesce(c.name, '(none)') FROM analytics.categories c WHERE c.id = ($1)"; }
# Output on one line, for patterns across its lines.
cz() { "$CARDLEDGER" categorize --db "$db" "$@" 2>"$T/cz.err" | tr '\n' ' '; return "${PIPESTATUS[0]}"; }

# summaries_as_refresh DESC: the summary tables equal what
# analytics.refresh_summaries() makes of the transactions (every column).
summaries_as_refresh() {
    is "$1" "$(psql "$db" -qAtX <<'SQL'
BEGIN;
CREATE TEMP TABLE a AS SELECT * FROM analytics.spend_by_month_card_category;
CREATE TEMP TABLE b AS SELECT * FROM analytics.spend_by_month_merchant;
SELECT analytics.refresh_summaries() \g /dev/null
SELECT (SELECT count(*) FROM ((TABLE a EXCEPT ALL TABLE analytics.spend_by_month_card_category)
        UNION ALL (TABLE analytics.spend_by_month_card_category EXCEPT ALL TABLE a)) x)
     + (SELECT count(*) FROM ((TABLE b EXCEPT ALL TABLE analytics.spend_by_month_merchant)
        UNION ALL (TABLE analytics.spend_by_month_merchant EXCEPT ALL TABLE b)) y);
ROLLBACK;
SQL
)" "0"
}

# The state categorize may change, as one digest.
state() {
    q "$db" "SELECT md5(string_agg(x, '|' ORDER BY x)) FROM (
        SELECT 't' || id || ':' || coalesce(category_id, 0) AS x FROM analytics.transactions
        UNION ALL SELECT 'm' || id || ':' || coalesce(category_id, 0) || ':' || coalesce(category_override, 0)
            FROM analytics.merchants
        UNION ALL SELECT 'c' || id || ':' || name || ':' || coalesce(parent_id, 0) FROM analytics.categories
        UNION ALL SELECT 'r' || id || ':' || coalesce(keyword, kind) || ':' || category_id FROM analytics.category_rules
        UNION ALL SELECT 'o' || fingerprint || ':' || category_id FROM analytics.transaction_category_overrides
        UNION ALL SELECT 's' || s::text FROM analytics.spend_by_month_card_category s
        UNION ALL SELECT 'n' || s::text FROM analytics.spend_by_month_merchant s) z"
}

# --- ingest: kinds and categories from the default rules ------------------------
ingest "$db" -j 2 "$corpus"
is "ingest exits 0" "$?" "0"
want=$(python3 - "$corpus" <<'PY'
import glob, json, os, sys
rows = []
for f in glob.glob(os.path.join(sys.argv[1], '**', '*.json'), recursive=True):
    t = json.load(open(f))
    for x in t['transactions']:
        rows.append('|'.join([t['issuer'], x['date'], x['amount'], ' '.join(x['description'].split()), x['kind']]))
print('\n'.join(sorted(rows)))
PY
)
got=$(q "$db" "SELECT c.issuer || '|' || t.transaction_date || '|' || t.amount || '|' || t.description || '|' || t.kind
               FROM analytics.transactions t JOIN analytics.cards c ON c.id = t.card_id" | LC_ALL=C sort)
is "every stored transaction has the kind of its ground truth (every profile)" \
    "$(diff <(echo "$want" | LC_ALL=C sort) <(echo "$got") | grep -c '^[<>]')" "0"
like "the corpus has payments, refunds, fees and interest" \
    "$(q "$db" "SELECT string_agg(DISTINCT kind, ',' ORDER BY kind) FROM analytics.transactions")" \
    '^fee,interest,payment,purchase,refund$'
is "the rules file is stored at ingest (tree, kind and keyword rules)" \
    "$(q "$db" "SELECT (SELECT count(*) > 400 FROM analytics.category_rules WHERE keyword IS NOT NULL),
                       (SELECT count(*) FROM analytics.category_rules WHERE kind IS NOT NULL),
                       (SELECT p.name FROM analytics.categories c JOIN analytics.categories p ON p.id = c.parent_id
                        WHERE c.name = 'Airlines')")" "t|7|Travel"
is "payments, fees and interest take their kind's category, whatever the merchant" \
    "$(q "$db" "SELECT string_agg(DISTINCT t.kind || '=' || coalesce(c.name, '-'), ',' ORDER BY t.kind || '=' || coalesce(c.name, '-'))
               FROM analytics.transactions t LEFT JOIN analytics.categories c ON c.id = t.category_id
               WHERE t.kind IN ('payment', 'fee', 'interest')")" "fee=Fees,interest=Interest,payment=Payments"
is "no purchase or refund is in a kind's category" \
    "$(q "$db" "SELECT count(*) FROM analytics.transactions t JOIN analytics.categories c ON c.id = t.category_id
               WHERE t.kind IN ('purchase', 'refund') AND c.name IN ('Payments', 'Fees', 'Interest')")" "0"
is "merchants by the default rules (coffee, airlines, fuel, cinemas, pharmacies)" \
    "$(q "$db" "SELECT string_agg(DISTINCT c.name, ',' ORDER BY c.name) FROM analytics.merchants m
               JOIN analytics.categories c ON c.id = m.category_id
               WHERE m.name ~ ' (COFFEE|AIR(LINES|WAYS)? TKT|FUEL|CINEMA|PHARMACY)$' AND m.name !~ 'GROCERS|MARKET'")" \
    "Airlines,Coffee Shops,Fuel,Movies & Events,Pharmacies"
ok "most purchases have a category" test "$(q "$db" "SELECT (100 * count(category_id) / count(*)) FROM analytics.transactions WHERE kind = 'purchase'")" -ge 80
summaries_as_refresh "after ingest the summaries equal refresh_summaries()"

# --- categorize with nothing new changes nothing ---------------------------------
before=$(state)
out=$(cz)
is "categorize exits 0" "$?" "0"
like "it reports the rules and what changed" "$out" "rules: [0-9]+ built in \(none of yours: $rules does not exist\).*transactions: 0 of [0-9]+ changed"
is "the rules of ingest and of categorize agree: nothing changed" "$(state)" "$before"

# --- a user's rules come first ------------------------------------------------------
cat >"$rules" <<'RULES'
# mine
My Coffee: coffee, Teahouse
Travel: kind=fee
RULES
out=$(cz --dry-run)
is "--dry-run exits 0" "$?" "0"
like "--dry-run says what would change" "$out" "transactions: [1-9][0-9]* of [0-9]+ would change category.*Coffee Shops -> My Coffee.*dry run: nothing was changed"
is "--dry-run changes nothing (categories, rules, summaries)" "$(state)" "$before"
out=$(cz)
is "categorize with a user rules file exits 0" "$?" "0"
like "it names the user's file" "$out" "\(3 from $rules\), stored"
is "the user's keyword wins over the default one" \
    "$(q "$db" "SELECT count(*) FILTER (WHERE c.name = 'My Coffee') > 0, count(*) FILTER (WHERE c.name IS DISTINCT FROM 'My Coffee')
               FROM analytics.merchants m LEFT JOIN analytics.categories c ON c.id = m.category_id
               WHERE m.name ~ '(^| )(COFFEE|TEAHOUSE)( |$)' AND m.category_override IS NULL")" "t|0"
is "the user's kind rule wins over the default one" \
    "$(q "$db" "SELECT DISTINCT c.name FROM analytics.transactions t JOIN analytics.categories c ON c.id = t.category_id WHERE t.kind = 'fee'")" "Travel"
is "a category only the user names is a top-level category" \
    "$(q "$db" "SELECT count(*) FROM analytics.categories WHERE name = 'My Coffee' AND parent_id IS NULL")" "1"
is "merchants equal analytics.category_for_merchant() (ingest's rule) after categorize" \
    "$(q "$db" "SELECT count(*) FROM analytics.merchants
               WHERE category_id IS DISTINCT FROM coalesce(category_override, analytics.category_for_merchant(name))")" "0"
summaries_as_refresh "after categorize the summaries equal refresh_summaries()"
summaries_exact "and a fresh aggregation of the transactions" "$db"

# --- overrides -------------------------------------------------------------------------
tid=$(q "$db" "SELECT t.id FROM analytics.transactions t JOIN analytics.merchants m ON m.id = t.merchant_id
               WHERE t.kind = 'purchase' AND m.name LIKE '%HARDWARE%' ORDER BY t.id LIMIT 1")
fp=$(q "$db" "SELECT fingerprint FROM analytics.transactions WHERE id = $tid")
out=$(cz --set "$tid" 'gifts & flowers')
is "--set exits 0 (category matched ignoring case)" "$?" "0"
like "--set reports one transaction changed" "$out" "transactions: 1 of 1 changed category"
is "the transaction has its new category" "$(cat_of "SELECT category_id FROM analytics.transactions WHERE id = $tid")" "Gifts & Flowers"
summaries_as_refresh "after --set the summaries equal refresh_summaries()"
merchant=$(q "$db" "SELECT m.name FROM analytics.merchants m JOIN analytics.transactions t ON t.merchant_id = m.id
                    WHERE t.kind = 'purchase' AND m.name LIKE '%BOOKSHOP%' GROUP BY m.name ORDER BY count(*) DESC, 1 LIMIT 1")
n=$(q "$db" "SELECT count(*) FROM analytics.transactions t JOIN analytics.merchants m ON m.id = t.merchant_id
             WHERE m.name = '$merchant' AND t.kind IN ('purchase', 'refund')")
out=$(cz --merchant "$(echo "$merchant" | tr 'A-Z' 'a-z')" Education)
is "--merchant exits 0 (name matched as merchant names are written)" "$?" "0"
like "--merchant re-categorizes that merchant's purchases and refunds" "$out" "merchants: 1 of 1 changed.*transactions: $n of $n changed"
is "the merchant's purchases are all Education" \
    "$(q "$db" "SELECT string_agg(DISTINCT c.name, ',') FROM analytics.transactions t JOIN analytics.merchants m ON m.id = t.merchant_id
               JOIN analytics.categories c ON c.id = t.category_id WHERE m.name = '$merchant'")" "Education"
summaries_as_refresh "after --merchant the summaries equal refresh_summaries()"
cz >/dev/null
is "both overrides survive a categorize run" \
    "$(cat_of "SELECT category_id FROM analytics.transactions WHERE id = $tid"),$(cat_of "SELECT category_id FROM analytics.merchants WHERE name = '$merchant'")" \
    "Gifts & Flowers,Education"

# Re-ingest: the files of the overridden rows are forgotten and read again.
files=$(q "$db" "SELECT DISTINCT f.path FROM raw.source_files f JOIN raw.statements s ON s.source_file_id = f.id
                 JOIN analytics.transactions t ON t.statement_id = s.id
                 JOIN analytics.merchants m ON m.id = t.merchant_id WHERE t.id = $tid OR m.name = '$merchant'")
q "$db" "DELETE FROM raw.source_files WHERE path IN ($(echo "$files" | sed "s/.*/'&'/" | paste -sd,))" >/dev/null
q "$db" "SELECT analytics.refresh_summaries()" >/dev/null
gone=$(q "$db" "SELECT count(*) FROM analytics.transactions WHERE fingerprint = '$fp'")
ingest "$db" "$corpus"
is "re-ingest of $(echo "$files" | wc -l) files exits 0 (the row was gone: $gone)" "$?|$gone" "0|0"
is "the re-ingested row (a new id) keeps its --set category" \
    "$(q "$db" "SELECT t.id <> $tid, c.name FROM analytics.transactions t JOIN analytics.categories c ON c.id = t.category_id
               WHERE t.fingerprint = '$fp'")" "t|Gifts & Flowers"
is "the merchant's re-ingested rows keep its --merchant category" \
    "$(q "$db" "SELECT string_agg(DISTINCT coalesce(c.name, '-'), ',') FROM analytics.transactions t
               JOIN analytics.merchants m ON m.id = t.merchant_id LEFT JOIN analytics.categories c ON c.id = t.category_id
               WHERE m.name = '$merchant'")" "Education"
before=$(state)
cz >/dev/null
is "categorize after re-ingest changes nothing" "$(state)" "$before"
summaries_as_refresh "after re-ingest the summaries equal refresh_summaries()"
out=$(cz --set "$(q "$db" "SELECT id FROM analytics.transactions WHERE fingerprint = '$fp'")" -)
is "--set ID - removes the override" "$(cat_of "SELECT category_id FROM analytics.transactions WHERE fingerprint = '$fp'")|$(q "$db" "SELECT count(*) FROM analytics.transaction_category_overrides")" "Home & Garden|0"

# --- uncategorized ----------------------------------------------------------------------
out=$(cz --uncategorized --top 5)
is "--uncategorized exits 0" "$?" "0"
want=$(q "$db" "SELECT coalesce(m.name, '(no merchant)') || ' ' || t.currency || ' ' || count(*) || ' ' || -sum(t.amount)
               FROM analytics.transactions t JOIN analytics.kinds k ON k.kind = t.kind AND k.is_spend
               LEFT JOIN analytics.merchants m ON m.id = t.merchant_id WHERE t.category_id IS NULL
               GROUP BY m.name, t.currency ORDER BY -sum(t.amount) DESC, coalesce(m.name, ''), t.currency LIMIT 5")
is "--uncategorized --top 5 lists the top 5 by spend, as the transactions say" \
    "$("$CARDLEDGER" categorize --db "$db" --uncategorized --top 5 | tail -n +2 | sed -E 's/  +/ /g; s/ +$//')" "$want"
ok "there are uncategorized merchants to list" test "$(echo "$want" | grep -c .)" -eq 5

# --- bad input: one line, exit 2 -----------------------------------------------------------
bad() { # DESC PATTERN ARGS...
    local desc=$1 pat=$2
    shift 2
    "$CARDLEDGER" categorize --db "$db" "$@" >/dev/null 2>"$T/bad.err"
    is "$desc: exit 2, one line" "$?|$(wc -l <"$T/bad.err")" "2|1"
    like "$desc: names the problem" "$(cat "$T/bad.err")" "$pat"
}
before=$(state)
bad "unknown category" "--set: no category 'Nope'" --set "$tid" Nope
bad "unknown transaction" "--set: no transaction with id 999999999" --set 999999999 Travel
bad "transaction id not a number" "--set: TXN_ID must be a transaction id" --set 12x Travel
bad "--set without a category" "--set needs one CATEGORY" --set "$tid"
bad "unknown merchant" "--merchant: no merchant named 'NO SUCH PLACE'" --merchant 'no such place' Travel
bad "--top out of range" "--top" --uncategorized --top 0
bad "--top without --uncategorized" "--top goes with --uncategorized" --top 3
bad "an argument of its own" "unexpected argument 'Travel'" Travel
printf 'Groceries: ALDI\nnot a rule\n' >"$rules"
bad "a rules line without ':'" "$rules:2: expected 'CATEGORY: MATCH" --dry-run
printf 'Groceries: ALDI,, LIDL\n' >"$rules"
bad "an empty match" "$rules:1: empty match" --dry-run
printf 'Bills: kind=paymnet\n' >"$rules"
bad "an unknown kind" "$rules:1: unknown kind 'paymnet'" --dry-run
is "bad input changed nothing" "$(state)" "$before"
"$CARDLEDGER" ingest --db "$db" --no-progress "$corpus" >/dev/null 2>"$T/bad.err"
is "ingest refuses a bad rules file too: exit 2, one line naming it" "$?|$(wc -l <"$T/bad.err")|$(grep -c "$rules:1" "$T/bad.err")" "2|1|1"
rm -f "$rules"

# --- the sanitizer build over the same work -------------------------------------------------
printf 'Pets: PET SUPPLY\nMine: kind=interest\n' >"$rules"
"$CARDLEDGER_ASAN" categorize --db "$db" >/dev/null 2>"$T/asan.err"
is "ASan+UBSan categorize exits 0" "$?" "0"
unlike "ASan+UBSan: no sanitizer report" "$(cat "$T/asan.err")" 'ERROR: AddressSanitizer|runtime error|LeakSanitizer'
summaries_as_refresh "after the sanitizer run the summaries equal refresh_summaries()"
rm -f "$rules"

# --- migration 0005 down restores 0004 exactly -------------------------------------------------
mdb=$(new_db categorize_mig)
dump() { "$CL_TEST_PGBIN/pg_dump" --schema-only --no-owner "$mdb" | grep -Ev '^(--|\\(un)?restrict |$)'; }
"$CARDLEDGER" migrate up 4 --db "$mdb" >/dev/null 2>&1
at4=$(dump)
like "the schema at 0004 is dumped" "$at4" "CREATE TABLE analytics.kinds"
"$CARDLEDGER" migrate up --db "$mdb" >/dev/null 2>&1 && "$CARDLEDGER" categorize --db "$mdb" >/dev/null 2>&1
is "0005 applies and categorize stores the rules" "$(psql "$mdb" -qAtX -c "SELECT count(*) > 400 FROM analytics.category_rules")" "t"
# 0005 and whatever came after it, down to 0004
"$CARDLEDGER" migrate down "$(psql "$mdb" -qAtX -c "SELECT count(*) FROM cardledger.schema_migrations WHERE version > 4")" \
    --db "$mdb" >/dev/null 2>&1
is "0005 down restores the 0004 schema exactly (pg_dump --schema-only)" "$(diff <(echo "$at4") <(dump) | head -20)" ""
"$CARDLEDGER" migrate up --db "$mdb" >/dev/null 2>&1
is "and up again" "$(psql "$mdb" -qAtX -c "SELECT max(version) FROM cardledger.schema_migrations")" \
    "$(ls "$CL_SRC"/database/migrations/*.up.sql | sed 's|.*/0*\([0-9]*\)_.*|\1|' | sort -n | tail -1)"

done_testing
