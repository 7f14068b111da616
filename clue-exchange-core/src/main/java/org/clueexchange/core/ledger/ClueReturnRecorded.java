package org.clueexchange.core.ledger;

import org.clueexchange.events.ReturnReason;

public record ClueReturnRecorded(String clueId, Assertion assertion, ReturnReason reason, String explanation) {
}
