# lib_ingest.sh - shared by the ingest suites: a statement-gen corpus with
# its ground truth, and the database's transactions in the same form.
# Source after tests/lib.sh.

# The suites need statement-gen and a parser (`cardledger parse`); until both
# are built, a suite reports nothing instead of failing.
ingest_skip_unless_ready() {
    if [ ! -x "${STATEMENT_GEN:-}" ] || ! "$CARDLEDGER" parse --help >/dev/null 2>&1; then
        echo "1..0 # SKIP statement-gen or the parser is not built"
        exit 0
    fi
}

# Profile ids both statement-gen and the parser know.
ingest_profiles() {
    comm -12 <("$STATEMENT_GEN" --list-profiles | sort) \
             <("$CARDLEDGER" profiles 2>/dev/null | awk 'NR > 1 && NF >= 2 && $1 ~ /^[a-z0-9_]+$/ {print $1}' | sort)
}

# ingest_corpus DIR [MIN_STATEMENTS]: at least MIN (default 200) statements
# across every profile, one card each, consecutive months (deterministic;
# made once per test run and copied by each suite that asks).
ingest_corpus() {
    local dir=$1 min=${2:-200} cache=$CL_TEST_TMP/ingest-corpus-${2:-200}
    if [ ! -f "$cache/.done" ]; then
        rm -rf "$cache"
        mkdir -p "$cache"
        local profiles n months i=0 p
        profiles=$(ingest_profiles)
        n=$(echo "$profiles" | wc -w)
        [ "$n" -gt 0 ] || return 1
        months=$(( (min + n - 1) / n ))
        for p in $profiles; do
            i=$((i + 1))
            "$STATEMENT_GEN" --profile "$p" --card "$(printf '%04d' $(((i * 1237 + 5) % 10000)))" \
                --from 2023-01 --months "$months" --seed "$i" --out "$cache/$p" >/dev/null &
            # two at a time: CI has two cores
            [ $((i % 2)) -eq 0 ] && wait
        done
        wait
        touch "$cache/.done"
    fi
    mkdir -p "$dir"
    cp -r "$cache"/. "$dir"/
    rm -f "$dir/.done"
}

# truth_rows DIR...: every ground-truth transaction under DIRs, one line
# each: issuer|card|date|posting date|DESCRIPTION|amount (sorted).
truth_rows() {
    python3 - "$@" <<'EOF'
import glob, json, os, sys
rows = []
for d in sys.argv[1:]:
    for f in glob.glob(os.path.join(d, '**', '*.json'), recursive=True):
        t = json.load(open(f))
        card = t.get('account_last4') or '0000'
        for x in t['transactions']:
            desc = ' '.join(x['description'].split())
            rows.append('|'.join([t['issuer'], card, x['date'], x.get('posted_date') or x['date'],
                                  desc, x['amount']]))
print('\n'.join(sorted(rows)))
EOF
}

# db_rows DSN: the analytics transactions in the form of truth_rows.
db_rows() {
    psql "$1" -qAtX -c "SELECT c.issuer || '|' || c.card_last4 || '|' || t.transaction_date || '|' ||
                               t.posting_date || '|' || t.description || '|' || t.amount
                        FROM analytics.transactions t JOIN analytics.cards c ON c.id = t.card_id" |
        LC_ALL=C sort
}

# The same sort order for both sides.
sorted() { LC_ALL=C sort; }

q() { psql "$1" -qAtX -c "$2"; }

# same_as_truth DESC DSN DIR...: the database holds exactly the truth.
same_as_truth() {
    local desc=$1 dsn=$2
    shift 2
    local want got
    want=$(truth_rows "$@" | sorted)
    got=$(db_rows "$dsn")
    if [ "$want" = "$got" ]; then
        _tap_result 0 "$desc"
    else
        _tap_result 1 "$desc"
        echo "#   truth $(echo "$want" | grep -c .) rows, database $(echo "$got" | grep -c .) rows; first differences:"
        diff <(echo "$want") <(echo "$got") | head -8 | sed 's/^/#   /'
    fi
}

