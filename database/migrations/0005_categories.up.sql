-- 0005_categories.up.sql - categories from rules kept as data: the default
-- tree and rules shipped in categories/ and the user's rules file are
-- stored here by cardledger (src/query/categorize.c) before every ingest
-- and categorize; kind rules (a payment is never a spend category); and
-- overrides of one transaction or one merchant that survive re-ingest and
-- every later `cardledger categorize`. Runs in one transaction under the
-- migration lock: no BEGIN/COMMIT here.

-- A rule matches a merchant keyword or a transaction kind. Rules are
-- replaced whole from the files (user rules priority 100, defaults 200);
-- ids follow the files' order, the last tie-breaker.
ALTER TABLE analytics.category_rules DROP CONSTRAINT category_rules_keyword_key;
ALTER TABLE analytics.category_rules DROP CONSTRAINT category_rules_keyword_check;
ALTER TABLE analytics.category_rules ALTER COLUMN keyword DROP NOT NULL;
ALTER TABLE analytics.category_rules
    ADD COLUMN kind text REFERENCES analytics.kinds (kind),
    ADD COLUMN source text NOT NULL DEFAULT 'default' CHECK (source IN ('default', 'user')),
    ADD COLUMN line integer,
    ADD CONSTRAINT category_rules_keyword_nonempty CHECK (keyword <> ''),
    ADD CONSTRAINT category_rules_one_match CHECK ((keyword IS NULL) <> (kind IS NULL));
CREATE INDEX category_rules_kind_idx ON analytics.category_rules (kind, priority, id)
    WHERE kind IS NOT NULL;

COMMENT ON TABLE analytics.category_rules IS
    'Categorization rules, loaded from categories/rules.txt and the user''s rules file by cardledger; see docs/categories.md';
COMMENT ON COLUMN analytics.category_rules.id IS 'Order of the rule in its files (user file first): the last tie-breaker';
COMMENT ON COLUMN analytics.category_rules.keyword IS
    'Whole words matched anywhere in a normalized merchant name; NULL for a kind rule';
COMMENT ON COLUMN analytics.category_rules.kind IS 'The rule applies to every transaction of this kind; NULL for a keyword rule';
COMMENT ON COLUMN analytics.category_rules.category_id IS 'The category a match gets';
COMMENT ON COLUMN analytics.category_rules.priority IS 'Lower wins: 100 the user''s rules, 200 the defaults; then the longest keyword';
COMMENT ON COLUMN analytics.category_rules.source IS 'default (built in) or user (the user''s rules file)';
COMMENT ON COLUMN analytics.category_rules.line IS 'Line of the rule in its file';

-- Which rule files are stored: cardledger reloads them when their digest changes.
CREATE TABLE analytics.category_rule_state (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    digest     text NOT NULL,
    user_file  text,
    rules      integer NOT NULL,
    user_rules integer NOT NULL,
    loaded_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE analytics.category_rule_state IS 'The rule files stored in analytics.category_rules (one row)';
COMMENT ON COLUMN analytics.category_rule_state.singleton IS 'Always true: the table has one row';
COMMENT ON COLUMN analytics.category_rule_state.digest IS 'SHA-256 of the tree, the default rules and the user''s rules';
COMMENT ON COLUMN analytics.category_rule_state.user_file IS 'The user''s rules file read, NULL when there was none';
COMMENT ON COLUMN analytics.category_rule_state.rules IS 'Rules stored';
COMMENT ON COLUMN analytics.category_rule_state.user_rules IS 'Of them, from the user''s file';
COMMENT ON COLUMN analytics.category_rule_state.loaded_at IS 'When they were stored';

-- `cardledger categorize --set TXN_ID CATEGORY`: keyed by what re-ingest
-- gives the same row again (its fingerprint and posting date), not its id.
CREATE TABLE analytics.transaction_category_overrides (
    fingerprint  text NOT NULL,
    posting_date date NOT NULL,
    category_id  bigint NOT NULL REFERENCES analytics.categories (id) ON DELETE CASCADE,
    set_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (fingerprint, posting_date)
);
COMMENT ON TABLE analytics.transaction_category_overrides IS
    'Categories set by hand for one transaction (categorize --set); they win over every rule';
COMMENT ON COLUMN analytics.transaction_category_overrides.fingerprint IS 'analytics.transactions.fingerprint';
COMMENT ON COLUMN analytics.transaction_category_overrides.posting_date IS 'analytics.transactions.posting_date';
COMMENT ON COLUMN analytics.transaction_category_overrides.category_id IS 'The category it gets';
COMMENT ON COLUMN analytics.transaction_category_overrides.set_at IS 'When it was set';

-- `cardledger categorize --merchant NAME CATEGORY`.
ALTER TABLE analytics.merchants
    ADD COLUMN category_override bigint REFERENCES analytics.categories (id) ON DELETE SET NULL;
COMMENT ON COLUMN analytics.merchants.category_override IS
    'Category set by hand (categorize --merchant); wins over the keyword rules';

-- The category of a new merchant's normalized name by the keyword rules
-- (NULL: none); ingest calls it for every merchant it inserts.
CREATE OR REPLACE FUNCTION analytics.category_for_merchant(p_name text) RETURNS bigint
LANGUAGE sql STABLE AS $fn$
    SELECT r.category_id
    FROM analytics.category_rules r
    WHERE r.keyword IS NOT NULL AND strpos(' ' || p_name || ' ', ' ' || r.keyword || ' ') > 0
    ORDER BY r.priority, length(r.keyword) DESC, r.id
    LIMIT 1
$fn$;
COMMENT ON FUNCTION analytics.category_for_merchant(text) IS
    'Category of a normalized merchant name by the keyword rules: lowest priority, longest keyword, lowest id';

-- A transaction's category: its override, else its kind's rule, else its
-- merchant's category. Ingest calls it for every row it inserts.
CREATE FUNCTION analytics.transaction_category(p_fingerprint text, p_posting_date date, p_kind text,
                                               p_merchant_category bigint) RETURNS bigint
LANGUAGE sql STABLE AS $fn$
    SELECT coalesce(
        (SELECT o.category_id FROM analytics.transaction_category_overrides o
         WHERE o.fingerprint = p_fingerprint AND o.posting_date = p_posting_date),
        (SELECT r.category_id FROM analytics.category_rules r
         WHERE r.kind = p_kind ORDER BY r.priority, r.id LIMIT 1),
        p_merchant_category)
$fn$;
COMMENT ON FUNCTION analytics.transaction_category(text, date, text, bigint) IS
    'Category of a transaction: its override, else its kind''s rule, else its merchant''s category';
