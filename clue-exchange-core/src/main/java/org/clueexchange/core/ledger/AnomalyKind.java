package org.clueexchange.core.ledger;

/** Pairs of facts that cannot both be true; the ledger records them and reconciliation shows them. */
public enum AnomalyKind {
    /** A transfer of a clue id that an earlier transfer (another event) already transferred. */
    REPEATED_TRANSFER("重复移送"),
    /** A receiver-side fact asserted by an agency other than the one a transfer names. */
    RECEIVER_MISMATCH("接收方不一致"),
    /** A sender-side fact asserted by an agency other than the one that transferred the clue. */
    SENDER_MISMATCH("移送方不一致"),
    /** A fact dated before a fact it presupposes: a receipt before its transfer, feedback before conclusion. */
    OUT_OF_SEQUENCE("时序倒置"),
    /** The receiver both accepted and returned the clue. */
    ACCEPTED_AND_RETURNED("受理与退回矛盾");

    private final String label;

    AnomalyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
