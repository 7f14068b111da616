-- Statements find a jurisdiction's clues by a range of codes on the plain jurisdiction indexes, then look up each
-- clue's facts by key. The indexes that found them by LIKE prefix, a month's facts across the whole ledger, or the
-- open clues of the whole ledger are no longer read: they only slowed the projection's writes.
DROP INDEX transfer_ledger_sender_scope;
DROP INDEX transfer_ledger_receiver_scope;
DROP INDEX ledger_fact_occurred;
DROP INDEX ledger_fact_recorded;
DROP INDEX transfer_ledger_open;
DROP INDEX transfer_ledger_acknowledged;
DROP INDEX transfer_ledger_returned;

-- Only a fact that reached the ledger after the month (UTC+8) it occurred in had ended can amend a statement, since
-- none is confirmed before its month ends. They are few; this index holds them alone (LedgerSnapshots.recordedLate
-- repeats its predicate word for word).
CREATE INDEX ledger_fact_recorded_after_month ON ledger_fact (recorded_at)
    WHERE date_trunc('month', recorded_at AT TIME ZONE INTERVAL '+08:00')
        > date_trunc('month', occurred_at AT TIME ZONE INTERVAL '+08:00');
