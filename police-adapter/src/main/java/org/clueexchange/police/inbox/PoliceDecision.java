package org.clueexchange.police.inbox;

import org.clueexchange.events.DisposalMethod;

/** How the police handle a clue a discipline commission transferred to them. */
public enum PoliceDecision {
    /** 立案侦查. */
    CRIMINAL_INVESTIGATION(DisposalMethod.CRIMINAL_INVESTIGATION),
    /** 初查. */
    PRELIMINARY_INQUIRY(DisposalMethod.PRELIMINARY_INQUIRY),
    /** 并案侦查. */
    MERGED_INVESTIGATION(DisposalMethod.MERGED_INVESTIGATION),
    /** 不予立案. */
    NOT_OPENED(DisposalMethod.NOT_OPENED);

    private final DisposalMethod method;

    PoliceDecision(DisposalMethod method) {
        this.method = method;
    }

    DisposalMethod method() {
        return method;
    }
}
