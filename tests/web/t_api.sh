#!/usr/bin/env bash
# t_api.sh - `cardledger serve`'s JSON API against SQL, every bad parameter
# (400), the Host check (421), traversal (404), the token (401), the
# security headers, the read-only role and a clean stop. Served by the
# sanitizer build.
. "$CL_SRC/tests/lib.sh"
. "$CL_SRC/tests/web/lib_web.sh"

dsn=$(web_dataset api) || { echo "not ok 1 - could not build the test database"; exit 1; }
serve_start "$CARDLEDGER_ASAN" --db "$dsn" --threads 3
_tap_result $? "serve starts on a free loopback port"
trap 'serve_stop' EXIT

# ---- figures against SQL ------------------------------------------------------------
while IFS=$'\t' read -r st desc detail; do
    _tap_result "$st" "$desc"
    [ "$st" = 0 ] || echo "#   $detail" | cut -c1-400
done < <(python3 "$CL_SRC/tests/web/api_check.py" "$SERVE_URL" "$dsn" 2>&1 || echo $'1\tapi_check.py ran to the end')

# ---- every endpoint -----------------------------------------------------------------------
for ep in "summary?year=2024" "report?by=month&year=2024" "transactions?limit=5" "coverage?year=2024" \
          cards categories imports; do
    r=$(http "/api/$ep")
    is "GET /api/$ep is 200 JSON" "${r%% *} $(jget "${r#* }" 'type(j).__name__')" "200 dict"
done
r=$(http "/api/coverage?year=2024")
is "coverage: citi's left-out 2024-06 is missing" \
    "$(jget "${r#* }" '[c["months"]["2024-06"] for c in j["cards"] if c["card_last4"] == "6323"][0]')" missing
is "coverage: chase's 2024-06 is ok" \
    "$(jget "${r#* }" '[c["months"]["2024-06"] for c in j["cards"] if c["card_last4"] == "4101"][0]')" ok
like "coverage: the missing month has a detail" \
    "$(jget "${r#* }" '[p["detail"] for c in j["cards"] if c["card_last4"] == "6323" for p in c["problems"] if p["month"] == "2024-06"]')" "[0-9]{4}-[0-9]{2}"
r=$(http "/api/imports")
is "imports: the ingest run is listed" "$(jget "${r#* }" 'j["runs"][0]["status"]')" done
r=$(http "/api/categories")
like "categories: the kinds come along" "$(jget "${r#* }" '[k["kind"] for k in j["kinds"]]')" "purchase.*|payment"

# ---- bad parameters: 400 naming the parameter ---------------------------------------------
while read -r path param; do
    r=$(http "$path")
    is "GET $path is 400 naming '$param'" "${r%% *} $(jget "${r#* }" 'j["param"]') $(jget "${r#* }" 'bool(j["error"])')" \
        "400 $param True"
done <<'EOF_BAD'
/api/summary?from=2024-1-01 from
/api/summary?to=2024-02-30 to
/api/summary?from=2024-05-01&to=2024-04-01 from
/api/summary?year=abc year
/api/summary?card=9999 card
/api/summary?card=nobank:4101 card
/api/summary?category=NoSuchCategory category
/api/summary?kind=gift kind
/api/summary?min=-5 min
/api/summary?max=12.345 max
/api/summary?min=50&max=10 min
/api/summary?nonsense=1 nonsense
/api/report?by=fortnight by
/api/report?by=month&top=0 top
/api/report?by=category&split=category split
/api/report?by=month&split=card split
/api/transactions?limit=0 limit
/api/transactions?limit=501 limit
/api/transactions?sort=merchant sort
/api/transactions?after=not-a-cursor after
/api/coverage?from=2024-13 from
/api/coverage?year=2024&from=2024-01 year
/api/coverage?kind=purchase kind
/api/imports?limit=x limit
/api/cards?card=4101 card
EOF_BAD
long=$(printf 'x%.0s' $(seq 1 201))
r=$(http "/api/transactions?q=$long")
is "a search longer than 200 characters is 400 naming q" "${r%% *} $(jget "${r#* }" 'j["param"]')" "400 q"
r=$(http "/api/transactions?$(printf 'card=4101&%.0s' $(seq 1 70))")
is "more than 64 parameters is 400" "${r%% *}" 400
r=$(http "/api/transactions?q=$(printf 'y%.0s' $(seq 1 5000))")
is "a query string over 4096 bytes is 414" "${r%% *}" 414

# ---- what is served and to whom --------------------------------------------------------------
for path in /nope /api/nope /../../etc/passwd /%2e%2e/%2e%2e/etc/passwd /assets/../app.js //etc/passwd /.git/config; do
    r=$(http "$path")
    is "GET $path is 404" "${r%% *}" 404
done
for path in / /app.js /app.css /chart.min.js /favicon.svg; do
    r=$(http "$path")
    is "GET $path is 200" "${r%% *}" 200
done
like "the page loads Chart.js from the binary, no CDN" "$(curl -s "$SERVE_URL/")" 'src="/chart.min.js"'
unlike "the page has no inline script" "$(curl -s "$SERVE_URL/")" '<script>|<script [^>]*>[^<]|on(click|load)='
like "the page embeds Debian's Chart.js" "$(curl -s "$SERVE_URL/chart.min.js" | head -c 300)" 'Chart.js v[0-9]'
headers=$(curl -s -D - -o /dev/null "$SERVE_URL/api/cards")
like "CSP: self only, no inline script" "$headers" "Content-Security-Policy: default-src 'none'; script-src 'self';"
like "CSP: frame-ancestors 'none'" "$headers" "frame-ancestors 'none'"
unlike "CSP: no external origin or unsafe-inline" "$(grep -i '^Content-Security-Policy' <<<"$headers")" "unsafe|https?:|\\*"
like "X-Content-Type-Options: nosniff" "$headers" "X-Content-Type-Options: nosniff"
like "Referrer-Policy: no-referrer" "$headers" "Referrer-Policy: no-referrer"
like "API answers are not cached" "$headers" "Cache-Control: no-store"
headers404=$(curl -s -D - -o /dev/null "$SERVE_URL/nope")
like "security headers on a 404 too" "$headers404" "X-Content-Type-Options: nosniff"
r=$(http /api/cards -H 'Host: evil.example:8080')
is "a foreign Host header is refused (DNS rebinding): 421" "${r%% *}" 421
r=$(http / -H "Host: localhost:${SERVE_URL##*:}")
is "Host localhost:PORT is served" "${r%% *}" 200
r=$(http /api/cards -X POST -d x=1)
is "POST is 405" "${r%% *}" 405
r=$(http /api/cards -X DELETE)
is "DELETE is 405" "${r%% *}" 405
r=$(http /api/cards -X GET -d x=1)
is "a GET with a body is 413" "${r%% *}" 413
like "connections are kept alive between requests" \
    "$(curl -sv -o /dev/null "$SERVE_URL/api/cards" -o /dev/null "$SERVE_URL/app.js" 2>&1)" "Re-using existing connection"

# ---- the read-only role -----------------------------------------------------------------------
out=$(psql "$dsn" -qAtX -c "BEGIN; SET LOCAL ROLE cardledger_reader; DELETE FROM analytics.transactions" 2>&1)
like "cardledger_reader cannot change the data" "$out" "permission denied|read-only"
out=$(psql "$dsn" -qAtX -c "BEGIN; SET LOCAL ROLE cardledger_reader; SELECT count(*) FROM raw.pages" 2>&1)
like "cardledger_reader cannot read page text" "$out" "permission denied"
out=$(psql "$dsn" -qAtX -c "BEGIN; SET LOCAL ROLE cardledger_reader; SELECT count(*) > 0 FROM analytics.transactions_v" 2>&1)
is "cardledger_reader reads the analytics views" "$out" t
out=$(psql "$dsn" -qAtX -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'cardledger' AND datname = current_database() AND state LIKE 'idle%'")
[ "$out" -ge 1 ] 2>/dev/null
_tap_result $? "the server keeps its connections open between requests ($out)"

# ---- one log line per request, never the token -------------------------------------------------
n_before=$(grep -c '"event":"http_request"' "$SERVE_LOG")
http /api/cards >/dev/null
http /nope >/dev/null
sleep 0.2
n_after=$(grep -c '"event":"http_request"' "$SERVE_LOG")
is "one log event per request" "$((n_after - n_before))" 2
like "the log event has method, path, status and ms" "$(grep '"path":"/nope"' "$SERVE_LOG" | tail -1)" \
    '"method":"GET","path":"/nope","status":404,"ms":[0-9.]+'

serve_stop
_tap_result $? "SIGTERM stops the server cleanly (exit 0)"
like "and it says so" "$(tail -2 "$SERVE_LOG")" serve_stopped

# ---- the token ------------------------------------------------------------------------------------
tok=$CL_TEST_TMP/token.$$
printf 'abcdefghijklmnopqrstuvwx0123\n' >"$tok"
chmod 644 "$tok"
out=$("$CARDLEDGER" serve --db "$dsn" --listen 127.0.0.1:0 --token-file "$tok" 2>&1)
is "a token file others can read is refused (exit 2)" "$?" 2
like "naming the file and the fix" "$out" "token-file .*mode 0644.*chmod 600"
out=$("$CARDLEDGER" serve --db "$dsn" --listen 0.0.0.0:0 2>&1)
is "a non-loopback address without --token-file is refused (exit 2)" "$?" 2
like "saying why" "$out" "not a loopback address: it needs --token-file"
chmod 600 "$tok"
serve_start "$CARDLEDGER_ASAN" --db "$dsn" --listen 0.0.0.0:0 --token-file "$tok"
_tap_result $? "serve starts on every interface with a token file of mode 0600"
r=$(http /api/cards)
is "no token: 401" "${r%% *}" 401
r=$(http /)
is "no token, the page: 401" "${r%% *}" 401
r=$(http /api/cards -H 'Authorization: Bearer abcdefghijklmnopqrstuvwx0124')
is "wrong token: 401" "${r%% *}" 401
r=$(http /api/cards -H 'Authorization: Bearer abcdefghijklmnopqrstuvwx012')
is "a prefix of the token: 401" "${r%% *}" 401
r=$(http /api/cards -H 'Authorization: Bearer abcdefghijklmnopqrstuvwx0123')
is "the token as a bearer header: 200" "${r%% *}" 200
r=$(http '/login?token=wrong')
is "/login with a wrong token: 401" "${r%% *}" 401
hdr=$(curl -s -D - -o /dev/null "$SERVE_URL/login?token=abcdefghijklmnopqrstuvwx0123")
like "/login with the token sets an HttpOnly SameSite cookie and redirects" "$hdr" \
    "Set-Cookie: cardledger_token=[^;]+; Path=/; HttpOnly; SameSite=Strict"
like "... to /" "$hdr" "HTTP/1.1 303"
r=$(http /api/cards -H 'Cookie: cardledger_token=abcdefghijklmnopqrstuvwx0123')
is "the cookie: 200" "${r%% *}" 200
port=${SERVE_URL##*:}
r=$(http /api/cards -H "Host: $(hostname):$port" -H 'Authorization: Bearer abcdefghijklmnopqrstuvwx0123')
is "on every interface, the machine's host name is a valid Host" "${r%% *}" 200
r=$(http /api/cards -H "Host: evil.example:$port" -H 'Authorization: Bearer abcdefghijklmnopqrstuvwx0123')
is "and a foreign one is still refused, token or not" "${r%% *}" 421
sleep 0.2
unlike "the token never reaches the log" "$(cat "$SERVE_LOG")" "abcdefghijklmnopqrstuvwx0123"
serve_stop

ok "--help lists serve" sh -c "'$CARDLEDGER' --help | grep -q 'serve'"
out=$("$CARDLEDGER" serve --listen 127.0.0.1:99999 2>&1)
is "--listen with a bad port is a usage error (exit 2)" "$?" 2
like "naming --listen" "$out" "listen"
trap - EXIT
unlike "the sanitizer build of serve reported nothing" "$(cat "$CL_TEST_TMP"/serve.$$.*.log)" \
    "AddressSanitizer|LeakSanitizer|runtime error"
done_testing
