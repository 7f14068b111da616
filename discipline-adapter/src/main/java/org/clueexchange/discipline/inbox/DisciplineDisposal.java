package org.clueexchange.discipline.inbox;

import org.clueexchange.events.DisposalMethod;

/** How a discipline commission disposes of a clue (四种处置方式, and 立案 after verification). */
public enum DisciplineDisposal {
    /** 谈话函询. */
    TALK_OR_LETTER_INQUIRY(DisposalMethod.TALK_OR_LETTER_INQUIRY),
    /** 初步核实. */
    PRELIMINARY_VERIFICATION(DisposalMethod.PRELIMINARY_VERIFICATION),
    /** 暂存待查. */
    HOLD_PENDING(DisposalMethod.HOLD_PENDING),
    /** 予以了结. */
    CLOSE(DisposalMethod.CLOSE),
    /** 立案审查调查. */
    PUT_ON_FILE(DisposalMethod.PUT_ON_FILE);

    private final DisposalMethod method;

    DisciplineDisposal(DisposalMethod method) {
        this.method = method;
    }

    DisposalMethod method() {
        return method;
    }
}
