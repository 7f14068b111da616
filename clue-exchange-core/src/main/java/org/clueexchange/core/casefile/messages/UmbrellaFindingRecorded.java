package org.clueexchange.core.casefile.messages;

import org.clueexchange.core.casefile.CaseFactKind;
import org.clueexchange.core.ledger.messages.Assertion;

/**
 * 保护伞认定: the commission found whether there is a protective umbrella.
 *
 * @param personKey the official the finding is about; none for the finding on the whole case
 * @param outcome   for an official, what discipline did about them (处理结果)
 */
public record UmbrellaFindingRecorded(String caseNumber, Assertion assertion, String personKey, boolean umbrellaFound,
                                      String outcome) implements CaseFactRecorded {

    @Override
    public CaseFactKind factKind() {
        return CaseFactKind.UMBRELLA_FINDING_MADE;
    }
}
