package org.clueexchange.core.ledger;

/**
 * The kinds of fact on a clue's timeline, the side that asserts each, and where the ledger row shows it. For most
 * kinds the row shows the earliest fact; for progress and supervision, which come as a series, the latest.
 */
public enum LedgerFact {
    TRANSFERRED("移送", "transferred", FactSide.SENDER, "transfer", "transferred_at"),
    RECEIVED("签收", "received", FactSide.RECEIVER, "receipt", "received_at"),
    ACCEPTED("受理", "accepted", FactSide.RECEIVER, "acceptance", "accepted_at"),
    RETURNED("退回", "returned", FactSide.RECEIVER, "return", "returned_at"),
    DISPOSED("处置", "disposed of", FactSide.RECEIVER, "disposal", "disposed_at"),
    PROGRESS_REPORTED("进展", "progress reported", FactSide.RECEIVER, "progress", "progressed_at"),
    CONCLUDED("办结", "concluded", FactSide.RECEIVER, "conclusion", "concluded_at"),
    FEEDBACK_SENT("反馈", "feedback sent", FactSide.RECEIVER, "feedback", "feedback_at"),
    FEEDBACK_ACKNOWLEDGED("反馈确认", "feedback acknowledged", FactSide.SENDER, "acknowledgement", "acknowledged_at"),
    SUPERVISION_ORDERED("督办", "supervision ordered", FactSide.EITHER, "supervision", "supervised_at");

    private final String label;
    private final String verb;
    private final FactSide side;
    private final String column;
    private final String atColumn;

    LedgerFact(String label, String verb, FactSide side, String column, String atColumn) {
        this.label = label;
        this.verb = verb;
        this.side = side;
        this.column = column;
        this.atColumn = atColumn;
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

    /** Whether the ledger row shows the latest of these facts rather than the earliest. */
    boolean showsLatest() {
        return this == PROGRESS_REPORTED || this == SUPERVISION_ORDERED;
    }

    /** The ledger row's column holding the shown fact's event id. */
    String eventIdColumn() {
        return column + "_event_id";
    }

    /** The ledger row's column holding when the shown fact occurred. */
    String atColumn() {
        return atColumn;
    }
}
