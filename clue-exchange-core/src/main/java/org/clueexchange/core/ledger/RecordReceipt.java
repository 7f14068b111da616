package org.clueexchange.core.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record on the ledger that the receiver asserts the clue reached it, holding content of this digest. */
public record RecordReceipt(@TargetAggregateIdentifier String clueId, Assertion assertion, AgencyId sender,
                            String contentDigest) {
}
