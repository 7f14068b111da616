package org.clueexchange.adapter.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {

    @Test
    void aRecordKafkaRefusesForItselfIsParked() {
        assertThat(List.<Throwable>of(new RecordTooLargeException("the request included a message larger than the "
                        + "max message size the server will accept"), new InvalidTopicException("clue..events"),
                new SerializationException("cannot serialise"), new InvalidRecordException("a null key")))
                .allSatisfy(refusal -> assertThat(OutboxRelay.refusedForGood(refusal)).as(refusal.toString())
                        .isTrue());
    }

    @Test
    void whatMayPassOrConcernsEveryRecordIsRetriedNotParked() {
        assertThat(List.<Throwable>of(new TimeoutException("metadata not present after 10000 ms"),
                new NotEnoughReplicasException("1 in sync, 2 required"),
                new TopicAuthorizationException(Set.of("clue.police.events")),
                new SaslAuthenticationException("wrong password"), new ProducerFencedException("fenced"),
                new KafkaException("Failed to append record because it was part of a batch which had one or more "
                        + "invalid records"), new IllegalStateException("the producer is closed")))
                .allSatisfy(refusal -> assertThat(OutboxRelay.refusedForGood(refusal)).as(refusal.toString())
                        .isFalse());
    }
}
