package org.clueexchange.core.ledger.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.clueexchange.core.ledger.SlaDeadline;
import org.clueexchange.core.ledger.messages.RecordFact;

/**
 * One clue's line in the bidirectional transfer ledger (台账), keyed by the sender's clue id, tracked until the
 * loop closes (闭环, 跟踪销号). What it records and decides is {@link LedgerEntryState}'s; this is that state as an
 * Axon aggregate, which handles time limits falling due. The intake records facts in batches through
 * {@link LedgerEntries}, on the same state and into the same event stream.
 */
@Aggregate(type = TransferLedgerEntry.TYPE)
public class TransferLedgerEntry {

    /** The aggregate type of every entry's events and deadlines. */
    public static final String TYPE = "TransferLedgerEntry";

    @AggregateIdentifier
    private String clueId;
    private final LedgerEntryState state = new LedgerEntryState();

    protected TransferLedgerEntry() {
        // Axon rebuilds the entry from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordFact command, SlaPolicy sla, DeadlineManager deadlines) {
        state.record(command.fact(), sla, new LedgerEntryState.Effects() {
            @Override
            public void record(Object event) {
                AggregateLifecycle.apply(event);
            }

            @Override
            public void schedule(SlaDeadline deadline) {
                deadlines.schedule(deadline.dueAt(), SlaDeadline.NAME, deadline);
            }
        });
    }

    @DeadlineHandler(deadlineName = SlaDeadline.NAME)
    void on(SlaDeadline deadline) {
        state.fallDue(deadline, AggregateLifecycle::apply);
    }

    @EventSourcingHandler
    void on(Object event) {
        state.evolve(event);
        clueId = state.clueId();
    }
}
