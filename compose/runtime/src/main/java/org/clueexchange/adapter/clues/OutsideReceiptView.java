package org.clueexchange.adapter.clues;

import java.time.Instant;
import java.util.List;
import org.clueexchange.events.ClueReceived;

/** What an agency system is shown of its agency's receipt of a clue outside the exchange (纸质移送). */
public record OutsideReceiptView(String eventId, Instant receivedAt, String officerId, String senderCaseNumber,
                                 List<String> documents) {

    public static OutsideReceiptView of(ClueReceived receipt) {
        return new OutsideReceiptView(receipt.getEnvelope().getEventId(), receipt.getEnvelope().getOccurredAt(),
                receipt.getEnvelope().getActor(), receipt.getSenderCaseNumber(), receipt.getDocuments());
    }
}
