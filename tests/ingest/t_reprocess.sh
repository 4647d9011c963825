#!/usr/bin/env bash
# t_reprocess.sh - `cardledger reprocess` re-reads stored statements from
# raw.pages: with the profiles unchanged nothing changes; after a deliberate
# profile change (a user copy of chase.profile ignoring one merchant's lines)
# exactly that merchant's rows go, their statements stop reconciling, the
# summaries stay equal to analytics.refresh_summaries(), --dry-run changes
# nothing; restoring the profile and reprocessing gives the ground truth back
# with the manual category overrides kept; a statement that no longer parses
# is named and left as it was (exit 1); bad input is one line, exit 2.
source "$CL_SRC/tests/lib.sh"
source "$CL_SRC/tests/ingest/lib_ingest.sh"
ingest_skip_unless_ready

T=$CL_TEST_TMP/t_reprocess
rm -rf "$T"
mkdir -p "$T"
corpus=$T/corpus
ingest_corpus "$corpus" 60
db=$(new_db reprocess)
export XDG_CONFIG_HOME=$T/config
banks=$XDG_CONFIG_HOME/cardledger/banks
mkdir -p "$banks"
ingest "$db" -j 2 "$corpus"
is "ingest exits 0" "$?" "0"
same_as_truth "stored rows are the ground truth" "$db" "$corpus"
R() { "$CARDLEDGER" reprocess --db "$db" "$@" >"$T/r.out" 2>"$T/r.err"; }

summaries_exact() {
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
# Everything reprocess may change, as one digest (ids aside).
state() {
    q "$db" "SELECT md5(string_agg(x, '|' ORDER BY x)) FROM (
        SELECT 't' || fingerprint || posting_date || amount || coalesce(category_id, 0) || kind AS x
            FROM analytics.transactions
        UNION ALL SELECT 's' || issuer || card_last4 || period_end || reconciled || transaction_count
            FROM raw.statements
        UNION ALL SELECT 'l' || count(*) FROM raw.transaction_lines
        UNION ALL SELECT 'p' || count(*) FROM raw.pages
        UNION ALL SELECT 'c' || s::text FROM analytics.spend_by_month_card_category s
        UNION ALL SELECT 'm' || s::text FROM analytics.spend_by_month_merchant s) z"
}

nst=$(q "$db" "SELECT count(*) FROM raw.statements")
nrows=$(q "$db" "SELECT count(*) FROM analytics.transactions")
nrec=$(q "$db" "SELECT count(*) FROM raw.statements WHERE reconciled")

# --- unchanged profiles: nothing changes --------------------------------------------------
s0=$(state)
R
is "reprocess (profiles unchanged) exits 0" "$?$(cat "$T/r.err")" "0"
like "every statement read again, none changed" "$(tail -1 "$T/r.out")" \
     "^$nst statements read again, 0 changed, 0 failed: 0 rows added, 0 removed, 0 amounts changed"
is "the stored state is the same" "$(state)" "$s0"
same_as_truth "rows are still the ground truth" "$db" "$corpus"
summaries_exact "summaries exact after a plain reprocess"

