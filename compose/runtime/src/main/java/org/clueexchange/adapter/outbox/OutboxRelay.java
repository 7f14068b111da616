package org.clueexchange.adapter.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.clueexchange.adapter.LeaderLoop;
import org.clueexchange.persistence.Timestamps;
import org.clueexchange.wire.origin.OriginSignature;
import org.clueexchange.wire.origin.OriginSigner;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Publishes the outbox to Kafka, in the order the facts were accepted, each until Kafka acknowledges it.
 *
 * <p>Each round sends at most one fact per clue: the oldest unpublished one. A clue's next fact is therefore sent
 * only after the previous one is acknowledged, so a failed send can never let a later fact of the same clue overtake
 * it, whatever the producer does with its retries. While Kafka is unreachable the relay backs off and keeps trying;
 * the adapter keeps accepting requests meanwhile.
 *
 * <p>A record Kafka refuses for good (too large for the topic, for an invalid topic, one that cannot be serialised)
 * would fail the same way in every round. It is parked instead: kept unpublished with Kafka's reason, logged, and
 * listed for operators. A parked fact still heads its clue, so the clue's later facts wait behind it, but it is no
 * longer sent, so every other clue goes on. Once the cause is removed an operator puts it back in line
 * ({@link Outbox#requeue}), and the clue's facts follow it in their order.
 */
public final class OutboxRelay extends LeaderLoop {

    private static final long LOCK_KEY = 0x6f7574626f78L;
    private static final int ROUND_SIZE = 500;

    /** The oldest unpublished fact of a clue, as the relay sends it. */
    record Head(long sequence, String topic, String clueId, String eventType, byte[] payload) {
    }

    private final JdbcClient jdbc;
    private final Supplier<Producer<String, byte[]>> producers;
    private final OriginSigner signer;
    private final Clock clock;
    private Producer<String, byte[]> producer;

    /**
     * @param dataSource where the relay holds its leadership, on a connection of its own
     * @param signer     the agency's key, which signs every record the relay sends
     */
    public OutboxRelay(Outbox outbox, JdbcClient jdbc, DataSource dataSource,
                       Supplier<Producer<String, byte[]>> producers, OriginSigner signer, Clock clock) {
        super("outbox-relay", dataSource, LOCK_KEY, Duration.ofMillis(500));
        this.jdbc = jdbc;
        this.producers = producers;
        this.signer = signer;
        this.clock = clock;
        outbox.onAppend(this::wakeUp);
    }

    /**
     * Sends the oldest unpublished fact of each clue whose oldest is not parked, then marks those Kafka acknowledged
     * and parks those it refused for good.
     */
    @Override
    protected int round() throws Exception {
        List<Head> heads = jdbc.sql("""
                        SELECT sequence, topic, clue_id, event_type, payload FROM (
                            SELECT DISTINCT ON (clue_id) sequence, topic, clue_id, event_type, payload, parked_at
                            FROM outbox_fact WHERE published_at IS NULL ORDER BY clue_id, sequence) oldest
                        WHERE parked_at IS NULL ORDER BY sequence LIMIT :limit
                        """)
                .param("limit", ROUND_SIZE)
                .query((rs, i) -> new Head(rs.getLong("sequence"), rs.getString("topic"), rs.getString("clue_id"),
                        rs.getString("event_type"), rs.getBytes("payload"))).list();
        if (heads.isEmpty()) {
            return 0;
        }
        List<Future<?>> sends = new ArrayList<>();
        for (ProducerRecord<String, byte[]> record : signed(signer, heads)) {
            Future<?> send = send(record);
            sends.add(send);
            if (send.isDone() && failedForNow(send)) {
                // Kafka refused at once (after waiting for metadata): the rest would wait as long.
                break;
            }
        }
        producer().flush();
        List<Long> acknowledged = new ArrayList<>();
        int parked = 0;
        Exception failure = null;
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(30, TimeUnit.SECONDS);
                acknowledged.add(heads.get(i).sequence());
            } catch (ExecutionException e) {
                if (refusedForGood(e.getCause())) {
                    park(heads.get(i), e.getCause());
                    parked++;
                } else {
                    failure = e;
                }
            } catch (TimeoutException e) {
                failure = e;
            }
        }
        markPublished(acknowledged);
        if (failure != null) {
            throw failure;
        }
        return acknowledged.size() + parked;
    }

    /**
     * Whether Kafka refused this record for good, so that sending it again would fail the same way. A retriable
     * error may pass; some others concern every record alike (the adapter's credentials or permissions, the
     * producer's own state, a broker that does not speak its protocol), so they are the relay's failure, retried
     * with backoff on a new producer, not the record's. A plain {@link KafkaException} names no cause of its own:
     * the producer gives it, for one, to the records that shared a batch with one the broker refused.
     */
    static boolean refusedForGood(Throwable refusal) {
        return refusal instanceof KafkaException && refusal.getClass() != KafkaException.class
                && !(refusal instanceof RetriableException
                || refusal instanceof AuthenticationException
                || refusal instanceof AuthorizationException
                || refusal instanceof ProducerFencedException
                || refusal instanceof InvalidProducerEpochException
                || refusal instanceof OutOfOrderSequenceException
                || refusal instanceof UnsupportedVersionException
                || refusal instanceof InterruptException);
    }

    /** The round's records, in the order sent, under one signature of their batch. */
    static List<ProducerRecord<String, byte[]>> signed(OriginSigner signer, List<Head> heads) {
        List<byte[]> origins = signer.sign(heads.stream().map(Head::payload).toList());
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(heads.size());
        for (int i = 0; i < heads.size(); i++) {
            Head head = heads.get(i);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(head.topic(), head.clueId(), head.payload());
            record.headers().add(OriginSignature.HEADER, origins.get(i));
            records.add(record);
        }
        return records;
    }

    private Future<?> send(ProducerRecord<String, byte[]> record) {
        try {
            return producer().send(record);
        } catch (KafkaException e) {
            // The producer throws some refusals (a record it cannot serialise) instead of failing the send.
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A producer that failed may be in a state it cannot leave: the next round starts with a new one. */
    @Override
    protected void afterFailure() {
        closeProducer();
    }

    /** Whether a send that is done failed for a reason that is not its record's own. */
    private static boolean failedForNow(Future<?> done) throws InterruptedException {
        try {
            done.get();
            return false;
        } catch (ExecutionException e) {
            return !refusedForGood(e.getCause());
        }
    }

    private void park(Head head, Throwable refusal) {
        String reason = refusal.getClass().getName() + ": " + refusal.getMessage();
        jdbc.sql("UPDATE outbox_fact SET parked_at = :at, parked_reason = :reason WHERE sequence = :sequence")
                .param("at", Timestamps.of(clock.instant()))
                .param("reason", reason)
                .param("sequence", head.sequence())
                .update();
        log.warn("Kafka refused fact {} ({}) of clue {} for good; parked, the clue's later facts wait behind it "
                + "until an operator re-queues it: {}", head.sequence(), head.eventType(), head.clueId(), reason);
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
