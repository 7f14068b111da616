package org.clueexchange.core.ledger.query;

/**
 * Where the transfer ledger projection's writes go: the live tables, in the event processor's transactions
 * ({@link CommittedLedgerWrites}), or a ledger built in memory and copied into a schema of its own
 * ({@link ReplayedLedgerTables}).
 */
interface LedgerWrites {

    /** One event's writes to its clue's rows. */
    void add(String clueId, LedgerBatch writes);

    /** Every row goes, before the events are applied again from the first. */
    void reset();
}
