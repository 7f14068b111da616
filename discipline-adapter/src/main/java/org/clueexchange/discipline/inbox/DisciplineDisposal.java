package org.clueexchange.discipline.inbox;

import org.clueexchange.events.DisposalMethod;

/** How a discipline commission disposes of a clue (四种处置方式, and 立案 after verification). */
public enum DisciplineDisposal {
    /** 谈话函询. */
    TALK_OR_LETTER_INQUIRY,
    /** 初步核实. */
    PRELIMINARY_VERIFICATION,
    /** 暂存待查. */
    HOLD_PENDING,
    /** 予以了结. */
    CLOSE,
    /** 立案审查调查. */
    PUT_ON_FILE;

    /** The exchange's word for it: each is named as the disposal method of the contract it stands for. */
    DisposalMethod method() {
        return DisposalMethod.valueOf(name());
    }
}
