package org.clueexchange.adapter.clues;

import java.time.Instant;

/**
 * The answer to a request that asserts a fact: the fact the adapter stored for publication.
 *
 * @param replay      true when the request repeated an earlier one: nothing new was asserted
 * @param publication QUEUED until Kafka acknowledged the fact, then PUBLISHED; PARKED while
 *                    Kafka refuses it, until an operator puts it back in line
 */
public record AssertedFactView(String clueId, String eventId, String fact, Instant occurredAt, String publication,
                               boolean replay) {
}
