package org.clueexchange.subscription;

import io.micrometer.core.instrument.Gauge;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes clue events off topics, one thread, at least once, with exactly-once effect left to the handler (which
 * recognises a redelivered fact by its event id).
 *
 * <p>The well-formed facts of one poll go to the handler together, as one unit. Should the unit fail, the facts are
 * taken again one at a time, so that one bad record is told from the rest instead of holding them. An offset is
 * committed only after the handler has finished the record or the dead-letter topic holds it. Bytes that are no
 * event, events that break the contract's rules and records the handler declares invalid go to the dead-letter
 * topic and consumption goes on; any other failure of a single fact rewinds its partition and retries after a pause,
 * so that nothing is skipped while, say, the database is away.
 */
public final class FactConsumer implements AutoCloseable {

    /**
     * Applies facts in their order, all of them or, on failure, none; throws {@link InvalidFactException} when a
     * record among them can never be applied.
     */
    @FunctionalInterface
    public interface FactHandler {
        void handle(List<ConsumedFact> facts) throws Exception;
    }

    /** A decoded, well-formed event and where it was read. */
    public record ConsumedFact(String topic, int partition, long offset, SpecificRecord event) {
    }

    private static final Logger log = LoggerFactory.getLogger(FactConsumer.class);

    private final Consumer<String, byte[]> consumer;
    private final Collection<String> topics;
    private final FactAdmission admission;
    private final DeadLetters deadLetters;
    private final FactHandler handler;
    private final Duration retryPause;
    private final Thread thread;
    private final FactMetrics metrics;
    private final AtomicLong lag = new AtomicLong();
    private final Gauge lagGauge;
    private volatile boolean running = true;

    public FactConsumer(String name, Consumer<String, byte[]> consumer, Collection<String> topics,
                        FactAdmission admission, DeadLetters deadLetters,
                        FactHandler handler, Duration retryPause, FactMetrics metrics) {
        this.consumer = consumer;
        this.topics = List.copyOf(topics);
        this.admission = admission;
        this.deadLetters = deadLetters;
        this.handler = handler;
        this.retryPause = retryPause;
        this.thread = new Thread(this::run, name);
        this.metrics = metrics;
        this.lagGauge = metrics.lagOf(name, lag);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        try {
            consumer.subscribe(topics);
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    process(records);
                }
                lag.set(lag());
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private void process(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        Map<ConsumerRecord<String, byte[]>, ConsumedFact> facts = new LinkedHashMap<>();
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                decoded(record).ifPresent(fact -> facts.put(record, fact));
            }
        } catch (WakeupException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            retryLater(records, Map.of(), e);
            return;
        }
        if (handledWhole(facts.values()) || handledWhole(facts.values())) {
            commit(records);
        } else {
            oneAtATime(records, facts);
        }
    }

    /**
     * Whether the handler applied all the facts as one unit. A unit that fails is tried whole a second time before
     * its facts are taken one by one: the usual cause is a conflict with another writer, which the first failure
     * has cleared.
     */
    private boolean handledWhole(Collection<ConsumedFact> facts) throws InterruptedException {
        if (facts.isEmpty()) {
            return true;
        }
        try {
            handler.handle(List.copyOf(facts));
            metrics.applied(facts.size());
            return true;
        } catch (WakeupException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            log.info("{}: a batch of {} facts failed: {}", thread.getName(), facts.size(), e.getClass().getName());
            log.debug("{}: why the batch failed", thread.getName(), e);
            return false;
        }
    }

    /**
     * Takes the poll's facts one at a time. Every record, a fact or one already dead-lettered, counts as finished once
     * passed, so that a retry starts at the first record not yet taken and dead-letters nothing twice.
     */
    private void oneAtATime(ConsumerRecords<String, byte[]> records,
                            Map<ConsumerRecord<String, byte[]>, ConsumedFact> facts) throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> finished = new HashMap<>();
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                ConsumedFact fact = facts.get(record);
                if (fact != null) {
                    try {
                        handler.handle(List.of(fact));
                        metrics.applied(1);
                    } catch (InvalidFactException e) {
                        deadLetter(record, e.getMessage());
                    }
                }
                finished.put(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
            }
        } catch (WakeupException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            retryLater(records, finished, e);
            return;
        }
        commit(records);
    }

    /** Commits the poll; should that fail, its records come again, and their effects are already there. */
    private void commit(ConsumerRecords<String, byte[]> records) {
        try {
            consumer.commitSync(nextOffsets(records));
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            log.warn("{}: commit failed, the records taken will be redelivered", thread.getName(), e);
        }
    }

    private void retryLater(ConsumerRecords<String, byte[]> records,
                            Map<TopicPartition, OffsetAndMetadata> finished, Exception cause)
            throws InterruptedException {
        log.warn("{}: cannot take a record now, retrying in {}", thread.getName(), retryPause, cause);
        rewind(records, finished);
        Thread.sleep(retryPause.toMillis());
    }

    /** The fact a record holds, or none once the dead-letter topic holds a record that is no valid fact. */
    private Optional<ConsumedFact> decoded(ConsumerRecord<String, byte[]> record) throws Exception {
        FactAdmission.Admitted admitted = admission.admit(record);
        if (admitted.fact() == null) {
            deadLetter(record, admitted.refusal());
        }
        return Optional.ofNullable(admitted.fact());
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> taken = records.records(partition);
            next.put(partition, new OffsetAndMetadata(taken.get(taken.size() - 1).offset() + 1));
        }
        return next;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) throws Exception {
        log.warn("{}: dead-lettering {}-{}@{}: {}", thread.getName(), record.topic(), record.partition(),
                record.offset(), DeadLetters.shortened(reason));
        deadLetters.send(record, reason);
        metrics.deadLettered();
    }

    /** Records not yet taken on the partitions this consumer owns, as far as its last fetch knows. */
    private long lag() {
        long behind = 0;
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong partitionLag = consumer.currentLag(partition);
            if (partitionLag.isPresent()) {
                behind += partitionLag.getAsLong();
            }
        }
        return behind;
    }

    /** Commits what was finished and moves every partition of the batch back to its first unfinished record. */
    private void rewind(ConsumerRecords<String, byte[]> records, Map<TopicPartition, OffsetAndMetadata> finished) {
        try {
            if (!finished.isEmpty()) {
                consumer.commitSync(finished);
            }
        } catch (RuntimeException e) {
            log.warn("{}: commit failed, the finished records will be redelivered", thread.getName(), e);
        }
        for (TopicPartition partition : records.partitions()) {
            if (consumer.assignment().contains(partition)) {
                OffsetAndMetadata next = finished.get(partition);
                consumer.seek(partition, next != null ? next.offset() : records.records(partition).get(0).offset());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(15).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        metrics.forget(lagGauge);
    }
}
