package org.clueexchange.infrastructure;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.clueexchange.subscription.KafkaSettings;

/**
 * What the broker itself does on this machine, with nothing of the exchange in between: the yardstick a benchmark
 * of the exchange prints its figures beside, measured in the same run on the same broker. Each measurement uses a
 * new topic partitioned as the agencies' topics, and records of
 * {@value #RECORD_BYTES} bytes keyed like facts.
 */
public final class RawKafkaBaseline {

    public static final int RECORD_BYTES = 1024;
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    /** How fast records went onto the topic, and off it again. */
    public record Throughput(int records, Duration producing, Duration consuming) {

        public double producedPerSecond() {
            return records / (producing.toNanos() / 1e9);
        }

        public double consumedPerSecond() {
            return records / (consuming.toNanos() / 1e9);
        }
    }

    private final String bootstrapServers;
    /**
     * Distinct random values, so that lz4 cannot shrink a batch by finding the same record in it again: what crosses
     * the broker is what a benchmark says it sends.
     */
    private final byte[][] values = new byte[1024][RECORD_BYTES];

    public RawKafkaBaseline(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Random random = new Random(42);
        for (byte[] value : values) {
            random.nextBytes(value);
        }
    }

    /**
     * Produces {@code records} as fast as one producer can, tuned for throughput but with the exchange's guarantees
     * (idempotent, acks=all), then consumes them all with one consumer of a new group, from the moment it is assigned
     * its partitions. The figures are those of a second pass: the first warms up the broker and the clients, as
     * the exchange's applications have been by the time they are measured.
     */
    public Throughput throughput(int records) throws InterruptedException, ExecutionException {
        pass(records);
        return pass(records);
    }

    private Throughput pass(int records) throws InterruptedException, ExecutionException {
        String topic = newTopic("throughput");
        Properties producerSettings = KafkaSettings.producer(bootstrapServers, "raw-baseline-producer");
        producerSettings.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        producerSettings.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        long produceStart = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings)) {
            AtomicReference<Exception> failure = new AtomicReference<>();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, key(i), values[i % values.length]), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
            if (failure.get() != null) {
                throw new IllegalStateException("the raw baseline could not produce", failure.get());
            }
        }
        Duration producing = Duration.ofNanos(System.nanoTime() - produceStart);

        Properties consumerSettings = KafkaSettings.consumer(bootstrapServers, "raw-baseline-" + UUID.randomUUID(),
                "raw-baseline-consumer");
        consumerSettings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerSettings)) {
            // From the assignment on, not from subscribing: joining a group is no part of consuming.
            long[] assigned = {0};
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    assigned[0] = System.nanoTime();
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }
            });
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            long consumed = 0;
            long bytes = 0;
            while (consumed < records) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the raw baseline consumed only " + consumed + " of " + records
                            + " records within " + PATIENCE);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    consumed++;
                    bytes += record.value().length;
                }
            }
            Duration consuming = Duration.ofNanos(System.nanoTime() - assigned[0]);
            if (bytes != (long) records * RECORD_BYTES) {
                throw new IllegalStateException("the raw baseline read " + bytes + " bytes, not "
                        + (long) records * RECORD_BYTES);
            }
            return new Throughput(records, producing, consuming);
        }
    }

    /**
     * Sends {@code records} one by one at {@code perSecond} with the exchange's own client settings and times each
     * from the send to its arrival at a consumer that is already assigned: the least a fact's way from one
     * participant to another can take on this broker.
     */
    public LatencyPercentiles latency(int records, double perSecond) throws InterruptedException, ExecutionException {
        String topic = newTopic("latency");
        Properties consumerSettings = KafkaSettings.consumer(bootstrapServers, "raw-baseline-" + UUID.randomUUID(),
                "raw-baseline-latency-consumer");
        long[] latencies = new long[records];
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerSettings);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                     KafkaSettings.producer(bootstrapServers, "raw-baseline-latency-producer"))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (consumer.assignment().isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the raw baseline's consumer got no partitions within " + PATIENCE);
                }
                consumer.poll(Duration.ofMillis(100));
            }
            // Producing on a thread of its own, at its own pace, so that a slow poll never delays a send. Each record
            // carries its send time: both ends read the same clock.
            AtomicReference<Exception> failure = new AtomicReference<>();
            Thread sender = new Thread(() -> {
                long interval = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
                long start = System.nanoTime();
                for (int i = 0; i < records && failure.get() == null; i++) {
                    long due = start + i * interval;
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    byte[] value = values[i % values.length].clone();
                    ByteBuffer.wrap(value).putLong(System.nanoTime());
                    producer.send(new ProducerRecord<>(topic, key(i), value), (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                }
            }, "raw-baseline-latency-producer");
            sender.start();
            Duration patience = PATIENCE.plusNanos((long) (records / perSecond * 1e9));
            deadline = System.nanoTime() + patience.toNanos();
            int received = 0;
            while (received < records) {
                if (System.nanoTime() > deadline || failure.get() != null) {
                    failure.compareAndSet(null, new IllegalStateException("timed out"));
                    sender.join();
                    throw new IllegalStateException("the raw baseline received " + received + " of " + records
                            + " records within " + patience, failure.get());
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    latencies[received++] = System.nanoTime() - ByteBuffer.wrap(record.value()).getLong();
                }
            }
            sender.join();
        }
        return LatencyPercentiles.ofNanos(latencies);
    }

    /** A key like a clue id's, so that records spread over the partitions as facts do. */
    private static String key(int i) {
        return "RAW-530600-" + i;
    }

    private String newTopic(String purpose) throws InterruptedException, ExecutionException {
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(settings)) {
            String topic = "benchmark.raw." + purpose + "." + UUID.randomUUID();
            admin.createTopics(List.of(new NewTopic(topic, AgencyTopics.PARTITIONS, (short) 1))).all().get();
            return topic;
        }
    }
}
