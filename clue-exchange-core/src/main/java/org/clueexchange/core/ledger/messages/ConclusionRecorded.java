package org.clueexchange.core.ledger.messages;

import java.util.List;
import org.clueexchange.core.ledger.FactKind;

/** 办结: the receiver finished handling the clue; persons per outcome. */
public record ConclusionRecorded(String clueId, Assertion assertion, List<OutcomeTally> outcomes,
                                 String summary) implements FactRecorded {

    @Override
    public FactKind factKind() {
        return FactKind.CONCLUDED;
    }
}
