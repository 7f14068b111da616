package org.clueexchange.core.ledger.messages;

import java.time.Instant;
import org.clueexchange.core.ledger.SlaClock;

/** The time limit fell due with no fact fulfilling it on the ledger. */
public record SlaBreached(String clueId, SlaClock clock, Instant dueAt) {
}
