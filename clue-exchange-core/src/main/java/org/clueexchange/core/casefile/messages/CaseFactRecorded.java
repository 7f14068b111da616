package org.clueexchange.core.casefile.messages;

import org.clueexchange.core.casefile.CaseFactKind;
import org.clueexchange.core.ledger.messages.Assertion;

/** A fact an agency asserted about a gang case, as the case's file recorded it. */
public interface CaseFactRecorded {

    /** The police case number (案件编号) the fact is about. */
    String caseNumber();

    Assertion assertion();

    CaseFactKind factKind();

    /**
     * The id of the case's file in the event store, which keys every aggregate by its id alone: a slash, which no
     * clue id or statement id holds, keeps it apart from theirs.
     */
    default String caseFileId() {
        return "gang-case/" + caseNumber();
    }
}
