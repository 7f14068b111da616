package org.clueexchange.core.casefile.messages;

import org.clueexchange.core.casefile.CaseFactKind;
import org.clueexchange.core.ledger.messages.Assertion;
import org.clueexchange.events.OfficialRank;

/**
 * 同步跟进: the commission opened its follow-up of the case, or of one official in it.
 *
 * @param personKey the official followed up; none for the case as a whole
 * @param rank      the official's rank as the commission records it; none for the case as a whole
 */
public record FollowUpRecorded(String caseNumber, Assertion assertion, String personKey, OfficialRank rank)
        implements CaseFactRecorded {

    @Override
    public CaseFactKind factKind() {
        return CaseFactKind.FOLLOW_UP_OPENED;
    }
}
