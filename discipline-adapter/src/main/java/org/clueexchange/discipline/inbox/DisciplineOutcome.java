package org.clueexchange.discipline.inbox;

import org.clueexchange.events.Outcome;

/** What a discipline commission's handling of a clue came to, per person. */
public enum DisciplineOutcome {
    /** 立案审查调查. */
    PUT_ON_FILE(Outcome.PUT_ON_FILE),
    /** 党纪处分. */
    PARTY_DISCIPLINE(Outcome.PARTY_DISCIPLINE),
    /** 政务处分. */
    ADMINISTRATIVE_SANCTION(Outcome.ADMINISTRATIVE_SANCTION),
    /** 组织处理. */
    ORGANISATIONAL_HANDLING(Outcome.ORGANISATIONAL_HANDLING),
    /** 问责. */
    ACCOUNTABILITY(Outcome.ACCOUNTABILITY),
    /** 留置. */
    DETENTION(Outcome.DETENTION),
    /** 移送司法机关. */
    TRANSFER_TO_JUDICIARY(Outcome.TRANSFER_TO_JUDICIARY),
    /** 查否. */
    UNFOUNDED(Outcome.UNFOUNDED);

    private final Outcome outcome;

    DisciplineOutcome(Outcome outcome) {
        this.outcome = outcome;
    }

    Outcome outcome() {
        return outcome;
    }
}
