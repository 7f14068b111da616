package org.clueexchange.infrastructure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.TopicPartition;
import org.clueexchange.subscription.KafkaSettings;
import org.clueexchange.subscription.TopicProvisioning;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.ExchangeTopics;
import org.clueexchange.wire.UndecodableEventException;
import org.clueexchange.wire.origin.OriginSignature;

/**
 * For tests: publishes on the agencies' topics as their adapters would, each agency's facts signed with its key of
 * {@link AgencyKeyring#forTests()} (and on the core's as the core would), and reads any topic back by key.
 */
public final class AgencyTopics implements AutoCloseable {

    /** As many as a core creates by default. */
    public static final int PARTITIONS = 6;
    /** As many facts as an adapter's relay signs at most in one batch. */
    private static final int BATCH = 500;

    private final String bootstrapServers;
    private final ClueEventCodec codec = ClueEventCodec.create();
    private final AgencyKeyring keys;
    private final KafkaProducer<String, byte[]> producer;

    /** Creates the exchange's topics, partitioned as a core creates them, should no core have created them yet. */
    public AgencyTopics(String bootstrapServers) {
        this(bootstrapServers, AgencyKeyring.forTests());
    }

    /** As above, signing with {@code keys} instead of the test JVM's. */
    public AgencyTopics(String bootstrapServers, AgencyKeyring keys) {
        this.bootstrapServers = bootstrapServers;
        this.keys = keys;
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            TopicProvisioning.prepare(admin, PARTITIONS, (short) 1);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the exchange's topics on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the exchange's topics", e);
        }
        this.producer = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, "test-agency"));
    }

    /**
     * Publishes on the topic of the agency that asserts the event (the core's for its own), under its key, signed
     * as the agency's adapter would sign it.
     */
    public void publish(SpecificRecord event) throws ExecutionException, InterruptedException {
        publish(ExchangeTopics.of(event), ClueEvents.keyOf(event), codec.encode(event));
    }

    /**
     * Publishes the bytes on any topic, signed as their asserter's adapter would sign them when they are an agency's
     * event, unsigned when they are no event at all.
     */
    public void publish(String topic, String key, byte[] value) throws ExecutionException, InterruptedException {
        publish(topic, key, value, originOf(value));
    }

    /** Publishes the bytes with no signature, as any other writer with access to the broker could. */
    public void publishUnsigned(String topic, String key, byte[] value)
            throws ExecutionException, InterruptedException {
        publish(topic, key, value, null);
    }

    /** Publishes the bytes with this {@link OriginSignature#HEADER} (none if null), e.g. a forged one. */
    public void publish(String topic, String key, byte[] value, byte[] origin)
            throws ExecutionException, InterruptedException {
        producer.send(record(topic, key, value, origin)).get();
    }

    private byte[] originOf(byte[] value) {
        try {
            SpecificRecord event = codec.decode(value);
            return keys.origins(List.of(event), List.of(value)).get(0);
        } catch (UndecodableEventException | RuntimeException notAnEvent) {
            return null;
        }
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, byte[] value, byte[] origin) {
        RecordHeaders headers = new RecordHeaders();
        if (origin != null) {
            headers.add(OriginSignature.HEADER, origin);
        }
        return new ProducerRecord<>(topic, null, key, value, headers);
    }

    /**
     * Publishes each event as {@link #publish(SpecificRecord)} does, without waiting for each acknowledgement: one
     * producer keeps the events of a clue in their order, and the call returns once the broker has them all. The
     * events are signed in batches, as an adapter's relay signs each round.
     *
     * @return the bytes published
     */
    public long publishAll(Iterable<? extends SpecificRecord> events) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        long bytes = 0;
        List<SpecificRecord> batch = new ArrayList<>(BATCH);
        for (SpecificRecord event : events) {
            batch.add(event);
            if (batch.size() == BATCH) {
                bytes += send(batch, failure);
                batch.clear();
            }
        }
        bytes += send(batch, failure);
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("the broker did not take every event", failure.get());
        }
        return bytes;
    }

    private long send(List<SpecificRecord> batch, AtomicReference<Exception> failure) {
        List<byte[]> values = batch.stream().map(codec::encode).toList();
        List<byte[]> origins = keys.origins(batch, values);
        long bytes = 0;
        for (int i = 0; i < batch.size(); i++) {
            SpecificRecord event = batch.get(i);
            bytes += values.get(i).length;
            producer.send(record(ExchangeTopics.of(event), ClueEvents.keyOf(event), values.get(i), origins.get(i)),
                    (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
        }
        return bytes;
    }

    /**
     * Every record on {@code topic} with this key, from the beginning, until {@code expected} are found or
     * {@code patience} runs out. It reads without a consumer group, so that it depends on no group coordinator.
     */
    public List<ConsumerRecord<String, byte[]>> read(String topic, String key, int expected, Duration patience) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = fromTheBeginning(topic)) {
            long deadline = System.nanoTime() + patience.toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }

    /** Every record on {@code topic} with this key, from the beginning to the end the topic has now. */
    public List<ConsumerRecord<String, byte[]>> readToEnd(String topic, String key) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = fromTheBeginning(topic)) {
            Set<TopicPartition> partitions = consumer.assignment();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }

    private KafkaConsumer<String, byte[]> fromTheBeginning(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaSettings.reader(bootstrapServers,
                "test-reader"));
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** The events on {@code topic} under this key, decoded. */
    public List<SpecificRecord> readEvents(String topic, String key, int expected, Duration patience) {
        return decoded(topic, key, read(topic, key, expected, patience));
    }

    /** The events on {@code topic} under this key, from the beginning to the end the topic has now, decoded. */
    public List<SpecificRecord> readEventsToEnd(String topic, String key) {
        return decoded(topic, key, readToEnd(topic, key));
    }

    private List<SpecificRecord> decoded(String topic, String key, List<ConsumerRecord<String, byte[]>> records) {
        List<SpecificRecord> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(codec.decode(record.value()));
            } catch (UndecodableEventException e) {
                throw new IllegalStateException(topic + " holds undecodable bytes under " + key, e);
            }
        }
        return events;
    }

    @Override
    public void close() {
        producer.close();
    }
}
