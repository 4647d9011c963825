-- grafana_data.sql - synthetic transactions for bench_grafana.sh (psql -v total=N).
SELECT analytics.ensure_partitions('2020-01-01', '2024-12-31');
INSERT INTO analytics.cards (issuer, card_last4, label)
SELECT 'bank' || i, lpad((1000 + i)::text, 4, '0'), CASE WHEN i % 2 = 0 THEN 'card ' || i END
FROM generate_series(1, 8) i;
INSERT INTO analytics.merchants (name, category_id)
SELECT 'MERCHANT ' || i, (SELECT id FROM analytics.categories ORDER BY id OFFSET i % 10 LIMIT 1)
FROM generate_series(1, 600) i;
INSERT INTO raw.source_files (sha256, path, size_bytes, status, pages, processed_at)
SELECT encode(sha256(convert_to(c || '-' || m, 'UTF8')), 'hex'), '/bench/' || c || '/' || m || '.pdf',
       100000, 'done', 3, '2025-01-01'::timestamptz + m * interval '1 hour'
FROM generate_series(1, 8) c, generate_series(0, 59) m;
INSERT INTO raw.statements (source_file_id, issuer, card_last4, period_start, period_end, currency,
                            previous_balance, new_balance, reconciled, transaction_count)
SELECT f.id, c.issuer, c.card_last4, make_date(2020, 1, 1) + make_interval(months => m),
       (make_date(2020, 1, 1) + make_interval(months => m + 1))::date - 1,
       CASE WHEN c.id > 6 THEN 'SGD' ELSE 'USD' END, 1000 + m, 1001 + m, m % 17 <> 5, 0
FROM analytics.cards c
CROSS JOIN generate_series(0, 59) m
JOIN raw.source_files f ON f.path = '/bench/' || (c.id - (SELECT min(id) FROM analytics.cards) + 1) || '/' || m || '.pdf';
CREATE TEMP TABLE stmt AS
SELECT s.id, c.id AS card_id, date_trunc('month', s.period_start)::date AS month, s.currency
FROM raw.statements s JOIN analytics.cards c ON c.issuer = s.issuer AND c.card_last4 = s.card_last4;
CREATE INDEX ON stmt (card_id, month);
CREATE TEMP TABLE merch AS SELECT id, name, category_id, row_number() OVER (ORDER BY id) - 1 AS k
FROM analytics.merchants;

INSERT INTO analytics.transactions (card_id, statement_id, transaction_date, posting_date, description,
                                    merchant_id, category_id, kind, amount, currency, fingerprint)
SELECT st.card_id, st.id, x.d - 1, x.d, m.name || ' #' || x.n, m.id, m.category_id, x.kind,
       CASE WHEN x.kind IN ('refund', 'payment') THEN 1 ELSE -1 END * (1 + (x.n * 7919 % 50000) / 100.0),
       st.currency, 'bench-' || x.n
FROM (SELECT n, date '2020-01-01' + (n * 1826 / (:total + 1))::int AS d,
             (SELECT min(id) FROM analytics.cards) + n % 8 AS card_id,
             CASE WHEN n % 100 < 88 THEN 'purchase' WHEN n % 100 < 92 THEN 'refund'
                  WHEN n % 100 < 95 THEN 'payment' WHEN n % 100 < 98 THEN 'fee' ELSE 'interest' END AS kind
      FROM generate_series(1::bigint, :total) n) x
JOIN stmt st ON st.card_id = x.card_id AND st.month = date_trunc('month', x.d)::date
JOIN merch m ON m.k = (x.n * 2654435761) % 600;
SELECT analytics.refresh_summaries();
INSERT INTO raw.ingest_runs (started_at, finished_at, status, host, workers, files_found, files_new,
                             files_stored, files_failed, txns_inserted, elapsed_ms)
SELECT '2025-01-01'::timestamptz + i * interval '1 day', '2025-01-01'::timestamptz + i * interval '1 day' + interval '2 min',
       CASE WHEN i % 50 = 7 THEN 'aborted' ELSE 'done' END, 'bench', 2, 40, 40, 39, 1, 4000, 120000
FROM generate_series(1, 200) i;
ANALYZE;
