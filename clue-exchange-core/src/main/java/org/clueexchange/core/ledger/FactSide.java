package org.clueexchange.core.ledger;

/** Which side of a transfer asserted a fact. */
public enum FactSide {
    SENDER("移送方"),
    RECEIVER("接收方");

    private final String label;

    FactSide(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
