package org.clueexchange.adapter.clues;

import java.util.Optional;
import org.clueexchange.adapter.received.ReceivedFact;
import org.clueexchange.events.Agency;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.wire.SenderCaseNumbers;

/**
 * A clue in this adapter's agency's inbox: transferred to it through the exchange, signed for outside the exchange
 * (纸质移送) and awaiting its transfer, or both once the transfer has arrived.
 *
 * @param jurisdiction    the receiving jurisdiction, in which the agency acts on the clue: the one the transfer
 *                        concerns, or until it arrives the one the clue was signed for in
 * @param transfer        the transfer, once the exchange has delivered it
 * @param receivedOutside the agency's first receipt of the clue outside the exchange, if it signed for it so
 */
public record InboxClue(String clueId, String jurisdiction, ReceivedFact transfer, ClueReceived receivedOutside) {

    public boolean awaitingTransfer() {
        return transfer == null;
    }

    /** The sending agency: the transfer's, or as the receipt names it from the clue id. */
    public Agency sender() {
        return transfer == null ? receivedOutside.getSender() : transferred().getEnvelope().getAssertedBy();
    }

    /** The receiving agency: the one the transfer names, or the one that signed for the clue. */
    public Agency receiver() {
        return transfer == null ? receivedOutside.getEnvelope().getAssertedBy() : transferred().getReceiver();
    }

    /** The sender's case number: the one the transfer names, else the one the receipt outside the exchange names. */
    public Optional<String> senderCaseNumber() {
        Optional<String> transferred = transfer == null ? Optional.empty() : SenderCaseNumbers.of(transfer.event());
        return transferred.isPresent() || receivedOutside == null ? transferred
                : SenderCaseNumbers.of(receivedOutside);
    }

    private ClueTransferred transferred() {
        return (ClueTransferred) transfer.event();
    }
}
