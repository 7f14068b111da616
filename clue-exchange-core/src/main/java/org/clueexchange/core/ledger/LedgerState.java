package org.clueexchange.core.ledger;

import java.util.Set;

/** Where a clue stands, from both sides' facts together: the furthest stage its facts reached. */
public enum LedgerState {
    /** No transfer of the clue reached the ledger (yet), whatever else the receiver asserted. */
    AWAITING_TRANSFER("未见移送"),
    TRANSFERRED("已移送"),
    RECEIVED("已签收"),
    ACCEPTED("已受理"),
    IN_PROGRESS("处置中"),
    RETURNED("已退回"),
    CONCLUDED("已办结"),
    FEEDBACK_SENT("已反馈"),
    /** The sender acknowledged the feedback: the loop is closed (销号). */
    CLOSED("已销号");

    private final String label;

    LedgerState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static LedgerState of(Set<FactKind> present) {
        if (!present.contains(FactKind.TRANSFERRED)) {
            return AWAITING_TRANSFER;
        }
        if (present.contains(FactKind.FEEDBACK_ACKNOWLEDGED)) {
            return CLOSED;
        }
        if (present.contains(FactKind.FEEDBACK_SENT)) {
            return FEEDBACK_SENT;
        }
        if (present.contains(FactKind.CONCLUDED)) {
            return CONCLUDED;
        }
        if (present.contains(FactKind.RETURNED)) {
            return RETURNED;
        }
        if (present.contains(FactKind.DISPOSED) || present.contains(FactKind.PROGRESS_REPORTED)) {
            return IN_PROGRESS;
        }
        if (present.contains(FactKind.ACCEPTED)) {
            return ACCEPTED;
        }
        if (present.contains(FactKind.RECEIVED)) {
            return RECEIVED;
        }
        return TRANSFERRED;
    }
}
