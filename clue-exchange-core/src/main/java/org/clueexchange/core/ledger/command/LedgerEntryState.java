package org.clueexchange.core.ledger.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.clueexchange.core.ledger.SlaClock;
import org.clueexchange.core.ledger.SlaDeadline;
import org.clueexchange.core.ledger.TimeLimit;
import org.clueexchange.core.ledger.messages.FactRecorded;
import org.clueexchange.core.ledger.messages.LedgerAnomalyRecorded;
import org.clueexchange.core.ledger.messages.SlaBreached;
import org.clueexchange.core.ledger.messages.SlaClockStarted;
import org.clueexchange.core.ledger.messages.SlaClockStopped;

/**
 * What one clue's ledger entry holds, and what recording a fact or a deadline on it decides.
 * {@link TransferLedgerEntry} runs it inside Axon's command and deadline handling; {@link LedgerEntries} runs the
 * same code on the entries it keeps in memory for a whole batch of facts, so the two paths cannot decide differently.
 *
 * <p>Every fact is recorded, in whatever order the two agencies' topics deliver them, save one that speaks for a side
 * of the recorded transfer as an agency the transfer does not name ({@link LedgerRules#refusal}). Anomalies are
 * judged pair by pair ({@link LedgerRules}), and the time limits ({@link SlaClock}) are derived from the facts
 * recorded so far that may move them, so any delivery order leaves the same clocks, and the same facts and anomalies
 * but for the refused. Only a fact already recorded (same event id) has no effect, which makes redelivery harmless.
 */
public final class LedgerEntryState {

    /**
     * Where a decision goes. Each event is to be recorded and applied to this state ({@link #evolve}) before the
     * decision goes on, since later steps of the same decision read it.
     */
    public interface Effects {

        void record(Object event);

        void schedule(SlaDeadline deadline);
    }

    private String clueId;
    private final Set<String> recordedFacts = new HashSet<>();
    private final List<FactRecorded> facts = new ArrayList<>();
    private final Map<SlaClock, Clock> clocks = new EnumMap<>(SlaClock.class);

    public String clueId() {
        return clueId;
    }

    /**
     * Records an asserted fact with the anomalies it reveals, and starts, restarts or stops the clocks it moves.
     *
     * @throws FactRefusedException when the fact speaks for a side of the transfer as an agency it does not name;
     *                              nothing is recorded
     */
    public void record(FactRecorded fact, SlaPolicy sla, Effects effects) {
        if (recordedFacts.contains(fact.assertion().eventId())) {
            return;
        }
        Optional<String> refusal = LedgerRules.refusal(fact, facts);
        if (refusal.isPresent()) {
            throw new FactRefusedException(refusal.get());
        }
        List<LedgerAnomalyRecorded> anomalies = new ArrayList<>(LedgerRules.anomalies(fact, facts));
        LedgerRules.lateAssertion(fact, sla.lateAssertionTolerance()).ifPresent(anomalies::add);
        effects.record(fact);
        anomalies.forEach(effects::record);
        List<SlaDeadline> started = new ArrayList<>();
        for (SlaClock clock : SlaClock.values()) {
            runClock(clock, sla, effects, started::add);
        }
        started.stream().filter(this::awaits).forEach(effects::schedule);
    }

    /**
     * Whether the deadline can still find its time limit breached: the clock runs, to that due date. A clock a fact
     * has stopped stays stopped, whatever facts come later, so a deadline not awaited now never will be, and setting
     * it would only make the entry look again for nothing. That is most of them when a clue's history arrives at
     * once, as when an agency loads its earlier transfers.
     */
    public boolean awaits(SlaDeadline deadline) {
        Clock clock = clocks.get(deadline.clock());
        return clock != null && clock.dueAt().equals(deadline.dueAt()) && clock.stoppedBy() == null
                && !clock.fellDue();
    }

    /** A time limit fell due: breached, unless a fact fulfilled it or an earlier start moved it since. */
    public void fallDue(SlaDeadline deadline, Consumer<Object> record) {
        if (awaits(deadline)) {
            record.accept(new SlaBreached(clueId, deadline.clock(), deadline.dueAt()));
        }
    }

    /** Applies an event the entry recorded, when it is recorded and whenever the entry is rebuilt. */
    public void evolve(Object event) {
        if (event instanceof FactRecorded fact) {
            clueId = fact.clueId();
            recordedFacts.add(fact.assertion().eventId());
            facts.add(fact);
        } else if (event instanceof SlaClockStarted started) {
            clocks.put(started.clock(), new Clock(started.startedBy(), started.dueAt(), null, false));
        } else if (event instanceof SlaClockStopped stopped) {
            Clock clock = clocks.get(stopped.clock());
            clocks.put(stopped.clock(), new Clock(clock.startedBy(), clock.dueAt(), stopped.stoppedBy(),
                    clock.fellDue()));
        } else if (event instanceof SlaBreached breached) {
            Clock clock = clocks.get(breached.clock());
            clocks.put(breached.clock(), new Clock(clock.startedBy(), clock.dueAt(), clock.stoppedBy(), true));
        }
    }

    private void runClock(SlaClock kind, SlaPolicy sla, Effects effects, Consumer<SlaDeadline> started) {
        Optional<FactRecorded> transfer = LedgerRules.transferOf(facts);
        Predicate<FactRecorded> moves = fact -> LedgerRules.movesLimits(fact, transfer);
        Optional<FactRecorded> start = earliest(moves.and(fact -> fact.factKind() == kind.startedBy()));
        if (start.isEmpty()) {
            return;
        }
        Clock clock = clocks.get(kind);
        Instant dueAt = sla.dueAt(kind, start.get().assertion().occurredAt(),
                transfer.orElseThrow().namedReceiver().jurisdiction());
        // An earlier start restarts the clock even to the same due time (two receipts of one day), so that which
        // fact started it does not depend on which arrived first.
        if (clock == null || !clock.dueAt().equals(dueAt)
                || !start.get().assertion().eventId().equals(clock.startedBy())) {
            effects.record(new SlaClockStarted(clueId, kind, start.get().assertion().eventId(), dueAt));
            started.accept(new SlaDeadline(kind, dueAt));
            clock = clocks.get(kind);
        }
        Optional<FactRecorded> stop = earliest(moves.and(fact -> kind.stoppedBy().contains(fact.factKind())));
        if (stop.isPresent() && !stop.get().assertion().eventId().equals(clock.stoppedBy())) {
            Instant stoppedAt = stop.get().assertion().occurredAt();
            effects.record(new SlaClockStopped(clueId, kind, stop.get().assertion().eventId(), stoppedAt,
                    TimeLimit.late(stoppedAt, dueAt)));
            // Judged as the clock stops, on the start and due time known then: what undid a breach is what stopped it.
            LedgerRules.fulfilledAfterBreach(stop.get(), start.get(), kind, dueAt).ifPresent(effects::record);
        }
    }

    private Optional<FactRecorded> earliest(Predicate<FactRecorded> which) {
        return facts.stream().filter(which).min(LedgerRules.EARLIEST);
    }

    /** What the entry keeps of a time limit to judge its deadline and later facts. */
    private record Clock(String startedBy, Instant dueAt, String stoppedBy, boolean fellDue) {
    }
}
