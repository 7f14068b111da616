package org.clueexchange.core.ledger;

/** The kinds of fact on a clue's timeline, and the side that asserts each. */
public enum LedgerFact {
    TRANSFERRED("移送", FactSide.SENDER),
    RECEIVED("签收", FactSide.RECEIVER),
    ACCEPTED("受理", FactSide.RECEIVER);

    private final String label;
    private final FactSide side;

    LedgerFact(String label, FactSide side) {
        this.label = label;
        this.side = side;
    }

    public String label() {
        return label;
    }

    public FactSide side() {
        return side;
    }
}
