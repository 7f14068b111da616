package org.clueexchange.core.ledger;

/** Which side of a transfer asserts a kind of fact. */
public enum FactSide {
    SENDER("移送方"),
    RECEIVER("接收方"),
    /** Supervision can be ordered by either agency, or by a higher level of either. */
    EITHER("任一方");

    private final String label;

    FactSide(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
