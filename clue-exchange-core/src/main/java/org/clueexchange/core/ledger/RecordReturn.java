package org.clueexchange.core.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clueexchange.events.ReturnReason;

/** Record on the ledger that the receiver returned the clue (退回). */
public record RecordReturn(@TargetAggregateIdentifier String clueId, Assertion assertion,
                           ReturnReason reason, String explanation) {
}
