# lib_web.sh - shared by the dashboard suites: a database of generated
# statements (4 cards, 2023-2024, citi's 2024-06 statement left out so the
# coverage grid has a gap) and a `cardledger serve` on a free port.
# Source after tests/lib.sh.

WEB_CARDS="chase:4101 amex_us:5212 citi:6323 discover:7434"

# web_statements: the PDFs, made once per test run.
web_statements() {
    local dir=$CL_TEST_TMP/web-statements
    if [ ! -f "$dir/.done" ]; then
        rm -rf "$dir"
        local spec p card i=0
        for spec in $WEB_CARDS; do
            p=${spec%%:*} card=${spec##*:}
            i=$((i + 1))
            "$STATEMENT_GEN" --profile "$p" --card "$card" --from 2023-01 --months 24 --seed "$i" \
                --out "$dir/$p" >/dev/null || return 1
        done
        rm -f "$dir"/citi/citi-6323-2024-06.*
        touch "$dir/.done"
    fi
    echo "$dir"
}

# web_dataset NAME: a new database holding the statements; prints its DSN.
web_dataset() {
    local dsn dir
    dir=$(web_statements) || return 1
    dsn=$(new_db "$1") || return 1
    "$CARDLEDGER" ingest --db "$dsn" --no-progress --log-level error "$dir" >/dev/null 2>&1
    [ "$(psql "$dsn" -qAtX -c 'SELECT count(*) > 0 FROM analytics.transactions')" = t ] || return 1
    echo "$dsn"
}

# serve_start BINARY ARGS...: starts `BINARY serve ARGS... --listen 127.0.0.1:0`
# (unless ARGS name --listen); sets SERVE_PID, SERVE_URL, SERVE_LOG.
serve_start() {
    local bin=$1; shift
    local base=$CL_TEST_TMP/serve.$$.$RANDOM listen=(--listen 127.0.0.1:0)
    case " $* " in *" --listen "*) listen=() ;; esac
    SERVE_LOG=$base.log
    "$bin" serve --log-format json "${listen[@]}" "$@" >"$base.out" 2>"$SERVE_LOG" &
    SERVE_PID=$!
    SERVE_URL=
    local i
    for i in $(seq 1 200); do
        SERVE_URL=$(sed -n 's|^cardledger serve: dashboard at \(http://[^ ]*\)/ .*|\1|p' "$base.out")
        [ -n "$SERVE_URL" ] && return 0
        kill -0 "$SERVE_PID" 2>/dev/null || { wait "$SERVE_PID"; return $?; }
        sleep 0.1
    done
    return 1
}

serve_stop() { # [SIGNAL]
    [ -n "${SERVE_PID:-}" ] || return 0
    kill "-${1:-TERM}" "$SERVE_PID" 2>/dev/null
    wait "$SERVE_PID"
    local rc=$?
    SERVE_PID=
    return $rc
}

# http PATH [curl args]: prints "STATUS BODY".
http() {
    local path=$1; shift
    curl -s --path-as-is -o "$CL_TEST_TMP/http.body" -w '%{http_code}' "$@" "$SERVE_URL$path"
    printf ' '
    cat "$CL_TEST_TMP/http.body"
}

# jget JSON EXPR: python expression over the parsed JSON `j`.
jget() {
    python3 -c 'import json,sys; j=json.loads(sys.argv[1]); print(eval(sys.argv[2]))' "$1" "$2"
}
