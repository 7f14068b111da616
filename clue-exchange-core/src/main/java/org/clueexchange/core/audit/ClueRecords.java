package org.clueexchange.core.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.utils.Utils;
import org.clueexchange.subscription.DeadLetters;
import org.clueexchange.subscription.KafkaSettings;
import org.clueexchange.wire.ExchangeTopics;

/**
 * A clue's records as the topics hold them. The clue id is every record's key, so Kafka's default partitioner put
 * them all on one partition of each topic, murmur2 of the key: that partition is read from its beginning to its
 * end as it stood when the read began, and the records with the key are kept. The dead-letter topic is keyed the same
 * way, each letter naming the record it carries by topic, partition and offset.
 */
final class ClueRecords {

    private static final Duration POLL = Duration.ofMillis(500);

    /** The clue's records on both agency topics, in topic and offset order, and the letters that refused them. */
    record Read(List<ConsumerRecord<String, byte[]>> records, Map<String, Letter> letters) {
    }

    /** A dead letter: who refused which record, and why. */
    record Letter(String reason, String consumer) {
    }

    private ClueRecords() {
    }

    static Read read(String bootstrapServers, String clueId, Duration patience) {
        Properties settings = KafkaSettings.consumer(bootstrapServers, "unused", "clue-audit");
        // A reader of assigned partitions that commits nothing needs no group, and joins none of the core's.
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Instant deadline = Instant.now().plus(patience);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings)) {
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            for (String topic : ExchangeTopics.AGENCY_TOPICS) {
                records.addAll(keyed(consumer, topic, clueId, deadline));
            }
            Map<String, Letter> letters = new HashMap<>();
            for (ConsumerRecord<String, byte[]> letter
                    : keyed(consumer, ExchangeTopics.DEAD_LETTER, clueId, deadline)) {
                letters.put(position(header(letter, DeadLetters.SOURCE_TOPIC),
                        header(letter, DeadLetters.SOURCE_PARTITION), header(letter, DeadLetters.SOURCE_OFFSET)),
                        new Letter(header(letter, DeadLetters.REASON), header(letter, DeadLetters.CONSUMER)));
            }
            return new Read(records, letters);
        }
    }

    static String position(ConsumerRecord<?, ?> record) {
        return position(record.topic(), Integer.toString(record.partition()), Long.toString(record.offset()));
    }

    private static String position(String topic, String partition, String offset) {
        return topic + "/" + partition + "@" + offset;
    }

    private static List<ConsumerRecord<String, byte[]>> keyed(KafkaConsumer<String, byte[]> consumer, String topic,
                                                            String clueId, Instant deadline) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic);
        if (partitions == null || partitions.isEmpty()) {
            return List.of();
        }
        TopicPartition partition = new TopicPartition(topic,
                Utils.toPositive(Utils.murmur2(clueId.getBytes(StandardCharsets.UTF_8))) % partitions.size());
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        List<ConsumerRecord<String, byte[]>> keyed = new ArrayList<>();
        while (consumer.position(partition) < end) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(partition + " was not read to its end offset " + end + " in time");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < end && clueId.equals(record.key())) {
                    keyed.add(record);
                }
            }
        }
        return keyed;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
