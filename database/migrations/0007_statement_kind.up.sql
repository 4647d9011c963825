-- 0007_statement_kind.up.sql - a statement is a card's or a bank account's
-- (checking, savings): `parse` says which ("statement_kind"); stored so that
-- the read side can tell the two apart. Existing rows were all cards.
-- Runs in one transaction under the migration lock: no BEGIN/COMMIT here.
ALTER TABLE raw.statements ADD COLUMN statement_kind text NOT NULL DEFAULT 'card'
    CONSTRAINT statements_statement_kind_check CHECK (statement_kind IN ('card', 'account'));
COMMENT ON COLUMN raw.statements.statement_kind IS
    'card or account (a bank account: checking, savings); for an account card_last4 holds the last 4 digits of the account number.';
