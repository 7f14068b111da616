package org.clueexchange.core.ledger.messages;

import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.events.DisposalMethod;

/** 处置: the receiver decided how to handle the clue. */
public record DisposalRecorded(String clueId, Assertion assertion, DisposalMethod method,
                               String explanation) implements FactRecorded {

    @Override
    public FactKind factKind() {
        return FactKind.DISPOSED;
    }
}
