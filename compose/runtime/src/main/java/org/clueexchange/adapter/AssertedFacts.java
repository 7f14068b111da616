package org.clueexchange.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.adapter.clues.AssertedFactView;
import org.clueexchange.adapter.outbox.IdempotencyConflictException;
import org.clueexchange.adapter.outbox.Outbox;
import org.clueexchange.adapter.outbox.OutboxEntry;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.events.Agency;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.wire.ClueContentDigest;
import org.clueexchange.wire.ClueEventValidator;
import org.clueexchange.wire.ClueEvents;

/** How an adapter turns an agency system's request into a fact of its agency and stores it for publication. */
public final class AssertedFacts {

    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper json;

    public AssertedFacts(Outbox outbox, Clock clock, ObjectMapper json) {
        this.outbox = outbox;
        this.clock = clock;
        this.json = json;
    }

    /**
     * The envelope of a new fact: a fresh event id, published now. Times are cut to milliseconds, the precision
     * of the wire, so that the stored fact and the published one are the same.
     *
     * @param occurredAt when it happened at the agency; now if the agency system did not say
     */
    public EventEnvelope envelope(String clueId, Agency assertedBy, String actor, Instant occurredAt) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return new EventEnvelope(UUID.randomUUID().toString(), clueId, assertedBy, actor,
                occurredAt == null ? now : occurredAt.truncatedTo(ChronoUnit.MILLIS), now);
    }

    /**
     * Stores the fact under the request's key, or returns the fact a previous identical request stored.
     *
     * @param recordField the request field holding the agency's record id, named when the key is reused
     */
    public OutboxEntry assertFact(String requestKey, String recordField, Object request, SpecificRecord event) {
        List<String> violations = ClueEventValidator.violations(event);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the adapter built an invalid " + ClueEvents.typeOf(event) + ": "
                    + violations);
        }
        try {
            return outbox.append(requestKey, digest(request), event);
        } catch (IdempotencyConflictException e) {
            throw RequestRefusedException.conflict(recordField,
                    "was already used for a different request; a retry must repeat the original request");
        }
    }

    /** What the agency system is told of a fact stored for it. */
    public static AssertedFactView view(OutboxEntry entry) {
        EventEnvelope envelope = ClueEvents.envelopeOf(entry.event());
        return new AssertedFactView(entry.clueId(), entry.eventId(), ClueEvents.typeOf(entry.event()),
                envelope.getOccurredAt(), entry.publishedAt() == null ? "QUEUED" : "PUBLISHED", !entry.created());
    }

    private String digest(Object request) {
        try {
            return ClueContentDigest.sha256Hex(json.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise the request", e);
        }
    }
}
