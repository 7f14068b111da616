package org.clueexchange.core.ledger;

public record ClueTransferRecorded(String clueId, Assertion assertion, AgencyId receiver, TransferredClue clue) {
}
