-- 0008_reader_role.down.sql - drops the size index, takes this database's grants back from
-- cardledger_reader and drops the role when no other database uses it.
DROP INDEX analytics.transactions_size_idx;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cardledger_reader') THEN
        RETURN;
    END IF;
    ALTER DEFAULT PRIVILEGES IN SCHEMA analytics REVOKE SELECT ON TABLES FROM cardledger_reader;
    REVOKE ALL ON ALL TABLES IN SCHEMA analytics FROM cardledger_reader;
    REVOKE ALL ON ALL TABLES IN SCHEMA raw FROM cardledger_reader;
    REVOKE USAGE ON SCHEMA analytics, raw FROM cardledger_reader;
    BEGIN
        DROP ROLE cardledger_reader;
    EXCEPTION
        WHEN dependent_objects_still_exist THEN NULL;   -- granted in another database
        WHEN insufficient_privilege THEN NULL;
    END;
END
$$;
