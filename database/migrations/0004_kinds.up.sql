-- 0004_kinds.up.sql - what each transaction is (purchase, payment, fee ...),
-- summaries that keep the kinds apart so that spend means spend, views with
-- names for people and other tools, and a comment on everything.
-- Runs in one transaction under the migration lock: no BEGIN/COMMIT here.

-- ---- kinds ------------------------------------------------------------------

-- The kinds a transaction can have; the parser's list (src/bank/kind.c) is
-- the same. Spend = -(sum of the amounts of the is_spend kinds): purchases,
-- fees, interest, cash advances and account withdrawals, less refunds.
-- Payments, balance transfers and transfers between own accounts are never
-- spend.
CREATE TABLE analytics.kinds (
    kind        text PRIMARY KEY,
    label       text NOT NULL,
    is_spend    boolean NOT NULL,
    description text NOT NULL
);
INSERT INTO analytics.kinds (kind, label, is_spend, description) VALUES
    ('purchase',         'Purchase',         true,  'a charge at a merchant'),
    ('refund',           'Refund',           true,  'a merchant''s credit back; reduces spend'),
    ('payment',          'Payment',          false, 'a payment to the card'),
    ('fee',              'Fee',              true,  'a fee charged by the issuer (or its reversal)'),
    ('interest',         'Interest',         true,  'interest charged (or, on an account, earned)'),
    ('cash_advance',     'Cash advance',     true,  'cash taken on the card'),
    ('balance_transfer', 'Balance transfer', false, 'a balance moved from another card'),
    ('adjustment',       'Adjustment',       false, 'a correction by the issuer that is none of the above'),
    ('deposit',          'Deposit',          false, 'money into a bank account'),
    ('withdrawal',       'Withdrawal',       true,  'money out of a bank account to someone else'),
    ('transfer',         'Transfer',         false, 'money between the holder''s own accounts and cards');

-- The kind of a stored row whose section is no longer known: the keyword
-- rules of src/bank/kind.c, then the sign (credits are refunds).
CREATE FUNCTION analytics.kind_from_text(p_description text, p_amount numeric) RETURNS text
LANGUAGE sql IMMUTABLE AS $fn$
    SELECT CASE
        WHEN d ~ '(^|[^A-Z0-9])BALANCE TRANSFER($|[^A-Z0-9])' THEN 'balance_transfer'
        WHEN d ~ '(^|[^A-Z0-9])CASH ADVANCE($|[^A-Z0-9])' THEN 'cash_advance'
        WHEN d ~ '(^|[^A-Z0-9])(INTEREST|FINANCE CHARGES?)($|[^A-Z0-9])' THEN 'interest'
        WHEN d ~ '(^|[^A-Z0-9])(FEES?|LATE CHARGES?|LATE PAYMENT CHARGES?|SERVICE CHARGES?|OVERDRAFT)($|[^A-Z0-9])' THEN 'fee'
        WHEN p_amount > 0 AND d ~ '(^|[^A-Z0-9])(THANK YOU|AUTOPAY|AUTO PAY|PAYMENT|PYMT|PMT|TRANSFER|XFER)($|[^A-Z0-9])'
            THEN 'payment'
        WHEN p_amount > 0 THEN 'refund'
        ELSE 'purchase'
    END
    FROM (SELECT upper(p_description) AS d) x
$fn$;

ALTER TABLE analytics.transactions ADD COLUMN kind text;
UPDATE analytics.transactions SET kind = analytics.kind_from_text(description, amount);
ALTER TABLE analytics.transactions ALTER COLUMN kind SET NOT NULL;
ALTER TABLE analytics.transactions ADD CONSTRAINT transactions_kind_check CHECK (kind IN
    ('purchase', 'refund', 'payment', 'fee', 'interest', 'cash_advance', 'balance_transfer',
     'adjustment', 'deposit', 'withdrawal', 'transfer'));

-- ---- summaries keyed by kind ---------------------------------------------------

-- Same tables as before with the kind in the key (and, for merchants, the
-- card and category too, so that a top-merchants panel filtered by card or
-- category stays on the summary). Within one key: spend = -(sum of the
-- negative amounts), credits = sum of the positive ones, net = sum.
DROP VIEW analytics.spend_by_day_card_category;
DROP TABLE analytics.spend_by_month_card_category;
DROP TABLE analytics.spend_by_month_merchant;

