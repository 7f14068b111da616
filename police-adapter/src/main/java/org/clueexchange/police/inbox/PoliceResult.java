package org.clueexchange.police.inbox;

import org.clueexchange.events.Outcome;

/** What came of a clue the police handled, per person. */
public enum PoliceResult {
    /** 立案侦查. */
    CRIMINAL_CASE_OPENED,
    /** 不予立案. */
    NOT_OPENED,
    /** 并案侦查. */
    MERGED,
    /** 移送审查起诉. */
    SENT_FOR_PROSECUTION;

    /** The exchange's word for it: each is named as the outcome of the contract it stands for. */
    Outcome outcome() {
        return Outcome.valueOf(name());
    }
}
