#!/usr/bin/env python3
"""bench/harness.py - `make bench`: every speed figure measured the same way,
beside what a user would otherwise run, as ratios.

    bench/harness.py BUILD_DIR [--size 1k|100k|1m|10m] [--results DIR]

For an ingest size (1k, 100k, 1m): a corpus of statement-gen PDFs across
every layout (10+ cards over 5 years; cached in BUILD_DIR/bench-corpus by its
parameters), ingested into a fresh embedded database with -j = cores (wall,
transactions/s, CPU of cardledger and of the server, peak RSS of the largest
process), the split of time (read and layout, parse, database), the re-run
over the same files; baselines on the same files: `pdftotext -layout` and
`cardledger parse`, one process per file and cores-many at a time, and
`psql \\copy` of the same rows into an empty copy of analytics.transactions
with its indexes (the load floor). Then the read side: every read command
(and the API and Grafana panels, where bench/read_*.py exist) at full range
and one month, 50 runs after warm-up: p50, p95, max. 10m is the read side
only, on the 1m database multiplied tenfold in SQL.

Results: RESULTS_DIR/latest.md (size, figure, ours, baseline, ratio, target,
pass/fail) and latest.json. Targets are reported, never enforced: absolute
times move from run to run; the ratio is what counts.
"""
import argparse
import glob
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

SIZES = {  # transactions, cards per layout, months, read-side runs
    '1k': dict(total=1_000, cards=1, months=2, runs=5),
    '100k': dict(total=100_000, cards=1, months=60, runs=50),
    '1m': dict(total=1_000_000, cards=10, months=60, runs=50),
    '10m': dict(total=1_000_000, cards=10, months=60, runs=50, multiply=10),   # the 1m corpus, x10 in SQL
}


def fmt(v):
    """Figures to read: integers whole, others to three significant places past the point."""
    if float(v).is_integer() and abs(v) >= 100:
        return f'{int(v):,}'
    return f'{v:,.1f}' if abs(v) >= 100 else f'{v:.3f}'


def log(msg):
    print(msg, flush=True)


