package org.clueexchange.adapter.clues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.adapter.AdapterAgency;
import org.clueexchange.adapter.ApiFields;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.outbox.IdempotencyConflictException;
import org.clueexchange.adapter.outbox.Outbox;
import org.clueexchange.adapter.outbox.OutboxEntry;
import org.clueexchange.adapter.outbox.RequestKey;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.events.Agency;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.wire.ClueContentDigest;
import org.clueexchange.wire.ClueEventValidator;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.PersonKeys;
import org.springframework.stereotype.Component;

/**
 * How an adapter turns an agency system's request into a fact of its agency and stores it for publication. Every
 * fact is asserted as the adapter's own kind of agency: no request can make it speak for the other.
 */
@Component
public final class AssertedFacts {

    private final AdapterAgency agency;
    private final Outbox outbox;
    private final Clock clock;
    private final ClueEventValidator validator;
    private final ObjectMapper json;
    private final PersonKeys personKeys;

    public AssertedFacts(AdapterAgency agency, Outbox outbox, Clock clock, ClueEventValidator validator,
                         ObjectMapper json, PersonKeys personKeys) {
        this.agency = agency;
        this.outbox = outbox;
        this.clock = clock;
        this.validator = validator;
        this.json = json;
        this.personKeys = personKeys;
    }

    /** The kind of agency every fact is asserted as. */
    public AdapterAgency agency() {
        return agency;
    }

    /**
     * The envelope of a new fact: a fresh event id, published now. Times are cut to milliseconds, the precision
     * of the wire, so that the stored fact and the published one are the same.
     *
     * @param jurisdiction the jurisdiction of the agency that asserts it
     * @param occurredAt   when it happened at the agency; now if the agency system did not say
     */
    EventEnvelope envelope(String clueId, String jurisdiction, String actor, Instant occurredAt) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return new EventEnvelope(UUID.randomUUID().toString(), clueId, new Agency(agency.type(), jurisdiction), actor,
                occurredAt == null ? now : occurredAt.truncatedTo(ChronoUnit.MILLIS), now);
    }

    /**
     * Asserts, as the agency of {@code jurisdiction}, the fact that {@code event} makes of a fresh envelope for the
     * request's officer and time; a retry of the same request by the same client about the same clue finds the fact
     * stored the first time.
     *
     * @param operation the kind of request, part of its key
     */
    public AssertedFactView assertFact(String jurisdiction, String clueId, String operation, Requests.Act request,
                                       AgencyClient client, Function<EventEnvelope, SpecificRecord> event) {
        return view(store(new RequestKey(client.id(), operation, request.recordId()), request, event.apply(
                envelope(clueId, jurisdiction, request.officerId(), request.occurredAt()))));
    }

    /** Whether the client made this request about the clue before: sent again, it is a retry of that one. */
    public boolean madeBefore(String clueId, String operation, Requests.Act request, AgencyClient client) {
        return outbox.holds(new RequestKey(client.id(), operation, request.recordId()), clueId);
    }

    /**
     * Stores the fact under the request's key with its clue, or returns the fact a previous identical request stored.
     *
     * @throws RequestRefusedException naming {@code recordId} if the key was used for a different request
     */
    public OutboxEntry store(RequestKey key, Object request, SpecificRecord event) {
        List<String> violations = validator.violations(event);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the adapter built an invalid " + ClueEvents.typeOf(event) + ": "
                    + violations);
        }
        try {
            return outbox.append(key, digest(request), event);
        } catch (IdempotencyConflictException e) {
            throw RequestRefusedException.recordIdReused("recordId", e.getMessage());
        }
    }

    /** What the agency system is told of a fact stored for it. */
    public static AssertedFactView view(OutboxEntry entry) {
        EventEnvelope envelope = ClueEvents.envelopeOf(entry.event());
        return new AssertedFactView(entry.clueId(), entry.eventId(), ClueEvents.typeOf(entry.event()),
                envelope.getOccurredAt(), entry.publication(), !entry.created());
    }

    /**
     * The digest that tells a retry from another request under the same key. A request naming ID numbers is digested
     * with their person keys instead: a plain hash over a number and what the fact shows would let anyone who reads
     * the outbox test guesses at the number.
     */
    private String digest(Object request) {
        try {
            JsonNode tree = json.valueToTree(request);
            return ClueContentDigest.sha256Hex(json.writeValueAsString(keyed(tree) ? tree : request));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise the request", e);
        }
    }

    /** Replaces every ID number in the request with its person key; whether there was any. */
    private boolean keyed(JsonNode node) {
        boolean keyed = false;
        if (node instanceof ObjectNode object) {
            JsonNode idNumber = object.get(ApiFields.ID_NUMBER);
            if (idNumber != null && idNumber.isTextual()) {
                object.put(ApiFields.ID_NUMBER, personKeys.of(idNumber.asText()));
                keyed = true;
            }
        }
        for (JsonNode child : node) {
            keyed |= keyed(child);
        }
        return keyed;
    }
}
