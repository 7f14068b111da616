package org.clueexchange.core.ledger.command;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.clueexchange.core.ledger.SlaDeadline;
import org.clueexchange.core.ledger.messages.FactRecorded;

/**
 * Records batches of facts on their clues' ledger entries, with the rules of {@link LedgerEntryState} folded by
 * {@link LedgerFold} and into the event streams of {@link TransferLedgerEntry}, without a command per fact. Entries recently written stay in memory,
 * so a fact never costs its clue's history being read and replayed again.
 *
 * <p>A batch runs in the caller's unit of work, in one transaction: its events are appended together and its
 * deadlines scheduled in the same transaction, on its commit. A deadline that a later fact of the same batch made
 * pointless ({@link LedgerEntryState#awaits}) is not set at all, and one already due falls due in the batch itself,
 * as it would the moment the batch committed: had it gone to the deadline manager, the aggregate would have written
 * to the entry's stream beside this batch's successor, and one of the two would have had to be done again.
 *
 * <p>An entry is taken out of memory while a batch works on it and put back only once the batch has committed, so a
 * batch rolled back leaves nothing of itself behind. An entry in memory can still be behind its stream, when a
 * deadline fell due on it through the aggregate or another node wrote to it; it then appends at a sequence number
 * its stream already has, the event store refuses the batch, and its retry reads the entry afresh.
 */
public final class LedgerEntries {

    private final EventStore eventStore;
    private final DeadlineManager deadlines;
    private final SlaPolicy sla;
    private final Clock clock;
    private final Map<String, Entry> inMemory;

    /**
     * @param clock    the time deadlines are judged by, the deadline manager's
     * @param capacity how many entries stay in memory, least recently written leaving first
     */
    public LedgerEntries(EventStore eventStore, DeadlineManager deadlines, SlaPolicy sla, Clock clock, int capacity) {
        this.eventStore = eventStore;
        this.deadlines = deadlines;
        this.sla = sla;
        this.clock = clock;
        this.inMemory = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records the facts, in their order, within the current unit of work. */
    public void record(List<FactRecorded> facts) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Map<String, Entry> working = new HashMap<>();
        List<DomainEventMessage<?>> events = new ArrayList<>();
        LedgerFold fold = new LedgerFold(sla, clueId -> working.computeIfAbsent(clueId, this::checkOut).state);
        fold.record(facts, clock.instant(), new LedgerFold.Effects() {
            @Override
            public void record(String clueId, Object event) {
                events.add(working.get(clueId).next(clueId, event));
            }

            @Override
            public void schedule(String clueId, SlaDeadline deadline) {
                deadlines.schedule(deadline.dueAt(), SlaDeadline.NAME, deadline,
                        new AggregateScopeDescriptor(TransferLedgerEntry.TYPE, clueId));
            }
        });
        eventStore.publish(events);
        unitOfWork.afterCommit(committed -> checkIn(working));
    }

    private Entry checkOut(String clueId) {
        Entry entry;
        synchronized (inMemory) {
            entry = inMemory.remove(clueId);
        }
        return entry != null ? entry : read(clueId);
    }

    private void checkIn(Map<String, Entry> entries) {
        synchronized (inMemory) {
            inMemory.putAll(entries);
        }
    }

    private Entry read(String clueId) {
        Entry entry = new Entry();
        DomainEventStream stream = eventStore.readEvents(clueId);
        stream.forEachRemaining(event -> entry.state.evolve(event.getPayload()));
        Long last = stream.getLastSequenceNumber();
        entry.lastSequence = last == null ? -1 : last;
        return entry;
    }

    /** An entry's state and the sequence number of the last event in its stream. */
    private static final class Entry {
        private final LedgerEntryState state = new LedgerEntryState();
        private long lastSequence;

        /** An event the entry recorded, as the next in its stream. */
        private DomainEventMessage<?> next(String clueId, Object event) {
            return new GenericDomainEventMessage<>(TransferLedgerEntry.TYPE, clueId, ++lastSequence, event);
        }
    }
}
