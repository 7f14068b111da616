package org.clueexchange.adapter.outbox;

import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/**
 * A fact the agency asserted through its adapter.
 *
 * @param created     false when the request's key was already stored: the answer to a retried request
 * @param publishedAt when Kafka acknowledged it; null while it waits in the outbox
 * @param parkedAt    when Kafka refused it for good; null unless it is parked
 */
public record OutboxEntry(long sequence, String eventId, String clueId, SpecificRecord event, Instant acceptedAt,
                          Instant publishedAt, Instant parkedAt, boolean created) {

    /**
     * Where its publication stands, as agency systems are told: QUEUED until Kafka acknowledged it, then PUBLISHED;
     * PARKED while Kafka refuses it, until an operator puts it back in line.
     */
    public String publication() {
        return publishedAt != null ? "PUBLISHED" : parkedAt != null ? "PARKED" : "QUEUED";
    }
}
