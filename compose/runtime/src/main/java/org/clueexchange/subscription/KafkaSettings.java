package org.clueexchange.subscription;

import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Client settings every participant of the exchange uses; the reasons are the exchange's guarantees. */
public final class KafkaSettings {

    private KafkaSettings() {
    }

    /** An idempotent producer that waits for every in-sync replica: an acknowledged fact is never lost or doubled. */
    public static Properties producer(String bootstrapServers, String clientId) {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // Callers keep their own durable copy (an outbox, or an uncommitted offset) and retry from it, so a send
        // gives up within bounded time instead of blocking a request thread while the cluster is away.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    /** A producer of dead letters, each of which may be as large as {@link DeadLetters#MAX_LETTER_BYTES}. */
    public static Properties deadLetterProducer(String bootstrapServers, String clientId) {
        Properties props = producer(bootstrapServers, clientId);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, DeadLetters.MAX_LETTER_BYTES);
        return props;
    }

    /**
     * A consumer that commits only what its handler has finished, from the earliest offset. The range assignor
     * gives one member the same partition number of every subscribed topic: with co-partitioned topics, all facts
     * of a clue reach the same member whichever agency asserted them.
     */
    public static Properties consumer(String bootstrapServers, String groupId, String clientId) {
        Properties props = reader(bootstrapServers, clientId);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        return props;
    }

    /**
     * A consumer of assigned partitions ({@link TopicReader}) that joins no group and commits nothing: what reads
     * the topics beside the applications' groups without disturbing them.
     */
    public static Properties reader(String bootstrapServers, String clientId) {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }
}
