package org.clueexchange.core.reconciliation.roots;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.clueexchange.subscription.KafkaSettings;
import org.clueexchange.subscription.TopicReader;
import org.clueexchange.wire.ExchangeTopics;

/**
 * The agency topics read straight from the broker, partition by partition, by a {@link TopicReader}: it assigns
 * itself each partition and seeks, so it commits nothing and never takes a partition from the live intake.
 */
public final class TopicRecords implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final TopicReader reader;

    public TopicRecords(String bootstrapServers, String clientId) {
        Properties settings = KafkaSettings.reader(bootstrapServers, clientId);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        this.reader = new TopicReader(settings, PATIENCE);
    }

    /** Where every partition of both agency topics ends now. */
    public Cut cut() {
        Map<String, Map<Integer, Long>> ends = new TreeMap<>();
        reader.endOffsets(reader.partitions(ExchangeTopics.AGENCY_TOPICS)).forEach((partition, end) ->
                ends.computeIfAbsent(partition.topic(), topic -> new TreeMap<>()).put(partition.partition(), end));
        return new Cut(ends);
    }

    /** Hands over the records from {@code from} up to {@code to}, in (topic, partition, offset) order. */
    public void read(Cut from, Cut to, Consumer<AgencyRecord> each) {
        to.ends().forEach((topic, partitions) -> partitions.forEach((partition, end) -> {
            long start = from.end(topic, partition);
            if (start < end) {
                reader.read(new TopicPartition(topic, partition), start, end,
                        record -> each.accept(AgencyRecord.of(record)));
            }
        }));
    }

    @Override
    public void close() {
        reader.close();
    }
}
