package org.clueexchange.core.ledger;

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
    private final List<LedgerRules.Fact> facts = new ArrayList<>();
    private final Map<SlaClock, Clock> clocks = new EnumMap<>(SlaClock.class);

    protected TransferLedgerEntry() {
        // Axon rebuilds the entry from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordTransfer command, SlaPolicy sla, DeadlineManager deadlines) {
        record(command.clueId(), LedgerFact.TRANSFERRED, command.assertion(), command.receiver(),
                new ClueTransferRecorded(command.clueId(), command.assertion(), command.receiver(), command.clue()),
                sla, deadlines);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordReceipt command, SlaPolicy sla, DeadlineManager deadlines) {
        record(command.clueId(), LedgerFact.RECEIVED, command.assertion(), null, new ClueReceiptRecorded(
                command.clueId(), command.assertion(), command.sender(), command.contentDigest()), sla, deadlines);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordAcceptance command, SlaPolicy sla, DeadlineManager deadlines) {
        record(command.clueId(), LedgerFact.ACCEPTED, command.assertion(), null, new ClueAcceptanceRecorded(
                command.clueId(), command.assertion(), command.receiverCaseNumber()), sla, deadlines);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordReturn command, SlaPolicy sla, DeadlineManager deadlines) {
        record(command.clueId(), LedgerFact.RETURNED, command.assertion(), null, new ClueReturnRecorded(
                command.clueId(), command.assertion(), command.reason(), command.explanation()), sla, deadlines);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordDisposal command, SlaPolicy sla, DeadlineManager deadlines) {
        record(command.clueId(), LedgerFact.DISPOSED, command.assertion(), null, new DisposalRecorded(
                command.clueId(), command.assertion(), command.method(), command.explanation()), sla, deadlines);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordProgress command, SlaPolicy sla, DeadlineManager deadlines) {
        record(command.clueId(), LedgerFact.PROGRESS_REPORTED, command.assertion(), null,
                new ProgressRecorded(command.clueId(), command.assertion(), command.summary()), sla, deadlines);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordConclusion command, SlaPolicy sla, DeadlineManager deadlines) {
        record(command.clueId(), LedgerFact.CONCLUDED, command.assertion(), null, new ConclusionRecorded(
                command.clueId(), command.assertion(), command.outcomes(), command.summary()), sla, deadlines);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordFeedback command, SlaPolicy sla, DeadlineManager deadlines) {
        record(command.clueId(), LedgerFact.FEEDBACK_SENT, command.assertion(), null, new FeedbackRecorded(
                command.clueId(), command.assertion(), command.outcomes(), command.summary()), sla, deadlines);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordFeedbackAcknowledgement command, SlaPolicy sla, DeadlineManager deadlines) {
        record(command.clueId(), LedgerFact.FEEDBACK_ACKNOWLEDGED, command.assertion(), null,
                new FeedbackAcknowledgementRecorded(command.clueId(), command.assertion(), command.feedbackEventId()),
                sla, deadlines);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordSupervision command, SlaPolicy sla, DeadlineManager deadlines) {
        record(command.clueId(), LedgerFact.SUPERVISION_ORDERED, command.assertion(), null,
                new SupervisionRecorded(command.clueId(), command.assertion(), command.kind(), command.escalatedTo(),
                        command.dueAt(), command.instructions()), sla, deadlines);
    }

    /** A time limit fell due: breached, unless a fact fulfilled it or an earlier start moved it since. */
    @DeadlineHandler(deadlineName = SlaDeadline.NAME)
    void on(SlaDeadline deadline) {
        Clock clock = clocks.get(deadline.clock());
        if (clock != null && clock.dueAt().equals(deadline.dueAt()) && clock.stoppedBy() == null && !clock.breached()) {
            apply(new SlaBreached(clueId, deadline.clock(), deadline.dueAt()));
        }
    }

    private void record(String clue, LedgerFact kind, Assertion assertion, AgencyId namedReceiver, Object event,
                        SlaPolicy sla, DeadlineManager deadlines) {
        if (recordedFacts.contains(assertion.eventId())) {
            return;
        }
        LedgerRules.Fact fact = new LedgerRules.Fact(kind, assertion, namedReceiver);
        List<LedgerAnomalyRecorded> anomalies = LedgerRules.anomalies(clue, fact, facts);
        apply(event);
        anomalies.forEach(anomaly -> apply(anomaly));
        for (SlaClock clock : SlaClock.values()) {
            runClock(clock, sla, deadlines);
        }
    }

    /** Starts, restarts or stops one time limit as the facts now recorded say. */
    private void runClock(SlaClock kind, SlaPolicy sla, DeadlineManager deadlines) {
        Optional<LedgerRules.Fact> start = earliest(fact -> fact.kind() == kind.startedBy());
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
        Optional<LedgerRules.Fact> stop = earliest(fact -> kind.stoppedBy().contains(fact.kind()));
        if (stop.isPresent() && !stop.get().assertion().eventId().equals(clock.stoppedBy())) {
            Instant stoppedAt = stop.get().assertion().occurredAt();
            apply(new SlaClockStopped(clueId, kind, stop.get().assertion().eventId(), stoppedAt,
                    stoppedAt.isAfter(dueAt)));
        }
    }

    private Optional<LedgerRules.Fact> earliest(Predicate<LedgerRules.Fact> which) {
        return facts.stream().filter(which).min((one, other) ->
                LedgerRules.EARLIEST.compare(one.assertion(), other.assertion()));
    }

    /** Whose limits apply: the receiver the earliest transfer names, else the receiver that asserted facts. */
    private String receiverJurisdiction() {
        return earliest(fact -> fact.kind() == LedgerFact.TRANSFERRED).map(fact -> fact.namedReceiver())
                .or(() -> earliest(fact -> fact.kind().side() == FactSide.RECEIVER)
                        .map(fact -> fact.assertion().assertedBy()))
                .map(AgencyId::jurisdiction)
                .orElseThrow();
    }

    @EventSourcingHandler
    void on(ClueTransferRecorded event) {
        remember(event.clueId(), LedgerFact.TRANSFERRED, event.assertion(), event.receiver());
    }

    @EventSourcingHandler
    void on(ClueReceiptRecorded event) {
        remember(event.clueId(), LedgerFact.RECEIVED, event.assertion(), null);
    }

    @EventSourcingHandler
    void on(ClueAcceptanceRecorded event) {
        remember(event.clueId(), LedgerFact.ACCEPTED, event.assertion(), null);
    }

    @EventSourcingHandler
    void on(ClueReturnRecorded event) {
        remember(event.clueId(), LedgerFact.RETURNED, event.assertion(), null);
    }

    @EventSourcingHandler
    void on(DisposalRecorded event) {
        remember(event.clueId(), LedgerFact.DISPOSED, event.assertion(), null);
    }

    @EventSourcingHandler
    void on(ProgressRecorded event) {
        remember(event.clueId(), LedgerFact.PROGRESS_REPORTED, event.assertion(), null);
    }

    @EventSourcingHandler
    void on(ConclusionRecorded event) {
        remember(event.clueId(), LedgerFact.CONCLUDED, event.assertion(), null);
    }

    @EventSourcingHandler
    void on(FeedbackRecorded event) {
        remember(event.clueId(), LedgerFact.FEEDBACK_SENT, event.assertion(), null);
    }

    @EventSourcingHandler
    void on(FeedbackAcknowledgementRecorded event) {
        remember(event.clueId(), LedgerFact.FEEDBACK_ACKNOWLEDGED, event.assertion(), null);
    }

    @EventSourcingHandler
    void on(SupervisionRecorded event) {
        remember(event.clueId(), LedgerFact.SUPERVISION_ORDERED, event.assertion(), null);
    }

    @EventSourcingHandler
    void on(SlaClockStarted event) {
        clocks.put(event.clock(), new Clock(event.dueAt(), null, false));
    }

    @EventSourcingHandler
    void on(SlaClockStopped event) {
        Clock clock = clocks.get(event.clock());
        clocks.put(event.clock(), new Clock(clock.dueAt(), event.stoppedBy(), clock.breached()));
    }

    @EventSourcingHandler
    void on(SlaBreached event) {
        Clock clock = clocks.get(event.clock());
        clocks.put(event.clock(), new Clock(clock.dueAt(), clock.stoppedBy(), true));
    }

    private void remember(String clueId, LedgerFact kind, Assertion assertion, AgencyId namedReceiver) {
        this.clueId = clueId;
        recordedFacts.add(assertion.eventId());
        facts.add(new LedgerRules.Fact(kind, assertion, namedReceiver));
    }

    /** What the entry keeps of a time limit to judge its deadline and later facts. */
    private record Clock(Instant dueAt, String stoppedBy, boolean breached) {
    }
}
