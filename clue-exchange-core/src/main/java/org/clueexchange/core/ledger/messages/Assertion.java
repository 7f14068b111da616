package org.clueexchange.core.ledger.messages;

import java.time.Instant;
import org.clueexchange.events.EventEnvelope;

/** Who asserted a fact on the ledger and when: the envelope of the agency's event, kept with every fact. */
public record Assertion(String eventId, AgencyId assertedBy, String actor, Instant occurredAt, Instant publishedAt) {

    public static Assertion of(EventEnvelope envelope) {
        return new Assertion(envelope.getEventId(), AgencyId.of(envelope.getAssertedBy()), envelope.getActor(),
                envelope.getOccurredAt(), envelope.getPublishedAt());
    }
}