CREATE TABLE analytics.spend_by_month_card_category (
    month       date NOT NULL,
    card_id     bigint NOT NULL,
    category_id bigint,
    kind        text NOT NULL,
    currency    text NOT NULL,
    txn_count   bigint NOT NULL,
    spend       numeric NOT NULL,
    credits     numeric NOT NULL,
    net         numeric NOT NULL
) WITH (fillfactor = 70);
CREATE UNIQUE INDEX spend_by_month_card_category_key ON analytics.spend_by_month_card_category
    (month, card_id, category_id, kind, currency) NULLS NOT DISTINCT;

CREATE TABLE analytics.spend_by_month_merchant (
    month       date NOT NULL,
    card_id     bigint NOT NULL,
    merchant_id bigint,
    category_id bigint,
    kind        text NOT NULL,
    currency    text NOT NULL,
    txn_count   bigint NOT NULL,
    spend       numeric NOT NULL,
    credits     numeric NOT NULL,
    net         numeric NOT NULL
) WITH (fillfactor = 70);
CREATE UNIQUE INDEX spend_by_month_merchant_key ON analytics.spend_by_month_merchant
    (month, card_id, merchant_id, category_id, kind, currency) NULLS NOT DISTINCT;

CREATE VIEW analytics.spend_by_day_card_category AS
SELECT posting_date AS day,
       card_id,
       category_id,
       kind,
       currency,
       count(*)                                            AS txn_count,
       coalesce(-sum(amount) FILTER (WHERE amount < 0), 0) AS spend,
       coalesce(sum(amount) FILTER (WHERE amount > 0), 0)  AS credits,
       sum(amount)                                         AS net
FROM analytics.transactions
GROUP BY 1, 2, 3, 4, 5;

CREATE OR REPLACE FUNCTION analytics.refresh_summaries() RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
    LOCK TABLE analytics.spend_by_month_card_category, analytics.spend_by_month_merchant
        IN EXCLUSIVE MODE;
    DELETE FROM analytics.spend_by_month_card_category;
    INSERT INTO analytics.spend_by_month_card_category
    SELECT date_trunc('month', posting_date)::date, card_id, category_id, kind, currency, count(*),
           coalesce(-sum(amount) FILTER (WHERE amount < 0), 0),
           coalesce(sum(amount) FILTER (WHERE amount > 0), 0), sum(amount)
    FROM analytics.transactions GROUP BY 1, 2, 3, 4, 5;
    DELETE FROM analytics.spend_by_month_merchant;
    INSERT INTO analytics.spend_by_month_merchant
    SELECT date_trunc('month', posting_date)::date, card_id, merchant_id, category_id, kind, currency,
           count(*), coalesce(-sum(amount) FILTER (WHERE amount < 0), 0),
           coalesce(sum(amount) FILTER (WHERE amount > 0), 0), sum(amount)
    FROM analytics.transactions GROUP BY 1, 2, 3, 4, 5, 6;
END
$fn$;
SELECT analytics.refresh_summaries();

-- ---- views with names --------------------------------------------------------

CREATE VIEW analytics.transactions_v AS
SELECT t.id,
       t.transaction_date,
       t.posting_date,
       t.card_id,
       c.issuer,
       c.card_last4,
       c.label      AS card_label,
       t.merchant_id,
       m.name       AS merchant,
       t.category_id,
       g.name       AS category,
       t.kind,
       t.amount,
       t.currency,
       t.foreign_amount,
       t.foreign_currency,
       t.description,
       t.statement_id,
       f.path       AS file_path
FROM analytics.transactions t
JOIN analytics.cards c ON c.id = t.card_id
LEFT JOIN analytics.merchants m ON m.id = t.merchant_id
LEFT JOIN analytics.categories g ON g.id = t.category_id
JOIN raw.statements s ON s.id = t.statement_id
JOIN raw.source_files f ON f.id = s.source_file_id;

