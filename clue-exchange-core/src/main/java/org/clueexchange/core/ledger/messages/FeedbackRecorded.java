package org.clueexchange.core.ledger.messages;

import java.util.List;
import org.clueexchange.core.ledger.FactKind;

/** 反馈: the receiver reported the results back to the sender. */
public record FeedbackRecorded(String clueId, Assertion assertion, List<OutcomeTally> outcomes,
                               String summary) implements FactRecorded {

    @Override
    public FactKind factKind() {
        return FactKind.FEEDBACK_SENT;
    }
}
