// app.js - the dashboard: reads the filter state from the URL, asks the JSON
// API for every panel, draws them. Plain JavaScript, no build step; Chart.js
// is Debian's libjs-chart.js, served from the same binary.
'use strict';

const MULTI = ['card', 'category', 'kind'];
const SINGLE = ['range', 'from', 'to', 'q', 'min', 'max', 'sort'];
const PAGE_SIZE = 50;
const charts = {};
let years = [];
let state = {};
let cursors = [null];       // keyset cursors of the pages seen, for Previous
let page = 0;
let generation = 0;         // answers of an older filter state are dropped

const $ = (sel) => document.querySelector(sel);
const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
};

// ---- numbers: exact decimal strings formatted for the locale -------------------

const numberFmt = new Intl.NumberFormat();
function fmtInt(n) { return numberFmt.format(n); }

// Amounts arrive as exact decimal strings; Intl gives the locale's symbol,
// grouping and separator, the digits are the string's own (never rounded).
function fmtAmount(str, currency) {
  if (str === null || str === undefined) return '–';
  const neg = str.startsWith('-');
  const [ip, fp = ''] = (neg ? str.slice(1) : str).split('.');
  let nf;
  try {
    nf = new Intl.NumberFormat(undefined, {style: 'currency', currency,
      minimumFractionDigits: fp.length, maximumFractionDigits: fp.length});
  } catch (e) {
    return `${str} ${currency}`;
  }
  const intText = BigInt(ip || '0').toLocaleString();
  let out = '';
  let intDone = false;
  for (const p of nf.formatToParts(neg ? -1 : 1)) {
    if (p.type === 'integer') { if (!intDone) { out += intText; intDone = true; } }
    else if (p.type === 'group') { /* part of intText */ }
    else if (p.type === 'fraction') out += fp;
    else out += p.value;
  }
  return out;
}
// For chart axes only: the figure as a number (the tooltips show the string).
const num = (s) => Number(s);

// ---- dates and presets ---------------------------------------------------------------

const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
function presetRange(range) {
  const now = new Date();
  const first = (y, m) => new Date(y, m, 1);
  const last = (y, m) => new Date(y, m + 1, 0);
  const y = now.getFullYear(), m = now.getMonth();
  switch (range) {
    case 'month': return [iso(first(y, m)), iso(last(y, m))];
    case 'last3': return [iso(first(y, m - 2)), iso(last(y, m))];
    case 'last12': return [iso(first(y, m - 11)), iso(last(y, m))];
    case 'ytd': return [iso(first(y, 0)), iso(now)];
    case 'all': return [null, null];
    default:
      if (/^\d{4}$/.test(range)) return [`${range}-01-01`, `${range}-12-31`];
      return null;     // custom: from/to as given
  }
}
function grainFor(from, to) {
  if (!from || !to) return 'month';
  const days = (new Date(to) - new Date(from)) / 86400000;
  if (days <= 62) return 'day';
  if (days <= 186) return 'week';
  return 'month';
}

// ---- state <-> URL <-> form -------------------------------------------------------------

function readUrl() {
  const u = new URLSearchParams(location.search);
  const s = {};
  for (const k of SINGLE) if (u.get(k)) s[k] = u.get(k);
  for (const k of MULTI) s[k] = u.getAll(k);
  if (!s.range) s.range = (s.from || s.to) ? 'custom' : 'last12';
  return s;
}
function writeUrl(s, push) {
  const u = new URLSearchParams();
  for (const k of SINGLE) {
    if (!s[k] || ((k === 'from' || k === 'to') && s.range !== 'custom')) continue;
    u.set(k, s[k]);
  }
  for (const k of MULTI) for (const v of s[k] || []) u.append(k, v);
  const url = `${location.pathname}${u.toString() ? '?' + u.toString() : ''}`;
  if (url !== location.pathname + location.search) (push ? history.pushState : history.replaceState).call(history, null, '', url);
}
function toForm(s) {
  $('#range').value = s.range;
  const r = presetRange(s.range);
  $('#from').value = (r ? r[0] : s.from) || '';
  $('#to').value = (r ? r[1] : s.to) || '';
  for (const k of ['q', 'min', 'max']) $('#' + k).value = s[k] || '';
  for (const k of MULTI) for (const o of $('#' + k).options) o.selected = (s[k] || []).includes(o.value);
}
function fromForm() {
  const s = {range: $('#range').value, sort: state.sort};
  if (s.range === 'custom') { s.from = $('#from').value; s.to = $('#to').value; }
  for (const k of ['q', 'min', 'max']) { const v = $('#' + k).value.trim(); if (v) s[k] = v; }
  for (const k of MULTI) s[k] = [...$('#' + k).selectedOptions].map((o) => o.value);
  return s;
}
// The API's filter parameters for a state.
function filterParams(s) {
  const p = new URLSearchParams();
  const r = presetRange(s.range);
  const from = r ? r[0] : s.from, to = r ? r[1] : s.to;
  if (from) p.set('from', from);
  if (to) p.set('to', to);
  for (const k of ['q', 'min', 'max']) if (s[k]) p.set(k, s[k]);
  for (const k of MULTI) for (const v of s[k] || []) p.append(k, v);
  return p;
}

