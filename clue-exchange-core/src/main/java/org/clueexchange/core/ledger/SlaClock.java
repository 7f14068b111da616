package org.clueexchange.core.ledger;

import static org.clueexchange.core.ledger.FactKind.ACCEPTED;
import static org.clueexchange.core.ledger.FactKind.DISPOSED;
import static org.clueexchange.core.ledger.FactKind.FEEDBACK_SENT;
import static org.clueexchange.core.ledger.FactKind.RECEIVED;
import static org.clueexchange.core.ledger.FactKind.RETURNED;
import static org.clueexchange.core.ledger.FactKind.TRANSFERRED;

import java.util.EnumSet;
import java.util.Set;

/**
 * The time limits the agencies agreed for a transferred clue (移交线索优先处置, 当天受理当天分流, 及时反馈). Each
 * starts with the earliest fact of one kind and stops with the earliest fact of the kinds that fulfil it; a return
 * (退回) ends every one of them.
 */
public enum SlaClock {
    /** The receiver picks the clue up (签收) within a time after its transfer. */
    PICK_UP("签收时限", TRANSFERRED, EnumSet.of(RECEIVED, RETURNED)),
    /** The receiver accepts (受理) or returns the clue by the end of the day (UTC+8) it was transferred. */
    SAME_DAY_ACCEPTANCE("当天受理", TRANSFERRED, EnumSet.of(ACCEPTED, RETURNED)),
    /** The receiver decides how to dispose of the clue (处置) within hours of accepting it. */
    DISPOSAL("处置时限", ACCEPTED, EnumSet.of(DISPOSED, RETURNED)),
    /** The receiver reports the results back (反馈) within days of accepting it. */
    FEEDBACK("反馈时限", ACCEPTED, EnumSet.of(FEEDBACK_SENT, RETURNED));

    private final String label;
    private final FactKind startedBy;
    private final Set<FactKind> stoppedBy;

    SlaClock(String label, FactKind startedBy, Set<FactKind> stoppedBy) {
        this.label = label;
        this.startedBy = startedBy;
        this.stoppedBy = stoppedBy;
    }

    public String label() {
        return label;
    }

    public FactKind startedBy() {
        return startedBy;
    }

    public Set<FactKind> stoppedBy() {
        return stoppedBy;
    }
}
