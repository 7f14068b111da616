package org.clueexchange.police.inbox;

import org.clueexchange.events.Outcome;

/** What came of a clue the police handled, per person. */
public enum PoliceResult {
    /** 立案侦查. */
    CRIMINAL_CASE_OPENED(Outcome.CRIMINAL_CASE_OPENED),
    /** 不予立案. */
    NOT_OPENED(Outcome.NOT_OPENED),
    /** 并案侦查. */
    MERGED(Outcome.MERGED),
    /** 移送审查起诉. */
    SENT_FOR_PROSECUTION(Outcome.SENT_FOR_PROSECUTION);

    private final Outcome outcome;

    PoliceResult(Outcome outcome) {
        this.outcome = outcome;
    }

    Outcome outcome() {
        return outcome;
    }
}
