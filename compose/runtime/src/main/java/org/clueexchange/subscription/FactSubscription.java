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
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEventValidator;

/**
 * A consumer group member's share of the exchange's topics: makes sure the topics exist and are co-partitioned,
 * then runs {@code consumers} {@link FactConsumer} threads that hand every fact to one handler and dead-letter what
 * cannot be taken.
 */
public final class FactSubscription implements AutoCloseable {

    /**
     * @param partitions        of each exchange topic, should this member be the first to need them
     * @param replicationFactor likewise; 3 in any real cluster
     */
    public record Settings(String bootstrapServers, int partitions, short replicationFactor, String groupId,
                           List<String> topics, int consumers, Duration retryPause) {
    }

    private final Producer<String, byte[]> deadLetterProducer;
    private final List<FactConsumer> consumers = new ArrayList<>();

    private FactSubscription(Settings settings, ClueEventCodec codec, ClueEventValidator validator,
                             FactConsumer.FactHandler handler, MeterRegistry meters) {
        deadLetterProducer = new KafkaProducer<>(
                KafkaSettings.deadLetterProducer(settings.bootstrapServers(), settings.groupId() + "-dlt"));
        DeadLetters deadLetters = new DeadLetters(deadLetterProducer, settings.groupId());
        FactMetrics metrics = new FactMetrics(meters, settings.groupId());
        FactAdmission admission = new FactAdmission(codec, validator);
        for (int i = 0; i < settings.consumers(); i++) {
            String name = settings.groupId() + "-" + i;
            consumers.add(new FactConsumer(name, new KafkaConsumer<>(
                    KafkaSettings.consumer(settings.bootstrapServers(), settings.groupId(), name)),
                    settings.topics(), admission, deadLetters, handler, settings.retryPause(), metrics));
        }
    }

    /**
     * @param validator what a decoded event must be to be a fact; the rest is dead-lettered
     * @param meters    where the subscription shows what it applied, dead-lettered and has yet to take
     */
    public static FactSubscription start(Settings settings, ClueEventCodec codec, ClueEventValidator validator,
                                         FactConsumer.FactHandler handler, MeterRegistry meters) {
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                settings.bootstrapServers()))) {
            TopicProvisioning.ensureExist(admin, settings.partitions(), settings.replicationFactor());
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot prepare the exchange's topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing the exchange's topics", e);
        }
        FactSubscription subscription = new FactSubscription(settings, codec, validator, handler, meters);
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
