package org.clueexchange.police.transfer;

import java.time.Instant;
import java.util.List;

/**
 * A clue this police adapter transferred, whether it has been published, and what the discipline commission
 * answered.
 *
 * @param position    the transfer's place among this adapter's facts, the cursor of the list
 * @param publication QUEUED until Kafka acknowledged the transfer, then PUBLISHED
 */
public record ClueTransferView(long position, String clueId, String recordId, String jurisdiction, String receiverJurisdiction,
                               String eventId, Instant transferredAt, Instant acceptedAt, Instant publishedAt,
                               String publication, List<Reply> replies) {

    /**
     * A fact the discipline commission asserted about the clue.
     *
     * @param contentMatches for a receipt: whether the receiver holds the content that was sent
     */
    public record Reply(String fact, String label, String eventId, String assertedBy, String actor,
                        Instant occurredAt, String receiverCaseNumber, Boolean contentMatches) {
    }
}
