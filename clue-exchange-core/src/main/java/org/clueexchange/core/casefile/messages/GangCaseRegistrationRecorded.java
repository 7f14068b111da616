package org.clueexchange.core.casefile.messages;

import org.clueexchange.core.casefile.CaseFactKind;
import org.clueexchange.core.ledger.messages.Assertion;
import org.clueexchange.events.GangCaseType;

/** 立案: the police registered the gang case, in a jurisdiction of theirs. */
public record GangCaseRegistrationRecorded(String caseNumber, Assertion assertion, GangCaseType caseType,
                                           String caseName, String jurisdiction) implements CaseFactRecorded {

    @Override
    public CaseFactKind factKind() {
        return CaseFactKind.GANG_CASE_REGISTERED;
    }

    /** Whether another registration of the case says the same of it. */
    public boolean agreesWith(GangCaseRegistrationRecorded other) {
        return caseType == other.caseType && caseName.equals(other.caseName)
                && jurisdiction.equals(other.jurisdiction);
    }
}
