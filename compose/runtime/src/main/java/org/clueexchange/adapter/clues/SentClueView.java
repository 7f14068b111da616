package org.clueexchange.adapter.clues;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A clue this adapter's agency transferred, and everything known of it since.
 *
 * @param position                 the transfer's place among the adapter's facts: the list's cursor
 * @param storedAt                 when the adapter accepted the transfer request
 * @param publication              QUEUED until Kafka acknowledged the transfer, then PUBLISHED; PARKED
 *                                 while Kafka refuses it, until an operator puts it back in line
 * @param replay                   in the answer to a transfer request: true when it repeated an earlier one and
 *                                 nothing new was transferred; absent from the list and the lookup
 * @param receiverHoldsSameContent once signed for: whether the receiver holds the content that was sent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SentClueView(long position, String clueId, String recordId, String jurisdiction,
                           String receiverJurisdiction, String eventId, Instant transferredAt, Instant storedAt,
                           Instant publishedAt, String publication, Boolean replay, Boolean receiverHoldsSameContent,
                           List<FactRecord> history) {
}
