package org.clueexchange.core.ledger.messages;

import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.events.ReturnReason;

/** 退回: the receiver sent the clue back, saying why. */
public record ClueReturnRecorded(String clueId, Assertion assertion, ReturnReason reason,
                                 String explanation) implements FactRecorded {

    @Override
    public FactKind factKind() {
        return FactKind.RETURNED;
    }
}
