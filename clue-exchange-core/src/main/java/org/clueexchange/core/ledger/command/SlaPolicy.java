package org.clueexchange.core.ledger.command;

import java.time.Duration;
import java.time.Instant;
import org.clueexchange.core.ledger.SlaClock;

/**
 * When each time limit falls due for a clue received in a jurisdiction (the limits differ by jurisdiction), and how
 * late a fact may be asserted after it occurred.
 */
public interface SlaPolicy {

    /**
     * @param startedAt    when the fact that started the clock occurred
     * @param jurisdiction the receiving agency's GB/T 2260 code
     */
    Instant dueAt(SlaClock clock, Instant startedAt, String jurisdiction);

    /** How long after a fact occurred its agency may assert it before that is a late assertion (迟报). */
    Duration lateAssertionTolerance();
}
