-- 0008_reader_role.up.sql - cardledger_reader: the read-only role that
-- `cardledger serve` takes at the start of every transaction (SET LOCAL
-- ROLE), so the dashboard can read the analytics tier and the import
-- bookkeeping but can change nothing and never sees raw page text.
--
-- Roles belong to the whole cluster while grants belong to one database:
-- the role is created once (several cardledger databases may share a
-- cluster) and this database's grants are given to it. The migrating user
-- becomes a member so it may SET ROLE to it. A user without CREATEROLE
-- cannot create the role: that is reported and `serve` then says so.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cardledger_reader') THEN
        BEGIN
            CREATE ROLE cardledger_reader NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
        EXCEPTION
            WHEN duplicate_object OR unique_violation THEN NULL;   -- a concurrent migrator
            WHEN insufficient_privilege THEN
                RAISE WARNING 'cannot create role cardledger_reader (no CREATEROLE); cardledger serve will refuse to start';
                RETURN;
        END;
    END IF;
    COMMENT ON ROLE cardledger_reader IS 'read-only role of cardledger serve (SELECT on the analytics tier and import bookkeeping)';
    BEGIN
        EXECUTE format('GRANT cardledger_reader TO %I', current_user);
    EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN
        RAISE WARNING 'cannot grant cardledger_reader to %', current_user;
    END;
    GRANT USAGE ON SCHEMA analytics, raw TO cardledger_reader;
    GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO cardledger_reader;
    GRANT SELECT ON raw.ingest_runs, raw.source_files, raw.source_file_paths, raw.statements
        TO cardledger_reader;
    -- Tables, views and partitions later migrations and ingests create.
    ALTER DEFAULT PRIVILEGES IN SCHEMA analytics GRANT SELECT ON TABLES TO cardledger_reader;
END
$$;

-- The dashboard's "largest first" listing and its largest-purchase tile sort
-- by the size of the amount; without an index that is a sort of every row of
-- the range (about 300 ms at 100,000 rows, bench/bench_api.sh). This index
-- returns them in order, and its keyset cursor (size, date, id) follows it.
CREATE INDEX transactions_size_idx ON analytics.transactions
    ((abs(amount)) DESC, posting_date DESC, id DESC);