CREATE VIEW analytics.monthly_spend_v AS
SELECT x.month,
       x.card_id,
       c.issuer,
       c.card_last4,
       c.label AS card_label,
       x.category_id,
       g.name  AS category,
       x.currency,
       sum(x.txn_count)                                      AS transactions,
       coalesce(-sum(x.net) FILTER (WHERE k.is_spend), 0)    AS spend,
       coalesce(sum(x.net) FILTER (WHERE x.kind = 'refund'), 0)  AS refunds,
       coalesce(sum(x.net) FILTER (WHERE x.kind = 'payment'), 0) AS payments
FROM analytics.spend_by_month_card_category x
JOIN analytics.kinds k ON k.kind = x.kind
JOIN analytics.cards c ON c.id = x.card_id
LEFT JOIN analytics.categories g ON g.id = x.category_id
GROUP BY x.month, x.card_id, c.issuer, c.card_last4, c.label, x.category_id, g.name, x.currency;

-- Each statement beside the one before it of the same card and currency:
-- the balance chain that `cardledger coverage` checks.
CREATE VIEW analytics.statement_chain_v AS
SELECT z.*,
       z.period_start - z.prev_period_end - 1 AS gap_days,
       coalesce(z.previous_balance <> z.prev_new_balance, false) AS chain_break
FROM (
    SELECT s.id AS statement_id,
           c.id AS card_id,
           s.issuer,
           s.card_last4,
           s.currency,
           s.period_start,
           s.period_end,
           s.statement_date,
           s.previous_balance,
           s.new_balance,
           s.reconciled,
           s.reconcile_difference,
           s.transaction_count,
           s.source_file_id,
           f.path AS file_path,
           lag(s.id) OVER w          AS prev_statement_id,
           lag(s.period_end) OVER w  AS prev_period_end,
           lag(s.new_balance) OVER w AS prev_new_balance
    FROM raw.statements s
    JOIN analytics.cards c ON c.issuer = s.issuer AND c.card_last4 = s.card_last4
    JOIN raw.source_files f ON f.id = s.source_file_id
    WINDOW w AS (PARTITION BY c.id, s.currency ORDER BY s.period_end, s.id)
) z;

-- ---- what everything is (\d+ in `cardledger db psql`) ---------------------------

COMMENT ON SCHEMA raw IS 'What was seen: every file, statement, page text and printed line, kept for audit and re-processing.';
COMMENT ON SCHEMA analytics IS 'What it means: cards, merchants, categories, transactions and the summaries that reports read.';

COMMENT ON TABLE raw.source_files IS 'Every file ever offered to ingest, once per content (SHA-256); also the work queue.';
COMMENT ON COLUMN raw.source_files.id IS 'Surrogate key.';
COMMENT ON COLUMN raw.source_files.sha256 IS 'SHA-256 of the file''s bytes, lower-case hex: the identity of a file.';
COMMENT ON COLUMN raw.source_files.path IS 'Where the content was first seen (every path: raw.source_file_paths).';
COMMENT ON COLUMN raw.source_files.size_bytes IS 'File size in bytes.';
COMMENT ON COLUMN raw.source_files.mtime IS 'Modification time of the file when first seen.';
COMMENT ON COLUMN raw.source_files.status IS 'pending (queued), done (statement stored), failed (see last_error) or duplicate (its statement was already stored).';
COMMENT ON COLUMN raw.source_files.attempts IS 'How many times a worker has tried this file.';
COMMENT ON COLUMN raw.source_files.last_error IS 'Why the last attempt failed, one line.';
COMMENT ON COLUMN raw.source_files.parser_version IS 'cardledger version that parsed it.';
COMMENT ON COLUMN raw.source_files.profile_id IS 'Bank profile that read it (banks/*.profile).';
COMMENT ON COLUMN raw.source_files.profile_version IS 'Version of that profile.';
COMMENT ON COLUMN raw.source_files.pages IS 'Number of pages.';
COMMENT ON COLUMN raw.source_files.duplicate_of IS 'For a duplicate: the file whose statement it repeats.';
COMMENT ON COLUMN raw.source_files.first_seen_at IS 'When ingest first registered it.';
COMMENT ON COLUMN raw.source_files.processed_at IS 'When a worker last finished it.';
COMMENT ON COLUMN raw.source_files.last_run_id IS 'The ingest run that last processed it (raw.ingest_runs).';

