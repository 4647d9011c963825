#!/usr/bin/env python3
"""read_api.py BUILD RUNS - the harness's read side for `cardledger serve`:
starts it on the harness's database (the environment says which), asks every
API endpoint for the full range and for one month (3 warm-up requests, then
RUNS timed), and the page's time to draw every panel in headless Chromium
(the Performance API mark cl-rendered-N), when Chromium and playwright-core
are installed. Prints one JSON line per figure: {"name", "ms": [...], "target_ms"}."""
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request

build, runs = sys.argv[1], int(sys.argv[2])
src = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
cl = os.path.join(build, 'cardledger')
size = os.environ.get('SIZE', '100k')
target = 250 if size == '10m' else 50

proc = subprocess.Popen([cl, 'serve', '--listen', '127.0.0.1:0', '--log-level', 'warn'],
                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
try:
    line = proc.stdout.readline()
    m = re.search(r'dashboard at (http://\S+?)/ ', line)
    if not m:
        sys.exit(f'serve did not start: {line!r}')
    url = m.group(1)

    def get(path):
        with urllib.request.urlopen(url + path) as r:
            return json.load(r)

    s = get('/api/summary')
    lo, hi = s.get('first') or '2020-01-01', s.get('last') or '2024-12-31'
    month = f'from={hi[:7]}-01&to={hi}'
    full = f'from={lo}&to={hi}'
    after = get(f'/api/transactions?{full}&limit=50').get('next') or ''
    eps = []
    for rng, q in (('full range', full), ('one month', month)):
        eps += [(f'GET /api/summary, {rng}', f'/api/summary?{q}'),
                (f'GET /api/report?by=month&split=category, {rng}', f'/api/report?{q}&by=month&split=category'),
                (f'GET /api/report?by=category, {rng}', f'/api/report?{q}&by=category'),
                (f'GET /api/report?by=card, {rng}', f'/api/report?{q}&by=card'),
                (f'GET /api/report?by=merchant&top=15, {rng}', f'/api/report?{q}&by=merchant&top=15'),
                (f'GET /api/transactions?limit=50, {rng}', f'/api/transactions?{q}&limit=50'),
                (f'GET /api/transactions?limit=50&sort=amount, {rng}', f'/api/transactions?{q}&limit=50&sort=amount')]
    if after:
        eps.append(('GET /api/transactions?limit=50&after= (page 2), full range',
                    f'/api/transactions?{full}&limit=50&after={urllib.parse.quote(after)}'))
    eps += [('GET /api/coverage, full range', f'/api/coverage?from={lo[:7]}&to={hi[:7]}'),
            ('GET /api/cards', '/api/cards'), ('GET /api/categories', '/api/categories'),
            ('GET /api/imports', '/api/imports')]
    for name, path in eps:
        for _ in range(3):
            get(path)
        ms = []
        for _ in range(runs):
            t0 = time.monotonic()
            get(path)
            ms.append((time.monotonic() - t0) * 1000)
        print(json.dumps({'name': name, 'ms': ms, 'target_ms': target}), flush=True)

    node_modules = os.path.join(src, 'tests', 'web', 'node_modules')
    if os.path.exists('/usr/bin/chromium') and os.path.isdir(os.path.join(node_modules, 'playwright-core')):
        r = subprocess.run(['node', os.path.join(src, 'bench', 'bench_page.js'), f'{url}/?range=all', '5', '--json'],
                           env=dict(os.environ, NODE_PATH=node_modules), capture_output=True, text=True)
        for out in r.stdout.splitlines():
            if out.startswith('{'):
                print(out, flush=True)
finally:
    proc.terminate()
    proc.wait()
