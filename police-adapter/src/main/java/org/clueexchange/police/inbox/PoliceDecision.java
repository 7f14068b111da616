package org.clueexchange.police.inbox;

import org.clueexchange.events.DisposalMethod;

/** How the police handle a clue a discipline commission transferred to them. */
public enum PoliceDecision {
    /** 立案侦查. */
    CRIMINAL_INVESTIGATION,
    /** 初查. */
    PRELIMINARY_INQUIRY,
    /** 并案侦查. */
    MERGED_INVESTIGATION,
    /** 不予立案. */
    NOT_OPENED;

    /** The exchange's word for it: each is named as the disposal method of the contract it stands for. */
    DisposalMethod method() {
        return DisposalMethod.valueOf(name());
    }
}
