package org.clueexchange.core.ledger;

public record ProgressRecorded(String clueId, Assertion assertion, String summary) {
}
