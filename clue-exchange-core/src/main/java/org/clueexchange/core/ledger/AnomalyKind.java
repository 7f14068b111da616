package org.clueexchange.core.ledger;

/** Sequences of facts that cannot all be true; the ledger records them and reconciliation shows them. */
public enum AnomalyKind {
    /** A second transfer, with another event id, of a clue id already transferred. */
    REPEATED_TRANSFER("重复移送"),
    /** A receiver-side fact asserted by an agency other than the one the transfer names. */
    RECEIVER_MISMATCH("接收方不一致"),
    /** The receipt says it happened before the transfer did. */
    RECEIVED_BEFORE_TRANSFERRED("签收早于移送"),
    /** The receiver accepted the clue without having acknowledged receipt first. */
    ACCEPTED_WITHOUT_RECEIPT("未签收即受理"),
    /** The acceptance says it happened before the receipt did. */
    ACCEPTED_BEFORE_RECEIVED("受理早于签收");

    private final String label;

    AnomalyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
