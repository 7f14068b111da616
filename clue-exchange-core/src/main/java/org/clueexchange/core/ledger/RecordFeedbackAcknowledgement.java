package org.clueexchange.core.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record on the ledger that the sender acknowledged the feedback (反馈确认). */
public record RecordFeedbackAcknowledgement(@TargetAggregateIdentifier String clueId, Assertion assertion,
                                            String feedbackEventId) {
}
