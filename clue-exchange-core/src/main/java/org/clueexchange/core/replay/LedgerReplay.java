package org.clueexchange.core.replay;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.clueexchange.core.intake.LedgerFacts;
import org.clueexchange.core.ledger.SlaDeadline;
import org.clueexchange.core.ledger.command.FactRefusedException;
import org.clueexchange.core.ledger.command.LedgerFold;
import org.clueexchange.core.ledger.command.SlaPolicy;
import org.clueexchange.core.ledger.messages.FactRecorded;
import org.clueexchange.core.ledger.query.ReplayedLedgerTables;
import org.clueexchange.events.StatementConfirmed;
import org.clueexchange.subscription.FactAdmission;
import org.clueexchange.subscription.InvalidFactException;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.ExchangeTopics;

/**
 * Re-consumes both agencies' topics into a fresh ledger: every record judged as the live intake judges it
 * ({@link FactAdmission}, then the topic its writer must use and whether the ledger records its kind), every fact
 * folded by the live rules ({@link ReplayedEntries}), the events made into rows by the live projection
 * ({@link ReplayedLedgerTables}) in memory on several threads, each clue's events on one, and the rows copied into
 * the fresh schema once every record is read. Refused records are counted and listed, never applied.
 *
 * <p>The facts of gang cases and the confirmations of statements are counted but not replayed: their aggregates
 * ({@code GangCaseFile}, {@code ReconciliationStatement}) decide inside Axon's command handling, with no fold of
 * their own to run outside it.
 */
public final class LedgerReplay {

    /** How many records are judged together, in parallel, before their facts are folded in order. */
    private static final int CHUNK = 5_000;
    /** How many events are handed to a writer at once. */
    private static final int WRITE_BATCH = 500;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    /** A record refused, by where it lies on its topic. */
    public record Refusal(String topic, int partition, long offset, String reason) {

        @Override
        public String toString() {
            return topic + "/" + partition + "@" + offset + ": " + reason;
        }
    }

    /** What a replay read and did, and how long it took, of which {@code writing} the rows into the schema. */
    public record Outcome(long records, long facts, long events, int clues, long caseFacts, long confirmations,
                          List<Refusal> refused, Duration took, Duration writing) {

        public double recordsPerSecond() {
            return records / Math.max(took.toNanos() / 1e9, 1e-9);
        }
    }

    private record Judged(ConsumerRecord<String, byte[]> record, FactRecorded fact, Refusal refusal,
                          boolean caseFact, boolean confirmation) {
    }

    private final String bootstrapServers;
    private final List<String> topics;
    private final FactAdmission admission;
    private final SlaPolicy sla;
    private final Clock clock;
    private final int writers;

