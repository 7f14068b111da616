package org.clueexchange.core.ledger.messages;

import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.wire.SenderCaseNumbers;

/** 移送: the sender transferred the clue to the receiver it names. */
public record ClueTransferRecorded(String clueId, Assertion assertion, AgencyId receiver,
                                   TransferredClue clue) implements FactRecorded {

    @Override
    public FactKind factKind() {
        return FactKind.TRANSFERRED;
    }

    @Override
    public AgencyId namedReceiver() {
        return receiver;
    }

    /** Read from the content as the contract reads it from the transfer, so that events recorded earlier name it too. */
    @Override
    public String senderCaseNumber() {
        return SenderCaseNumbers.ofTransfer(assertion.assertedBy().type(),
                clue.linkedGangCase() == null ? null : clue.linkedGangCase().caseNumber(), clue.summary())
                .orElse(null);
    }
}
