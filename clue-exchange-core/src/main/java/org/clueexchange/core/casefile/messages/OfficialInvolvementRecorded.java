package org.clueexchange.core.casefile.messages;

import org.clueexchange.core.casefile.CaseFactKind;
import org.clueexchange.core.ledger.messages.Assertion;
import org.clueexchange.events.InvolvementRole;
import org.clueexchange.events.OfficialRank;

/** 涉案公职人员: the police name a public official involved in the gang case, by person key. */
public record OfficialInvolvementRecorded(String caseNumber, Assertion assertion, String personKey, String name,
                                          String unit, OfficialRank rank, InvolvementRole role)
        implements CaseFactRecorded {

    @Override
    public CaseFactKind factKind() {
        return CaseFactKind.OFFICIAL_INVOLVED;
    }
}