COMMENT ON TABLE raw.source_file_paths IS 'Every path a file''s content was found at.';
COMMENT ON COLUMN raw.source_file_paths.source_file_id IS 'The file (raw.source_files).';
COMMENT ON COLUMN raw.source_file_paths.path IS 'A path it was seen at.';
COMMENT ON COLUMN raw.source_file_paths.first_seen_at IS 'When it was first seen there.';

COMMENT ON TABLE raw.statements IS 'One statement period of one card or account, with its printed summary (NULL where not printed).';
COMMENT ON COLUMN raw.statements.id IS 'Surrogate key.';
COMMENT ON COLUMN raw.statements.source_file_id IS 'The file it was read from.';
COMMENT ON COLUMN raw.statements.issuer IS 'Bank profile id, e.g. chase.';
COMMENT ON COLUMN raw.statements.card_last4 IS 'Last 4 digits of the card or account number (never more).';
COMMENT ON COLUMN raw.statements.period_start IS 'First day of the statement period.';
COMMENT ON COLUMN raw.statements.period_end IS 'Last day of the statement period (the closing date).';
COMMENT ON COLUMN raw.statements.statement_date IS 'Statement date as printed.';
COMMENT ON COLUMN raw.statements.currency IS 'ISO 4217 currency of the statement.';
COMMENT ON COLUMN raw.statements.previous_balance IS 'Previous balance as printed.';
COMMENT ON COLUMN raw.statements.payments_and_credits IS 'Payments and credits total as printed.';
COMMENT ON COLUMN raw.statements.purchases IS 'Purchases total as printed.';
COMMENT ON COLUMN raw.statements.fees IS 'Fees total as printed.';
COMMENT ON COLUMN raw.statements.interest IS 'Interest total as printed.';
COMMENT ON COLUMN raw.statements.new_balance IS 'New balance as printed.';
COMMENT ON COLUMN raw.statements.reconciled IS 'The transactions add up to the printed change of balance (and the printed summary adds up).';
COMMENT ON COLUMN raw.statements.reconcile_difference IS 'Sum of transactions minus the printed change; NULL when not computable.';
COMMENT ON COLUMN raw.statements.transaction_count IS 'Transactions read from the statement.';
COMMENT ON COLUMN raw.statements.created_at IS 'When it was stored.';

COMMENT ON TABLE raw.pages IS 'Layout text of every page of every stored file, so a statement can be re-read without its PDF.';
COMMENT ON COLUMN raw.pages.source_file_id IS 'The file.';
COMMENT ON COLUMN raw.pages.page_no IS 'Page number, from 1.';
COMMENT ON COLUMN raw.pages.layout_text IS 'The page as layout lines of text.';

COMMENT ON TABLE raw.transaction_lines IS 'Each transaction as printed, before any interpretation.';
COMMENT ON COLUMN raw.transaction_lines.statement_id IS 'The statement.';
COMMENT ON COLUMN raw.transaction_lines.seq IS 'Order within the statement, from 1.';
COMMENT ON COLUMN raw.transaction_lines.page_no IS 'Page of its first line.';
COMMENT ON COLUMN raw.transaction_lines.line_no IS 'Layout line of its first line.';
COMMENT ON COLUMN raw.transaction_lines.raw_date IS 'Date text as printed.';
COMMENT ON COLUMN raw.transaction_lines.raw_description IS 'Description text as printed.';
COMMENT ON COLUMN raw.transaction_lines.raw_amount IS 'Amount text as printed.';

