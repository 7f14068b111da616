package org.clueexchange.core.ledger;

/**
 * Ledger entries of clues sent or received within {@code jurisdiction} (a county, prefecture or province code,
 * with everything inside it), optionally of one direction and state, or with anomalies only. Null means any.
 */
public record ListLedgerEntries(String jurisdiction, Direction direction, LedgerState state, Boolean anomalous,
                                int limit, int offset) {
}
