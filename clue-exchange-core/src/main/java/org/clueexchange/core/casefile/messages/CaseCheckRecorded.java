package org.clueexchange.core.casefile.messages;

import org.clueexchange.core.casefile.CaseFactKind;
import org.clueexchange.core.ledger.messages.Assertion;
import org.clueexchange.events.CaseCheck;

/** 一案三查: the commission completed one of the case's three checks, with what it found. */
public record CaseCheckRecorded(String caseNumber, Assertion assertion, CaseCheck check, String finding)
        implements CaseFactRecorded {

    @Override
    public CaseFactKind factKind() {
        return CaseFactKind.CASE_CHECK_COMPLETED;
    }
}
