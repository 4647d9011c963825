// dashboard.test.js SERVER_URL DSN ARTIFACTS - the dashboard in Debian's headless
// Chromium (playwright-core): KPI tiles and chart data equal SQL for the same
// filter, filters update the panels and the URL, reload and Back restore the
// state, paging walks every row once, the coverage grid shows the missing
// month, no console errors or failed requests, screenshots at 1280 and 390 px.
// Prints one line per check: "0<TAB>description" or "1<TAB>description<TAB>detail".
'use strict';
const { chromium } = require('playwright-core');
const { execFileSync } = require('child_process');
const path = require('path');

const [SERVER, DSN, ARTIFACTS] = process.argv.slice(2);
const check = (ok, desc, detail = '') =>
  console.log(`${ok ? 0 : 1}\t${desc}${ok ? '' : '\t' + String(detail).replace(/\s+/g, ' ').slice(0, 400)}`);

// Polls with page.evaluate: the page's CSP forbids the string evaluation
// that page.waitForFunction uses, and the test must not bypass the CSP.
async function waitUntil(page, fn, arg, timeout = 20000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(fn, arg)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${fn}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const sql = (q) => execFileSync('psql', [DSN, '-qAtX', '-F', '\t', '-c', q], { encoding: 'utf8' })
  .split('\n').filter(Boolean).map((l) => l.split('\t'));

const BASE = `FROM analytics.transactions t JOIN analytics.kinds k ON k.kind = t.kind
  JOIN analytics.cards cd ON cd.id = t.card_id LEFT JOIN analytics.categories g ON g.id = t.category_id
  LEFT JOIN analytics.merchants m ON m.id = t.merchant_id`;
const Y2024 = `t.posting_date BETWEEN '2024-01-01' AND '2024-12-31'`;
const kpis = (where) => {
  const [r] = sql(`SELECT coalesce(-sum(t.amount) FILTER (WHERE k.is_spend), 0.00), coalesce(sum(t.amount) FILTER (WHERE t.kind = 'refund'), 0.00),
    coalesce(sum(t.amount) FILTER (WHERE t.kind = 'payment'), 0.00), count(*) ${BASE} WHERE ${where}`);
  return { spend: r[0], refunds: r[1], payments: r[2], transactions: r[3] };
};
const spendBy = (key, where) => Object.fromEntries(sql(`SELECT ${key}, -sum(t.amount) FILTER (WHERE k.is_spend) ${BASE}
  WHERE ${where} GROUP BY 1 HAVING count(*) FILTER (WHERE k.is_spend) > 0`).map(([a, b]) => [a, Number(b).toFixed(2)]));

async function loaded(page, previous) {
  await waitUntil(page, (prev) => {
    const l = document.body.dataset.loaded;
    return l && l !== prev && l !== 'error';
  }, previous);
  return page.evaluate(() => document.body.dataset.loaded);
}
const readKpis = (page) => page.evaluate(() => Object.fromEntries(['spend', 'refunds', 'payments', 'transactions']
  .map((k) => [k, document.querySelector(`#kpi-${k} output span`)?.dataset.value])));
const chartData = (page, id) => page.evaluate((cid) => {
  const c = Chart.getChart(document.getElementById(cid));
  return c ? { labels: c.data.labels, datasets: c.data.datasets.map((d) => ({ label: d.label, data: d.data })) } : null;
}, id);
const asMap = (cd) => Object.fromEntries(cd.labels.map((l, i) => [l, Number(cd.datasets[0].data[i]).toFixed(2)]));
const sameMap = (a, b) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const problems = [];
  const watch = (page) => {
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  };
  try {
    // ---- 1280 px, all of 2024 ------------------------------------------------------------
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await ctx.newPage();
    watch(page);
    await page.goto(`${SERVER}/?range=2024`);
    let gen = await loaded(page, null);
    const want = kpis(Y2024);
    const got = await readKpis(page);
    check(JSON.stringify(got) === JSON.stringify(want), 'KPI tiles for 2024 equal SQL', `got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
    check(/^\$\d{1,3}(,\d{3})*\.\d\d$/.test(await page.textContent('#kpi-spend output span')), 'spend is formatted for en-US with its cents',
      await page.textContent('#kpi-spend output span'));

    const cat = await chartData(page, 'chart-category');
    const wantCat = spendBy(`coalesce(g.name, 'Uncategorized')`, Y2024);
    check(cat && sameMap(asMap(cat), wantCat), 'chart by category equals SQL', JSON.stringify(cat && asMap(cat)));
    const card = await chartData(page, 'chart-card');
    const wantCard = spendBy(`cd.issuer || ':' || cd.card_last4`, Y2024);
    check(card && sameMap(asMap(card), wantCard), 'chart by card equals SQL', JSON.stringify(card && asMap(card)));
    const time = await chartData(page, 'chart-time');
    const months = {};
    for (const d of time.datasets) d.data.forEach((v, i) => { months[time.labels[i]] = (months[time.labels[i]] || 0) + Math.round(v * 100); });
    const gotMonths = Object.fromEntries(Object.entries(months).map(([k, v]) => [k, (v / 100).toFixed(2)]));
    check(sameMap(gotMonths, spendBy(`to_char(t.posting_date, 'YYYY-MM')`, Y2024)), 'spend over time (stacked by category) adds up to SQL per month',
      JSON.stringify(gotMonths));
    check(time.datasets.length > 1, 'spend over time is stacked by category', time.datasets.length);
    const merch = await chartData(page, 'chart-merchant');
    const wantMerch = sql(`SELECT coalesce(m.display_name, m.name, '(none)'), -sum(t.amount) FILTER (WHERE k.is_spend) s ${BASE}
      WHERE ${Y2024} GROUP BY 1 ORDER BY s DESC NULLS LAST, 1 LIMIT 15`).map(([n, s]) => [n, Number(s).toFixed(2)]);
    check(JSON.stringify(Object.values(asMap(merch))) === JSON.stringify(wantMerch.map((x) => x[1])), 'top merchants equal SQL', JSON.stringify(asMap(merch)));

    // ---- coverage grid ----------------------------------------------------------------------
    const cell = await page.$('#coverage tr:has(th:text-matches("6323")) td[data-month="2024-06"]');
    check(cell && (await cell.getAttribute('data-state')) === 'missing', "coverage grid: citi's 2024-06 is missing");
    check(cell && /missing – .*\d{4}-\d\d-\d\d/.test(await cell.getAttribute('title')), 'coverage grid: the problem shows on hover', cell && await cell.getAttribute('title'));
    const okCell = await page.$('#coverage tr:has(th:text-matches("4101")) td[data-month="2024-06"]');
    check(okCell && (await okCell.getAttribute('data-state')) === 'ok', "coverage grid: chase's 2024-06 is ok");
    check((await page.$$('#runs tr')).length >= 2, 'recent imports are listed');
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-1280.png'), fullPage: true });

    // ---- a filter: every panel and the URL follow ------------------------------------------------
    await page.selectOption('#card', ['chase:4101']);
    gen = await loaded(page, gen);
    check(new URL(page.url()).searchParams.getAll('card').join() === 'chase:4101', 'the card filter is in the URL', page.url());
    const chaseWhere = `${Y2024} AND cd.issuer = 'chase' AND cd.card_last4 = '4101'`;
    const chase = kpis(chaseWhere);
    check(JSON.stringify(await readKpis(page)) === JSON.stringify(chase), 'KPI tiles follow the card filter', JSON.stringify(await readKpis(page)));
    const card2 = await chartData(page, 'chart-card');
    check(JSON.stringify(card2.labels) === '["chase:4101"]', 'the card chart shows only that card', JSON.stringify(card2.labels));
    const cat2 = await chartData(page, 'chart-category');
    const wantCat2 = spendBy(`coalesce(g.name, 'Uncategorized')`, chaseWhere);
    check(sameMap(asMap(cat2), wantCat2), 'the category chart follows the card filter',
      `${JSON.stringify(asMap(cat2))} want ${JSON.stringify(wantCat2)}`);

    // ---- reload and Back ---------------------------------------------------------------------------
    await page.reload();
    gen = await loaded(page, null);
    const selected = await page.$$eval('#card option:checked', (os) => os.map((o) => o.value));
    check(JSON.stringify(selected) === '["chase:4101"]', 'reload restores the filter from the URL', JSON.stringify(selected));
    check(JSON.stringify(await readKpis(page)) === JSON.stringify(chase), 'reload shows the same figures');

    // Paging: every row of the filter once, newest first.
    const ids = [];
    const firsts = [];      // the first row of each page
    for (let i = 0; i < 100; i++) {
      const rows = await page.$$eval('#txns tbody tr[data-id]', (rs) => rs.map((r) => Number(r.dataset.id)));
      ids.push(...rows);
      firsts.push(rows[0]);
      if (await page.isDisabled('#next')) break;
      await page.click('#next');
      await waitUntil(page, (f) => Number(document.querySelector('#txns tbody tr[data-id]')?.dataset.id) !== f, rows[0]);
    }
    const wantIds = sql(`SELECT t.id ${BASE} WHERE ${chaseWhere}`).map((r) => Number(r[0]));
    check(ids.length === new Set(ids).size && JSON.stringify([...ids].sort((a, b) => a - b)) === JSON.stringify(wantIds.sort((a, b) => a - b)) && firsts.length > 1,
      `paging walks every row once (${ids.length} rows, ${firsts.length} pages)`, `${ids.length} ids, ${new Set(ids).size} distinct, want ${wantIds.length}`);
    await page.click('#prev');
    const before = firsts[firsts.length - 2];
    await waitUntil(page, (f) => Number(document.querySelector('#txns tbody tr[data-id]')?.dataset.id) === f, before).catch(() => {});
    check(Number(await page.getAttribute('#txns tbody tr[data-id]', 'data-id')) === before, 'Previous shows the page before again');

    await page.goBack();   // the reload kept the card URL; Back returns to range=2024 without a card
    gen = await loaded(page, gen);
    const backSel = await page.$$eval('#card option:checked', (os) => os.map((o) => o.value));
    check(backSel.length === 0 && JSON.stringify(await readKpis(page)) === JSON.stringify(want), 'Back restores the previous filter and figures',
      `${page.url()} ${JSON.stringify(backSel)}`);

    // Clicking a merchant filters by it.
    const top = wantMerch[0][0];
    await page.$eval('#chart-merchant', (c) => c.scrollIntoView({ block: 'center' }));
    const box = await page.$eval('#chart-merchant', (c) => {
      const ch = Chart.getChart(c);
      const bar = ch.getDatasetMeta(0).data[0];
      const r = c.getBoundingClientRect();
      return { x: r.left + (bar.x + bar.base) / 2, y: r.top + bar.y };
    });
    await page.mouse.click(box.x, box.y);
    gen = await loaded(page, gen);
    check(new URL(page.url()).searchParams.get('q') === top, 'clicking a merchant filters by it', page.url());
    check(await page.inputValue('#q') === top, 'and shows it in the search box');
    await ctx.close();

    // ---- 390 px, dark, another locale -----------------------------------------------------------------
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE', colorScheme: 'dark', isMobile: true });
    const p2 = await phone.newPage();
    watch(p2);
    await p2.goto(`${SERVER}/?range=2024`);
    await loaded(p2, null);
    const width = await p2.evaluate(() => document.documentElement.scrollWidth);
    check(width <= 390, 'at 390 px nothing is wider than the screen', width);
    const spendText = await p2.textContent('#kpi-spend output span');
    const deWant = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'USD' }).format(Number(want.spend));
    check(spendText === deWant, 'amounts follow the locale (de-DE), to the cent', `${spendText} vs ${deWant}`);
    const bg = await p2.evaluate(() => getComputedStyle(document.body).backgroundColor);
    check(bg === 'rgb(17, 20, 24)', 'dark mode follows the system preference', bg);
    await p2.screenshot({ path: path.join(ARTIFACTS, 'dashboard-390.png'), fullPage: true });
    // The kind filter (its options come from analytics.kinds).
    let g2 = await p2.evaluate(() => document.body.dataset.loaded);
    await p2.selectOption('#kind', ['refund', 'fee']);
    g2 = await loaded(p2, g2);
    check(new URL(p2.url()).searchParams.getAll('kind').sort().join() === 'fee,refund', 'the kind filter is in the URL', p2.url());
    const kindWant = kpis(`${Y2024} AND t.kind IN ('refund', 'fee')`);
    check(JSON.stringify(await readKpis(p2)) === JSON.stringify(kindWant), 'KPI tiles follow the kind filter',
      `${JSON.stringify(await readKpis(p2))} want ${JSON.stringify(kindWant)}`);
    await phone.close();

    check(problems.length === 0, 'no console errors, failed requests or HTTP errors', problems.join('; '));
  } catch (e) {
    check(false, 'the browser session ran to the end', e.stack);
  } finally {
    await browser.close();
  }
})();
