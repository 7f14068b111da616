package org.clueexchange.core.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record on the ledger that the receiver asserts it took the clue on under its own case number. */
public record RecordAcceptance(@TargetAggregateIdentifier String clueId, Assertion assertion,
                               String receiverCaseNumber) {
}
