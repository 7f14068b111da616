package org.clueexchange.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.StatementConfirmationRecorded;
import org.clueexchange.events.StatementConfirmed;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ClueEventValidator;
import org.clueexchange.wire.ExchangeTopics;
import org.clueexchange.wire.TimeBounds;
import org.clueexchange.wire.origin.AgencyKey;
import org.clueexchange.wire.origin.AgencyKeys;
import org.clueexchange.wire.origin.OriginKeys;
import org.clueexchange.wire.origin.OriginSignature;
import org.clueexchange.wire.origin.OriginSigner;
import org.clueexchange.wire.origin.OriginVerifier;
import org.junit.jupiter.api.Test;

class FactAdmissionTest {

    private static final ClueEventCodec CODEC = ClueEventCodec.create();
    private static final KeyPair POLICE = OriginKeys.generate();
    private static final OriginSigner SIGNER = new OriginSigner("police-530600", POLICE.getPrivate());
    private static final FactAdmission ADMISSION = new FactAdmission(CODEC,
            new ClueEventValidator(new TimeBounds(Clock.systemUTC(), TimeBounds.DEFAULT_CLOCK_SKEW)),
            new OriginVerifier(new AgencyKeys(List.of(new AgencyKey("police-530600", AgencyType.POLICE,
                    List.of("530600"), POLICE.getPublic(), TimeBounds.EARLIEST, null)))));

    private static ConsumerRecord<String, byte[]> record(String topic, byte[] value, byte[] origin) {
        RecordHeaders headers = new RecordHeaders();
        if (origin != null) {
            headers.add(OriginSignature.HEADER, origin);
        }
        return new ConsumerRecord<>(topic, 0, 7, 0, TimestampType.CREATE_TIME, 0, value.length, "key", value,
                headers, Optional.empty());
    }

    @Test
    void aSignedFactOfItsAgencyIsAdmitted() {
        ClueTransferred transfer = ClueEventSamples.transfer("POLICE-530600-XS001", ClueEventSamples.AT);
        byte[] bytes = CODEC.encode(transfer);

        FactAdmission.Admitted admitted = ADMISSION.admit(record(ExchangeTopics.POLICE_EVENTS, bytes,
                SIGNER.sign(List.of(bytes)).get(0)));

        assertThat(admitted.refusal()).isNull();
        assertThat(admitted.fact().event()).isEqualTo(transfer);
        assertThat(admitted.fact().offset()).isEqualTo(7);
    }

    @Test
    void aFactUnsignedOrSignedOverOtherBytesOrByAnotherAgencysKeyIsRefusedForSecurity() {
        ClueTransferred transfer = ClueEventSamples.transfer("POLICE-530600-XS001", ClueEventSamples.AT);
        byte[] bytes = CODEC.encode(transfer);
        ClueTransferred other = ClueEventSamples.transfer("POLICE-530600-XS002", ClueEventSamples.AT);
        StatementConfirmed confirmation = ClueEventSamples.confirmation("STATEMENT-530600-2020-06",
                ClueEventSamples.ZHAOTONG_DISCIPLINE, "a".repeat(64), "c".repeat(64), ClueEventSamples.AT);
        byte[] confirmationBytes = CODEC.encode(confirmation);

        assertThat(ADMISSION.admit(record(ExchangeTopics.POLICE_EVENTS, bytes, null)).refusal())
                .isEqualTo("security: the record carries no clue-exchange.origin header: the fact is not signed");
        assertThat(ADMISSION.admit(record(ExchangeTopics.POLICE_EVENTS, bytes,
                SIGNER.sign(List.of(CODEC.encode(other))).get(0))).refusal())
                .isEqualTo("security: the signature of key police-530600 does not verify over the fact's bytes");
        assertThat(ADMISSION.admit(record(ExchangeTopics.DISCIPLINE_EVENTS, confirmationBytes,
                SIGNER.sign(List.of(confirmationBytes)).get(0))).refusal())
                .isEqualTo("security: key police-530600 belongs to POLICE, but the fact is asserted by DISCIPLINE");
    }

    @Test
    void undecodableAndInvalidRecordsAreRefusedForWhatTheyAreBeforeTheirSignatureIsLookedAt() {
        ClueTransferred tampered = ClueEventSamples.transfer("POLICE-530600-XS001", ClueEventSamples.AT);
        tampered.getContent().setSummary("改过的摘要");

        assertThat(ADMISSION.admit(record(ExchangeTopics.POLICE_EVENTS, new byte[] {1, 2, 3}, null)).refusal())
                .doesNotStartWith(OriginVerifier.SECURITY);
        assertThat(ADMISSION.admit(record(ExchangeTopics.POLICE_EVENTS, CODEC.encode(tampered), null)).refusal())
                .startsWith("invalid ClueTransferred: ");
    }

    /** The core's answers name no agency to verify; that they travel on the core's topic alone is the readers' rule. */
    @Test
    void theCoresAnswerIsAdmittedWithoutAnAgencysSignature() {
        StatementConfirmed confirmation = ClueEventSamples.confirmation("STATEMENT-530600-2020-06",
                ClueEventSamples.ZHAOTONG_POLICE, "a".repeat(64), "c".repeat(64), ClueEventSamples.AT);
        StatementConfirmationRecorded answer = ClueEventSamples.refusal(confirmation, "b".repeat(64), Instant.now());

        assertThat(ADMISSION.admit(record(ExchangeTopics.CORE_EVENTS, CODEC.encode(answer), null)).refusal())
                .isNull();
    }
}
