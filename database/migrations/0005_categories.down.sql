-- 0005_categories.down.sql - back to schema 0004: keyword rules only (one
-- per keyword: the one that won), no overrides, no kind rules.
DROP FUNCTION analytics.transaction_category(text, date, text, bigint);
CREATE OR REPLACE FUNCTION analytics.category_for_merchant(p_name text) RETURNS bigint
LANGUAGE sql STABLE AS $fn$
    SELECT r.category_id
    FROM analytics.category_rules r
    WHERE strpos(' ' || p_name || ' ', ' ' || r.keyword || ' ') > 0
    ORDER BY r.priority, length(r.keyword) DESC, r.id
    LIMIT 1
$fn$;
COMMENT ON FUNCTION analytics.category_for_merchant(text) IS 'Category of a normalized merchant name by the keyword rules.';
ALTER TABLE analytics.merchants DROP COLUMN category_override;
DROP TABLE analytics.transaction_category_overrides;
DROP TABLE analytics.category_rule_state;

DELETE FROM analytics.category_rules WHERE kind IS NOT NULL OR keyword <> upper(keyword);
DELETE FROM analytics.category_rules r USING analytics.category_rules w
WHERE w.keyword = r.keyword AND (w.priority, w.id) < (r.priority, r.id);
DROP INDEX analytics.category_rules_kind_idx;
ALTER TABLE analytics.category_rules
    DROP CONSTRAINT category_rules_one_match,
    DROP CONSTRAINT category_rules_keyword_nonempty,
    DROP COLUMN kind,
    DROP COLUMN source,
    DROP COLUMN line;
ALTER TABLE analytics.category_rules ALTER COLUMN keyword SET NOT NULL;
ALTER TABLE analytics.category_rules
    ADD CONSTRAINT category_rules_keyword_check CHECK (keyword = upper(keyword) AND keyword <> ''),
    ADD CONSTRAINT category_rules_keyword_key UNIQUE (keyword);
COMMENT ON TABLE analytics.category_rules IS 'Keyword rules: a merchant whose name contains the keyword as whole words gets the category (lowest priority, then longest keyword wins).';
COMMENT ON COLUMN analytics.category_rules.id IS 'Surrogate key.';
COMMENT ON COLUMN analytics.category_rules.keyword IS 'Upper-case words to find in a merchant name.';
COMMENT ON COLUMN analytics.category_rules.category_id IS 'The category it gives.';
COMMENT ON COLUMN analytics.category_rules.priority IS 'Lower wins.';
