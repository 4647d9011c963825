-- 0007_statement_kind.down.sql - back to statements without their kind.
ALTER TABLE raw.statements DROP COLUMN statement_kind;