COMMENT ON TABLE raw.ingest_runs IS 'One row per `cardledger ingest` run (what `cardledger status` shows).';
COMMENT ON COLUMN raw.ingest_runs.id IS 'Run number.';
COMMENT ON COLUMN raw.ingest_runs.started_at IS 'When the run started.';
COMMENT ON COLUMN raw.ingest_runs.finished_at IS 'When it finished; NULL while running or when it was killed.';
COMMENT ON COLUMN raw.ingest_runs.status IS 'running, done, failed or aborted.';
COMMENT ON COLUMN raw.ingest_runs.host IS 'Host name of the machine that ran it.';
COMMENT ON COLUMN raw.ingest_runs.pid IS 'Process id of the run.';
COMMENT ON COLUMN raw.ingest_runs.workers IS 'Worker processes (-j).';
COMMENT ON COLUMN raw.ingest_runs.cardledger_version IS 'cardledger version.';
COMMENT ON COLUMN raw.ingest_runs.paths IS 'The PATH arguments, one per line.';
COMMENT ON COLUMN raw.ingest_runs.files_found IS 'Statement files found under the paths.';
COMMENT ON COLUMN raw.ingest_runs.files_new IS 'Of those, content never seen before.';
COMMENT ON COLUMN raw.ingest_runs.files_known IS 'Content already registered.';
COMMENT ON COLUMN raw.ingest_runs.files_skipped IS 'Hidden or not statement files.';
COMMENT ON COLUMN raw.ingest_runs.files_stored IS 'Processed by this run: statement stored.';
COMMENT ON COLUMN raw.ingest_runs.files_duplicate IS 'Processed by this run: statement already imported.';
COMMENT ON COLUMN raw.ingest_runs.files_failed IS 'Processed by this run: failed.';
COMMENT ON COLUMN raw.ingest_runs.txns_inserted IS 'Transactions stored.';
COMMENT ON COLUMN raw.ingest_runs.txns_present IS 'Transactions whose fingerprint was already stored.';
COMMENT ON COLUMN raw.ingest_runs.unreconciled IS 'Statements stored that do not reconcile.';
COMMENT ON COLUMN raw.ingest_runs.elapsed_ms IS 'Wall time of the run in milliseconds.';
COMMENT ON COLUMN raw.ingest_runs.error IS 'Why an aborted run stopped.';

COMMENT ON TABLE analytics.cards IS 'Every card and account seen, by issuer and last 4 digits.';
COMMENT ON COLUMN analytics.cards.id IS 'Surrogate key.';
COMMENT ON COLUMN analytics.cards.issuer IS 'Bank profile id.';
COMMENT ON COLUMN analytics.cards.card_last4 IS 'Last 4 digits.';
COMMENT ON COLUMN analytics.cards.label IS 'The owner''s name for it (`cardledger cards label`).';
COMMENT ON COLUMN analytics.cards.created_at IS 'When first seen.';

COMMENT ON TABLE analytics.merchants IS 'Merchants by normalized name.';
COMMENT ON COLUMN analytics.merchants.id IS 'Surrogate key.';
COMMENT ON COLUMN analytics.merchants.name IS 'Normalized name, e.g. STARBUCKS.';
COMMENT ON COLUMN analytics.merchants.display_name IS 'Name to show, when set.';
COMMENT ON COLUMN analytics.merchants.created_at IS 'When first seen.';
COMMENT ON COLUMN analytics.merchants.category_id IS 'Its category; new transactions of the merchant take it.';

COMMENT ON TABLE analytics.categories IS 'Spending categories (a tree through parent_id).';
COMMENT ON COLUMN analytics.categories.id IS 'Surrogate key.';
COMMENT ON COLUMN analytics.categories.name IS 'Category name.';
COMMENT ON COLUMN analytics.categories.parent_id IS 'Parent category, NULL at the top.';

COMMENT ON TABLE analytics.category_rules IS 'Keyword rules: a merchant whose name contains the keyword as whole words gets the category (lowest priority, then longest keyword wins).';
COMMENT ON COLUMN analytics.category_rules.id IS 'Surrogate key.';
COMMENT ON COLUMN analytics.category_rules.keyword IS 'Upper-case words to find in a merchant name.';
COMMENT ON COLUMN analytics.category_rules.category_id IS 'The category it gives.';
COMMENT ON COLUMN analytics.category_rules.priority IS 'Lower wins.';

COMMENT ON TABLE analytics.kinds IS 'What a transaction can be; is_spend says which kinds make up spend.';
COMMENT ON COLUMN analytics.kinds.kind IS 'Kind id, as in analytics.transactions.kind.';
COMMENT ON COLUMN analytics.kinds.label IS 'Name to show.';
COMMENT ON COLUMN analytics.kinds.is_spend IS 'Counts in spend: spend = -(sum of the amounts of these kinds).';
COMMENT ON COLUMN analytics.kinds.description IS 'What it is.';

