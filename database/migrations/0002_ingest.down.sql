-- 0002_ingest.down.sql - removes what 0002_ingest.up.sql added and puts the
-- materialized summary views of 0001 back (the seeded categories stay:
-- transactions may refer to them).
DROP FUNCTION IF EXISTS analytics.refresh_summaries();
DROP TABLE IF EXISTS analytics.spend_by_month_card_category;
DROP TABLE IF EXISTS analytics.spend_by_day_card_category;
DROP TABLE IF EXISTS analytics.spend_by_month_merchant;
CREATE MATERIALIZED VIEW analytics.spend_by_month_card_category AS
SELECT date_trunc('month', posting_date)::date AS month,
       card_id,
       category_id,
       currency,
       count(*)                                        AS txn_count,
       coalesce(-sum(amount) FILTER (WHERE amount < 0), 0) AS spend,
       coalesce(sum(amount) FILTER (WHERE amount > 0), 0)  AS credits,
       sum(amount)                                     AS net
FROM analytics.transactions
GROUP BY 1, 2, 3, 4;
CREATE UNIQUE INDEX spend_by_month_card_category_key ON analytics.spend_by_month_card_category
    (month, card_id, category_id, currency) NULLS NOT DISTINCT;
CREATE INDEX spend_by_month_card_category_card_idx ON analytics.spend_by_month_card_category (card_id, month);
CREATE INDEX spend_by_month_card_category_cat_idx ON analytics.spend_by_month_card_category (category_id, month);

CREATE MATERIALIZED VIEW analytics.spend_by_day_card_category AS
SELECT posting_date AS day,
       card_id,
       category_id,
       currency,
       count(*)                                        AS txn_count,
       coalesce(-sum(amount) FILTER (WHERE amount < 0), 0) AS spend,
       coalesce(sum(amount) FILTER (WHERE amount > 0), 0)  AS credits,
       sum(amount)                                     AS net
FROM analytics.transactions
GROUP BY 1, 2, 3, 4;
CREATE UNIQUE INDEX spend_by_day_card_category_key ON analytics.spend_by_day_card_category
    (day, card_id, category_id, currency) NULLS NOT DISTINCT;
CREATE INDEX spend_by_day_card_category_card_idx ON analytics.spend_by_day_card_category (card_id, day);
CREATE INDEX spend_by_day_card_category_cat_idx ON analytics.spend_by_day_card_category (category_id, day);

CREATE MATERIALIZED VIEW analytics.spend_by_month_merchant AS
SELECT date_trunc('month', posting_date)::date AS month,
       merchant_id,
       currency,
       count(*)                                        AS txn_count,
       coalesce(-sum(amount) FILTER (WHERE amount < 0), 0) AS spend,
       coalesce(sum(amount) FILTER (WHERE amount > 0), 0)  AS credits,
       sum(amount)                                     AS net
FROM analytics.transactions
GROUP BY 1, 2, 3;
CREATE UNIQUE INDEX spend_by_month_merchant_key ON analytics.spend_by_month_merchant
    (month, merchant_id, currency) NULLS NOT DISTINCT;
CREATE INDEX spend_by_month_merchant_merchant_idx ON analytics.spend_by_month_merchant (merchant_id, month);

-- Refresh every summary view without blocking readers; ingest calls it once
-- at the end of a run.
CREATE FUNCTION analytics.refresh_summaries() RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY analytics.spend_by_month_card_category;
    REFRESH MATERIALIZED VIEW CONCURRENTLY analytics.spend_by_day_card_category;
    REFRESH MATERIALIZED VIEW CONCURRENTLY analytics.spend_by_month_merchant;
END
$fn$;

DROP FUNCTION IF EXISTS analytics.category_for_merchant(text);
DROP TABLE IF EXISTS analytics.category_rules;
ALTER TABLE analytics.merchants DROP COLUMN IF EXISTS category_id;
DROP TABLE IF EXISTS raw.source_file_paths;
DROP INDEX IF EXISTS raw.source_files_failed_idx;
ALTER TABLE raw.source_files DROP COLUMN IF EXISTS last_run_id;
DROP TABLE IF EXISTS raw.ingest_runs;
