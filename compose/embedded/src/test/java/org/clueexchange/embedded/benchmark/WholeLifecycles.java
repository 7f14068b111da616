package org.clueexchange.embedded.benchmark;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.events.Agency;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.FeedbackSent;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ClueEventValidator;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.TimeBounds;

/**
 * Clues played from transfer to the sender's acknowledgement of the feedback, half of them sent by the police and
 * half by the commission, published straight onto the agencies' topics as their adapters would: every fact
 * well-formed by the contract's rules, encoded by its codec, keyed by clue id.
 */
final class WholeLifecycles {

    /** Transfer, receipt, acceptance, disposal, progress, conclusion, feedback, acknowledgement. */
    static final int FACTS_PER_CLUE = 8;

    /** The core's judgement of a fact, as it runs on the same machine's clock. */
    private static final ClueEventValidator VALIDATOR =
            new ClueEventValidator(new TimeBounds(Clock.systemUTC(), TimeBounds.DEFAULT_CLOCK_SKEW));

    /** What went onto the topics. */
    record Published(int clues, Set<String> eventIds, long bytes, Duration took) {

        int facts() {
            return eventIds.size();
        }
    }

    private WholeLifecycles() {
    }

    /** As many clues as it takes for at least {@code facts} facts, since only whole lifecycles are played. */
    static int cluesFor(int facts) {
        return (facts + FACTS_PER_CLUE - 1) / FACTS_PER_CLUE;
    }

    /**
     * Publishes the clues {@code <prefix>-0} ... of the agencies of {@code jurisdiction}, generated as they go so
     * that a large run does not hold every event at once.
     */
    static Published publish(AgencyTopics topics, String prefix, String jurisdiction, int clues) {
        Set<String> eventIds = new HashSet<>();
        long started = System.nanoTime();
        long bytes = topics.publishAll(() -> IntStream.range(0, clues)
                .mapToObj(i -> lifecycle(prefix + "-" + i, i % 2 == 1, jurisdiction).stream())
                .flatMap(events -> events)
                .peek(event -> eventIds.add(ClueEvents.envelopeOf(event).getEventId()))
                .iterator());
        return new Published(clues, eventIds, bytes, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * One clue's whole lifecycle, a minute between facts, ending two minutes ago: every time limit is met long
     * before it falls due, so no deadline fires while a benchmark runs, as in an exchange that works.
     */
    static List<SpecificRecord> lifecycle(String clueId, boolean toPolice, String jurisdiction) {
        Instant at = Instant.now().minus(Duration.ofMinutes(10));
        ClueTransferred transfer = toPolice ? ClueEventSamples.transferToPolice(clueId, at)
                : ClueEventSamples.transfer(clueId, at);
        Agency sender = transfer.getEnvelope().getAssertedBy();
        transfer.getEnvelope().setAssertedBy(new Agency(sender.getType(), jurisdiction));
        transfer.setReceiver(new Agency(transfer.getReceiver().getType(), jurisdiction));
        FeedbackSent feedback = ClueEventSamples.feedback(transfer, minutes(at, 7));
        List<SpecificRecord> events = List.of(transfer,
                ClueEventSamples.receipt(transfer, minutes(at, 1)),
                ClueEventSamples.acceptance(transfer, minutes(at, 2)),
                ClueEventSamples.disposal(transfer, minutes(at, 3)),
                ClueEventSamples.progress(transfer, minutes(at, 4)),
                ClueEventSamples.conclusion(transfer, minutes(at, 5)),
                feedback,
                ClueEventSamples.acknowledgement(feedback, transfer, minutes(at, 8)));
        for (SpecificRecord event : events) {
            List<String> violations = VALIDATOR.violations(event);
            if (!violations.isEmpty()) {
                throw new IllegalStateException(ClueEvents.typeOf(event) + " of " + clueId
                        + " would be dead-lettered, not measured: " + violations);
            }
        }
        return events;
    }

    private static Instant minutes(Instant at, int minutes) {
        return at.plus(Duration.ofMinutes(minutes));
    }
}
