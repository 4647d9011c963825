-- 0010_sources: which kind of file each statement was read from: a PDF (or
-- a page-text folder) or a CSV/OFX/QFX download. An analytics row belongs
-- to the statement it was first seen in (statement_id), so its first source
-- file and kind are that statement's.
ALTER TABLE raw.statements ADD COLUMN source_kind text NOT NULL DEFAULT 'pdf'
    CONSTRAINT statements_source_kind_check CHECK (source_kind IN ('pdf', 'pages', 'csv', 'ofx', 'qfx'));
COMMENT ON COLUMN raw.statements.source_kind IS
    'kind of file the statement was read from: pdf, pages (a page-text folder), csv, ofx or qfx';