COMMENT ON TABLE analytics.transactions IS 'Every transaction once, partitioned by posting year. Amounts from the holder''s view: charges negative, credits positive.';
COMMENT ON COLUMN analytics.transactions.id IS 'Transaction id (unique with posting_date).';
COMMENT ON COLUMN analytics.transactions.card_id IS 'The card (analytics.cards).';
COMMENT ON COLUMN analytics.transactions.statement_id IS 'The statement it was read from (raw.statements).';
COMMENT ON COLUMN analytics.transactions.line_seq IS 'Its printed line: raw.transaction_lines (statement_id, seq).';
COMMENT ON COLUMN analytics.transactions.transaction_date IS 'Date of the transaction.';
COMMENT ON COLUMN analytics.transactions.posting_date IS 'Date it was posted (the partition key).';
COMMENT ON COLUMN analytics.transactions.description IS 'Description as printed, white space collapsed.';
COMMENT ON COLUMN analytics.transactions.merchant_id IS 'The merchant (analytics.merchants).';
COMMENT ON COLUMN analytics.transactions.category_id IS 'The category (analytics.categories).';
COMMENT ON COLUMN analytics.transactions.amount IS 'Amount in the statement currency: charges negative, credits positive.';
COMMENT ON COLUMN analytics.transactions.currency IS 'ISO 4217 currency of amount.';
COMMENT ON COLUMN analytics.transactions.foreign_amount IS 'Amount in the foreign currency, when printed.';
COMMENT ON COLUMN analytics.transactions.foreign_currency IS 'The foreign currency, when printed.';
COMMENT ON COLUMN analytics.transactions.fingerprint IS 'Identity of the transaction across files: what makes ingest exactly-once.';
COMMENT ON COLUMN analytics.transactions.inserted_at IS 'When it was stored.';
COMMENT ON COLUMN analytics.transactions.kind IS 'purchase, refund, payment, fee, interest, cash_advance, balance_transfer, adjustment, deposit, withdrawal or transfer (analytics.kinds).';

COMMENT ON TABLE analytics.spend_by_month_card_category IS 'Summary kept exact by every ingest: month x card x category x kind x currency.';
COMMENT ON COLUMN analytics.spend_by_month_card_category.month IS 'First day of the month of the posting date.';
COMMENT ON COLUMN analytics.spend_by_month_card_category.card_id IS 'The card.';
COMMENT ON COLUMN analytics.spend_by_month_card_category.category_id IS 'The category (NULL: none).';
COMMENT ON COLUMN analytics.spend_by_month_card_category.kind IS 'Transaction kind.';
COMMENT ON COLUMN analytics.spend_by_month_card_category.currency IS 'Currency.';
COMMENT ON COLUMN analytics.spend_by_month_card_category.txn_count IS 'Number of transactions.';
COMMENT ON COLUMN analytics.spend_by_month_card_category.spend IS 'Minus the sum of the negative amounts (charges, positive).';
COMMENT ON COLUMN analytics.spend_by_month_card_category.credits IS 'Sum of the positive amounts.';
COMMENT ON COLUMN analytics.spend_by_month_card_category.net IS 'Sum of the amounts.';

COMMENT ON TABLE analytics.spend_by_month_merchant IS 'Summary kept exact by every ingest: month x card x merchant x category x kind x currency.';
COMMENT ON COLUMN analytics.spend_by_month_merchant.month IS 'First day of the month of the posting date.';
COMMENT ON COLUMN analytics.spend_by_month_merchant.card_id IS 'The card.';
COMMENT ON COLUMN analytics.spend_by_month_merchant.merchant_id IS 'The merchant (NULL: none).';
COMMENT ON COLUMN analytics.spend_by_month_merchant.category_id IS 'The category (NULL: none).';
COMMENT ON COLUMN analytics.spend_by_month_merchant.kind IS 'Transaction kind.';
COMMENT ON COLUMN analytics.spend_by_month_merchant.currency IS 'Currency.';
COMMENT ON COLUMN analytics.spend_by_month_merchant.txn_count IS 'Number of transactions.';
COMMENT ON COLUMN analytics.spend_by_month_merchant.spend IS 'Minus the sum of the negative amounts.';
COMMENT ON COLUMN analytics.spend_by_month_merchant.credits IS 'Sum of the positive amounts.';
COMMENT ON COLUMN analytics.spend_by_month_merchant.net IS 'Sum of the amounts.';

