package org.clueexchange.core.ledger;

public record ClueReceiptRecorded(String clueId, Assertion assertion, AgencyId sender, String contentDigest) {
}
