package org.clueexchange.adapter.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
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
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ExchangeTopics;
import org.clueexchange.wire.TimeBounds;
import org.clueexchange.wire.origin.AgencyKey;
import org.clueexchange.wire.origin.AgencyKeys;
import org.clueexchange.wire.origin.OriginKeys;
import org.clueexchange.wire.origin.OriginSignature;
import org.clueexchange.wire.origin.OriginSigner;
import org.clueexchange.wire.origin.OriginVerifier;
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

    @Test
    void aRoundIsSignedAsOneBatchAndEachRecordVerifiesOnItsOwnInTheOrderSent() {
        KeyPair police = OriginKeys.generate();
        ClueEventCodec codec = ClueEventCodec.create();
        List<ClueTransferred> transfers = IntStream.range(0, 7).mapToObj(i -> ClueEventSamples.transfer(
                "POLICE-530600-XS00" + i, ClueEventSamples.AT)).toList();
        List<OutboxRelay.Head> heads = IntStream.range(0, transfers.size()).mapToObj(i -> new OutboxRelay.Head(
                100 + i, ExchangeTopics.POLICE_EVENTS, transfers.get(i).getEnvelope().getClueId(), "ClueTransferred",
                codec.encode(transfers.get(i)))).toList();

        List<ProducerRecord<String, byte[]>> records =
                OutboxRelay.signed(new OriginSigner("police-530600", police.getPrivate()), heads);

        OriginVerifier verifier = new OriginVerifier(new AgencyKeys(List.of(new AgencyKey("police-530600",
                AgencyType.POLICE, List.of("530600"), police.getPublic(), TimeBounds.EARLIEST, null))));
        assertThat(records).hasSize(heads.size());
        for (int i = 0; i < records.size(); i++) {
            ProducerRecord<String, byte[]> record = records.get(i);
            assertThat(record.topic()).isEqualTo(heads.get(i).topic());
            assertThat(record.key()).isEqualTo(heads.get(i).clueId());
            assertThat(record.value()).isEqualTo(heads.get(i).payload());
            byte[] origin = record.headers().lastHeader(OriginSignature.HEADER).value();
            OriginSignature signature = OriginSignature.parse(origin).signature();
            assertThat(signature.index()).isEqualTo(i);
            assertThat(signature.size()).isEqualTo(heads.size());
            assertThat(signature.signature()).isEqualTo(OriginSignature.parse(records.get(0).headers()
                    .lastHeader(OriginSignature.HEADER).value()).signature().signature());
            assertThat(verifier.check(transfers.get(i).getEnvelope(), record.value(), origin).refusal()).isEmpty();
        }
    }
}
