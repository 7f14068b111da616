package org.clueexchange.subscription;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.clueexchange.wire.ExchangeTopics;

/**
 * Moves a record a consumer cannot take to {@link ExchangeTopics#DEAD_LETTER}: the original key and bytes, and in
 * the headers why, who refused it and where it came from, so that an operator can repair and replay it.
 *
 * <p>A letter must always fit the dead-letter topic, or the record it carries would hold up its partition as surely
 * as if it were taken: the reason is cut at {@link #MAX_REASON} characters (a record can break hundreds of rules, or
 * one rule with a megabyte of text), and letters may be up to {@link #MAX_LETTER_BYTES}, twice what Kafka takes on
 * the agencies' topics by default, so that any record of theirs fits with its headers.
 */
public final class DeadLetters {

    public static final String REASON = "dlt.reason";
    public static final String CONSUMER = "dlt.consumer";
    public static final String SOURCE_TOPIC = "dlt.source.topic";
    public static final String SOURCE_PARTITION = "dlt.source.partition";
    public static final String SOURCE_OFFSET = "dlt.source.offset";
    public static final String DEAD_LETTERED_AT = "dlt.at";
    public static final int MAX_REASON = 2_000;
    public static final int MAX_LETTER_BYTES = 2 * 1024 * 1024;

    private final Producer<String, byte[]> producer;
    private final String consumer;

    public DeadLetters(Producer<String, byte[]> producer, String consumer) {
        this.producer = producer;
        this.consumer = consumer;
    }

    /** Returns once the dead-letter topic has the record: only then may the consumer commit past it. */
    public void send(ConsumerRecord<String, byte[]> record, String reason)
            throws ExecutionException, InterruptedException, TimeoutException {
        ProducerRecord<String, byte[]> letter =
                new ProducerRecord<>(ExchangeTopics.DEAD_LETTER, record.key(), record.value());
        Headers headers = letter.headers();
        record.headers().forEach(headers::add);
        header(headers, REASON, shortened(reason));
        header(headers, CONSUMER, consumer);
        header(headers, SOURCE_TOPIC, record.topic());
        header(headers, SOURCE_PARTITION, Integer.toString(record.partition()));
        header(headers, SOURCE_OFFSET, Long.toString(record.offset()));
        header(headers, DEAD_LETTERED_AT, Instant.now().toString());
        producer.send(letter).get(30, TimeUnit.SECONDS);
    }

    /** The reason as a letter carries it, and a log shows it: its first {@link #MAX_REASON} characters. */
    public static String shortened(String reason) {
        return reason.length() <= MAX_REASON ? reason
                : reason.substring(0, MAX_REASON) + "… (" + reason.length() + " characters in all)";
    }

    private static void header(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
