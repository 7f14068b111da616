package org.clueexchange.core.ledger.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.core.ledger.FactSide;
import org.clueexchange.core.ledger.SlaClock;
import org.clueexchange.core.ledger.SlaDeadline;
import org.clueexchange.core.ledger.TimeLimit;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.ledger.messages.FactRecorded;
import org.clueexchange.core.ledger.messages.LedgerAnomalyRecorded;
import org.clueexchange.core.ledger.messages.RecordFact;
import org.clueexchange.core.ledger.messages.SlaBreached;
import org.clueexchange.core.ledger.messages.SlaClockStarted;
import org.clueexchange.core.ledger.messages.SlaClockStopped;

/**
 * One clue's line in the bidirectional transfer ledger (台账), keyed by the sender's clue id, tracked until the
 * loop closes (闭环, 跟踪销号).
 *
 * <p>Each agency's event is a fact it asserts, not a request: every fact is recorded, in whatever order the two
 * agencies' topics deliver them. Anomalies are judged pair by pair ({@link LedgerRules}), and the time limits
 * ({@link SlaClock}) are derived from the facts recorded so far, so any delivery order leaves the same facts,
 * anomalies and clocks. Only a fact already recorded (same event id) has no effect, which makes redelivery harmless.
 */
@Aggregate
public class TransferLedgerEntry {

    @AggregateIdentifier
    private String clueId;
    private final Set<String> recordedFacts = new HashSet<>();
    private final List<FactRecorded> facts = new ArrayList<>();
    private final Map<SlaClock, Clock> clocks = new EnumMap<>(SlaClock.class);

    protected TransferLedgerEntry() {
        // Axon rebuilds the entry from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordFact command, SlaPolicy sla, DeadlineManager deadlines) {
        FactRecorded fact = command.fact();
        if (recordedFacts.contains(fact.assertion().eventId())) {
            return;
        }
        List<LedgerAnomalyRecorded> anomalies = LedgerRules.anomalies(fact, facts);
        apply(fact);
        anomalies.forEach(anomaly -> apply(anomaly));
        for (SlaClock clock : SlaClock.values()) {
            runClock(clock, sla, deadlines);
        }
    }

    /** A time limit fell due: breached, unless a fact fulfilled it or an earlier start moved it since. */
    @DeadlineHandler(deadlineName = SlaDeadline.NAME)
    void on(SlaDeadline deadline) {
        Clock clock = clocks.get(deadline.clock());
        if (clock != null && clock.dueAt().equals(deadline.dueAt()) && clock.stoppedBy() == null && !clock.fellDue()) {
            apply(new SlaBreached(clueId, deadline.clock(), deadline.dueAt()));
        }
    }

    /** Starts, restarts or stops one time limit as the facts now recorded say. */
    private void runClock(SlaClock kind, SlaPolicy sla, DeadlineManager deadlines) {
        Optional<FactRecorded> start = earliest(fact -> fact.factKind() == kind.startedBy());
        if (start.isEmpty()) {
            return;
        }
        Clock clock = clocks.get(kind);
        Instant dueAt = sla.dueAt(kind, start.get().assertion().occurredAt(), receiverJurisdiction());
        if (clock == null || !clock.dueAt().equals(dueAt)) {
            apply(new SlaClockStarted(clueId, kind, start.get().assertion().eventId(), dueAt));
            deadlines.schedule(dueAt, SlaDeadline.NAME, new SlaDeadline(kind, dueAt));
            clock = clocks.get(kind);
        }
        Optional<FactRecorded> stop = earliest(fact -> kind.stoppedBy().contains(fact.factKind()));
        if (stop.isPresent() && !stop.get().assertion().eventId().equals(clock.stoppedBy())) {
            Instant stoppedAt = stop.get().assertion().occurredAt();
            apply(new SlaClockStopped(clueId, kind, stop.get().assertion().eventId(), stoppedAt,
                    TimeLimit.late(stoppedAt, dueAt)));
        }
    }

    private Optional<FactRecorded> earliest(Predicate<FactRecorded> which) {
        return facts.stream().filter(which).min(LedgerRules.EARLIEST);
    }

    /** Whose limits apply: the receiver the earliest transfer names, else the receiver that asserted facts. */
    private String receiverJurisdiction() {
        return earliest(fact -> fact.factKind() == FactKind.TRANSFERRED).map(FactRecorded::namedReceiver)
                .or(() -> earliest(fact -> fact.factKind().side() == FactSide.RECEIVER)
                        .map(fact -> fact.assertion().assertedBy()))
                .map(AgencyId::jurisdiction)
                .orElseThrow();
    }

    @EventSourcingHandler
    void on(FactRecorded event) {
        clueId = event.clueId();
        recordedFacts.add(event.assertion().eventId());
        facts.add(event);
    }

    @EventSourcingHandler
    void on(SlaClockStarted event) {
        clocks.put(event.clock(), new Clock(event.dueAt(), null, false));
    }

    @EventSourcingHandler
    void on(SlaClockStopped event) {
        Clock clock = clocks.get(event.clock());
        clocks.put(event.clock(), new Clock(clock.dueAt(), event.stoppedBy(), clock.fellDue()));
    }

    @EventSourcingHandler
    void on(SlaBreached event) {
        Clock clock = clocks.get(event.clock());
        clocks.put(event.clock(), new Clock(clock.dueAt(), clock.stoppedBy(), true));
    }

    /** What the entry keeps of a time limit to judge its deadline and later facts. */
    private record Clock(Instant dueAt, String stoppedBy, boolean fellDue) {
    }
}