# --- manual overrides ----------------------------------------------------------------------
# a chase row that the profile change below keeps, and a merchant of another card
word=$(q "$db" "SELECT split_part(t.description, ' ', 1) FROM analytics.transactions t
               JOIN analytics.cards c ON c.id = t.card_id WHERE c.issuer = 'chase' AND t.kind = 'purchase'
               GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
ok "a merchant word to drop ($word)" test -n "$word"
keep=$(q "$db" "SELECT t.id FROM analytics.transactions t JOIN analytics.cards c ON c.id = t.card_id
               WHERE c.issuer = 'chase' AND t.kind = 'purchase' AND t.description NOT LIKE '$word%'
               ORDER BY t.id LIMIT 1")
keep_fp=$(q "$db" "SELECT fingerprint FROM analytics.transactions WHERE id = $keep")
"$CARDLEDGER" categorize --db "$db" --set "$keep" Travel >/dev/null 2>"$T/c.err"
is "categorize --set exits 0" "$?$(cat "$T/c.err")" "0"
merch=$(q "$db" "SELECT m.name FROM analytics.merchants m JOIN analytics.transactions t ON t.merchant_id = m.id
                JOIN analytics.cards c ON c.id = t.card_id WHERE c.issuer = 'chase' AND m.name NOT LIKE '$word%'
                AND t.id <> $keep GROUP BY m.name HAVING bool_and(t.kind = 'purchase') ORDER BY count(*) DESC, 1 LIMIT 1")
"$CARDLEDGER" categorize --db "$db" --merchant "$merch" Education >/dev/null 2>"$T/c.err"
is "categorize --merchant exits 0" "$?$(cat "$T/c.err")" "0"
cat_of_fp() { q "$db" "SELECT g.name FROM analytics.transactions t JOIN analytics.categories g ON g.id = t.category_id
                      WHERE t.fingerprint = '$1'"; }
merch_cats() { q "$db" "SELECT string_agg(DISTINCT coalesce(g.name, '-'), ',') FROM analytics.transactions t
                      JOIN analytics.merchants m ON m.id = t.merchant_id LEFT JOIN analytics.categories g
                      ON g.id = t.category_id WHERE m.name = '$merch' AND t.fingerprint <> '$keep_fp'"; }
is "the override is set" "$(cat_of_fp "$keep_fp")" "Travel"
is "the merchant override is set" "$(merch_cats)" "Education"

# --- a deliberate profile change: chase ignores the lines of one merchant ------------------------
drop=$(q "$db" "SELECT count(*) FROM analytics.transactions t JOIN analytics.cards c ON c.id = t.card_id
               WHERE c.issuer = 'chase' AND t.description LIKE '$word %'")
drop_st=$(q "$db" "SELECT count(DISTINCT t.statement_id) FROM analytics.transactions t JOIN analytics.cards c
                  ON c.id = t.card_id JOIN raw.statements s ON s.id = t.statement_id
                  WHERE c.issuer = 'chase' AND t.description LIKE '$word %' AND s.reconciled")
ok "the change touches rows ($drop in $drop_st reconciled statements)" test "$drop" -gt 0
nchase=$(q "$db" "SELECT count(*) FROM raw.statements WHERE issuer = 'chase'")
{ sed '/^\[transactions\]/q' "$CL_SRC/banks/chase.profile"
  printf 'ignore = ^\\s*\\d{1,2}/\\d{1,2}\\S*\\s+%s\\s\n' "$word"
  sed '1,/^\[transactions\]/d' "$CL_SRC/banks/chase.profile"; } >"$banks/chase.profile"
s1=$(state)
R --profile chase --dry-run
is "reprocess --dry-run exits 0" "$?$(cat "$T/r.err")" "0"
like "--dry-run reports the removed rows" "$(tail -1 "$T/r.out")" \
     "^dry run \(nothing changed\): $nchase statements read again, [0-9]+ changed, 0 failed: 0 rows added, $drop removed, 0 amounts changed, 0 newly reconciled, $drop_st no longer reconciled"
is "--dry-run changed nothing" "$(state)" "$s1"
R --profile chase
is "reprocess --profile chase exits 0" "$?$(cat "$T/r.err")" "0"
like "reprocess reports the removed rows" "$(tail -1 "$T/r.out")" \
     "^$nchase statements read again, [0-9]+ changed, 0 failed: 0 rows added, $drop removed, 0 amounts changed, 0 newly reconciled, $drop_st no longer reconciled"
like "a changed statement is named with its counts" "$(head -1 "$T/r.out")" "chase: [0-9]+ -> [0-9]+ rows, \+0 -[1-9]"
is "the rows are gone" "$(q "$db" "SELECT count(*) FROM analytics.transactions")" "$((nrows - drop))"
is "their raw lines too" "$(q "$db" "SELECT count(*) FROM raw.transaction_lines")" "$((nrows - drop))"
is "statement rows replaced, not added" "$(q "$db" "SELECT count(*) FROM raw.statements")" "$nst"
is "their statements no longer reconcile" "$(q "$db" "SELECT count(*) FROM raw.statements WHERE reconciled")" \
   "$((nrec - drop_st))"
summaries_exact "summaries exact after the change"
is "the override kept" "$(cat_of_fp "$keep_fp")" "Travel"
is "the merchant override kept" "$(merch_cats)" "Education"
is "other issuers untouched (--profile)" \
   "$(q "$db" "SELECT count(*) FROM raw.statements s JOIN raw.source_files f ON f.id = s.source_file_id
               WHERE s.issuer <> 'chase' AND f.attempts = 1")" "$((nst - nchase))"

# --- restore the profile: back to the ground truth ---------------------------------------------
rm "$banks/chase.profile"
R --since 2000-01-01
is "reprocess after restoring exits 0" "$?$(cat "$T/r.err")" "0"
like "the rows come back and reconcile" "$(tail -1 "$T/r.out")" \
     "^$nst statements read again, $nchase changed, 0 failed: $drop rows added, 0 removed, 0 amounts changed, $drop_st newly reconciled, 0 no longer reconciled"
same_as_truth "rows are the ground truth again" "$db" "$corpus"
is "reconciled statements as before" "$(q "$db" "SELECT count(*) FROM raw.statements WHERE reconciled")" "$nrec"
summaries_exact "summaries exact after restoring"
is "the override still kept" "$(cat_of_fp "$keep_fp")" "Travel"
is "the merchant override still kept" "$(merch_cats)" "Education"
R --since 2999-01-01
like "--since in the future: nothing to read" "$(tail -1 "$T/r.out")" "^0 statements read again"

# --- a profile that no longer reads the card: the statements move to card 0000, and say so ---------
sed 's/^card = .*/card = (?i)NO SUCH LABEL (?<last4>\d{4})/' "$CL_SRC/banks/chase.profile" >"$banks/chase.profile"
R --profile chase --dry-run
is "a profile losing the card number: exit 0" "$?$(cat "$T/r.err")" "0"
like "every chase statement changed" "$(tail -1 "$T/r.out")" "^dry run \(nothing changed\): $nchase statements read again, $nchase changed, 0 failed"
like "and each says it is read as card 0000 now" "$(grep -c 'now read as chase:0000' "$T/r.out")" "^$nchase\$"

# --- a statement whose stored text no longer parses: named, left as it was ------------------------
rm "$banks/chase.profile"
fid=$(q "$db" "SELECT source_file_id FROM raw.statements WHERE issuer = 'chase' ORDER BY id LIMIT 1")
q "$db" "CREATE TABLE public.kept_pages AS SELECT * FROM raw.pages WHERE source_file_id = $fid;
         UPDATE raw.pages SET layout_text = 'nothing to read here' WHERE source_file_id = $fid" >/dev/null
s2=$(state)
R --profile chase
is "a statement that no longer parses: exit 1" "$?" "1"
is "one stderr line for it" "$(grep -c 'left as it was' "$T/r.err")" "1"
like "the reason is named" "$(head -1 "$T/r.err")" "no statement|no transactions|not"
like "counted as failed" "$(tail -1 "$T/r.out")" "^$nchase statements read again, 0 changed, 1 failed"
is "nothing changed" "$(state)" "$s2"
q "$db" "UPDATE raw.pages p SET layout_text = k.layout_text FROM public.kept_pages k
         WHERE p.source_file_id = k.source_file_id AND p.page_no = k.page_no; DROP TABLE public.kept_pages" >/dev/null

# --- bad input --------------------------------------------------------------------------------
bad() {
    local desc=$1; shift
    R "$@"
    is "$desc: exit 2" "$?" "2"
    is "$desc: one line" "$(wc -l <"$T/r.err")" "1"
}
bad "--since 2024-13-01" --since 2024-13-01
bad "--profile nosuch" --profile nosuch
bad "an argument" extra
like "the unknown profile is named" "$(cat "$T/r.err")" "unexpected argument 'extra'"
done_testing
