package org.clueexchange.core.ledger;

import java.time.Instant;

/** The time limit fell due with no fact fulfilling it on the ledger. */
public record SlaBreached(String clueId, SlaClock clock, Instant dueAt) {
}
