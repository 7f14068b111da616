package org.clueexchange.core.ledger;

import org.clueexchange.events.DisposalMethod;

public record DisposalRecorded(String clueId, Assertion assertion, DisposalMethod method, String explanation) {
}
