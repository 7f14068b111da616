package org.clueexchange.core.ledger.messages;

/** One clue's ledger entry, with its timeline. */
public record FindLedgerEntry(String clueId) {
}
