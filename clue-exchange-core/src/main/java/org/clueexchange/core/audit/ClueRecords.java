package org.clueexchange.core.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.utils.Utils;
import org.clueexchange.subscription.DeadLetters;
import org.clueexchange.subscription.KafkaSettings;
import org.clueexchange.subscription.TopicReader;
import org.clueexchange.wire.ExchangeTopics;

/**
 * A clue's records as the topics hold them. The clue id is every record's key, so Kafka's default partitioner put
 * them all on one partition of each topic, murmur2 of the key: that partition is read from its beginning to its
 * end as it stood when the read began, and the records with the key are kept. The dead-letter topic is keyed the same
 * way, each letter naming the record it carries by topic, partition and offset.
 */
final class ClueRecords {

    /** The clue's records on both agency topics, in topic and offset order, and the letters that refused them. */
    record Read(List<ConsumerRecord<String, byte[]>> records, Map<String, Letter> letters) {
    }

    /** A dead letter: who refused which record, and why. */
    record Letter(String reason, String consumer) {
    }

    private ClueRecords() {
    }

    static Read read(String bootstrapServers, String clueId, Duration patience) {
        try (TopicReader reader = new TopicReader(KafkaSettings.reader(bootstrapServers, "clue-audit"), patience)) {
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            for (String topic : ExchangeTopics.AGENCY_TOPICS) {
                records.addAll(keyed(reader, topic, clueId));
            }
            Map<String, Letter> letters = new HashMap<>();
            for (ConsumerRecord<String, byte[]> letter : keyed(reader, ExchangeTopics.DEAD_LETTER, clueId)) {
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

    private static List<ConsumerRecord<String, byte[]>> keyed(TopicReader reader, String topic, String clueId) {
        int partitions = reader.partitions(List.of(topic)).size();
        if (partitions == 0) {
            return List.of();
        }
        TopicPartition partition = new TopicPartition(topic,
                Utils.toPositive(Utils.murmur2(clueId.getBytes(StandardCharsets.UTF_8))) % partitions);
        List<ConsumerRecord<String, byte[]>> keyed = new ArrayList<>();
        reader.readFromBeginning(partition, record -> {
            if (clueId.equals(record.key())) {
                keyed.add(record);
            }
        });
        return keyed;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
