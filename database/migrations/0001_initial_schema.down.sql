-- 0001_initial_schema.down.sql - removes schema v1 entirely. The pg_trgm
-- extension stays: other schemas of the database may use it.
DROP SCHEMA IF EXISTS analytics CASCADE;
DROP SCHEMA IF EXISTS raw CASCADE;
