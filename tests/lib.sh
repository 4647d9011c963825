# tests/lib.sh - TAP helpers for shell test scripts. Source it, then call
# `ok "description" cmd...`, `is "desc" "$got" "$want"`, and `done_testing`.
# Environment (set by tests/run): CARDLEDGER, CARDLEDGER_ASAN, STATEMENT_GEN,
# CL_TEST_DSN (a scratch PostgreSQL), CL_TEST_TMP (a scratch directory),
# CL_SRC (the source tree), CL_PEER_CORPUS.
set -u
_tap_n=0
_tap_failed=0

_tap_result() { # status description
    _tap_n=$((_tap_n + 1))
    if [ "$1" -eq 0 ]; then
        echo "ok $_tap_n - $2"
    else
        echo "not ok $_tap_n - $2"
        _tap_failed=$((_tap_failed + 1))
    fi
}

# ok DESC CMD... : passes when CMD exits 0.
ok() {
    local desc=$1; shift
    local out
    if out=$("$@" 2>&1); then
        _tap_result 0 "$desc"
    else
        _tap_result 1 "$desc"
        printf '%s\n' "$out" | head -20 | sed 's/^/#   /'
    fi
}

# fails DESC CMD... : passes when CMD exits non-zero.
fails() {
    local desc=$1; shift
    if "$@" >/dev/null 2>&1; then _tap_result 1 "$desc"; else _tap_result 0 "$desc"; fi
}

# is DESC GOT WANT
is() {
    if [ "$2" = "$3" ]; then
        _tap_result 0 "$1"
    else
        _tap_result 1 "$1"
        printf '#   got:  %s\n#   want: %s\n' "$2" "$3" | head -20
    fi
}

# like DESC TEXT REGEX (grep -E)
like() {
    if printf '%s' "$2" | grep -Eq -- "$3"; then
        _tap_result 0 "$1"
    else
        _tap_result 1 "$1"
        printf '#   text: %s\n#   does not match: %s\n' "$(printf '%s' "$2" | head -5)" "$3"
    fi
}

# unlike DESC TEXT REGEX
unlike() {
    if printf '%s' "$2" | grep -Eq -- "$3"; then
        _tap_result 1 "$1"
        printf '#   text matches: %s\n' "$3"
    else
        _tap_result 0 "$1"
    fi
}

# skip N DESC REASON : N tests that are not run, reported as skipped.
skip() {
    local i
    for ((i = 0; i < $1; i++)); do
        _tap_n=$((_tap_n + 1))
        echo "ok $_tap_n - $2 # SKIP $3"
    done
}

# need_peer_corpus: status 0 when the peer corpus is there. Without it the
# tests that need it are skipped, except in CI (CI=true), where its absence
# is one failure.
need_peer_corpus() {
    [ -d "$CL_PEER_CORPUS/cases" ] && return 0
    [ "${CI:-}" = true ] && _tap_result 1 "peer corpus not found at $CL_PEER_CORPUS (required when CI=true)"
    return 1
}

# skip_all REASON : ends a suite none of whose tests can run (after a
# failure already reported, as a failure).
skip_all() {
    if [ "$_tap_failed" -ne 0 ]; then
        done_testing
        exit 1
    fi
    echo "1..0 # SKIP $1"
    exit 0
}

# A fresh database on the scratch cluster; prints its DSN.
new_db() {
    local name="t_$1_$$"
    psql "$CL_TEST_DSN" -qAtX -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null
    echo "$CL_TEST_DSN dbname=$name"
}

done_testing() {
    echo "1..$_tap_n"
    [ "$_tap_failed" -eq 0 ]
}
