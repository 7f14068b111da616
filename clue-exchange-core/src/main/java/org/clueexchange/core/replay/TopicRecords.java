package org.clueexchange.core.replay;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.clueexchange.subscription.KafkaSettings;

/**
 * The records of the agencies' topics from their beginning to the end offsets they had when the reading started,
 * handed on in the order of their timestamps across every partition of both topics, as the live core could first
 * have seen them. A plain consumer with assigned partitions: it joins no consumer group and commits nothing, so the
 * live core's group never notices it.
 */
final class TopicRecords implements AutoCloseable {

    /** How many records a partition may hold back while another partition has not yet caught up. */
    private static final int HELD_PER_PARTITION = 20_000;

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<TopicPartition, Long> endOffsets;
    private final Map<TopicPartition, ArrayDeque<ConsumerRecord<String, byte[]>>> held = new HashMap<>();
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();
    private final long total;

    TopicRecords(String bootstrapServers, List<String> topics) {
        Properties settings = KafkaSettings.consumer(bootstrapServers, "clue-exchange-replay-" + UUID.randomUUID(),
                "clue-exchange-replay");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        settings.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        this.consumer = new KafkaConsumer<>(settings);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo partition : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.endOffsets = consumer.endOffsets(partitions);
        long count = 0;
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
        for (TopicPartition partition : partitions) {
            held.put(partition, new ArrayDeque<>());
            nextOffsets.put(partition, beginnings.get(partition));
            count += endOffsets.get(partition) - beginnings.get(partition);
        }
        this.total = count;
        consumer.pause(partitions.stream().filter(this::readToEnd).toList());
    }

    /** How many records there are to read. */
    long total() {
        return total;
    }

    /** Hands every record on, earliest timestamp first (then topic, partition and offset), in chunks. */
    void forEach(int chunk, Consumer<List<ConsumerRecord<String, byte[]>>> handler) {
        List<ConsumerRecord<String, byte[]>> ready = new ArrayList<>(chunk);
        while (true) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < endOffsets.get(partition)) {
                    held.get(partition).add(record);
                }
            }
            // The consumer's position, not the last record's offset: an offset may hold no record (a transaction's
            // marker), and the end offset is that of the last one plus one.
            held.keySet().forEach(partition -> nextOffsets.put(partition, consumer.position(partition)));
            pauseOrResume();
            TopicPartition earliest;
            while ((earliest = earliestIfKnown()) != null) {
                ready.add(held.get(earliest).poll());
                if (ready.size() == chunk) {
                    handler.accept(ready);
                    ready = new ArrayList<>(chunk);
                }
            }
            if (held.keySet().stream().allMatch(partition -> readToEnd(partition) && held.get(partition).isEmpty())) {
                break;
            }
        }
        if (!ready.isEmpty()) {
            handler.accept(ready);
        }
    }

    /**
     * The partition whose next record comes first, once every partition that may still hold an earlier one has a
     * record at hand; {@code null} while one of them has to be read further.
     */
    private TopicPartition earliestIfKnown() {
        TopicPartition earliest = null;
        ConsumerRecord<String, byte[]> first = null;
        for (Map.Entry<TopicPartition, ArrayDeque<ConsumerRecord<String, byte[]>>> partition : held.entrySet()) {
            ConsumerRecord<String, byte[]> head = partition.getValue().peek();
            if (head == null) {
                if (readToEnd(partition.getKey())) {
                    continue;
                }
                return null;
            }
            if (first == null || before(head, first)) {
                first = head;
                earliest = partition.getKey();
            }
        }
        return earliest;
    }

    private static boolean before(ConsumerRecord<String, byte[]> one, ConsumerRecord<String, byte[]> other) {
        if (one.timestamp() != other.timestamp()) {
            return one.timestamp() < other.timestamp();
        }
        int topics = one.topic().compareTo(other.topic());
        return topics != 0 ? topics < 0 : one.partition() < other.partition();
    }

    private boolean readToEnd(TopicPartition partition) {
        return nextOffsets.get(partition) >= endOffsets.get(partition);
    }

    /** Holds back only so much of a partition that runs ahead, and nothing of one read to its end. */
    private void pauseOrResume() {
        List<TopicPartition> pause = new ArrayList<>();
        List<TopicPartition> resume = new ArrayList<>();
        held.forEach((partition, records) -> {
            if (readToEnd(partition) || records.size() >= HELD_PER_PARTITION) {
                pause.add(partition);
            } else {
                resume.add(partition);
            }
        });
        consumer.pause(pause);
        consumer.resume(resume);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
