package org.clueexchange.discipline.inbox;

import org.clueexchange.events.Outcome;

/** What a discipline commission's handling of a clue came to, per person. */
public enum DisciplineOutcome {
    /** 立案审查调查. */
    PUT_ON_FILE,
    /** 党纪处分. */
    PARTY_DISCIPLINE,
    /** 政务处分. */
    ADMINISTRATIVE_SANCTION,
    /** 组织处理. */
    ORGANISATIONAL_HANDLING,
    /** 问责. */
    ACCOUNTABILITY,
    /** 留置. */
    DETENTION,
    /** 移送司法机关. */
    TRANSFER_TO_JUDICIARY,
    /** 查否. */
    UNFOUNDED;

    /** The exchange's word for it: each is named as the outcome of the contract it stands for. */
    Outcome outcome() {
        return Outcome.valueOf(name());
    }
}
