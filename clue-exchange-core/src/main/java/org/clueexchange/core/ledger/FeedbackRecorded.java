package org.clueexchange.core.ledger;

import java.util.List;

public record FeedbackRecorded(String clueId, Assertion assertion, List<OutcomeTally> outcomes, String summary) {
}