# summaries_exact DESC DSN: the summary tables equal a fresh aggregation.
summaries_exact() {
    is "$1" "$(q "$2" "
        SELECT (SELECT count(*) FROM (
                  SELECT posting_date, card_id, category_id, kind, currency, count(*)::bigint, sum(amount)
                  FROM analytics.transactions GROUP BY 1, 2, 3, 4, 5
                  EXCEPT SELECT day, card_id, category_id, kind, currency, txn_count, net
                  FROM analytics.spend_by_day_card_category) a)
             + (SELECT count(*) FROM (
                  SELECT day, card_id, category_id, kind, currency, txn_count, net
                  FROM analytics.spend_by_day_card_category
                  EXCEPT SELECT posting_date, card_id, category_id, kind, currency, count(*)::bigint, sum(amount)
                  FROM analytics.transactions GROUP BY 1, 2, 3, 4, 5) b)
             + (SELECT count(*) FROM (
                  SELECT date_trunc('month', posting_date)::date, card_id, merchant_id, category_id, kind,
                         currency, count(*)::bigint, sum(amount)
                  FROM analytics.transactions GROUP BY 1, 2, 3, 4, 5, 6
                  EXCEPT SELECT month, card_id, merchant_id, category_id, kind, currency, txn_count, net
                  FROM analytics.spend_by_month_merchant) c)
             + (SELECT count(*) FROM (
                  SELECT month, card_id, merchant_id, category_id, kind, currency, txn_count, net
                  FROM analytics.spend_by_month_merchant
                  EXCEPT SELECT date_trunc('month', posting_date)::date, card_id, merchant_id, category_id, kind,
                         currency, count(*)::bigint, sum(amount)
                  FROM analytics.transactions GROUP BY 1, 2, 3, 4, 5, 6) d)
             + (SELECT count(*) FROM (
                  SELECT date_trunc('month', posting_date)::date, card_id, category_id, kind, currency,
                         count(*)::bigint, sum(amount)
                  FROM analytics.transactions GROUP BY 1, 2, 3, 4, 5
                  EXCEPT SELECT month, card_id, category_id, kind, currency, txn_count, net
                  FROM analytics.spend_by_month_card_category) e)
             + (SELECT count(*) FROM (
                  SELECT month, card_id, category_id, kind, currency, txn_count, net
                  FROM analytics.spend_by_month_card_category
                  EXCEPT SELECT date_trunc('month', posting_date)::date, card_id, category_id, kind, currency,
                         count(*)::bigint, sum(amount)
                  FROM analytics.transactions GROUP BY 1, 2, 3, 4, 5) f)")" "0"
}

# summaries_exact_v3 DESC DSN: the same for schema 3 (before the kinds of 0004).
summaries_exact_v3() {
    is "$1" "$(q "$2" "
        SELECT (SELECT count(*) FROM (
                  SELECT posting_date, card_id, category_id, currency, count(*)::bigint, sum(amount)
                  FROM analytics.transactions GROUP BY 1, 2, 3, 4
                  EXCEPT SELECT day, card_id, category_id, currency, txn_count, net
                  FROM analytics.spend_by_day_card_category) a)
             + (SELECT count(*) FROM (
                  SELECT day, card_id, category_id, currency, txn_count, net
                  FROM analytics.spend_by_day_card_category
                  EXCEPT SELECT posting_date, card_id, category_id, currency, count(*)::bigint, sum(amount)
                  FROM analytics.transactions GROUP BY 1, 2, 3, 4) b)
             + (SELECT count(*) FROM (
                  SELECT date_trunc('month', posting_date)::date, merchant_id, currency, count(*)::bigint, sum(amount)
                  FROM analytics.transactions GROUP BY 1, 2, 3
                  EXCEPT SELECT month, merchant_id, currency, txn_count, net
                  FROM analytics.spend_by_month_merchant) c)
             + (SELECT count(*) FROM (
                  SELECT date_trunc('month', posting_date)::date, card_id, category_id, currency, count(*)::bigint, sum(amount)
                  FROM analytics.transactions GROUP BY 1, 2, 3, 4
                  EXCEPT SELECT month, card_id, category_id, currency, txn_count, net
                  FROM analytics.spend_by_month_card_category) d)")" "0"
}

# Number of PDFs under DIR.
count_pdfs() { find "$1" -name '*.pdf' | wc -l; }

# ingest DSN ARGS...: run the normal build ($INGEST_BIN if set) without a
# progress bar; output in $CL_TEST_TMP/ingest.out and .err; returns its exit
# status.
ingest() {
    local dsn=$1
    shift
    "${INGEST_BIN:-$CARDLEDGER}" ingest --db "$dsn" --no-progress --log-format json "$@" \
        >"$CL_TEST_TMP/ingest.out" 2>"$CL_TEST_TMP/ingest.err"
}

# summary_value LABEL: a number from the last summary table.
summary_value() {
    grep -E "^ *$1 {2,}[0-9]" "$CL_TEST_TMP/ingest.out" | head -1 | awk '{print $NF}'
}

# wait_until DSN SQL [SECONDS]: poll until SQL returns t (false after the time).
wait_until() {
    local i limit=$(( ${3:-60} * 10 ))
    for ((i = 0; i < limit; i++)); do
        [ "$(psql "$1" -qAtX -c "$2" 2>/dev/null)" = "t" ] && return 0
        sleep 0.1
    done
    return 1
}

# all_or_nothing DESC DSN: no file is half stored (every statement has all
# its raw lines; every done file has its statement, no other file has one).
all_or_nothing() {
    is "$1" "$(q "$2" "
        SELECT (SELECT count(*) FROM raw.statements s
                WHERE s.transaction_count <> (SELECT count(*) FROM raw.transaction_lines l
                                              WHERE l.statement_id = s.id))
             + (SELECT count(*) FROM raw.source_files f
                WHERE (f.status = 'done') <> EXISTS (SELECT 1 FROM raw.statements s
                                                     WHERE s.source_file_id = f.id))")" "0"
}
