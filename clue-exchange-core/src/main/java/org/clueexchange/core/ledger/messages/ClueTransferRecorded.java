package org.clueexchange.core.ledger.messages;

import org.clueexchange.core.ledger.FactKind;

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
}
