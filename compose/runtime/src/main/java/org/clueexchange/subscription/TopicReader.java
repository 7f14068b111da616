package org.clueexchange.subscription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * The topics as they stand, read by a consumer of no group ({@link KafkaSettings#reader}): it assigns itself
 * partitions and seeks, commits nothing, and so never takes a partition from a group or moves its offsets. Each
 * partition is read from a start up to an end offset taken beforehand, so that a reading ends although the topic
 * is still written to.
 */
public final class TopicReader implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Duration patience;
    private final Map<TopicPartition, Long> ends = new HashMap<>();
    private final Map<TopicPartition, Long> positions = new HashMap<>();

    /**
     * @param settings {@link KafkaSettings#reader}'s, with what the caller adds
     * @param patience how long the broker may take to answer, and a reading to go on without a record
     */
    public TopicReader(Properties settings, Duration patience) {
        this.consumer = new KafkaConsumer<>(settings);
        this.patience = patience;
    }

    /** Every partition of these topics, in (topic, partition) order; none of a topic that does not exist. */
    public List<TopicPartition> partitions(Collection<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, patience);
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        }
        partitions.sort(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        return partitions;
    }

    public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions) {
        return consumer.beginningOffsets(partitions, patience);
    }

    /** Where the partitions end now: the offset the next record written to each will have. */
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
        return consumer.endOffsets(partitions, patience);
    }

    /**
     * Assigns the partitions of {@code starts}, each to be read from its start up to its end in {@code ends}, in
     * place of whatever was assigned before.
     */
    public void assign(Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends) {
        this.ends.clear();
        positions.clear();
        consumer.assign(starts.keySet());
        starts.forEach((partition, start) -> {
            this.ends.put(partition, ends.get(partition));
            positions.put(partition, start);
            consumer.seek(partition, start);
        });
    }

    /**
     * One poll of the partitions assigned and not paused: the records before their partition's end, in offset
     * order within each partition.
     */
    public List<ConsumerRecord<String, byte[]>> poll() {
        ConsumerRecords<String, byte[]> polled = consumer.poll(POLL);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(polled.count());
        for (TopicPartition partition : polled.partitions()) {
            long end = ends.get(partition);
            for (ConsumerRecord<String, byte[]> record : polled.records(partition)) {
                if (record.offset() < end) {
                    records.add(record);
                }
            }
        }
        // The consumer's position, not the last record's offset, says how far a partition is read: an offset may
        // hold no record (a transaction's marker), and the end offset is that of the last record plus one.
        positions.replaceAll((partition, position) -> consumer.position(partition));
        return records;
    }

    /** Whether the last poll left the partition read to its end. */
    public boolean readToEnd(TopicPartition partition) {
        return positions.get(partition) >= ends.get(partition);
    }

    public void pause(Collection<TopicPartition> partitions) {
        consumer.pause(partitions);
    }

    public void resume(Collection<TopicPartition> partitions) {
        consumer.resume(partitions);
    }

    /**
     * Hands over the records of {@code partition} from {@code start} up to {@code end}.
     *
     * @throws IllegalStateException if no record comes within the patience while the partition is not read to its
     *                               end
     */
    public void read(TopicPartition partition, long start, long end, Consumer<ConsumerRecord<String, byte[]>> each) {
        assign(Map.of(partition, start), Map.of(partition, end));
        long deadline = System.nanoTime() + patience.toNanos();
        while (!readToEnd(partition)) {
            List<ConsumerRecord<String, byte[]>> records = poll();
            records.forEach(each);
            if (!records.isEmpty()) {
                deadline = System.nanoTime() + patience.toNanos();
            } else if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no record of " + partition + " past offset "
                        + positions.get(partition) + " within " + patience + ", though it ends at " + end);
            }
        }
    }

    /** Hands over the records of {@code partition} from its beginning up to where it ends now. */
    public void readFromBeginning(TopicPartition partition, Consumer<ConsumerRecord<String, byte[]>> each) {
        List<TopicPartition> one = List.of(partition);
        read(partition, beginningOffsets(one).get(partition), endOffsets(one).get(partition), each);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
