#!/usr/bin/env bash
# t_accounts.sh - statements of issuers without a profile, bank accounts
# among them (statement-gen's eu_card, us_checking and savings layouts, read
# by the generic profile), ingested: the database equals the ground truth,
# each statement stored with its kind (card or account) and keyed by its
# card or account number, account rows with the account kinds.
source "$CL_SRC/tests/lib.sh"
source "$CL_SRC/tests/ingest/lib_ingest.sh"
ingest_skip_unless_ready

corpus=$CL_TEST_TMP/t_accounts/corpus
rm -rf "$corpus" && mkdir -p "$corpus"
for p in eu_card us_checking savings; do
    "$STATEMENT_GEN" --profile $p --card 4417 --from 2024-11 --months 3 --seed 21 --out "$corpus/$p" >/dev/null
done
is "9 statements generated" "$(count_pdfs "$corpus")" 9
db=$(new_db accounts)
"$CARDLEDGER" migrate up --db "$db" >/dev/null 2>&1
ingest "$db" "$corpus"
is "ingest exits 0" "$?" "0"
same_as_truth "the database equals the ground truth" "$db" "$corpus"
is "every statement reconciles" "$(q "$db" "SELECT count(*) FILTER (WHERE reconciled) || '/' || count(*) FROM raw.statements")" "9/9"
is "statement kinds: the card's and the two accounts'" \
    "$(q "$db" "SELECT statement_kind || ':' || count(*) FROM raw.statements GROUP BY statement_kind ORDER BY statement_kind")" \
    "$(printf 'account:6\ncard:3')"
is "keyed by the printed card or account number" \
    "$(q "$db" "SELECT string_agg(DISTINCT card_last4, ',') FROM raw.statements")" "4417"
is "account rows have account kinds only" \
    "$(q "$db" "SELECT count(*) FROM analytics.transactions t JOIN raw.statements s ON s.id = t.statement_id
                WHERE s.statement_kind = 'account'
                  AND t.kind NOT IN ('deposit', 'withdrawal', 'transfer', 'fee', 'interest')")" "0"
ok "account rows include deposits and withdrawals" test "$(q "$db" "SELECT count(DISTINCT t.kind) FROM analytics.transactions t
    JOIN raw.statements s ON s.id = t.statement_id WHERE s.statement_kind = 'account' AND t.kind IN ('deposit', 'withdrawal')")" = 2
summaries_exact "summary tables equal a fresh aggregation" "$db"
done_testing
