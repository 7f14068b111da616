package org.clueexchange.core.ledger;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of fact on a clue's timeline, the side of a transfer that asserts each, and what each presupposes. */
public enum FactKind {
    TRANSFERRED("移送", "transferred", FactSide.SENDER),
    RECEIVED("签收", "received", FactSide.RECEIVER),
    ACCEPTED("受理", "accepted", FactSide.RECEIVER),
    RETURNED("退回", "returned", FactSide.RECEIVER),
    DISPOSED("处置", "disposed of", FactSide.RECEIVER),
    PROGRESS_REPORTED("进展", "progress reported", FactSide.RECEIVER),
    CONCLUDED("办结", "concluded", FactSide.RECEIVER),
    FEEDBACK_SENT("反馈", "feedback sent", FactSide.RECEIVER),
    FEEDBACK_ACKNOWLEDGED("反馈确认", "feedback acknowledged", FactSide.SENDER),
    SUPERVISION_ORDERED("督办", "supervision ordered", FactSide.EITHER);

    private final String label;
    private final String verb;
    private final FactSide side;

    FactKind(String label, String verb, FactSide side) {
        this.label = label;
        this.verb = verb;
        this.side = side;
    }

    public String label() {
        return label;
    }

    /** The fact as a past participle, for anomaly details: "received at …". */
    public String verb() {
        return verb;
    }

    public FactSide side() {
        return side;
    }

    /** The facts that must have happened before one of this kind can: a receipt presupposes a transfer. */
    public Set<FactKind> prerequisites() {
        return switch (this) {
            case RECEIVED, RETURNED -> EnumSet.of(TRANSFERRED);
            case ACCEPTED -> EnumSet.of(RECEIVED);
            case DISPOSED, PROGRESS_REPORTED, CONCLUDED -> EnumSet.of(ACCEPTED);
            case FEEDBACK_SENT -> EnumSet.of(CONCLUDED);
            case FEEDBACK_ACKNOWLEDGED -> EnumSet.of(FEEDBACK_SENT);
            case TRANSFERRED, SUPERVISION_ORDERED -> EnumSet.noneOf(FactKind.class);
        };
    }
}
