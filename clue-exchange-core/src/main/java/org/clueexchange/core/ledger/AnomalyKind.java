package org.clueexchange.core.ledger;

/** Pairs of facts that cannot both be true; the ledger records them and reconciliation shows them. */
public enum AnomalyKind {
    /** A transfer of a clue id that an earlier transfer (another event) already transferred. */
    REPEATED_TRANSFER("重复移送"),
    /** A receiver-side fact asserted by an agency other than the one a transfer names. */
    RECEIVER_MISMATCH("接收方不一致"),
    /** A receipt dated before the transfer it acknowledges. */
    RECEIVED_BEFORE_TRANSFERRED("签收早于移送"),
    /** An acceptance dated before the receipt. */
    ACCEPTED_BEFORE_RECEIVED("受理早于签收");

    private final String label;

    AnomalyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
