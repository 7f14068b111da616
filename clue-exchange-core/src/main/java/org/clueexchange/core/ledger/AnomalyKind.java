package org.clueexchange.core.ledger;

/** Pairs of facts that cannot both be true; the ledger records them and reconciliation shows them. */
public enum AnomalyKind {
    /** A transfer of a clue id that an earlier transfer (another event) already transferred. */
    REPEATED_TRANSFER("重复移送"),
    /**
     * A receiver-side fact asserted by an agency other than the one a transfer names. Once the clue's transfer is on
     * the entry such a fact is refused, so this marks one that came before it, or one a repeated transfer naming
     * another receiver contradicts.
     */
    RECEIVER_MISMATCH("接收方不一致"),
    /**
     * A sender-side fact asserted by an agency other than the one that transferred the clue; refused, as the above,
     * once the transfer is on the entry.
     */
    SENDER_MISMATCH("移送方不一致"),
    /** A fact dated before a fact it presupposes: a receipt before its transfer, feedback before conclusion. */
    OUT_OF_SEQUENCE("时序倒置"),
    /** The receiver both accepted and returned the clue. */
    ACCEPTED_AND_RETURNED("受理与退回矛盾"),
    /**
     * A receipt naming the sender's case number, as the transfer letter the receiver holds gives it, that the
     * transfer does not name: the letter and the transfer may not be of the same clue (移送方案号不一致).
     */
    SENDER_CASE_NUMBER_MISMATCH("移送方案号不一致"),
    /**
     * A fact its agency asserted longer after it occurred than the agreed tolerance: it is judged by when it
     * occurred, but nobody could know of it until it was asserted (迟报). It is its own related fact.
     */
    LATE_ASSERTION("迟报"),
    /**
     * A fact that fulfils a time limit by when it occurred, asserted only after the limit had fallen due: the limit
     * counts as met, but a breach the exchange had already seen is undone by a fact dated back (超时后补报).
     */
    FULFILLED_AFTER_BREACH("超时后补报"),
    /**
     * A fact whose prerequisite never arrived: concluded without an acceptance, feedback without a conclusion. Not
     * recorded but judged as of a moment ({@link MissingPrerequisite}), since a prerequisite merely late is not
     * missing until its time limit has passed.
     */
    MISSING_PREREQUISITE("缺少前序事实");

    private final String label;

    AnomalyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
