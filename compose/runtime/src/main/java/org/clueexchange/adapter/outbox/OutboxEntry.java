package org.clueexchange.adapter.outbox;

import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/**
 * A fact the agency asserted through its adapter.
 *
 * @param created     false when the request key was already stored: the answer to a retried request
 * @param publishedAt when Kafka acknowledged it; null while it waits in the outbox
 */
public record OutboxEntry(long sequence, String requestKey, String eventId, String clueId, SpecificRecord event,
                          Instant acceptedAt, Instant publishedAt, boolean created) {
}
