#!/usr/bin/env bash
# t_browser.sh - the dashboard in a real browser: Debian's chromium driven
# by playwright-core (tests/web/package-lock.json, installed by
# scripts/install-deps). Screenshots go to BUILD/test-artifacts/web/.
. "$CL_SRC/tests/lib.sh"
. "$CL_SRC/tests/web/lib_web.sh"

web=$CL_SRC/tests/web
if [ ! -x /usr/bin/chromium ] || [ ! -d "$web/node_modules/playwright-core" ]; then
    echo "not ok 1 - chromium or playwright-core missing: run scripts/install-deps"
    exit 1
fi
artifacts=$(dirname "$CARDLEDGER")/test-artifacts/web
mkdir -p "$artifacts"
rm -f "$artifacts"/*.png

dsn=$(web_dataset browser) || { echo "not ok 1 - could not build the test database"; exit 1; }
serve_start "$CARDLEDGER" --db "$dsn"
_tap_result $? "serve starts"
trap 'serve_stop' EXIT

while IFS=$'\t' read -r st desc detail; do
    _tap_result "$st" "$desc"
    [ "$st" = 0 ] || echo "#   $detail" | cut -c1-600
done < <(cd "$web" && timeout 240 node dashboard.test.js "$SERVE_URL" "$dsn" "$artifacts" 2>&1 ||
         echo $'1\tthe browser test ran to the end')
ok "a screenshot at 1280 px is saved" test -s "$artifacts/dashboard-1280.png"
ok "a screenshot at 390 px is saved" test -s "$artifacts/dashboard-390.png"
serve_stop
_tap_result $? "serve stops cleanly"
trap - EXIT
done_testing
