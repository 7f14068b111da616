package org.clueexchange.adapter.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.clueexchange.adapter.LeaderLoop;

/**
 * Publishes the outbox to Kafka, in the order the facts were accepted, each until Kafka acknowledges it.
 *
 * <p>Each round sends at most one fact per clue: the oldest unpublished one. A clue's next fact is therefore sent
 * only after the previous one is acknowledged, so a failed send can never let a later fact of the same clue overtake
 * it, whatever the producer does with its retries. While Kafka is unreachable the relay backs off and keeps trying;
 * the adapter keeps accepting requests meanwhile.
 */
public final class OutboxRelay extends LeaderLoop {

    private static final long LOCK_KEY = 0x6f7574626f78L;
    private static final int ROUND_SIZE = 500;

    private final DataSource dataSource;
    private final Supplier<Producer<String, byte[]>> producers;
    private final Clock clock;
    private final AtomicLong published = new AtomicLong();
    private Producer<String, byte[]> producer;

    public OutboxRelay(Outbox outbox, DataSource dataSource, Supplier<Producer<String, byte[]>> producers,
                       Clock clock) {
        super("outbox-relay", dataSource, LOCK_KEY, Duration.ofMillis(500));
        this.dataSource = dataSource;
        this.producers = producers;
        this.clock = clock;
        outbox.onAppend(this::wakeUp);
    }

    /** Facts this relay has seen acknowledged since it started. */
    public long published() {
        return published.get();
    }

    /** Sends the oldest unpublished fact of each clue, then marks those Kafka acknowledged. */
    @Override
    protected int round() throws Exception {
        List<Long> sequences = new ArrayList<>();
        List<Future<?>> sends = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement heads = connection.prepareStatement("""
                     SELECT sequence, topic, clue_id, payload FROM (
                         SELECT DISTINCT ON (clue_id) sequence, topic, clue_id, payload
                         FROM outbox_fact WHERE published_at IS NULL ORDER BY clue_id, sequence) oldest
                     ORDER BY sequence LIMIT ?
                     """)) {
            heads.setInt(1, ROUND_SIZE);
            try (ResultSet rows = heads.executeQuery()) {
                while (rows.next()) {
                    Future<?> send = producer().send(new ProducerRecord<>(rows.getString("topic"),
                            rows.getString("clue_id"), rows.getBytes("payload")));
                    sequences.add(rows.getLong("sequence"));
                    sends.add(send);
                    if (send.isDone() && failed(send)) {
                        // Kafka refused at once (after waiting for metadata): the rest would wait as long.
                        break;
                    }
                }
            }
        }
        if (sequences.isEmpty()) {
            return 0;
        }
        producer().flush();
        List<Long> acknowledged = new ArrayList<>();
        Exception failure = null;
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(30, TimeUnit.SECONDS);
                acknowledged.add(sequences.get(i));
            } catch (ExecutionException | TimeoutException e) {
                failure = e;
            }
        }
        markPublished(acknowledged);
        if (failure != null) {
            throw failure;
        }
        return acknowledged.size();
    }

    /** A producer that failed may be in a state it cannot leave: the next round starts with a new one. */
    @Override
    protected void afterFailure() {
        closeProducer();
    }

    private static boolean failed(Future<?> done) throws InterruptedException {
        try {
            done.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    private void markPublished(List<Long> sequences) throws SQLException {
        if (sequences.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE outbox_fact SET published_at = ? WHERE sequence = ANY (?)")) {
            Array ids = connection.createArrayOf("bigint", sequences.toArray());
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setArray(2, ids);
            update.executeUpdate();
        }
        published.addAndGet(sequences.size());
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(1));
            producer = null;
        }
    }

    @Override
    public void close() {
        super.close();
        closeProducer();
    }
}
