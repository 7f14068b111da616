package org.clueexchange.core.ledger.messages;

import org.clueexchange.core.ledger.FactKind;

/** 受理: the receiver took the clue on under its own case number. */
public record ClueAcceptanceRecorded(String clueId, Assertion assertion,
                                     String receiverCaseNumber) implements FactRecorded {

    @Override
    public FactKind factKind() {
        return FactKind.ACCEPTED;
    }
}
