package org.clueexchange.core.ledger.messages;

import org.clueexchange.core.ledger.Direction;
import org.clueexchange.core.ledger.LedgerState;

/**
 * Ledger entries of clues sent or received within {@code jurisdiction} (a county, prefecture or province code,
 * with everything inside it), optionally of one direction and state, with or without anomalies, with or without a
 * breached time limit. Null means any.
 */
public record ListLedgerEntries(String jurisdiction, Direction direction, LedgerState state, Boolean anomalous,
                                Boolean breached, int limit, int offset) {
}
