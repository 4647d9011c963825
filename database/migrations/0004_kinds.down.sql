-- 0004_kinds.down.sql - the schema of 0003 again: no kinds, the summaries
-- keyed as before (rebuilt from the transactions), no named views, no
-- comments.

DROP VIEW analytics.statement_chain_v;
DROP VIEW analytics.monthly_spend_v;
DROP VIEW analytics.transactions_v;
DROP VIEW analytics.spend_by_day_card_category;
DROP TABLE analytics.spend_by_month_card_category;
DROP TABLE analytics.spend_by_month_merchant;

-- Comments on what remains (raw and analytics objects, their columns).
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT c.oid::regclass AS rel, a.attname
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
             WHERE n.nspname IN ('raw', 'analytics') AND col_description(c.oid, a.attnum) IS NOT NULL LOOP
        EXECUTE format('COMMENT ON COLUMN %s.%I IS NULL', r.rel, r.attname);
    END LOOP;
    FOR r IN SELECT c.oid::regclass AS rel, c.relkind
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname IN ('raw', 'analytics') AND obj_description(c.oid, 'pg_class') IS NOT NULL LOOP
        EXECUTE format('COMMENT ON %s %s IS NULL', CASE r.relkind WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END, r.rel);
    END LOOP;
END
$$;
COMMENT ON SCHEMA raw IS NULL;
COMMENT ON SCHEMA analytics IS NULL;
COMMENT ON FUNCTION analytics.ensure_partitions(date, date) IS NULL;
COMMENT ON FUNCTION analytics.create_year_partition(integer) IS NULL;
COMMENT ON FUNCTION analytics.category_for_merchant(text) IS NULL;

ALTER TABLE analytics.transactions DROP COLUMN kind;
DROP FUNCTION analytics.kind_from_text(text, numeric);
DROP TABLE analytics.kinds;

CREATE TABLE analytics.spend_by_month_card_category (
    month       date NOT NULL,
    card_id     bigint NOT NULL,
    category_id bigint,
    currency    text NOT NULL,
    txn_count   bigint NOT NULL,
    spend       numeric NOT NULL,   -- charges, positive
    credits     numeric NOT NULL,
    net         numeric NOT NULL
) WITH (fillfactor = 70);
CREATE UNIQUE INDEX spend_by_month_card_category_key ON analytics.spend_by_month_card_category
    (month, card_id, category_id, currency) NULLS NOT DISTINCT;

CREATE TABLE analytics.spend_by_month_merchant (
    month       date NOT NULL,
    merchant_id bigint,
    currency    text NOT NULL,
    txn_count   bigint NOT NULL,
    spend       numeric NOT NULL,
    credits     numeric NOT NULL,
    net         numeric NOT NULL
) WITH (fillfactor = 70);
CREATE UNIQUE INDEX spend_by_month_merchant_key ON analytics.spend_by_month_merchant
    (month, merchant_id, currency) NULLS NOT DISTINCT;

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
COMMENT ON FUNCTION analytics.refresh_summaries() IS NULL;
SELECT analytics.refresh_summaries();
