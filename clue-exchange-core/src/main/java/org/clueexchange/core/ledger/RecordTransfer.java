package org.clueexchange.core.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record on the ledger that the sender asserts it transferred a clue. */
public record RecordTransfer(@TargetAggregateIdentifier String clueId, Assertion assertion, AgencyId receiver,
                             TransferredClue clue) {
}
