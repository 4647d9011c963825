#!/usr/bin/env bash
# t_fuzz.sh - a short smoke run of every libFuzzer target (make fuzz runs
# them long): each starts from its seeds, runs FUZZ_SMOKE seconds (default
# 20) and must find no crash, leak, UB or timeout.
source "$CL_SRC/tests/lib.sh"
fb=${FUZZ_BUILD:-$CL_SRC/build-fuzz}
if [ ! -x "$fb/tests/fuzz/fuzz_values" ]; then
    echo "1..0 # SKIP the fuzz build is missing (make fuzz-build)"
    exit 0
fi
for t in fuzz_values fuzz_layout fuzz_parse fuzz_profile fuzz_msg fuzz_api; do
    out=$("$CL_SRC/tests/fuzz/run" "$fb" "${FUZZ_SMOKE:-20}" "$t" 2>&1)
    rc=$?
    is "$t: ${FUZZ_SMOKE:-20} s without a crash ($(printf '%s' "$out" | head -1 | cut -d, -f2-4))" "$rc" "0"
    [ "$rc" -eq 0 ] || printf '%s\n' "$out" | sed 's/^/# /'
done
done_testing
