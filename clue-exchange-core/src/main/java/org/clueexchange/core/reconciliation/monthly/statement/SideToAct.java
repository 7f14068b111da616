package org.clueexchange.core.reconciliation.monthly.statement;

import org.clueexchange.core.ledger.FactSide;

/** Who has to act on a break: the side whose record is missing or wrong, or both when neither is known right. */
public enum SideToAct {
    SENDER("移送方"),
    RECEIVER("接收方"),
    /** The two copies of a clue differ: neither is known to be the right one. */
    BOTH("双方");

    private final String label;

    SideToAct(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The side that asserts a fact, or should have: supervision, which either side may order, is followed up by the
     * sender, whose clue it is.
     */
    static SideToAct of(FactSide side) {
        return side == FactSide.RECEIVER ? RECEIVER : SENDER;
    }
}