    public LedgerReplay(String bootstrapServers, List<String> topics, FactAdmission admission, SlaPolicy sla,
                        Clock clock, int writers) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.admission = admission;
        this.sla = sla;
        this.clock = clock;
        this.writers = writers;
    }

    /** Replays the topics into the ledger tables of {@code target}, telling {@code progress} how far it got. */
    public Outcome into(DataSource target, PrintWriter progress) throws InterruptedException {
        long started = System.nanoTime();
        ReplayedEntries entries = new ReplayedEntries(sla);
        List<Refusal> refused = new ArrayList<>();
        long[] counts = new long[5];
        Writers out = new Writers(target);
        long[] lastReport = {started};
        try (TopicRecords records = new TopicRecords(bootstrapServers, topics)) {
            progress.printf("重放 replaying %,d records of %s%n", records.total(), String.join(", ", topics));
            progress.flush();
            records.forEach(CHUNK, chunk -> {
                for (Judged judged : chunk.parallelStream().map(this::judge).toList()) {
                    counts[0]++;
                    if (judged.refusal() != null) {
                        refused.add(judged.refusal());
                    } else if (judged.caseFact()) {
                        counts[2]++;
                    } else if (judged.confirmation()) {
                        counts[3]++;
                    } else {
                        Instant seenAt = Instant.ofEpochMilli(judged.record().timestamp());
                        try {
                            entries.record(judged.fact(), seenAt, out.at(seenAt));
                            counts[1]++;
                        } catch (FactRefusedException e) {
                            ConsumerRecord<String, byte[]> record = judged.record();
                            refused.add(new Refusal(record.topic(), record.partition(), record.offset(),
                                    e.getMessage()));
                        }
                    }
                }
                out.flushFull();
                long now = System.nanoTime();
                if (now - lastReport[0] >= PROGRESS_EVERY.toNanos()) {
                    lastReport[0] = now;
                    progress.printf("  %,d/%,d records · %,.0f records/s · %,d clues%n", counts[0],
                            records.total(), counts[0] / ((now - started) / 1e9), entries.clues());
                    progress.flush();
                }
            });
        }
        Instant end = clock.instant();
        entries.fallDue(end, out.at(end));
        progress.printf("  写入 writing the rows of %,d clues%n", entries.clues());
        progress.flush();
        long writing = System.nanoTime();
        long events = out.finish();
        long finished = System.nanoTime();
        return new Outcome(counts[0], counts[1], events, entries.clues(), counts[2], counts[3], refused,
                Duration.ofNanos(finished - started), Duration.ofNanos(finished - writing));
    }

    private Judged judge(ConsumerRecord<String, byte[]> record) {
        FactAdmission.Admitted admitted = admission.admit(record);
        if (admitted.refusal() != null) {
            return refused(record, admitted.refusal());
        }
        Optional<String> misplaced = ExchangeTopics.misplaced(admitted.fact().event(), record.topic());
        if (misplaced.isPresent()) {
            return refused(record, misplaced.get());
        }
        if (admitted.fact().event() instanceof StatementConfirmed) {
            return new Judged(record, null, null, false, true);
        }
        if (ClueEvents.isCaseFact(admitted.fact().event())) {
            return new Judged(record, null, null, true, false);
        }
        try {
            return new Judged(record, LedgerFacts.of(admitted.fact().event()), null, false, false);
        } catch (InvalidFactException e) {
            return refused(record, e.getMessage());
        }
    }

    private static Judged refused(ConsumerRecord<String, byte[]> record, String reason) {
        return new Judged(record, null, new Refusal(record.topic(), record.partition(), record.offset(), reason),
                false, false);
    }

    /**
     * The writing threads, each with the clues whose id hashes to it, so that a clue's events are applied in their
     * order; each copies its rows into the schema once every record is read. A writer's queue is short: folding
     * waits for the writers rather than holding their events.
     */
    private final class Writers {

        private final List<List<EventMessage<?>>> pending = new ArrayList<>();
        private final List<BlockingQueue<List<EventMessage<?>>>> queues = new ArrayList<>();
        private final List<Thread> threads = new ArrayList<>();
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        private long events;

        Writers(DataSource target) {
            for (int i = 0; i < writers; i++) {
                ReplayedLedgerTables tables = new ReplayedLedgerTables();
                BlockingQueue<List<EventMessage<?>>> queue = new ArrayBlockingQueue<>(8);
                pending.add(new ArrayList<>());
                queues.add(queue);
                Thread thread = new Thread(() -> {
                    try {
                        for (List<EventMessage<?>> batch = queue.take(); !batch.isEmpty(); batch = queue.take()) {
                            if (failure.get() == null) {
                                tables.add(batch);
                            }
                        }
                        if (failure.get() == null) {
                            tables.copyInto(target);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                        queue.clear();
                    }
                }, "replay-writer-" + i);
                thread.start();
                threads.add(thread);
            }
        }

        /** Where the fold's events go, recorded at {@code at}; deadlines are the replay's to keep, not a writer's. */
        LedgerFold.Effects at(Instant at) {
            return new LedgerFold.Effects() {
                @Override
                public void record(String clueId, Object event) {
                    // Named by its place in the replay: a random id each would draw on the system's entropy.
                    pending.get(Math.floorMod(clueId.hashCode(), writers))
                            .add(new GenericEventMessage<>(Long.toString(events++), event, Map.of(), at));
                }

                @Override
                public void schedule(String clueId, SlaDeadline deadline) {
                    throw new IllegalStateException("a replayed deadline is kept by the replay");
                }
            };
        }

        void flushFull() {
            for (int i = 0; i < writers; i++) {
                if (pending.get(i).size() >= WRITE_BATCH) {
                    hand(i);
                }
            }
        }

        /** Hands on what is left, waits for every writer to write its rows and says how many events there were. */
        long finish() throws InterruptedException {
            for (int i = 0; i < writers; i++) {
                if (!pending.get(i).isEmpty()) {
                    hand(i);
                }
                put(i, List.of());
            }
            for (Thread thread : threads) {
                thread.join();
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            return events;
        }

        private void hand(int writer) {
            put(writer, pending.get(writer));
            pending.set(writer, new ArrayList<>());
        }

        private void put(int writer, List<EventMessage<?>> batch) {
            if (failure.get() != null) {
                throw failure.get();
            }
            try {
                queues.get(writer).put(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the replay was interrupted", e);
            }
        }
    }
}
