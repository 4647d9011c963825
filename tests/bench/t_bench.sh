#!/usr/bin/env bash
# t_bench.sh - the benchmark harness at SIZE=1k (a smoke run, so the harness
# cannot rot): it runs end to end into a fresh embedded database and writes
# every figure, with baselines and ratios, as Markdown and JSON.
source "$CL_SRC/tests/lib.sh"
source "$CL_SRC/tests/ingest/lib_ingest.sh"
ingest_skip_unless_ready

out=$CL_TEST_TMP/t_bench
mkdir -p "$out"
# The harness makes its own embedded database under a home of its own.
ok "make bench SIZE=1k runs end to end" env SIZE=1k BENCH_RESULTS_DIR="$out" "$CL_SRC/bench/run" "$(dirname "$CARDLEDGER")"
ok "it writes latest.json" test -s "$out/latest.json"
ok "and latest.md" test -s "$out/latest.md"
check() { python3 - "$out/latest.json" "$@" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
figs = {r['figure']: r for r in d['results']}
what = sys.argv[2]
if what == 'figures':
    need = ['ingest wall time', 'ingest transactions per second', 'ingest CPU of cardledger (all processes)',
            'ingest CPU of the database server', 'peak resident memory of the largest process',
            're-run over the same files', 'load floor: psql \\copy of the same rows into an indexed copy',
            'split: read and layout (cardledger layout)', 'split: parse (parse - layout)',
            'split: database (ingest - parse)', 'ingest against parse + load floor',
            'transactions in the database']
    missing = [n for n in need if n not in figs]
    print(' '.join(missing) or 'all')
elif what == 'ratios':
    want = lambda r: r['baseline'] / r['ours'] if r['ratio_is'] == 'baseline/ours' else r['ours'] / r['baseline']
    bad = [r['figure'] for r in d['results'] if r['baseline'] is not None and
           (not r['ratio'] or abs(r['ratio'] - want(r)) > 1e-6)]
    print(' '.join(bad) or 'consistent')
elif what == 'count':
    print(int(figs['transactions in the database']['ours']))
elif what == 'meta':
    print(d['meta']['size'], d['meta']['cores'] > 0)
PY
}
is "every ingest figure is there" "$(check figures)" "all"
is "every ratio is ours over the baseline" "$(check ratios)" "consistent"
is "the 1k corpus was stored whole" "$(check count)" "1000"
is "the run names its size" "$(check meta)" "1k True"
like "the table has a row per figure with a result column" "$(cat "$out/latest.md")" \
    "\| 1k \| peak resident memory of the largest process \| [0-9.]+ MB \|  \|  \| < 64 MB \| (pass|FAIL) \|"
like "pdftotext is a baseline" "$(cat "$out/latest.md")" "pdftotext -layout"
done_testing
