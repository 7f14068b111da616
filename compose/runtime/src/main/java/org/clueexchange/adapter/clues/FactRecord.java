package org.clueexchange.adapter.clues;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * One fact about a clue as an agency system sees it: asserted by its own agency through this adapter (OURS, with
 * whether Kafka has it yet) or by the other agency (THEIRS, with when it arrived here).
 *
 * @param fact        the event type, e.g. {@code ClueReceived}
 * @param publication for our facts: QUEUED until Kafka acknowledged it, then PUBLISHED; PARKED while
 *                    Kafka refuses it, until an operator puts it back in line
 * @param details     the fact's own fields, as in the feed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FactRecord(String eventId, String fact, String label, String side, String assertedBy, String actor,
                         Instant occurredAt, String publication, Instant arrivedAt, Map<String, Object> details) {
}
