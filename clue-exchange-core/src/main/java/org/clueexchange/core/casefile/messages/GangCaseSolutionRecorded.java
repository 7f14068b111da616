package org.clueexchange.core.casefile.messages;

import org.clueexchange.core.casefile.CaseFactKind;
import org.clueexchange.core.ledger.messages.Assertion;

/** 破案: the police solved the gang case, which puts it on the quarterly reconciliation. */
public record GangCaseSolutionRecorded(String caseNumber, Assertion assertion) implements CaseFactRecorded {

    @Override
    public CaseFactKind factKind() {
        return CaseFactKind.GANG_CASE_SOLVED;
    }
}
