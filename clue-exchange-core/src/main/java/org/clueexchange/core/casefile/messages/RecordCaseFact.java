package org.clueexchange.core.casefile.messages;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record on its gang case's file a fact an agency asserted; like a clue's facts, one the file never refuses. */
public record RecordCaseFact(CaseFactRecorded fact) {

    @TargetAggregateIdentifier
    public String caseFileId() {
        return fact.caseFileId();
    }
}
