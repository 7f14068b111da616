package org.clueexchange.core.ledger;

/** One clue's ledger entry, with its timeline. */
public record FindLedgerEntry(String clueId) {
}
