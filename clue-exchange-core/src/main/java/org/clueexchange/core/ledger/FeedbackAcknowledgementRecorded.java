package org.clueexchange.core.ledger;

public record FeedbackAcknowledgementRecorded(String clueId, Assertion assertion, String feedbackEventId) {
}
