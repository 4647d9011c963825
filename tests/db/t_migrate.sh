#!/usr/bin/env bash
# t_migrate.sh - migrations on the scratch PostgreSQL: up, down, up again and
# the schema objects each leaves; concurrent migrators; changed and unknown
# migrations; the migrate command's usage errors.
source "$CL_SRC/tests/lib.sh"

cl=$CARDLEDGER_ASAN     # the sanitizer build: leaks and UB fail the suite
head=$("$CARDLEDGER" --version | sed -E 's/.*schema version ([0-9]+).*/\1/')
# How many migrations there are: versions may leave gaps (numbers are
# assigned per branch), so the count is not the head version.
nmig=$(ls "$CL_SRC"/database/migrations/*.up.sql | wc -l)
q() { psql "$1" -qAtX -c "$2"; }

# Every relation and function of the two tiers, as "schema.name kind".
objects() {
    q "$1" "SELECT n.nspname || '.' || c.relname || ' ' || c.relkind::text FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname IN ('raw', 'analytics')
            UNION ALL
            SELECT n.nspname || '.' || p.proname || ' f' FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname IN ('raw', 'analytics') ORDER BY 1"
}

expected="raw.source_files r
raw.source_files_sha256_key i
raw.source_files_pending_idx i
raw.statements r
raw.statements_issuer_card_last4_period_end_key i
raw.statements_source_file_idx i
raw.pages r
raw.pages_pkey i
raw.transaction_lines r
raw.transaction_lines_pkey i
analytics.cards r
analytics.cards_issuer_card_last4_key i
analytics.merchants r
analytics.merchants_name_key i
analytics.categories r
analytics.categories_name_key i
analytics.transactions p
analytics.transactions_default r
analytics.transactions_pkey I
analytics.transactions_fingerprint_posting_date_key I
analytics.transactions_card_idx I
analytics.transactions_category_idx I
analytics.transactions_merchant_idx I
analytics.transactions_statement_idx I
analytics.transactions_description_trgm_idx I
analytics.spend_by_month_card_category r
analytics.spend_by_month_card_category_key i
analytics.spend_by_day_card_category v
analytics.spend_by_month_merchant r
analytics.spend_by_month_merchant_key i
analytics.ensure_partitions f
analytics.refresh_summaries f
analytics.kinds r
analytics.kinds_pkey i
analytics.kind_from_text f
analytics.transactions_v v
analytics.monthly_spend_v v
analytics.statement_chain_v v"

check_schema() { # DSN LABEL
    local have missing
    have=$(objects "$1")
    missing=$(comm -23 <(echo "$expected" | sort) <(echo "$have" | sort))
    is "$2: every expected table, partitioned table, view, index and function exists" "$missing" ""
    is "$2: transactions are range-partitioned on posting_date" \
        "$(q "$1" "SELECT pg_get_partkeydef('analytics.transactions'::regclass)")" "RANGE (posting_date)"
    is "$2: amount is numeric(14,2)" \
        "$(q "$1" "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'analytics.transactions'::regclass AND attname = 'amount'")" \
        "numeric(14,2)"
    like "$2: description search uses a pg_trgm GIN index" \
        "$(q "$1" "SELECT indexdef FROM pg_indexes WHERE indexname = 'transactions_description_trgm_idx'")" \
        "USING gin \(description gin_trgm_ops\)"
    is "$2: the summary tables each have a unique key (upserts by each file)" \
        "$(q "$1" "SELECT count(DISTINCT indrelid) FROM pg_index WHERE indisunique AND indrelid IN
                   ('analytics.spend_by_month_card_category'::regclass, 'analytics.spend_by_month_merchant'::regclass)")" "2"
    is "$2: the primary key of transactions serves date ranges" \
        "$(q "$1" "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'transactions_pkey'")" \
        "PRIMARY KEY (posting_date, id)"
    ok "$2: the summaries rebuild" q "$1" "SELECT analytics.refresh_summaries()"
    is "$2: every table, view and column of raw and analytics has a comment" \
        "$(q "$1" "SELECT string_agg(c.relname || coalesce('.' || a.attname, ''), ' ')
                   FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                   WHERE n.nspname IN ('raw', 'analytics') AND c.relkind IN ('r', 'p', 'v')
                     AND NOT c.relispartition
                     AND (obj_description(c.oid, 'pg_class') IS NULL
                          OR (a.attname IS NOT NULL AND col_description(c.oid, a.attnum) IS NULL))")" ""
    is "$2: spend counts purchases, fees, interest, cash advances and withdrawals less refunds" \
        "$(q "$1" "SELECT string_agg(kind, ',' ORDER BY kind) FROM analytics.kinds WHERE is_spend")" \
        "cash_advance,fee,interest,purchase,refund,withdrawal"
}

# --- up, down, up again -------------------------------------------------------
db=$(new_db migrate)
out=$("$cl" migrate up --db "$db" 2>"$CL_TEST_TMP/up.err")
is "migrate up on an empty database exits 0" "$?" "0"
like "it reports the version reached" "$out" "applied $nmig migrations?; schema version $head"
like "it logs each migration applied" "$(cat "$CL_TEST_TMP/up.err")" "migration_applied.*0001_initial_schema.up.sql"
check_schema "$db" "after up"
is "versions recorded once each" "$(q "$db" "SELECT count(*), count(DISTINCT version), max(version) FROM cardledger.schema_migrations")" "$nmig|$nmig|$head"
is "recorded checksum is the SHA-256 of the up file" \
    "$(q "$db" "SELECT checksum FROM cardledger.schema_migrations WHERE version = 1")" \
    "$(sha256sum "$CL_SRC/database/migrations/0001_initial_schema.up.sql" | cut -d' ' -f1)"
out=$("$cl" migrate up --db "$db" 2>/dev/null)
like "a second up applies nothing" "$out" "applied 0 migrations"
like "status lists the migration as applied" "$("$cl" migrate status --db "$db" 2>/dev/null)" "0001 +applied .*0001_initial_schema.up.sql"
ok "verify passes" "$cl" migrate verify --db "$db"

out=$("$cl" migrate down all --db "$db" 2>/dev/null)
is "migrate down all exits 0" "$?" "0"
like "it reports schema version 0" "$out" "reverted $nmig migrations?; schema version 0"
is "no table, view, index or function of either tier is left" "$(objects "$db")" ""
is "no schema of either tier is left" "$(q "$db" "SELECT count(*) FROM pg_namespace WHERE nspname IN ('raw', 'analytics')")" "0"
is "no version recorded" "$(q "$db" "SELECT count(*) FROM cardledger.schema_migrations")" "0"
like "status lists it as pending" "$("$cl" migrate status --db "$db" 2>/dev/null)" "0001 +pending"
like "down on an empty schema reverts nothing" "$("$cl" migrate down --db "$db" 2>/dev/null)" "reverted 0 migrations"

ok "migrate up 1 applies exactly one" "$cl" migrate up 1 --db "$db"
is "schema version is 1" "$(q "$db" "SELECT max(version) FROM cardledger.schema_migrations")" "1"
ok "migrate up again after down" "$cl" migrate up --db "$db"
check_schema "$db" "after up again"
ok "migrate down (one) exits 0" "$cl" migrate down --db "$db"
is "down alone reverts exactly one" "$(q "$db" "SELECT count(*) FROM cardledger.schema_migrations")" "$((nmig - 1))"
ok "and up restores it" "$cl" migrate up --db "$db"

# --- two migrators at once ------------------------------------------------------
for round in 1 2 3; do
    cdb=$(new_db "conc$round")
    "$CARDLEDGER" migrate up --db "$cdb" --log-format json >"$CL_TEST_TMP/a.out" 2>"$CL_TEST_TMP/a.err" &
    pa=$!
    "$CARDLEDGER" migrate up --db "$cdb" --log-format json >"$CL_TEST_TMP/b.out" 2>"$CL_TEST_TMP/b.err" &
    pb=$!
    wait $pa; ra=$?
    wait $pb; rb=$?
    is "round $round: two concurrent migrate up both exit 0" "$ra $rb" "0 0"
    is "round $round: each migration applied exactly once in total" \
        "$(cat "$CL_TEST_TMP/a.err" "$CL_TEST_TMP/b.err" | grep -c '"event":"migration_applied"')" "$nmig"
    is "round $round: each version recorded once" \
        "$(q "$cdb" "SELECT count(*) = count(DISTINCT version) AND count(*) = $nmig FROM cardledger.schema_migrations")" "t"
done
check_schema "$cdb" "after concurrent up"

# --- partitions made by two sessions at once -------------------------------------
# The first holds its transaction open after creating the partition; the
# second waits for it and must then find the partition, not fail.
(psql "$db" -qAtX -c "BEGIN" -c "SELECT analytics.ensure_partitions('2041-03-01', '2041-04-01')" \
    -c "SELECT pg_sleep(0.7)" -c "COMMIT" >"$CL_TEST_TMP/pa.out" 2>&1) &
pa=$!
sleep 0.2
second=$(psql "$db" -qAtX -c "SELECT analytics.ensure_partitions('2041-06-01', '2041-06-30')" 2>&1)
wait $pa
is "first of two concurrent ensure_partitions creates the year" "$(cat "$CL_TEST_TMP/pa.out")" "1"
is "the second, waiting for it, finds it and succeeds" "$second" "0"

# --- a changed applied migration ------------------------------------------------
q "$db" "UPDATE cardledger.schema_migrations SET checksum = repeat('0', 64) WHERE version = 1"
err=$("$cl" migrate verify --db "$db" 2>&1 >/dev/null)
is "verify of a changed migration exits 4" "$?" "4"
like "verify names the file" "$err" "migration file 0001_initial_schema.up.sql has changed"
err=$("$cl" migrate up --db "$db" 2>&1 >/dev/null)
is "up with a changed migration exits 4" "$?" "4"
like "up names the file" "$err" "0001_initial_schema.up.sql has changed"
like "status flags it" "$("$cl" migrate status --db "$db" 2>/dev/null)" "0001 +CHANGED"
fails "status exits non-zero" "$cl" migrate status --db "$db"
fails "down refuses to revert a changed migration" "$cl" migrate down all --db "$db"
q "$db" "UPDATE cardledger.schema_migrations SET checksum = '$(sha256sum "$CL_SRC/database/migrations/0001_initial_schema.up.sql" | cut -d' ' -f1)'"
ok "verify passes once the checksum matches again" "$cl" migrate verify --db "$db"

# The same through real files: $CARDLEDGER_MIGRATIONS_DIR reads a folder.
mdir=$CL_TEST_TMP/migrations
cp -r "$CL_SRC/database/migrations" "$mdir"
fdb=$(new_db files)
ok "migrations from a folder apply" env CARDLEDGER_MIGRATIONS_DIR="$mdir" "$cl" migrate up --db "$fdb"
echo "-- an edit after it was applied" >>"$mdir/0001_initial_schema.up.sql"
err=$(CARDLEDGER_MIGRATIONS_DIR=$mdir "$cl" migrate verify --db "$fdb" 2>&1)
is "verify after editing the applied file exits 4" "$?" "4"
like "and names the edited file" "$err" "0001_initial_schema.up.sql has changed"
err=$(CARDLEDGER_MIGRATIONS_DIR=$mdir "$cl" migrate up --db "$fdb" 2>&1)
is "up after editing the applied file exits 4" "$?" "4"
like "and names it too" "$err" "0001_initial_schema.up.sql"
cp "$CL_SRC/database/migrations/0001_initial_schema.up.sql" "$mdir/"

# A newer migration: applied from the folder, unknown to the built-in set.
printf 'CREATE TABLE analytics.extra (x int);\n' >"$mdir/0999_extra.up.sql"
printf 'DROP TABLE analytics.extra;\n' >"$mdir/0999_extra.down.sql"
ok "a new migration applies" env CARDLEDGER_MIGRATIONS_DIR="$mdir" "$cl" migrate up --db "$fdb"
is "its table exists" "$(q "$fdb" "SELECT to_regclass('analytics.extra') IS NOT NULL")" "t"
err=$("$cl" migrate verify --db "$fdb" 2>&1)
is "a binary that lacks an applied migration fails verify with 4" "$?" "4"
like "naming the unknown migration" "$err" "0999_extra.*does not know"
fails "and refuses up" "$cl" migrate up --db "$fdb"
ok "down from the folder reverts the newest" env CARDLEDGER_MIGRATIONS_DIR="$mdir" "$cl" migrate down --db "$fdb"
is "its table is gone" "$(q "$fdb" "SELECT to_regclass('analytics.extra') IS NULL")" "t"
ok "and the built-in set verifies again" "$cl" migrate verify --db "$fdb"
printf 'CREATE TABLE broken (;\n' >"$mdir/0998_broken.up.sql"
err=$(CARDLEDGER_MIGRATIONS_DIR=$mdir "$cl" migrate up --db "$fdb" 2>&1)
is "a failing migration exits 4" "$?" "4"
like "naming its file" "$err" "migration 0998_broken.up.sql"
is "and leaves no trace (its transaction rolled back)" \
    "$(q "$fdb" "SELECT count(*) FROM cardledger.schema_migrations WHERE version = 998")" "0"

# --- usage -------------------------------------------------------------------------
"$cl" migrate >/dev/null 2>&1; is "migrate without an action is a usage error" "$?" "2"
"$cl" migrate sideways >/dev/null 2>&1; is "an unknown action is a usage error" "$?" "2"
"$cl" migrate up x >/dev/null 2>&1; is "a bad count is a usage error" "$?" "2"
"$cl" migrate up all >/dev/null 2>&1; is "up all is not a thing" "$?" "2"
"$cl" migrate status extra >/dev/null 2>&1; is "extra arguments are a usage error" "$?" "2"
like "migrate --help documents the actions" "$("$cl" migrate --help)" "down \[N\|all\]"

done_testing
