-- 0002_ingest.down.sql - removes what 0002_ingest.up.sql added (the seeded
-- categories stay: transactions may refer to them).
DROP FUNCTION IF EXISTS analytics.category_for_merchant(text);
DROP TABLE IF EXISTS analytics.category_rules;
ALTER TABLE analytics.merchants DROP COLUMN IF EXISTS category_id;
DROP TABLE IF EXISTS raw.source_file_paths;
DROP INDEX IF EXISTS raw.source_files_failed_idx;
ALTER TABLE raw.source_files DROP COLUMN IF EXISTS last_run_id;
DROP TABLE IF EXISTS raw.ingest_runs;
