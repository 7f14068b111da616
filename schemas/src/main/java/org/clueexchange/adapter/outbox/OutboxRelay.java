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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the outbox to Kafka, in the order the facts were accepted, each until Kafka acknowledges it.
 *
 * <p>Each round sends at most one fact per clue: the oldest unpublished one. A clue's next fact is therefore sent
 * only after the previous one is acknowledged, so a failed send can never let a later fact of the same clue overtake
 * it, whatever the producer does with its retries. While Kafka is unreachable the relay backs off and keeps trying;
 * the adapter keeps accepting requests meanwhile. Of several adapter instances on one database, the one holding a
 * PostgreSQL advisory lock relays.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long LOCK_KEY = 0x6f7574626f78L;
    private static final int ROUND_SIZE = 500;
    private static final Duration IDLE_LOOK = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(15);

    private final DataSource dataSource;
    private final Supplier<Producer<String, byte[]>> producers;
    private final Clock clock;
    private final Thread thread;
    private final Object wakeUp = new Object();
    private final AtomicLong published = new AtomicLong();
    private volatile boolean running = true;
    private Producer<String, byte[]> producer;
    private Connection leadership;

    public OutboxRelay(Outbox outbox, DataSource dataSource, Supplier<Producer<String, byte[]>> producers,
                       Clock clock) {
        this.dataSource = dataSource;
        this.producers = producers;
        this.clock = clock;
        this.thread = new Thread(this::run, "outbox-relay");
        outbox.onAppend(this::wakeUp);
    }

    public void start() {
        thread.start();
    }

    /** Facts this relay has seen acknowledged since it started. */
    public long published() {
        return published.get();
    }

    private void wakeUp() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(250);
        boolean failing = false;
        while (running) {
            try {
                int sent = isLeader() ? relayRound() : 0;
                if (failing) {
                    log.info("outbox relay: publishing again");
                    failing = false;
                }
                backoff = Duration.ofMillis(250);
                if (sent == 0) {
                    pause(IDLE_LOOK);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!failing) {
                    log.warn("outbox relay: cannot publish, retrying with backoff; requests are still accepted", e);
                    failing = true;
                }
                closeProducer();
                pauseQuietly(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Sends the oldest unpublished fact of each clue, then marks those Kafka acknowledged. */
    private int relayRound() throws Exception {
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

    /** Holds a session-level advisory lock on a connection of its own; whoever holds it relays. */
    private boolean isLeader() throws SQLException {
        if (leadership != null && leadership.isValid(2)) {
            return true;
        }
        closeLeadership();
        Connection connection = dataSource.getConnection();
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                if (result.getBoolean(1)) {
                    leadership = connection;
                    return true;
                }
            }
        }
        connection.close();
        return false;
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

    private void closeLeadership() {
        if (leadership != null) {
            try {
                leadership.close();
            } catch (SQLException e) {
                log.debug("outbox relay: closing a broken lock connection", e);
            }
            leadership = null;
        }
    }

    private void pause(Duration duration) throws InterruptedException {
        synchronized (wakeUp) {
            wakeUp.wait(duration.toMillis());
        }
    }

    private void pauseQuietly(Duration duration) {
        try {
            pause(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        wakeUp();
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeProducer();
        closeLeadership();
    }
}
