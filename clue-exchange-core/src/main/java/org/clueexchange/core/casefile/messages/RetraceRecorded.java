package org.clueexchange.core.casefile.messages;

import org.clueexchange.core.casefile.CaseFactKind;
import org.clueexchange.core.ledger.messages.Assertion;

/** 回溯核查: the commission reopened the case for checking; its follow-up starts afresh. */
public record RetraceRecorded(String caseNumber, Assertion assertion, String reason) implements CaseFactRecorded {

    @Override
    public CaseFactKind factKind() {
        return CaseFactKind.RETRACE_ORDERED;
    }
}
