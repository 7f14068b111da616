package org.clueexchange.core.ledger.command;

import java.time.Instant;
import org.clueexchange.core.ledger.SlaClock;

/** When each time limit falls due for a clue received in a jurisdiction; the limits differ by jurisdiction. */
public interface SlaPolicy {

    /**
     * @param startedAt    when the fact that started the clock occurred
     * @param jurisdiction the receiving agency's GB/T 2260 code
     */
    Instant dueAt(SlaClock clock, Instant startedAt, String jurisdiction);
}
