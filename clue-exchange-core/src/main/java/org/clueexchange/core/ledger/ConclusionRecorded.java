package org.clueexchange.core.ledger;

import java.util.List;

public record ConclusionRecorded(String clueId, Assertion assertion, List<OutcomeTally> outcomes, String summary) {
}
