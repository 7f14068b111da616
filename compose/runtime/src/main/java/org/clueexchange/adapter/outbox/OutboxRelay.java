package org.clueexchange.adapter.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.clueexchange.adapter.LeaderLoop;
import org.clueexchange.persistence.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

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

    /** The oldest unpublished fact of a clue, as the relay sends it. */
    private record Head(long sequence, String topic, String clueId, byte[] payload) {
    }

    private final JdbcClient jdbc;
    private final Supplier<Producer<String, byte[]>> producers;
    private final Clock clock;
    private Producer<String, byte[]> producer;

    /** @param dataSource where the relay holds its leadership, on a connection of its own */
    public OutboxRelay(Outbox outbox, JdbcClient jdbc, DataSource dataSource,
                       Supplier<Producer<String, byte[]>> producers, Clock clock) {
        super("outbox-relay", dataSource, LOCK_KEY, Duration.ofMillis(500));
        this.jdbc = jdbc;
        this.producers = producers;
        this.clock = clock;
        outbox.onAppend(this::wakeUp);
    }

    /** Sends the oldest unpublished fact of each clue, then marks those Kafka acknowledged. */
    @Override
    protected int round() throws Exception {
        List<Head> heads = jdbc.sql("""
                        SELECT sequence, topic, clue_id, payload FROM (
                            SELECT DISTINCT ON (clue_id) sequence, topic, clue_id, payload
                            FROM outbox_fact WHERE published_at IS NULL ORDER BY clue_id, sequence) oldest
                        ORDER BY sequence LIMIT :limit
                        """)
                .param("limit", ROUND_SIZE)
                .query((rs, i) -> new Head(rs.getLong("sequence"), rs.getString("topic"), rs.getString("clue_id"),
                        rs.getBytes("payload"))).list();
        if (heads.isEmpty()) {
            return 0;
        }
        List<Long> sequences = new ArrayList<>();
        List<Future<?>> sends = new ArrayList<>();
        for (Head head : heads) {
            Future<?> send = producer().send(new ProducerRecord<>(head.topic(), head.clueId(), head.payload()));
            sequences.add(head.sequence());
            sends.add(send);
            if (send.isDone() && failed(send)) {
                // Kafka refused at once (after waiting for metadata): the rest would wait as long.
                break;
            }
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

    private void markPublished(List<Long> sequences) {
        if (!sequences.isEmpty()) {
            jdbc.sql("UPDATE outbox_fact SET published_at = :at WHERE sequence IN (:sequences)")
                    .param("at", Timestamps.of(clock.instant()))
                    .param("sequences", sequences)
                    .update();
        }
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
