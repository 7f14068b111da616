package org.clueexchange.core.ledger;

public record ClueAcceptanceRecorded(String clueId, Assertion assertion, String receiverCaseNumber) {
}
