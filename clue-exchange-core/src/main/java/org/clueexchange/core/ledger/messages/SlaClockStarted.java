package org.clueexchange.core.ledger.messages;

import java.time.Instant;
import org.clueexchange.core.ledger.SlaClock;

/** A time limit runs from the fact {@code startedBy}; started again if an earlier such fact arrives later. */
public record SlaClockStarted(String clueId, SlaClock clock, String startedBy, Instant dueAt) {
}
