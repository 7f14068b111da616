package org.clueexchange.core.ledger.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.clueexchange.core.ledger.SlaDeadline;
import org.clueexchange.core.ledger.messages.FactRecorded;

/**
 * The ledger's rules as a fold over facts, in memory: each fact decided on its clue's {@link LedgerEntryState},
 * the deadlines it sets judged by a clock the caller passes. Neither the command bus nor the event store takes part,
 * so the intake's batches ({@link LedgerEntries}, which appends what the fold decides) and a replay of the topics
 * (which keeps every entry and its deadlines in memory) run the same rules.
 */
public final class LedgerFold {

    /** Where the fold's decisions go. */
    public interface Effects {

        /** An event recorded on the clue's entry, already applied to its state. */
        void record(String clueId, Object event);

        /** A deadline still awaited, due after the moment the batch was folded at. */
        void schedule(String clueId, SlaDeadline deadline);
    }

    private final SlaPolicy sla;
    private final Function<String, LedgerEntryState> entries;

    /** @param entries each clue's entry, as the caller keeps them; asked once per clue and batch */
    public LedgerFold(SlaPolicy sla, Function<String, LedgerEntryState> entries) {
        this.sla = sla;
        this.entries = entries;
    }

    /**
     * Records the facts in their order, then decides the deadlines they set: one a later fact of the batch made
     * pointless ({@link LedgerEntryState#awaits}) is dropped, one due by {@code now} falls due in the batch itself,
     * as it would the moment the batch took effect, and the others are the caller's to keep.
     */
    public void record(List<FactRecorded> facts, Instant now, Effects effects) {
        Map<String, LedgerEntryState> working = new HashMap<>();
        Map<String, List<SlaDeadline>> set = new LinkedHashMap<>();
        for (FactRecorded fact : facts) {
            String clueId = fact.clueId();
            LedgerEntryState entry = working.computeIfAbsent(clueId, entries);
            entry.record(fact, sla, new LedgerEntryState.Effects() {
                @Override
                public void record(Object event) {
                    entry.evolve(event);
                    effects.record(clueId, event);
                }

                @Override
                public void schedule(SlaDeadline deadline) {
                    set.computeIfAbsent(clueId, any -> new ArrayList<>()).add(deadline);
                }
            });
        }
        set.forEach((clueId, deadlines) -> {
            LedgerEntryState entry = working.get(clueId);
            deadlines.sort(Comparator.comparing(SlaDeadline::dueAt));
            for (SlaDeadline deadline : deadlines) {
                if (!entry.awaits(deadline)) {
                    continue;
                }
                if (deadline.dueAt().isAfter(now)) {
                    effects.schedule(clueId, deadline);
                } else {
                    fallDue(clueId, entry, deadline, effects);
                }
            }
        });
    }

    /** A deadline kept by the caller fell due on its clue's entry. */
    public void fallDue(String clueId, SlaDeadline deadline, Effects effects) {
        fallDue(clueId, entries.apply(clueId), deadline, effects);
    }

    private static void fallDue(String clueId, LedgerEntryState entry, SlaDeadline deadline, Effects effects) {
        entry.fallDue(deadline, event -> {
            entry.evolve(event);
            effects.record(clueId, event);
        });
    }
}
