-- 0010_sources down: statements no longer record the kind of file.
ALTER TABLE raw.statements DROP COLUMN source_kind;