// ---- the API -------------------------------------------------------------------------------

async function api(path, params) {
  const q = params && params.toString();
  const res = await fetch(`/api/${path}${q ? '?' + q : ''}`, {credentials: 'same-origin'});
  const body = await res.json().catch(() => ({error: `HTTP ${res.status}`}));
  if (!res.ok) {
    const err = new Error(body.error + (body.param ? ` (${body.param})` : ''));
    err.status = res.status;
    throw err;
  }
  return body;
}

// ---- panels -----------------------------------------------------------------------------------

const palette = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777',
  '#65a30d', '#ea580c', '#4f46e5', '#0d9488', '#9333ea', '#64748b'];
function chart(id, config) {
  if (charts[id]) charts[id].destroy();
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  Chart.defaults.color = dark ? '#9aa4b0' : '#5b6470';
  Chart.defaults.borderColor = dark ? '#2d343c' : '#d9dde3';
  config.options = Object.assign({responsive: true, maintainAspectRatio: false, animation: false}, config.options || {});
  charts[id] = new Chart(document.getElementById(id), config);
}
// The currency the charts show: the one with the most transactions.
let mainCurrency = null;

function renderKpis(sum) {
  const cs = sum.currencies || [];
  mainCurrency = cs.length ? cs.slice().sort((a, b) => b.transactions - a.transactions)[0].currency : null;
  const put = (id, f) => {
    const out = $(`#kpi-${id} output`);
    out.replaceChildren();
    if (!cs.length) { out.append(el('span', null, '–')); return; }
    for (const c of cs) {
      const [text, raw] = f(c);
      const s = el('span', null, text);
      s.dataset.currency = c.currency;
      s.dataset.value = raw;
      out.append(s);
    }
  };
  put('spend', (c) => [fmtAmount(c.spend, c.currency), c.spend]);
  put('refunds', (c) => [fmtAmount(c.refunds, c.currency), c.refunds]);
  put('payments', (c) => [fmtAmount(c.payments, c.currency), c.payments]);
  put('transactions', (c) => [`${fmtInt(c.transactions)}${cs.length > 1 ? ' ' + c.currency : ''}`, String(c.transactions)]);
  put('average', (c) => [fmtAmount(c.average_per_month, c.currency), c.average_per_month]);
  // A purchase is a charge (negative); the tile shows its size.
  const size = (a) => a.startsWith('-') ? a.slice(1) : a;
  put('largest', (c) => c.largest_purchase
    ? [`${fmtAmount(size(c.largest_purchase.amount), c.currency)} ${c.largest_purchase.merchant || ''}`, c.largest_purchase.amount]
    : ['–', '']);
  const total = cs.reduce((n, c) => n + c.transactions, 0);
  $('#txn-count').textContent = cs.length ? `(${fmtInt(total)})` : '';
}

const ofMain = (rows) => rows.filter((r) => r.currency === mainCurrency);
const tooltipAmount = {callbacks: {label: (ctx) => `${ctx.dataset.label ? ctx.dataset.label + ': ' : ''}${fmtAmount(ctx.raw.s ?? String(ctx.raw), mainCurrency)}`}};

