#!/usr/bin/env bash
# t_generated.sh - statements made by statement-gen in the layout of each of
# every profile (several months across a year end, an empty one and a
# 400-row one), parsed back by the sanitizer build with detection (layouts
# of issuers without a profile: with the generic profile): every statement
# equals its ground truth. The same statements with --profile
# generic, the stand-in for layouts without a profile: >= 95% of
# transactions found, <= 2% false, and every statement reconciles.
source "$CL_SRC/tests/lib.sh"

T=$CL_TEST_TMP/bank_generated
rm -rf "$T" && mkdir -p "$T"
cmp="python3 $CL_SRC/tests/gen/truth_compare.py"
total=0 correct=0 false=0 statements=0 reconciled=0
for p in $("$STATEMENT_GEN" --list-profiles); do
    d=$T/$p
    "$STATEMENT_GEN" --profile $p --card 4821 --from 2023-11 --months 3 --seed 11 --out "$d" >/dev/null &&
        "$STATEMENT_GEN" --profile $p --card 4821 --from 2024-05 --seed 12 --transactions 0 --out "$d" >/dev/null &&
        "$STATEMENT_GEN" --profile $p --card 4821 --from 2024-06 --seed 13 --transactions 400 --out "$d" >/dev/null
    is "$p: 5 statements generated" "$?:$(ls "$d"/*.pdf | wc -l)" "0:5"
    # Layouts of issuers without a profile are read by the generic one.
    args=()
    grep -q '"issuer":"generic"' "$d"/*.json && args=(--profile generic)
    "$CARDLEDGER_ASAN" parse "${args[@]}" "$d" >"$d.jsonl" 2>"$d.err"
    is "$p: parse exits 0" "$?" 0
    ok "$p: every statement equals its ground truth" $cmp "$d.jsonl" "$d"
    "$CARDLEDGER_ASAN" parse --profile generic "$d" >"$d.generic.jsonl" 2>/dev/null
    read -r e c f < <($cmp --count "$d.generic.jsonl" "$d")
    echo "# generic on $p: $c of $e found, $f false"
    total=$((total + e)) correct=$((correct + c)) false=$((false + f))
    statements=$((statements + $(wc -l <"$d.generic.jsonl")))
    reconciled=$((reconciled + $(grep -c '"reconciled":true' "$d.generic.jsonl")))
done
echo "# generic overall: $correct of $total found, $false false, $reconciled of $statements reconciled"
is "generic profile on generated statements: every one reconciles" "$reconciled" "$statements"
ok "generic profile on generated statements: >= 95% found" test $((correct * 100)) -ge $((total * 95))
ok "generic profile on generated statements: <= 2% false" test $((false * 100)) -le $((total * 2))
done_testing
