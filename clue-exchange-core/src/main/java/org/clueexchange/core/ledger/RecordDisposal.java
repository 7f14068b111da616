package org.clueexchange.core.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clueexchange.events.DisposalMethod;

/** Record on the ledger how the receiver decided to dispose of the clue (处置). */
public record RecordDisposal(@TargetAggregateIdentifier String clueId, Assertion assertion,
                             DisposalMethod method, String explanation) {
}
