package org.clueexchange.core.ledger.messages;

import org.clueexchange.core.ledger.FactKind;

/** 反馈确认: the sender acknowledged the feedback; the loop is closed. */
public record FeedbackAcknowledgementRecorded(String clueId, Assertion assertion,
                                              String feedbackEventId) implements FactRecorded {

    @Override
    public FactKind factKind() {
        return FactKind.FEEDBACK_ACKNOWLEDGED;
    }
}
