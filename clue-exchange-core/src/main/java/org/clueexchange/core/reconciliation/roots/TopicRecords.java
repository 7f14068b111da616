package org.clueexchange.core.reconciliation.roots;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.clueexchange.wire.ExchangeTopics;

/**
 * The agency topics read straight from the broker, partition by partition, by a consumer of no group: it assigns
 * itself each partition and seeks, so it commits nothing and never takes a partition from the live intake.
 */
public final class TopicRecords implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final KafkaConsumer<String, byte[]> consumer;

    public TopicRecords(String bootstrapServers, String clientId) {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(props);
    }

    /** Where every partition of both agency topics ends now. */
    public Cut cut() {
        Map<String, Map<Integer, Long>> ends = new TreeMap<>();
        consumer.endOffsets(partitions(), PATIENCE).forEach((partition, end) ->
                ends.computeIfAbsent(partition.topic(), topic -> new TreeMap<>()).put(partition.partition(), end));
        return new Cut(ends);
    }

    /** Hands over the records from {@code from} up to {@code to}, in (topic, partition, offset) order. */
    public void read(Cut from, Cut to, Consumer<AgencyRecord> each) {
        to.ends().forEach((topic, partitions) -> partitions.forEach((partition, end) -> {
            long start = from.end(topic, partition);
            if (start < end) {
                read(new TopicPartition(topic, partition), start, end, each);
            }
        }));
    }

    private void read(TopicPartition partition, long start, long end, Consumer<AgencyRecord> each) {
        consumer.assign(List.of(partition));
        consumer.seek(partition, start);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        // The position, not the last record handed over, says when the end is reached: a compacted or
        // transactional partition has offsets that hold no record.
        while (consumer.position(partition) < end) {
            boolean any = false;
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL).records(partition)) {
                any = true;
                if (record.offset() >= end) {
                    break;
                }
                each.accept(AgencyRecord.of(record));
            }
            if (any) {
                deadline = System.nanoTime() + PATIENCE.toNanos();
            } else if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no record of " + partition + " past offset "
                        + consumer.position(partition) + " within " + PATIENCE + ", though it ends at " + end);
            }
        }
        consumer.unsubscribe();
    }

    private List<TopicPartition> partitions() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : ExchangeTopics.AGENCY_TOPICS) {
            for (PartitionInfo info : consumer.partitionsFor(topic, PATIENCE)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        partitions.sort(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        return partitions;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
