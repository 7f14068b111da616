-- One table for the statements of every cadence (一月一对账, 一季度一对账), each row saying which; every statement
-- issued before was a month's. A period names its cadence too (2020-06, 2020-Q3), so the unique jurisdiction and
-- period still hold. The confirmations, refusals and break notes are keyed by statement id and stay as they are.
ALTER TABLE monthly_statement ADD COLUMN cadence VARCHAR(16) NOT NULL DEFAULT 'MONTHLY';
ALTER TABLE monthly_statement ALTER COLUMN cadence DROP DEFAULT;
ALTER TABLE monthly_statement RENAME TO reconciliation_statement;