function renderTime(rep, grain) {
  $('#grain').textContent = `(by ${grain}${mainCurrency ? ', ' + mainCurrency : ''})`;
  const rows = ofMain(rep.rows);
  const keys = [...new Set(rows.map((r) => r.key))].sort();
  const cats = [...new Set(rows.map((r) => r.split ?? 'Uncategorized'))];
  const datasets = cats.map((c, i) => ({
    label: c, backgroundColor: palette[i % palette.length], stack: 'spend',
    data: keys.map((k) => {
      const r = rows.find((x) => x.key === k && (x.split ?? 'Uncategorized') === c);
      return r ? num(r.spend) : 0;
    }),
  }));
  chart('chart-time', {type: 'bar', data: {labels: keys, datasets},
    options: {scales: {x: {stacked: true}, y: {stacked: true}}, plugins: {legend: {position: 'bottom'}}}});
}
function renderBars(id, rows, horizontal, onClick) {
  // A spend chart: groups without spend (payments only) are left out.
  rows = ofMain(rows).filter((r) => num(r.spend) !== 0);
  chart(id, {type: 'bar', data: {labels: rows.map((r) => r.label ?? r.key),
    datasets: [{label: 'spend', data: rows.map((r) => num(r.spend)), backgroundColor: rows.map((r, i) => palette[i % palette.length])}]},
  options: {indexAxis: horizontal ? 'y' : 'x', plugins: {legend: {display: false}},
    onClick: onClick ? (ev, items) => { if (items.length) onClick(rows[items[0].index]); } : undefined}});
}

function renderTransactions(t) {
  const tb = $('#txns tbody');
  tb.replaceChildren();
  for (const r of t.rows) {
    const tr = el('tr');
    tr.dataset.id = r.id;
    tr.append(el('td', null, r.date), el('td', null, r.card), el('td', null, r.merchant || r.description),
      el('td', null, r.category || ''), el('td', null, r.kind));
    const a = el('td', 'num' + (r.amount.startsWith('-') ? '' : ' neg'), fmtAmount(r.amount, r.currency));
    a.dataset.value = r.amount;
    tr.append(a);
    tb.append(tr);
  }
  if (!t.rows.length) { const tr = el('tr'); const td = el('td', null, 'No transactions for these filters.'); td.colSpan = 6; tr.append(td); tb.append(tr); }
  cursors[page + 1] = t.next;
  $('#next').disabled = !t.next;
  $('#prev').disabled = page === 0;
  $('#page').textContent = `page ${fmtInt(page + 1)}`;
  for (const b of document.querySelectorAll('button.sort')) {
    b.classList.toggle('active', b.dataset.sort === (state.sort || 'date'));
  }
}

function renderCoverage(cov) {
  const table = $('#coverage table');
  table.replaceChildren();
  const months = [];
  if (cov.from && cov.to) {
    let [y, m] = cov.from.split('-').map(Number);
    const [ty, tm] = cov.to.split('-').map(Number);
    while (y < ty || (y === ty && m <= tm)) { months.push(`${y}-${String(m).padStart(2, '0')}`); if (++m > 12) { m = 1; y++; } }
  }
  const head = el('tr');
  head.append(el('th', null, 'card'));
  for (const mo of months) head.append(el('th', 'month', mo));
  table.append(head);
  for (const c of cov.cards) {
    const tr = el('tr');
    tr.append(el('th', null, `${c.label || c.issuer} ·${c.card_last4}`));
    for (const mo of months) {
      const st = c.months[mo] || 'none';
      const td = el('td', `cell ${st}`);
      td.dataset.month = mo;
      td.dataset.state = st;
      const p = (c.problems || []).find((x) => x.month === mo);
      td.title = `${mo}: ${st}${p && p.detail ? ' – ' + p.detail : ''}`;
      tr.append(td);
    }
    table.append(tr);
  }
}

function fillTable(id, cols, rows) {
  const t = document.getElementById(id);
  t.replaceChildren();
  const h = el('tr');
  for (const [, label] of cols) h.append(el('th', null, label));
  t.append(h);
  for (const r of rows) {
    const tr = el('tr');
    for (const [k] of cols) tr.append(el('td', null, r[k] ?? ''));
    t.append(tr);
  }
  if (!rows.length) { const tr = el('tr'); const td = el('td', null, 'none'); td.colSpan = cols.length; tr.append(td); t.append(tr); }
}
function renderImports(im) {
  fillTable('runs', [['id', 'run'], ['started', 'started'], ['status', 'status'], ['files_new', 'new'],
    ['files_failed', 'failed'], ['txns_inserted', 'inserted'], ['unreconciled', 'unreconciled']], im.runs);
  fillTable('failed', [['path', 'file'], ['error', 'reason']], im.failed);
  fillTable('unreconciled', [['card', 'card'], ['period', 'period'], ['path', 'file'], ['difference', 'difference']], im.unreconciled);
}

// ---- loading ------------------------------------------------------------------------------------

function showError(e) { $('#status').textContent = e ? `Could not load: ${e.message}` : ''; }

