package org.clueexchange.core.ledger;

/** Where a clue stands, from both sides' facts together. */
public enum LedgerState {
    /** The receiver asserted facts about a clue whose transfer has not reached the ledger (yet). */
    AWAITING_TRANSFER("未见移送"),
    TRANSFERRED("已移送"),
    RECEIVED("已签收"),
    ACCEPTED("已受理");

    private final String label;

    LedgerState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static LedgerState of(boolean transferred, boolean received, boolean accepted) {
        if (!transferred) {
            return AWAITING_TRANSFER;
        }
        if (accepted) {
            return ACCEPTED;
        }
        return received ? RECEIVED : TRANSFERRED;
    }
}
