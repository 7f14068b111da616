package org.clueexchange.core.ledger.messages;

import org.clueexchange.core.ledger.FactKind;

/** 进展: the receiver reported how handling is going. */
public record ProgressRecorded(String clueId, Assertion assertion, String summary) implements FactRecorded {

    @Override
    public FactKind factKind() {
        return FactKind.PROGRESS_REPORTED;
    }
}
