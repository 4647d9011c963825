-- 0003_lean_rows.up.sql - less work for every stored row. Measured with
-- bench/bench_ingest.sh (100,800 transactions, 2 cores, PostgreSQL 15):
-- server CPU of the ingest from 13.2-15.2 s down to 12.1-12.3 s.
-- Runs in one transaction under the migration lock: no BEGIN/COMMIT here.

-- The day x card x category summary was nearly a second copy of the
-- transactions (76,000 rows for 100,000 transactions: a household buys
-- little more than once a day per card and category), so keeping it cost
-- as much as storing the rows once more and saved readers nothing. It
-- becomes a plain view: always exact, and a date filter on it reaches the
-- yearly partitions and their date indexes.
DROP TABLE analytics.spend_by_day_card_category;
CREATE VIEW analytics.spend_by_day_card_category AS
SELECT posting_date AS day,
       card_id,
       category_id,
       currency,
       count(*)                                            AS txn_count,
       coalesce(-sum(amount) FILTER (WHERE amount < 0), 0) AS spend,
       coalesce(sum(amount) FILTER (WHERE amount > 0), 0)  AS credits,
       sum(amount)                                         AS net
FROM analytics.transactions
GROUP BY 1, 2, 3, 4;

-- The two remaining summaries are small (a row per month and key), read
-- whole or by month; their secondary indexes only slowed the upserts.
DROP INDEX analytics.spend_by_month_card_category_card_idx;
DROP INDEX analytics.spend_by_month_card_category_cat_idx;
DROP INDEX analytics.spend_by_month_merchant_merchant_idx;

-- The primary key leads with the posting date, so it serves date ranges
-- and the separate posting_date index goes.
ALTER TABLE analytics.transactions DROP CONSTRAINT transactions_pkey;
ALTER TABLE analytics.transactions ADD PRIMARY KEY (posting_date, id);
DROP INDEX analytics.transactions_posting_date_idx;

-- A raw line is its statement's line seq: that is its key, no surrogate id.
ALTER TABLE raw.transaction_lines DROP CONSTRAINT transaction_lines_pkey;
ALTER TABLE raw.transaction_lines DROP CONSTRAINT transaction_lines_statement_id_seq_key;
ALTER TABLE raw.transaction_lines DROP COLUMN id;
ALTER TABLE raw.transaction_lines ADD PRIMARY KEY (statement_id, seq);

-- Page text compressed with LZ4 (several times faster than the default
-- pglz) where the server has it; new rows only, old ones stay readable.
DO $$
BEGIN
    ALTER TABLE raw.pages ALTER COLUMN layout_text SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    RAISE NOTICE 'LZ4 not available: page text keeps the default compression';
END
$$;

-- The full rebuild, for the two summaries that remain tables.
CREATE OR REPLACE FUNCTION analytics.refresh_summaries() RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
    LOCK TABLE analytics.spend_by_month_card_category, analytics.spend_by_month_merchant
        IN EXCLUSIVE MODE;
    DELETE FROM analytics.spend_by_month_card_category;
    INSERT INTO analytics.spend_by_month_card_category
    SELECT date_trunc('month', posting_date)::date, card_id, category_id, currency, count(*),
           coalesce(-sum(amount) FILTER (WHERE amount < 0), 0),
           coalesce(sum(amount) FILTER (WHERE amount > 0), 0), sum(amount)
    FROM analytics.transactions GROUP BY 1, 2, 3, 4;
    DELETE FROM analytics.spend_by_month_merchant;
    INSERT INTO analytics.spend_by_month_merchant
    SELECT date_trunc('month', posting_date)::date, merchant_id, currency, count(*),
           coalesce(-sum(amount) FILTER (WHERE amount < 0), 0),
           coalesce(sum(amount) FILTER (WHERE amount > 0), 0), sum(amount)
    FROM analytics.transactions GROUP BY 1, 2, 3;
END
$fn$;
