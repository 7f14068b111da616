package org.clueexchange.core.replay;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.clueexchange.subscription.KafkaSettings;
import org.clueexchange.subscription.TopicReader;

/**
 * The records of the agencies' topics from their beginning to the end offsets they had when the reading started,
 * handed on in the order of their timestamps across every partition of both topics, as the live core could first
 * have seen them. A {@link TopicReader}: it joins no consumer group and commits nothing, so the live core's group
 * never notices it.
 */
final class TopicRecords implements AutoCloseable {

    /** How many records a partition may hold back while another partition has not yet caught up. */
    private static final int HELD_PER_PARTITION = 20_000;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final TopicReader reader;
    private final Map<TopicPartition, ArrayDeque<ConsumerRecord<String, byte[]>>> held = new HashMap<>();
    private final long total;

    TopicRecords(String bootstrapServers, List<String> topics) {
        Properties settings = KafkaSettings.reader(bootstrapServers, "clue-exchange-replay");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        settings.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        this.reader = new TopicReader(settings, PATIENCE);
        List<TopicPartition> partitions = reader.partitions(topics);
        Map<TopicPartition, Long> beginnings = reader.beginningOffsets(partitions);
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
        reader.assign(beginnings, ends);
        long count = 0;
        for (TopicPartition partition : partitions) {
            held.put(partition, new ArrayDeque<>());
            count += ends.get(partition) - beginnings.get(partition);
        }
        this.total = count;
        reader.pause(partitions.stream().filter(reader::readToEnd).toList());
    }

    /** How many records there are to read. */
    long total() {
        return total;
    }

    /** Hands every record on, earliest timestamp first (then topic, partition and offset), in chunks. */
    void forEach(int chunk, Consumer<List<ConsumerRecord<String, byte[]>>> handler) {
        List<ConsumerRecord<String, byte[]>> ready = new ArrayList<>(chunk);
        while (true) {
            for (ConsumerRecord<String, byte[]> record : reader.poll()) {
                held.get(new TopicPartition(record.topic(), record.partition())).add(record);
            }
            pauseOrResume();
            TopicPartition earliest;
            while ((earliest = earliestIfKnown()) != null) {
                ready.add(held.get(earliest).poll());
                if (ready.size() == chunk) {
                    handler.accept(ready);
                    ready = new ArrayList<>(chunk);
                }
            }
            if (held.keySet().stream().allMatch(partition -> reader.readToEnd(partition)
                    && held.get(partition).isEmpty())) {
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
                if (reader.readToEnd(partition.getKey())) {
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

    /** Holds back only so much of a partition that runs ahead, and nothing of one read to its end. */
    private void pauseOrResume() {
        List<TopicPartition> pause = new ArrayList<>();
        List<TopicPartition> resume = new ArrayList<>();
        held.forEach((partition, records) -> {
            if (reader.readToEnd(partition) || records.size() >= HELD_PER_PARTITION) {
                pause.add(partition);
            } else {
                resume.add(partition);
            }
        });
        reader.pause(pause);
        reader.resume(resume);
    }

    @Override
    public void close() {
        reader.close();
    }
}
