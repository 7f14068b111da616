package org.clueexchange.core.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record on the ledger a progress report of the receiver (进展). */
public record RecordProgress(@TargetAggregateIdentifier String clueId, Assertion assertion, String summary) {
}
