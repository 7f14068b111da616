package org.clueexchange.core.ledger;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record on the ledger the results the receiver reported back (反馈). */
public record RecordFeedback(@TargetAggregateIdentifier String clueId, Assertion assertion,
                             List<OutcomeTally> outcomes, String summary) {
}
