package org.clueexchange.core.ledger;

import java.time.Instant;

/** A time limit runs from the fact {@code startedBy}; started again if an earlier such fact arrives later. */
public record SlaClockStarted(String clueId, SlaClock clock, String startedBy, Instant dueAt) {
}
