package org.clueexchange.core.casefile.messages;

import org.clueexchange.core.casefile.CaseFactKind;
import org.clueexchange.core.ledger.messages.Assertion;
import org.clueexchange.events.EndorsementRole;

/** 签字背书: one signature on the case's closure "no umbrella", for one role, by the commission's own signer id. */
public record EndorsementRecorded(String caseNumber, Assertion assertion, EndorsementRole role, String signerId,
                                  String signerName) implements CaseFactRecorded {

    @Override
    public CaseFactKind factKind() {
        return CaseFactKind.ENDORSEMENT_SIGNED;
    }
}
