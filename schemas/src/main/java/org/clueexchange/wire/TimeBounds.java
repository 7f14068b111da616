package org.clueexchange.wire;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Which instants a fact may name, as one reader's clock judges them. A far-off instant is no harmless typo: one in
 * the year 300000 lies beyond PostgreSQL's timestamps, and every fact behind it waited while the core retried it.
 *
 * <p>Nothing happens at the exchange before {@link #EARLIEST}, and nothing happens after it is asserted: a fact's
 * times ({@code occurredAt}, {@code publishedAt}) lie no further ahead of the reader's clock than the clock skew it
 * tolerates. A deadline ({@code dueAt}) may lie ahead, by at most {@link #DEADLINE_HORIZON} more. Time only moves
 * forward, so a fact within bounds when it was asserted is within them for every later reader whose clock agrees,
 * and a reader should tolerate at least the skew the writers tolerate.
 */
public final class TimeBounds {

    /** Earlier than any record of the exchange, and later than what an unset or mis-read date shows (1900, 1970). */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /**
     * The clock skew tolerated unless a setting says otherwise: more than any clock kept by NTP drifts, less than
     * the eight hours by which a China Standard Time written as if it were UTC lies ahead. Kafka's brokers refuse
     * records stamped more than an hour ahead for the same reasons ({@code log.message.timestamp.after.max.ms}).
     */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofHours(1);
    /** How much further ahead a deadline may lie: ten years, longer than any supervised agency is given. */
    public static final Duration DEADLINE_HORIZON = Duration.ofDays(3653);

    private final Clock clock;
    private final Duration clockSkew;

    /** @param clockSkew how far ahead of {@code clock} a fact's time may lie */
    public TimeBounds(Clock clock, Duration clockSkew) {
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("a clock skew of " + clockSkew + " is negative");
        }
        this.clock = clock;
        this.clockSkew = clockSkew;
    }

    /** Why {@code at} cannot be when a fact occurred or was published; empty if it can. */
    public Optional<String> factTimeProblem(Instant at) {
        return problem(at, clock.instant().plus(clockSkew), "now and the tolerated clock skew of " + clockSkew);
    }

    /** Why {@code at} cannot be a fact's deadline; empty if it can. */
    public Optional<String> deadlineProblem(Instant at) {
        return problem(at, clock.instant().plus(clockSkew).plus(DEADLINE_HORIZON), "ten years from now");
    }

    private static Optional<String> problem(Instant at, Instant latest, String latestIs) {
        if (at.isBefore(EARLIEST)) {
            return Optional.of("must not be before " + EARLIEST);
        }
        if (at.isAfter(latest)) {
            return Optional.of("must not be after " + latest.truncatedTo(ChronoUnit.SECONDS) + " (" + latestIs + ")");
        }
        return Optional.empty();
    }
}
