package org.clueexchange.core.replay;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.clueexchange.core.ledger.SlaDeadline;
import org.clueexchange.core.ledger.command.LedgerEntryState;
import org.clueexchange.core.ledger.command.LedgerFold;
import org.clueexchange.core.ledger.command.SlaPolicy;
import org.clueexchange.core.ledger.messages.FactRecorded;

/**
 * Every clue's ledger entry rebuilt in memory from the facts of the topics, by the live rules ({@link LedgerFold}),
 * with the deadlines the live core would have kept: time limits fall due as they did live. A fact is folded at the
 * moment the live core could first have seen it (its record's timestamp), so before it, every deadline due by then
 * falls due; a deadline already due as a fact sets it falls due with that fact, as in a live batch.
 */
final class ReplayedEntries {

    private record Due(String clueId, SlaDeadline deadline) {
    }

    private final Map<String, LedgerEntryState> entries = new HashMap<>();
    private final PriorityQueue<Due> deadlines = new PriorityQueue<>(
            Comparator.comparing((Due due) -> due.deadline().dueAt()).thenComparing(Due::clueId));
    private final LedgerFold fold;

    ReplayedEntries(SlaPolicy sla) {
        this.fold = new LedgerFold(sla, clueId -> entries.computeIfAbsent(clueId, any -> new LedgerEntryState()));
    }

    /** Folds the fact as the live core would have when it saw the fact at {@code seenAt}. */
    void record(FactRecorded fact, Instant seenAt, LedgerFold.Effects effects) {
        fallDue(seenAt, effects);
        fold.record(List.of(fact), seenAt, kept(effects));
    }

    /** Every deadline due by {@code now} falls due, earliest first. */
    void fallDue(Instant now, LedgerFold.Effects effects) {
        while (!deadlines.isEmpty() && !deadlines.peek().deadline().dueAt().isAfter(now)) {
            Due due = deadlines.poll();
            fold.fallDue(due.clueId(), due.deadline(), effects);
        }
    }

    int clues() {
        return entries.size();
    }

    private LedgerFold.Effects kept(LedgerFold.Effects effects) {
        return new LedgerFold.Effects() {
            @Override
            public void record(String clueId, Object event) {
                effects.record(clueId, event);
            }

            @Override
            public void schedule(String clueId, SlaDeadline deadline) {
                deadlines.add(new Due(clueId, deadline));
            }
        };
    }
}
