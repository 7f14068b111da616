package org.clueexchange.core.ledger;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record on the ledger that the receiver concluded the clue (办结), with its outcomes. */
public record RecordConclusion(@TargetAggregateIdentifier String clueId, Assertion assertion,
                               List<OutcomeTally> outcomes, String summary) {
}
