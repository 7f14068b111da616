package org.clueexchange.core.ledger.messages;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record on its clue's ledger entry a fact an agency asserted. A fact is not a request the entry may refuse: it is
 * recorded as it was asserted, whatever else the entry holds, so the command carries it as the event it becomes.
 */
public record RecordFact(FactRecorded fact) {

    @TargetAggregateIdentifier
    public String clueId() {
        return fact.clueId();
    }
}
