package org.clueexchange.core.ledger.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.CLUE_CONTENT;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.DISCIPLINE;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.NOON;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.OTHER_DISCIPLINE;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.OUTCOMES;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.POLICE;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.SLA;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.assertion;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.fixture;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.receipt;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.receiptOutside;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.deadline.ScheduledDeadlineInfo;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.clueexchange.core.ledger.AnomalyKind;
import org.clueexchange.core.ledger.SlaClock;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.ledger.messages.Assertion;
import org.clueexchange.core.ledger.messages.ClueAcceptanceRecorded;
import org.clueexchange.core.ledger.messages.ClueReturnRecorded;
import org.clueexchange.core.ledger.messages.ClueTransferRecorded;
import org.clueexchange.core.ledger.messages.ConclusionRecorded;
import org.clueexchange.core.ledger.messages.DisposalRecorded;
import org.clueexchange.core.ledger.messages.FactRecorded;
import org.clueexchange.core.ledger.messages.FeedbackAcknowledgementRecorded;
import org.clueexchange.core.ledger.messages.FeedbackRecorded;
import org.clueexchange.core.ledger.messages.LedgerAnomalyRecorded;
import org.clueexchange.core.ledger.messages.ProgressRecorded;
import org.clueexchange.core.ledger.messages.RecordFact;
import org.clueexchange.core.ledger.messages.SlaBreached;
import org.clueexchange.core.ledger.messages.SlaClockStarted;
import org.clueexchange.core.ledger.messages.SlaClockStopped;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.DisposalMethod;
import org.clueexchange.events.ReturnReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The batched path and the aggregate decide alike: for every fact of a clue, in several delivery orders, the events
 * and deadlines {@link LedgerEntries} records are those the aggregate's own command handling yields, given the same
 * earlier facts.
 */
class LedgerEntriesTest {

    private static final String CLUE = "POLICE-530600-XS002";
    private static final Clock AT_NOON = Clock.fixed(NOON, ZoneOffset.UTC);

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final StubDeadlineManager deadlines = new StubDeadlineManager(NOON);
    private final LedgerEntries entries = new LedgerEntries(eventStore, deadlines, SLA, AT_NOON, 100);

    @AfterEach
    void shutDown() {
        eventStore.shutDown();
    }

    @Test
    void aWholeLifecycleInOrderIsRecordedAsTheAggregateRecordsIt() {
        expectAgreement(lifecycle());
    }

    @Test
    void everyDeliveryOrderIsRecordedAsTheAggregateRecordsIt() {
        List<FactRecorded> reversed = new ArrayList<>(lifecycle());
        Collections.reverse(reversed);
        expectAgreement(reversed);
        for (long seed = 1; seed <= 3; seed++) {
            List<FactRecorded> shuffled = new ArrayList<>(lifecycle());
            Collections.shuffle(shuffled, new Random(seed));
            expectAgreement(shuffled);
        }
    }

    @Test
    void contradictionsRefusalsAndRedeliveriesAreDecidedAsTheAggregateDecidesThem() {
        List<FactRecorded> facts = new ArrayList<>(lifecycle().subList(0, 3));
        facts.add(receipt(CLUE, assertion(OTHER_DISCIPLINE, NOON.plusSeconds(60)), POLICE,
                "e".repeat(64)));
        facts.add(receiptOutside(CLUE, assertion(DISCIPLINE, NOON.plusSeconds(300)), POLICE, "ZT-2020-999"));
        facts.add(new ClueReturnRecorded(CLUE, assertion(DISCIPLINE, NOON.plusSeconds(7200)),
                ReturnReason.NOT_OUR_JURISDICTION, "不属本机关管辖"));
        facts.add(facts.get(1));
        facts.add(new ClueTransferRecorded(CLUE, assertion(POLICE, NOON.minusSeconds(3600)), DISCIPLINE, CLUE_CONTENT));
        expectAgreement(facts);
    }

    @Test
    void aBatchRecordsWhatTheSameFactsRecordOneBatchEachAndARedeliveredBatchRecordsNothing() {
        List<FactRecorded> facts = lifecycle();
        inUnitOfWork(() -> entries.record(facts));
        List<Object> batched = stream();

        EmbeddedEventStore separateStore = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).build();
        LedgerEntries oneByOne = new LedgerEntries(separateStore, new StubDeadlineManager(NOON), SLA, AT_NOON, 100);
        facts.forEach(fact -> inUnitOfWork(() -> oneByOne.record(List.of(fact))));
        List<Object> separately = separateStore.readEvents(CLUE).asStream().<Object>map(EventMessage::getPayload)
                .toList();
        separateStore.shutDown();

