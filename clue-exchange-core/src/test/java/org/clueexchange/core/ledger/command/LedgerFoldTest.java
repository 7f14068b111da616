package org.clueexchange.core.ledger.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.CLUE_CONTENT;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.DISCIPLINE;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.NOON;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.POLICE;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.SLA;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.assertion;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.fixture;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.receipt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.test.deadline.ScheduledDeadlineInfo;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.clueexchange.core.ledger.SlaClock;
import org.clueexchange.core.ledger.SlaDeadline;
import org.clueexchange.core.ledger.messages.ClueAcceptanceRecorded;
import org.clueexchange.core.ledger.messages.ClueTransferRecorded;
import org.clueexchange.core.ledger.messages.FactRecorded;
import org.clueexchange.core.ledger.messages.RecordFact;
import org.clueexchange.core.ledger.messages.SlaBreached;
import org.clueexchange.core.ledger.messages.SlaClockStarted;
import org.junit.jupiter.api.Test;

/**
 * The fold outside the event store and the command bus decides what the intake appends and what the aggregate's
 * deadlines record: the replay's rules are the live ones.
 */
class LedgerFoldTest {

    private static final String CLUE = "POLICE-530600-XS003";

    /** What a fold recorded and what it left to the caller to keep. */
    private static final class Folded implements LedgerFold.Effects {
        private final List<Object> events = new ArrayList<>();
        private final List<SlaDeadline> kept = new ArrayList<>();

        @Override
        public void record(String clueId, Object event) {
            events.add(event);
        }

        @Override
        public void schedule(String clueId, SlaDeadline deadline) {
            kept.add(deadline);
        }
    }

    @Test
    void aBatchFoldedInMemoryRecordsAndKeepsWhatTheIntakeAppendsAndSchedules() {
        List<FactRecorded> facts = List.of(
                new ClueTransferRecorded(CLUE, assertion(POLICE, NOON), DISCIPLINE, CLUE_CONTENT),
                receipt(CLUE, assertion(DISCIPLINE, NOON.plusSeconds(600)), POLICE, "d".repeat(64)),
                new ClueAcceptanceRecorded(CLUE, assertion(DISCIPLINE, NOON.plusSeconds(1200)), "昭纪受〔2020〕3号"));
        Map<String, LedgerEntryState> entries = new HashMap<>();
        Folded folded = new Folded();
        new LedgerFold(SLA, clueId -> entries.computeIfAbsent(clueId, any -> new LedgerEntryState()))
                .record(facts, NOON, folded);

        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine())
                .build();
        StubDeadlineManager deadlines = new StubDeadlineManager(NOON);
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        new LedgerEntries(store, deadlines, SLA, Clock.fixed(NOON, ZoneOffset.UTC), 10).record(facts);
        unitOfWork.commit();
        List<Object> appended = store.readEvents(CLUE).asStream().<Object>map(EventMessage::getPayload).toList();
        store.shutDown();

        assertThat(folded.events).isEqualTo(appended);
        assertThat(folded.kept).isNotEmpty().isEqualTo(deadlines.getScheduledDeadlines().stream()
                .map(ScheduledDeadlineInfo::deadlineMessage).map(message -> (SlaDeadline) message.getPayload())
                .toList());
    }

    /**
     * Two transfers of one day (the later repeating the earlier) start the same-day acceptance with the same due
     * time; the earlier starts it, in either order of arrival, as a replay ordered otherwise than the live intake
     * found.
     */
    @Test
    void whichFactStartedAClockDoesNotDependOnTheOrderOfArrivalWhenTwoStartsGiveTheSameDueTime() {
        FactRecorded earlier = new ClueTransferRecorded(CLUE, assertion(POLICE, NOON), DISCIPLINE, CLUE_CONTENT);
        FactRecorded later = new ClueTransferRecorded(CLUE, assertion(POLICE, NOON.plusSeconds(3600)), DISCIPLINE,
                CLUE_CONTENT);

        assertThat(clocksStarted(List.of(later, earlier)))
                .isEqualTo(clocksStarted(List.of(earlier, later)))
                .containsEntry(SlaClock.SAME_DAY_ACCEPTANCE, earlier.assertion().eventId());
    }

    /** Each clock with the fact that last started it, the facts folded one by one. */
    private static Map<SlaClock, String> clocksStarted(List<FactRecorded> facts) {
        Map<String, LedgerEntryState> entries = new HashMap<>();
        LedgerFold fold = new LedgerFold(SLA, clueId -> entries.computeIfAbsent(clueId, any -> new LedgerEntryState()));
        Folded folded = new Folded();
        facts.forEach(fact -> fold.record(List.of(fact), NOON, folded));
        Map<SlaClock, String> started = new EnumMap<>(SlaClock.class);
        folded.events.stream().filter(SlaClockStarted.class::isInstance).map(SlaClockStarted.class::cast)
                .forEach(clock -> started.put(clock.clock(), clock.startedBy()));
        return started;
    }

    @Test
    void deadlinesTheCallerKeepsFallDueAsTheAggregatesDoOnceTimeHasCome() {
        FactRecorded transfer = new ClueTransferRecorded(CLUE, assertion(POLICE, NOON), DISCIPLINE, CLUE_CONTENT);
        Map<String, LedgerEntryState> entries = new HashMap<>();
        LedgerFold fold = new LedgerFold(SLA, clueId -> entries.computeIfAbsent(clueId, any -> new LedgerEntryState()));
        Folded folded = new Folded();
        fold.record(List.of(transfer), NOON, folded);
        Folded fallen = new Folded();
        folded.kept.stream().sorted(Comparator.comparing(SlaDeadline::dueAt))
                .forEach(deadline -> fold.fallDue(CLUE, deadline, fallen));

        Instant monthLater = NOON.plus(Duration.ofDays(30));
        assertThat(fallen.events).hasSizeGreaterThanOrEqualTo(2).allMatch(SlaBreached.class::isInstance);
        fixture().givenCommands(new RecordFact(transfer))
                .whenTimeAdvancesTo(monthLater)
                .expectEvents(fallen.events.toArray());
    }
}