async function loadTransactions(gen) {
  const p = filterParams(state);
  p.set('limit', PAGE_SIZE);
  if (state.sort) p.set('sort', state.sort);
  if (cursors[page]) p.set('after', cursors[page]);
  const t = await api('transactions', p);
  if (gen === generation) renderTransactions(t);
}

async function loadAll() {
  const gen = ++generation;
  cursors = [null];
  page = 0;
  const p = filterParams(state);
  const grain = grainFor(p.get('from'), p.get('to'));
  const by = (b, extra) => { const q = new URLSearchParams(p); q.set('by', b); for (const [k, v] of Object.entries(extra || {})) q.set(k, v); return q; };
  const cov = new URLSearchParams();
  if (p.get('from')) cov.set('from', p.get('from').slice(0, 7));
  if (p.get('to')) cov.set('to', p.get('to').slice(0, 7));
  for (const c of state.card || []) cov.append('card', c);
  try {
    const [sum, time, cat, card, merch, covj] = await Promise.all([
      api('summary', p), api('report', by(grain, {split: 'category'})), api('report', by('category')),
      api('report', by('card')), api('report', by('merchant', {top: 15})), api('coverage', cov),
      loadTransactions(gen)]);
    if (gen !== generation) return;
    renderKpis(sum);
    renderTime(time, grain);
    renderBars('chart-category', cat.rows, false);
    renderBars('chart-card', card.rows, false);
    renderBars('chart-merchant', merch.rows, true, (r) => { $('#q').value = r.label ?? r.key; apply(); });
    renderCoverage(covj);
    showError(null);
    // Every panel is drawn: the mark the benchmark reads (Performance API).
    performance.mark(`cl-rendered-${gen}`);
    document.body.dataset.loaded = String(gen);
  } catch (e) {
    if (gen === generation) { showError(e); document.body.dataset.loaded = 'error'; }
  }
}

function apply() {
  state = fromForm();
  writeUrl(state, true);
  toForm(state);
  loadAll();
}

async function init() {
  try {
    const [cards, cats, im] = await Promise.all([api('cards'), api('categories'), api('imports')]);
    for (const c of cards.cards) {
      const o = el('option', null, `${c.label || c.issuer} ·${c.last4}`);
      o.value = c.key;
      $('#card').append(o);
      for (const d of [c.first, c.last]) if (d) years.push(Number(d.slice(0, 4)));
    }
    for (const c of cats.categories) { const o = el('option', null, c.name); o.value = c.name; $('#category').append(o); }
    // The kinds the database knows (analytics.kinds), with their labels.
    if (cats.kinds && cats.kinds.length) {
      $('#kind').replaceChildren(...cats.kinds.map((k) => { const o = el('option', null, k.label || k.kind); o.value = k.kind; return o; }));
    }
    renderImports(im);
  } catch (e) { showError(e); }
  if (years.length) {
    const all = $('#range option[value="all"]');
    for (let y = Math.max(...years); y >= Math.min(...years); y--) { const o = el('option', null, String(y)); o.value = String(y); all.before(o); }
  }
  state = readUrl();
  writeUrl(state, false);
  toForm(state);
  for (const id of ['range', 'card', 'category', 'kind']) $('#' + id).addEventListener('change', () => {
    if (id === 'range' && $('#range').value === 'custom') { $('#from').focus(); return; }
    apply();
  });
  for (const id of ['from', 'to']) $('#' + id).addEventListener('change', () => { $('#range').value = 'custom'; apply(); });
  for (const id of ['q', 'min', 'max']) $('#' + id).addEventListener('change', apply);
  $('#filters').addEventListener('submit', (ev) => { ev.preventDefault(); apply(); });
  $('#reset').addEventListener('click', () => { history.pushState(null, '', location.pathname); state = readUrl(); toForm(state); loadAll(); });
  $('#next').addEventListener('click', () => { page++; loadTransactions(generation).catch(showError); });
  $('#prev').addEventListener('click', () => { if (page > 0) { page--; loadTransactions(generation).catch(showError); } });
  for (const b of document.querySelectorAll('button.sort')) b.addEventListener('click', () => {
    state.sort = b.dataset.sort === 'date' ? undefined : b.dataset.sort;
    writeUrl(state, true);
    cursors = [null]; page = 0;
    loadTransactions(generation).catch(showError);
  });
  addEventListener('popstate', () => { state = readUrl(); toForm(state); loadAll(); });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', loadAll);
  await loadAll();
}

document.addEventListener('DOMContentLoaded', init);
