-- A time limit's status (OPEN, MET, BREACHED) is stored as the ledger entry's events decide it, by the one rule the
-- core keeps in Java (TimeLimit), instead of being derived again in SQL from a breached flag and a late flag.
-- Existing rows keep the status they were shown with: breached when fulfilled late, or when the limit fell due and
-- nothing fulfilled it; met when fulfilled in time; open otherwise.
ALTER TABLE ledger_clock ADD COLUMN status VARCHAR(16);
UPDATE ledger_clock SET status = CASE
    WHEN late OR (breached AND stopped_by IS NULL) THEN 'BREACHED'
    WHEN stopped_by IS NOT NULL THEN 'MET'
    ELSE 'OPEN' END;
ALTER TABLE ledger_clock ALTER COLUMN status SET NOT NULL;
ALTER TABLE ledger_clock DROP COLUMN breached, DROP COLUMN late;