COMMENT ON VIEW analytics.spend_by_day_card_category IS 'Day x card x category x kind x currency, computed from the transactions.';
COMMENT ON VIEW analytics.transactions_v IS 'Transactions with names instead of ids: card issuer, last 4 and label, merchant, category, kind, source file.';
COMMENT ON VIEW analytics.monthly_spend_v IS 'Month x card x category x currency: transactions, spend (purchases + fees + interest + cash advances + withdrawals - refunds), refunds and payments.';
COMMENT ON VIEW analytics.statement_chain_v IS 'Each statement beside the previous one of its card: gap_days between periods and chain_break when its previous balance is not the last new balance.';

COMMENT ON FUNCTION analytics.refresh_summaries() IS 'Rebuild the summary tables from analytics.transactions.';
COMMENT ON FUNCTION analytics.kind_from_text(text, numeric) IS 'Kind of a row from its description and sign alone (the parser also knows the section).';
COMMENT ON FUNCTION analytics.ensure_partitions(date, date) IS 'Create the yearly partitions a date range needs; returns how many were made.';
COMMENT ON FUNCTION analytics.create_year_partition(integer) IS 'Create one yearly partition, moving its rows out of the default partition.';
COMMENT ON FUNCTION analytics.category_for_merchant(text) IS 'Category of a normalized merchant name by the keyword rules.';

-- The views' columns.
COMMENT ON COLUMN analytics.spend_by_day_card_category.day IS 'Posting date.';
COMMENT ON COLUMN analytics.spend_by_day_card_category.card_id IS 'The card.';
COMMENT ON COLUMN analytics.spend_by_day_card_category.category_id IS 'The category (NULL: none).';
COMMENT ON COLUMN analytics.spend_by_day_card_category.kind IS 'Transaction kind.';
COMMENT ON COLUMN analytics.spend_by_day_card_category.currency IS 'Currency.';
COMMENT ON COLUMN analytics.spend_by_day_card_category.txn_count IS 'Number of transactions.';
COMMENT ON COLUMN analytics.spend_by_day_card_category.spend IS 'Minus the sum of the negative amounts.';
COMMENT ON COLUMN analytics.spend_by_day_card_category.credits IS 'Sum of the positive amounts.';
COMMENT ON COLUMN analytics.spend_by_day_card_category.net IS 'Sum of the amounts.';

COMMENT ON COLUMN analytics.transactions_v.id IS 'Transaction id.';
COMMENT ON COLUMN analytics.transactions_v.transaction_date IS 'Date of the transaction.';
COMMENT ON COLUMN analytics.transactions_v.posting_date IS 'Date it was posted.';
COMMENT ON COLUMN analytics.transactions_v.card_id IS 'The card''s id.';
COMMENT ON COLUMN analytics.transactions_v.issuer IS 'Card issuer (bank profile id).';
COMMENT ON COLUMN analytics.transactions_v.card_last4 IS 'Last 4 digits of the card.';
COMMENT ON COLUMN analytics.transactions_v.card_label IS 'The owner''s name for the card.';
COMMENT ON COLUMN analytics.transactions_v.merchant_id IS 'The merchant''s id.';
COMMENT ON COLUMN analytics.transactions_v.merchant IS 'Normalized merchant name.';
COMMENT ON COLUMN analytics.transactions_v.category_id IS 'The category''s id.';
COMMENT ON COLUMN analytics.transactions_v.category IS 'Category name.';
COMMENT ON COLUMN analytics.transactions_v.kind IS 'Transaction kind (analytics.kinds).';
COMMENT ON COLUMN analytics.transactions_v.amount IS 'Amount: charges negative, credits positive.';
COMMENT ON COLUMN analytics.transactions_v.currency IS 'Currency of amount.';
COMMENT ON COLUMN analytics.transactions_v.foreign_amount IS 'Amount in the foreign currency, when printed.';
COMMENT ON COLUMN analytics.transactions_v.foreign_currency IS 'The foreign currency, when printed.';
COMMENT ON COLUMN analytics.transactions_v.description IS 'Description as printed.';
COMMENT ON COLUMN analytics.transactions_v.statement_id IS 'The statement it was read from.';
COMMENT ON COLUMN analytics.transactions_v.file_path IS 'The file that statement was first seen at.';

