package org.clueexchange.core.ledger.messages;

import java.time.Instant;
import org.clueexchange.core.ledger.SlaClock;

/**
 * The fact {@code stoppedBy}, which occurred at {@code stoppedAt}, fulfils the time limit; {@code late} if after it
 * fell due. A fact that occurred in time but reached the ledger after the limit fell due fulfils it in time.
 */
public record SlaClockStopped(String clueId, SlaClock clock, String stoppedBy, Instant stoppedAt, boolean late) {
}
