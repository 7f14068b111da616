package org.clueexchange.adapter.outbox;

import java.time.Instant;

/**
 * A fact Kafka refused for good, as an operator sees it: kept unpublished, with Kafka's reason, until the cause is
 * removed and the operator puts it back in line.
 *
 * @param sequence      its place in the outbox: the list's cursor, and what the operator re-queues
 * @param fact          the event type, e.g. {@code ClueTransferred}
 * @param clientId      the agency system whose request asserted it; null if it was stored before that was recorded
 * @param recordId      that system's record id of the request
 * @param reason        the exception Kafka's client gave, with its message
 * @param waitingBehind how many later facts of the same clue wait for it, unpublished
 */
public record ParkedFact(long sequence, String clueId, String eventId, String fact, String clientId,
                         String recordId, String topic, Instant acceptedAt, Instant parkedAt, String reason,
                         long waitingBehind) {
}