class Bench:
    def __init__(self, build, size, results):
        self.build = os.path.abspath(build)
        self.src = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        self.cl = os.path.join(self.build, 'cardledger')
        self.gen = os.path.join(self.build, 'statement-gen')
        self.size = size
        self.p = SIZES[size]
        self.results = results
        self.cores = os.cpu_count() or 1
        self.rows = []          # result table rows
        self.home = None
        self.env = dict(os.environ)
        for k in ('CARDLEDGER_DB', 'DATABASE_URL', 'PGHOST', 'PGSERVICE', 'PGHOSTADDR', 'PGDATABASE'):
            self.env.pop(k, None)

    # ---- results ---------------------------------------------------------------
    def add(self, figure, ours, unit, baseline=None, baseline_name=None, ratio=None, target=None,
            passed=None, note=None, speedup=False):
        """ratio is ours / baseline, or baseline / ours when speedup (how many times faster)."""
        row = dict(size=self.size, figure=figure, ours=ours, unit=unit, baseline=baseline,
                   baseline_name=baseline_name, ratio=ratio, target=target, passed=passed, note=note,
                   ratio_is='baseline/ours' if speedup else 'ours/baseline')
        self.rows.append(row)
        if isinstance(ours, int):
            ours = float(ours)
        r = f' ratio {ratio:.2f}' if ratio is not None else ''
        b = f' (baseline {baseline_name}: {fmt(baseline)} {unit})' if baseline is not None else ''
        t = f' target {target}: {"pass" if passed else "FAIL"}' if target else ''
        log(f'  {figure}: {fmt(ours)} {unit}{b}{r}{t}')

    def write(self):
        os.makedirs(self.results, exist_ok=True)
        meta = dict(size=self.size, cores=self.cores, date=time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime()),
                    load_average=os.getloadavg()[0], version=self.version())
        with open(os.path.join(self.results, 'latest.json'), 'w') as f:
            json.dump(dict(meta=meta, results=self.rows), f, indent=1)
        with open(os.path.join(self.results, 'latest.md'), 'w') as f:
            f.write(f'# Benchmark results\n\nSize {self.size}, {self.cores} cores, {meta["date"]}, '
                    f'load average at the end {meta["load_average"]:.2f}, {meta["version"]}. '
                    f'Made by `make bench SIZE={self.size}` (bench/harness.py); see bench/README.md.\n\n')
            f.write('| size | figure | ours | baseline | ratio | target | result |\n')
            f.write('| --- | --- | --- | --- | --- | --- | --- |\n')
            for r in self.rows:
                ours = f'{fmt(r["ours"])} {r["unit"]}'
                base = f'{r["baseline_name"]}: {fmt(r["baseline"])} {r["unit"]}' if r['baseline'] is not None else ''
                ratio = f'{r["ratio"]:.2f}' if r['ratio'] is not None else ''
                res = '' if r['passed'] is None else ('pass' if r['passed'] else 'FAIL')
                note = f' ({r["note"]})' if r.get('note') else ''
                f.write(f'| {r["size"]} | {r["figure"]}{note} | {ours} | {base} | {ratio} | {r["target"] or ""} | {res} |\n')
        log(f'results: {self.results}/latest.md and latest.json')

    def version(self):
        try:
            return subprocess.run([self.cl, '--version'], capture_output=True, text=True).stdout.strip()
        except OSError:
            return '?'

    # ---- corpus ----------------------------------------------------------------
    def layouts(self):
        gen = subprocess.run([self.gen, '--list-profiles'], capture_output=True, text=True, check=True).stdout.split()
        prof = subprocess.run([self.cl, 'profiles'], capture_output=True, text=True, env=self.env).stdout
        known = {l.split()[0] for l in prof.splitlines()[1:] if l.split()}
        return sorted(x for x in gen if x in known)

    def corpus(self):
        lays = self.layouts()
        cards, months = self.p['cards'], self.p['months']
        if self.size == '1k':
            lays = lays[:5]
        stmts = len(lays) * cards * months
        per = max(1, round(self.p['total'] / stmts))
        name = f'h-{len(lays)}x{cards}x{months}x{per}'
        d = os.path.join(self.build, 'bench-corpus', name)
        if not os.path.exists(os.path.join(d, '.complete')):
            log(f'generating {stmts} statements of {per} transactions ({len(lays)} layouts x {cards} cards '
                f'x {months} months) in {d}')
            shutil.rmtree(d, ignore_errors=True)
            os.makedirs(d)
            jobs, i = [], 0
            first_year = 2024 - (months + 11) // 12 + 1
            for lay in lays:
                for c in range(cards):
                    i += 1
                    jobs.append([self.gen, '--profile', lay, '--card', f'{(i * 1237 + 5) % 10000:04d}',
                                 '--from', f'{first_year}-01', '--months', str(months), '--seed', str(i),
                                 '--transactions', str(per), '--out', os.path.join(d, f'{lay}-{c}')])
            self.parallel(jobs)
            for j in glob.glob(os.path.join(d, '**', '*.json'), recursive=True):
                os.remove(j)
            open(os.path.join(d, '.complete'), 'w').close()
        self.pdfs = sorted(glob.glob(os.path.join(d, '**', '*.pdf'), recursive=True))
        self.corpus_dir = d
        log(f'corpus: {len(self.pdfs)} files in {d}')

    def parallel(self, cmds, env=None):
        """Run commands cores-many at a time; wall seconds."""
        t0 = time.monotonic()
        running = []
        for c in cmds:
            while len(running) >= self.cores:
                running.pop(0).wait()
            running.append(subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env))
        for r in running:
            r.wait()
        return time.monotonic() - t0

    # ---- the embedded database ---------------------------------------------------
    def fresh_db(self):
        self.stop_db()
        self.home = tempfile.mkdtemp(prefix='cardledger-bench.')
        os.chmod(self.home, 0o755)
        self.env['CARDLEDGER_HOME'] = self.home
        subprocess.run([self.cl, 'migrate', 'up'], env=self.env, check=True, capture_output=True)
        st = subprocess.run([self.cl, 'db', 'status'], env=self.env, capture_output=True, text=True).stdout
        m = re.search(r'pid (\d+)', st)
        self.server_pid = int(m.group(1)) if m else None

    def stop_db(self):
        if self.home:
            subprocess.run([self.cl, 'db', 'stop'], env=self.env, capture_output=True)
            shutil.rmtree(self.home, ignore_errors=True)
            self.home = None

    def server_cpu(self):
        if not self.server_pid:
            return 0.0
        try:
            f = open(f'/proc/{self.server_pid}/stat').read().rsplit(')', 1)[1].split()
            return (int(f[13]) + int(f[14])) / os.sysconf('SC_CLK_TCK')   # cutime + cstime
        except OSError:
            return 0.0

    def sql(self, q):
        r = subprocess.run([self.cl, 'db', 'psql', '--log-level', 'warn', '--', '-qAtX', '-c', q],
                           env=self.env, capture_output=True, text=True)
        if r.returncode:
            raise RuntimeError(f'sql failed: {q[:80]}: {r.stderr.strip()}')
        return r.stdout.strip()

    # ---- ingest ----------------------------------------------------------------------
    def ingest(self):
        """Wall, inserted, cardledger CPU, peak RSS (MB), server CPU. Measured
        in a process of its own, so its rusage covers that ingest alone."""
        c0 = self.server_cpu()
        probe = (
            'import json, resource, subprocess, sys, time\n'
            't0 = time.monotonic()\n'
            'p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n'
            'wall = time.monotonic() - t0\n'
            'ru = resource.getrusage(resource.RUSAGE_CHILDREN)\n'
            'print(json.dumps(dict(rc=p.returncode, wall=wall, cpu=ru.ru_utime + ru.ru_stime,'
            ' rss=ru.ru_maxrss / 1024, out=p.stdout, err=p.stderr[-800:])))\n')
        r = subprocess.run([sys.executable, '-c', probe, self.cl, 'ingest', '--no-progress', '--log-format', 'json',
                            '--log-level', 'warn', '-j', str(self.cores), self.corpus_dir],
                           env=self.env, capture_output=True, text=True, check=True)
        x = json.loads(r.stdout)
        time.sleep(0.5)   # the sessions' processes exit after their clients
        if x['rc'] not in (0, 1):
            raise RuntimeError(f'ingest exited {x["rc"]}: {x["err"]}')
        ins = 0
        for line in x['out'].splitlines():
            if line.strip().startswith('transactions inserted'):
                ins = int(line.split()[-1])
        return x['wall'], ins, x['cpu'], x['rss'], self.server_cpu() - c0

    def run_ingest_side(self):
        self.fresh_db()
        log(f'ingest -j {self.cores} into a fresh embedded database')
        wall, ins, cpu, rss, scpu = self.ingest()
        self.ingest_wall = wall
        self.add('ingest wall time', wall, 's',
                 target='1m: < 50 s' if self.size == '1m' else None,
                 passed=(wall < 50) if self.size == '1m' else None)
        self.add('ingest transactions per second', ins / wall if wall else 0, 'tx/s')
        self.add('ingest CPU of cardledger (all processes)', cpu, 's')
        self.add('ingest CPU of the database server', scpu, 's')
        self.add('peak resident memory of the largest process', rss, 'MB', target='< 64 MB', passed=rss < 64)
        self.transactions = int(self.sql('SELECT count(*) FROM analytics.transactions'))
        wall2, ins2, _, _, _ = self.ingest()
        big = self.size != '1k'     # targets are for 100k and more; 1k is a smoke run
        self.add('re-run over the same files', wall2, 's', baseline=wall, baseline_name='first run',
                 ratio=wall2 / wall, target='< 2% of the first run' if big else None,
                 passed=wall2 / wall < 0.02 if big else None)

        # Baselines on the same files.
        pdftotext = shutil.which('pdftotext')
        # cardledger takes many files a process (as `parse DIR` does): the
        # files in cores-many slices; pdftotext takes one file a process.
        slices = [self.pdfs[i::self.cores] for i in range(self.cores)]
        parse_wall = self.parallel([[self.cl, 'parse', '--log-level', 'error', *sl] for sl in slices if sl])
        layout_wall = self.parallel([[self.cl, 'layout', '--quiet', '--log-level', 'error', *sl]
                                     for sl in slices if sl])
        if pdftotext:
            ptt = self.parallel([[pdftotext, '-layout', f, '/dev/null'] for f in self.pdfs])
            self.add('cardledger parse, cores-many processes', parse_wall, 's', baseline=ptt,
                     baseline_name='pdftotext -layout, a process per file, cores at a time', ratio=ptt / parse_wall,
                     speedup=True, note='ratio: times faster',
                     target='>= 3x faster' if big else None, passed=ptt / parse_wall >= 3 if big else None)
        floor = self.copy_floor()
        self.add('split: read and layout (cardledger layout)', layout_wall, 's')
        self.add('split: parse (parse - layout)', max(parse_wall - layout_wall, 0), 's')
        self.add('split: database (ingest - parse)', max(wall - parse_wall, 0), 's')
        self.add('ingest against parse + load floor', wall, 's', baseline=parse_wall + floor,
                 baseline_name='parse + psql \\copy', ratio=wall / (parse_wall + floor),
                 target='<= 1.3x' if big else None, passed=wall / (parse_wall + floor) <= 1.3 if big else None)

    def copy_floor(self):
        """psql \\copy of the same rows from CSV into an empty copy of the table with its indexes."""
        csv = os.path.join(self.home, 'rows.csv')
        cols = ('card_id, statement_id, line_seq, transaction_date, posting_date, description, merchant_id, '
                'category_id, amount, currency, foreign_amount, foreign_currency, fingerprint, kind')
        # Through psql: the server may not write where we can read.
        with open(csv, 'w') as f:
            subprocess.run([self.cl, 'db', 'psql', '--log-level', 'warn', '--', '-qAtX', '-c',
                            f'\\copy (SELECT {cols} FROM analytics.transactions) TO STDOUT WITH (FORMAT csv)'],
                           env=self.env, stdout=f, check=True)
        self.sql('DROP TABLE IF EXISTS public.copy_floor; '
                 'CREATE TABLE public.copy_floor (LIKE analytics.transactions INCLUDING DEFAULTS INCLUDING CONSTRAINTS '
                 'INCLUDING INDEXES)')
        # The trigram index is an expression over description: LIKE brings it too.
        t0 = time.monotonic()
        subprocess.run([self.cl, 'db', 'psql', '--log-level', 'warn', '--', '-qAtX', '-c',
                        f"\\copy public.copy_floor ({cols}) FROM '{csv}' WITH (FORMAT csv)"],
                       env=self.env, check=True, capture_output=True)
        floor = time.monotonic() - t0
        self.add('load floor: psql \\copy of the same rows into an indexed copy', floor, 's')
        self.sql('DROP TABLE public.copy_floor')
        os.remove(csv)
        return floor

    # ---- read side -------------------------------------------------------------------------
    def read_queries(self):
        """(name, argv) of every read command, full range and one month."""
        have = lambda c: subprocess.run([self.cl, c, '--help'], capture_output=True).returncode == 0
        span = self.sql("SELECT min(posting_date) || ' ' || max(posting_date) FROM analytics.transactions").split()
        lo, hi = span if len(span) == 2 else ('2020-01-01', '2024-12-31')
        month = hi[:7]
        mlo, mhi = f'{month}-01', hi
        q = []
        rng = {'full range': ['--from', lo, '--to', hi], 'one month': ['--from', mlo, '--to', mhi]}
        if have('report'):
            for r, a in rng.items():
                for by in ('month', 'category', 'merchant', 'card', 'kind'):
                    q.append((f'report --by {by}, {r}', ['report', *a, '--by', by, '--format', 'json']))
        if have('transactions'):
            for r, a in rng.items():
                q.append((f'transactions --limit 50, {r}', ['transactions', *a, '--limit', '50', '--format', 'json']))
            q.append(('transactions --search COFFEE --limit 50, full range',
                      ['transactions', *rng['full range'], '--search', 'COFFEE', '--limit', '50', '--format', 'json']))
        if have('coverage'):
            q.append(('coverage, full range', ['coverage', '--from', lo[:7], '--to', hi[:7], '--format', 'json']))
            q.append(('coverage, one month', ['coverage', '--from', month, '--to', month, '--format', 'json']))
        return q

    def run_read_side(self):
        runs = self.p['runs']
        target = 250 if self.size == '10m' else 100 if self.size in ('1m',) else None
        queries = self.read_queries()
        if not queries:
            log('read side: no read commands in this build (skipped)')
        for name, argv in queries:
            cmd = [self.cl, *argv, '--log-level', 'warn']
            for _ in range(3):   # warm-up
                subprocess.run(cmd, env=self.env, capture_output=True)
            times = []
            for _ in range(runs):
                t0 = time.monotonic()
                r = subprocess.run(cmd, env=self.env, capture_output=True)
                times.append((time.monotonic() - t0) * 1000)
                if r.returncode not in (0, 1):
                    raise RuntimeError(f'{name}: exit {r.returncode}: {r.stderr[-300:]!r}')
            self.add_latency(name + ' (whole command)', times, target)
        # Scripts of the other read paths (API endpoints, Grafana panels):
        # each prints JSON lines {"name": ..., "ms": [...]}.
        for script in sorted(glob.glob(os.path.join(self.src, 'bench', 'read_*.py'))):
            r = subprocess.run([sys.executable, script, self.build, str(runs)], env=self.env,
                               capture_output=True, text=True)
            if r.returncode:
                log(f'{os.path.basename(script)}: failed: {r.stderr.strip()[-300:]}')
                continue
            for line in r.stdout.splitlines():
                try:
                    x = json.loads(line)
                except ValueError:
                    continue
                self.add_latency(x['name'], x['ms'], x.get('target_ms', target and min(target, 50)))

    def add_latency(self, name, times, target_ms):
        times = sorted(times)
        p50 = statistics.median(times)
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        tgt = f'p95 < {target_ms} ms' if target_ms else None
        self.add(f'{name}: p95', p95, 'ms', target=tgt, passed=(p95 < target_ms) if target_ms else None,
                 note=f'p50 {p50:.1f} ms, max {times[-1]:.1f} ms, {len(times)} runs')

    def multiply(self, factor):
        """The 1m database made factor times larger in SQL: every card's rows
        again under new cards (new ids, fingerprints), summaries rebuilt."""
        log(f'multiplying the database {factor}x in SQL')
        for k in range(1, factor):
            self.sql(f"""
                INSERT INTO analytics.cards (issuer, card_last4, label)
                SELECT issuer, lpad(((card_last4::int + {k} * 7919) % 10000)::text, 4, '0'), 'copy {k}'
                FROM analytics.cards WHERE label IS NULL
                ON CONFLICT DO NOTHING""")
            self.sql(f"""
                INSERT INTO analytics.transactions (card_id, statement_id, line_seq, transaction_date, posting_date,
                    description, merchant_id, category_id, amount, currency, foreign_amount, foreign_currency,
                    fingerprint, kind)
                SELECT n.id, t.statement_id, t.line_seq, t.transaction_date, t.posting_date, t.description,
                       t.merchant_id, t.category_id, t.amount, t.currency, t.foreign_amount, t.foreign_currency,
                       t.fingerprint || ':{k}', t.kind
                FROM analytics.transactions t
                JOIN analytics.cards o ON o.id = t.card_id AND o.label IS NULL
                JOIN analytics.cards n ON n.issuer = o.issuer
                 AND n.card_last4 = lpad(((o.card_last4::int + {k} * 7919) % 10000)::text, 4, '0')
                 AND n.label = 'copy {k}'""")
        self.sql('SELECT analytics.refresh_summaries(); VACUUM ANALYZE analytics.transactions')
        self.transactions = int(self.sql('SELECT count(*) FROM analytics.transactions'))
        log(f'database: {self.transactions} transactions')

    def main(self):
        try:
            self.corpus()
            self.run_ingest_side()
            if self.p.get('multiply'):
                self.multiply(self.p['multiply'])
            self.sql('VACUUM ANALYZE')
            self.add('transactions in the database', self.transactions, 'rows')
            self.run_read_side()
            self.write()
        finally:
            self.stop_db()
        return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('build')
    ap.add_argument('--size', default=os.environ.get('SIZE') or '100k', choices=sorted(SIZES))
    ap.add_argument('--results', default=os.environ.get('BENCH_RESULTS_DIR'))
    a = ap.parse_args()
    results = a.results or os.path.join(os.path.dirname(os.path.abspath(__file__)), 'results')
    return Bench(a.build, a.size, results).main()


if __name__ == '__main__':
    sys.exit(main())
