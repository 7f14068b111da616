package org.clueexchange.core.reconciliation.roots;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * A record of an agency topic as the topic holds it, read from the broker or from an archive alike: every part of
 * it, so that an archive keeps what a reader of the topics would judge.
 *
 * @param key     none when the record has none
 * @param value   the fact's single-object encoded bytes, which its adapter signed and a period root hashes
 * @param headers in the record's order; a header's value may be none
 */
public record AgencyRecord(String topic, int partition, long offset, long timestamp, String key, byte[] value,
                           List<RecordHeader> headers) {

    public AgencyRecord {
        headers = List.copyOf(headers);
    }

    public static AgencyRecord of(ConsumerRecord<String, byte[]> record) {
        List<RecordHeader> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new RecordHeader(header.key(), header.value()));
        }
        return new AgencyRecord(record.topic(), record.partition(), record.offset(), record.timestamp(), record.key(),
                record.value(), headers);
    }

    /** The record as a consumer hands it over, for the one judgement every reader makes of it. */
    public ConsumerRecord<String, byte[]> consumerRecord() {
        return new ConsumerRecord<>(topic, partition, offset, timestamp, TimestampType.CREATE_TIME,
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, key, value,
                new RecordHeaders(headers.toArray(Header[]::new)), Optional.empty());
    }

    /** The last value of a header, as Kafka's {@code Headers.lastHeader} reads it. */
    public Optional<byte[]> header(String name) {
        byte[] found = null;
        boolean present = false;
        for (RecordHeader header : headers) {
            if (header.key().equals(name)) {
                found = header.value();
                present = true;
            }
        }
        return present ? Optional.ofNullable(found) : Optional.empty();
    }

    /** Where the record is: topic/partition/offset. */
    public String position() {
        return topic + "/" + partition + "/" + offset;
    }
}
