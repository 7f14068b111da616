package org.clueexchange.subscription;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/**
 * A consumer group member's share of the exchange's topics, once they are prepared ({@link #prepareTopics}): runs
 * {@code consumers} {@link FactConsumer} threads that hand every fact to one handler and dead-letter what
 * cannot be taken.
 */
public final class FactSubscription implements AutoCloseable {

    /**
     * @param partitions        of each exchange topic, should this member be the first to need them
     * @param replicationFactor likewise, and what every partition must have: 3 in any real cluster, and then at
     *                          least 2 in sync ({@link TopicDurability})
     */
    public record Settings(String bootstrapServers, int partitions, short replicationFactor, String groupId,
                           List<String> topics, int consumers, Duration retryPause) {
    }

    private final Producer<String, byte[]> deadLetterProducer;
    private final List<FactConsumer> consumers = new ArrayList<>();

    private FactSubscription(Settings settings, FactAdmission admission, FactConsumer.FactHandler handler,
                             MeterRegistry meters) {
        deadLetterProducer = new KafkaProducer<>(
                KafkaSettings.deadLetterProducer(settings.bootstrapServers(), settings.groupId() + "-dlt"));
        DeadLetters deadLetters = new DeadLetters(deadLetterProducer, settings.groupId());
        FactMetrics metrics = new FactMetrics(meters, settings.groupId());
        for (int i = 0; i < settings.consumers(); i++) {
            String name = settings.groupId() + "-" + i;
            consumers.add(new FactConsumer(name, new KafkaConsumer<>(
                    KafkaSettings.consumer(settings.bootstrapServers(), settings.groupId(), name)),
                    settings.topics(), admission, deadLetters, handler, settings.retryPause(), metrics));
        }
    }

    /**
     * Creates the exchange's topics that do not exist yet and refuses topics that could lose facts or are not
     * co-partitioned ({@link TopicProvisioning#prepare}), before anything of the application consumes or publishes.
     *
     * @throws IllegalStateException naming each topic and setting that is wrong, or why the topics could not be read
     */
    public static void prepareTopics(Settings settings) {
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                settings.bootstrapServers()))) {
            TopicProvisioning.prepare(admin, settings.partitions(), settings.replicationFactor());
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot prepare the exchange's topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing the exchange's topics", e);
        }
    }

    /**
     * Starts consuming topics {@link #prepareTopics prepared} before.
     *
     * @param admission what a record must be to be a fact; the rest is dead-lettered
     * @param meters    where the subscription shows what it applied, dead-lettered and has yet to take
     */
    public static FactSubscription start(Settings settings, FactAdmission admission,
                                         FactConsumer.FactHandler handler, MeterRegistry meters) {
        FactSubscription subscription = new FactSubscription(settings, admission, handler, meters);
        subscription.consumers.forEach(FactConsumer::start);
        return subscription;
    }

    @Override
    public void close() {
        try {
            consumers.forEach(FactConsumer::close);
        } finally {
            deadLetterProducer.close();
        }
    }
}