        inUnitOfWork(() -> entries.record(facts));
        assertThat(batched).isEqualTo(separately);
        assertThat(stream()).isEqualTo(batched);
    }

    @Test
    void aDeadlineAlreadyDueFallsDueInTheBatchAsTheAggregateHasItFallDueOnceTimeHasCome() {
        Instant monthLater = NOON.plus(Duration.ofDays(30));
        LedgerEntries late = new LedgerEntries(eventStore, deadlines, SLA, Clock.fixed(monthLater, ZoneOffset.UTC),
                100);
        FactRecorded transfer = lifecycle().get(0);
        inUnitOfWork(() -> late.record(List.of(transfer)));
        List<Object> recorded = stream().subList(1, stream().size());

        assertThat(deadlines.getScheduledDeadlines()).isEmpty();
        fixture().givenCommands(new RecordFact(transfer))
                .whenTimeAdvancesTo(monthLater)
                .expectEvents(recorded.stream().filter(SlaBreached.class::isInstance).toArray());
        assertThat(recorded).filteredOn(SlaBreached.class::isInstance).hasSize(2);
    }

    @Test
    void aBatchRolledBackLeavesNothingOfItselfInMemory() {
        List<FactRecorded> facts = lifecycle();
        inUnitOfWork(() -> entries.record(facts.subList(0, 2)));
        UnitOfWork<?> rolledBack = DefaultUnitOfWork.startAndGet(null);
        entries.record(facts.subList(2, 4));
        rolledBack.rollback();

        inUnitOfWork(() -> entries.record(facts.subList(2, 4)));

        assertThat(stream()).filteredOn(FactRecorded.class::isInstance).extracting(event -> (FactRecorded) event)
                .containsExactlyElementsOf(facts.subList(0, 4));
    }

    @Test
    void factsOfAgenciesTheTransferDoesNotNameAreKeptOnlyBeforeItAndMoveNoClockInAnyOrder() {
        List<FactRecorded> lifecycle = lifecycle();
        List<FactRecorded> strays = strays();
        Map<SlaClock, List<Object>> clocksOfTheNamed = clocks(recordedOneByOne(lifecycle));
        List<FactRecorded> withStrays = new ArrayList<>(lifecycle);
        withStrays.addAll(strays);
        for (long seed = 1; seed <= 6; seed++) {
            List<FactRecorded> shuffled = new ArrayList<>(withStrays);
            Collections.shuffle(shuffled, new Random(seed));
            expectAgreement(shuffled);
            List<Object> recorded = recordedOneByOne(shuffled);
            assertThat(clocks(recorded)).as("the clocks, seed %d", seed).isEqualTo(clocksOfTheNamed);
            int transfer = shuffled.indexOf(lifecycle.get(0));
            for (FactRecorded stray : strays) {
                boolean beforeTheTransfer = shuffled.indexOf(stray) < transfer;
                assertThat(recorded.contains(stray)).as("%s kept, seed %d", stray.factKind(), seed)
                        .isEqualTo(beforeTheTransfer);
                assertThat(recorded).filteredOn(LedgerAnomalyRecorded.class::isInstance)
                        .map(LedgerAnomalyRecorded.class::cast)
                        .filteredOn(anomaly -> anomaly.factEventId().equals(stray.assertion().eventId()))
                        .extracting(LedgerAnomalyRecorded::kind)
                        .filteredOn(EnumSet.of(AnomalyKind.RECEIVER_MISMATCH, AnomalyKind.SENDER_MISMATCH)::contains)
                        .hasSize(beforeTheTransfer ? 1 : 0);
            }
        }
    }

    /**
     * Each fact, recorded after the ones before it, yields in both paths the same events, and every deadline the
     * batched path sets the aggregate sets too; a fact one path refuses the other refuses too.
     */
    private void expectAgreement(List<FactRecorded> facts) {
        List<FactRecorded> given = new ArrayList<>();
        for (FactRecorded fact : facts) {
            EmbeddedEventStore store = EmbeddedEventStore.builder()
                    .storageEngine(new InMemoryEventStorageEngine()).build();
            StubDeadlineManager scheduled = new StubDeadlineManager(NOON);
            LedgerEntries batched = new LedgerEntries(store, scheduled, SLA, AT_NOON, 100);
            if (!given.isEmpty()) {
                inUnitOfWork(() -> batched.record(given));
            }
            long before = store.readEvents(CLUE).asStream().count();
            int deadlinesBefore = scheduled.getScheduledDeadlines().size();
            Optional<String> refused = refusalOf(() -> batched.record(List.of(fact)));
            List<Object> recorded = store.readEvents(CLUE).asStream().skip(before).<Object>map(EventMessage::getPayload)
                    .toList();
            List<ScheduledDeadlineInfo> set = scheduled.getScheduledDeadlines().subList(deadlinesBefore,
                    scheduled.getScheduledDeadlines().size());
            store.shutDown();

            ResultValidator<TransferLedgerEntry> aggregate = fixture()
                    .givenCommands(given.stream().map(RecordFact::new).toList())
                    .when(new RecordFact(fact));
            if (refused.isPresent()) {
                aggregate.expectException(FactRefusedException.class).expectExceptionMessage(refused.get())
                        .expectNoEvents();
                assertThat(recorded).isEmpty();
                continue;
            }
            aggregate.expectSuccessfulHandlerExecution().expectEvents(recorded.toArray());
            set.forEach(deadline -> aggregate.expectScheduledDeadline(deadline.getScheduleTime(),
                    deadline.deadlineMessage().getPayload()));
            given.add(fact);
        }
    }

    /** The events of the facts recorded a batch each, those refused left out. */
    private static List<Object> recordedOneByOne(List<FactRecorded> facts) {
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).build();
        LedgerEntries separately = new LedgerEntries(store, new StubDeadlineManager(NOON), SLA, AT_NOON, 100);
        facts.forEach(fact -> refusalOf(() -> separately.record(List.of(fact))));
        List<Object> recorded = store.readEvents(CLUE).asStream().<Object>map(EventMessage::getPayload).toList();
        store.shutDown();
        return recorded;
    }

    /** Each clock's starts and stops, in the order recorded, with the fact that started or stopped it. */
    private static Map<SlaClock, List<Object>> clocks(List<Object> events) {
        Map<SlaClock, List<Object>> clocks = new EnumMap<>(SlaClock.class);
        for (Object event : events) {
            if (event instanceof SlaClockStarted started) {
                clocks.computeIfAbsent(started.clock(), clock -> new ArrayList<>()).add(started);
            } else if (event instanceof SlaClockStopped stopped) {
                clocks.computeIfAbsent(stopped.clock(), clock -> new ArrayList<>()).add(stopped);
            }
        }
        return clocks;
    }

    /** Runs the work in a unit of work, committed unless the entry refused a fact, and says why it did. */
    private static Optional<String> refusalOf(Runnable work) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            work.run();
        } catch (FactRefusedException e) {
            unitOfWork.rollback(e);
            return Optional.of(e.getMessage());
        }
        unitOfWork.commit();
        return Optional.empty();
    }

    private List<Object> stream() {
        return eventStore.readEvents(CLUE).asStream().<Object>map(EventMessage::getPayload).toList();
    }

    private static void inUnitOfWork(Runnable work) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        work.run();
        unitOfWork.commit();
    }

    /**
     * Facts of every kind a receipt from the wrong jurisdiction could bring on: each would start or stop a clock
     * were it the named receiver's, and the acknowledgement is the wrong sender's.
     */
    private static List<FactRecorded> strays() {
        AgencyId otherPolice = new AgencyId(AgencyType.POLICE, "530700");
        return List.of(
                receipt(CLUE, assertion(OTHER_DISCIPLINE, NOON.plusSeconds(60)), POLICE, "d".repeat(64)),
                new ClueAcceptanceRecorded(CLUE, assertion(OTHER_DISCIPLINE, NOON.plusSeconds(120)), "曲纪受〔2020〕9号"),
                new DisposalRecorded(CLUE, assertion(OTHER_DISCIPLINE, NOON.plusSeconds(180)),
                        DisposalMethod.CLOSE, null),
                new ClueReturnRecorded(CLUE, assertion(OTHER_DISCIPLINE, NOON.plusSeconds(240)),
                        ReturnReason.NOT_OUR_JURISDICTION, "不属本机关管辖"),
                new FeedbackRecorded(CLUE, assertion(OTHER_DISCIPLINE, NOON.plusSeconds(300)), OUTCOMES, "已了结"),
                new FeedbackAcknowledgementRecorded(CLUE, assertion(otherPolice, NOON.plusSeconds(360)),
                        UUID.randomUUID().toString()));
    }

    private static List<FactRecorded> lifecycle() {
        Assertion feedback = assertion(DISCIPLINE, NOON.plus(Duration.ofDays(20)));
        return List.of(
                new ClueTransferRecorded(CLUE, assertion(POLICE, NOON), DISCIPLINE, CLUE_CONTENT),
                receipt(CLUE, assertion(DISCIPLINE, NOON.plusSeconds(600)), POLICE, "d".repeat(64)),
                new ClueAcceptanceRecorded(CLUE, assertion(DISCIPLINE, NOON.plusSeconds(1200)), "昭纪受〔2020〕1号"),
                new DisposalRecorded(CLUE, assertion(DISCIPLINE, NOON.plus(Duration.ofDays(2))),
                        DisposalMethod.PRELIMINARY_VERIFICATION, null),
                new ProgressRecorded(CLUE, assertion(DISCIPLINE, NOON.plus(Duration.ofDays(9))), "初核中"),
                new ConclusionRecorded(CLUE, assertion(DISCIPLINE, NOON.plus(Duration.ofDays(19))), OUTCOMES, "查实"),
                new FeedbackRecorded(CLUE, feedback, OUTCOMES, "已给予党纪处分"),
                new FeedbackAcknowledgementRecorded(CLUE, assertion(POLICE, NOON.plus(Duration.ofDays(21))),
                        feedback.eventId()));
    }

}