COMMENT ON COLUMN analytics.monthly_spend_v.month IS 'First day of the month.';
COMMENT ON COLUMN analytics.monthly_spend_v.card_id IS 'The card''s id.';
COMMENT ON COLUMN analytics.monthly_spend_v.issuer IS 'Card issuer.';
COMMENT ON COLUMN analytics.monthly_spend_v.card_last4 IS 'Last 4 digits of the card.';
COMMENT ON COLUMN analytics.monthly_spend_v.card_label IS 'The owner''s name for the card.';
COMMENT ON COLUMN analytics.monthly_spend_v.category_id IS 'The category''s id (NULL: none).';
COMMENT ON COLUMN analytics.monthly_spend_v.category IS 'Category name.';
COMMENT ON COLUMN analytics.monthly_spend_v.currency IS 'Currency; figures of different currencies are never added.';
COMMENT ON COLUMN analytics.monthly_spend_v.transactions IS 'Number of transactions of every kind.';
COMMENT ON COLUMN analytics.monthly_spend_v.spend IS 'Purchases + fees + interest + cash advances + withdrawals - refunds, positive.';
COMMENT ON COLUMN analytics.monthly_spend_v.refunds IS 'Sum of refunds, positive.';
COMMENT ON COLUMN analytics.monthly_spend_v.payments IS 'Sum of payments to the card, positive.';

COMMENT ON COLUMN analytics.statement_chain_v.statement_id IS 'The statement.';
COMMENT ON COLUMN analytics.statement_chain_v.card_id IS 'The card''s id.';
COMMENT ON COLUMN analytics.statement_chain_v.issuer IS 'Card issuer.';
COMMENT ON COLUMN analytics.statement_chain_v.card_last4 IS 'Last 4 digits of the card.';
COMMENT ON COLUMN analytics.statement_chain_v.currency IS 'Statement currency.';
COMMENT ON COLUMN analytics.statement_chain_v.period_start IS 'First day of the period.';
COMMENT ON COLUMN analytics.statement_chain_v.period_end IS 'Last day of the period.';
COMMENT ON COLUMN analytics.statement_chain_v.statement_date IS 'Statement date.';
COMMENT ON COLUMN analytics.statement_chain_v.previous_balance IS 'Previous balance as printed.';
COMMENT ON COLUMN analytics.statement_chain_v.new_balance IS 'New balance as printed.';
COMMENT ON COLUMN analytics.statement_chain_v.reconciled IS 'The statement reconciles with its printed totals.';
COMMENT ON COLUMN analytics.statement_chain_v.reconcile_difference IS 'Sum of transactions minus the printed change.';
COMMENT ON COLUMN analytics.statement_chain_v.transaction_count IS 'Transactions read.';
COMMENT ON COLUMN analytics.statement_chain_v.source_file_id IS 'The file.';
COMMENT ON COLUMN analytics.statement_chain_v.file_path IS 'Where the file was first seen.';
COMMENT ON COLUMN analytics.statement_chain_v.prev_statement_id IS 'The card''s statement before this one (by period end).';
COMMENT ON COLUMN analytics.statement_chain_v.prev_period_end IS 'Its period end.';
COMMENT ON COLUMN analytics.statement_chain_v.prev_new_balance IS 'Its new balance.';
COMMENT ON COLUMN analytics.statement_chain_v.gap_days IS 'Days between the end of the previous period and the start of this one (0: adjoining; NULL: first statement).';
COMMENT ON COLUMN analytics.statement_chain_v.chain_break IS 'The previous balance printed here differs from the previous statement''s new balance.';
