package org.clueexchange.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.ExchangeTopics;
import org.clueexchange.wire.KafkaSettings;

/** Publishes on the agencies' topics as their adapters would, and reads what the core dead-lettered. */
public final class AgencyTopics implements AutoCloseable {

    private final String bootstrapServers;
    private final ClueEventCodec codec = ClueEventCodec.create();
    private final KafkaProducer<String, byte[]> producer;

    public AgencyTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, "test-agency"));
    }

    /** Publishes on the topic of the agency that asserts the event, keyed by clue id. */
    public void publish(SpecificRecord event) throws ExecutionException, InterruptedException {
        EventEnvelope envelope = ClueEvents.envelopeOf(event);
        publish(ExchangeTopics.of(envelope.getAssertedBy().getType()), envelope.getClueId(), codec.encode(event));
    }

    public void publish(String topic, String key, byte[] value) throws ExecutionException, InterruptedException {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    /** Every record on {@code topic} with this key, from the beginning, waiting up to {@code patience}. */
    public List<ConsumerRecord<String, byte[]>> read(String topic, String key, int expected, Duration patience) {
        Properties props = KafkaSettings.consumer(bootstrapServers, "test-reader-" + UUID.randomUUID(), "test-reader");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
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

    @Override
    public void close() {
        producer.close();
    }
}
