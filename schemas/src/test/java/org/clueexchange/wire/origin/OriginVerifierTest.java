package org.clueexchange.wire.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEventSamples;
import org.junit.jupiter.api.Test;

class OriginVerifierTest {

    private static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant ROTATED = Instant.parse("2020-06-10T02:30:00Z");
    private static final ClueEventCodec CODEC = ClueEventCodec.create();

    private final KeyPair police = OriginKeys.generate();
    private final KeyPair policeNext = OriginKeys.generate();
    private final KeyPair discipline = OriginKeys.generate();
    private final AgencyKeys keys = AgencyKeys.parse(new AgencyKeys(List.of(
            new AgencyKey("police-530600", AgencyType.POLICE, List.of("530600"), police.getPublic(), FROM, ROTATED),
            new AgencyKey("police-530600-next", AgencyType.POLICE, List.of("530600"), policeNext.getPublic(),
                    ROTATED, null),
            new AgencyKey("discipline-530600", AgencyType.DISCIPLINE, List.of("530600"), discipline.getPublic(),
                    FROM, null))).text());
    private final OriginVerifier verifier = new OriginVerifier(keys);

    private static ClueTransferred transfer(int i) {
        return ClueEventSamples.transfer("CLUE-" + i, ClueEventSamples.AT);
    }

    private OriginVerifier.Verdict check(ClueTransferred fact, byte[] bytes, byte[] header) {
        return verifier.check(fact.getEnvelope(), bytes, header);
    }

    @Test
    void every_fact_of_a_signed_batch_verifies_on_its_own() {
        List<ClueTransferred> facts = IntStream.range(0, 13).mapToObj(OriginVerifierTest::transfer).toList();
        List<byte[]> bytes = facts.stream().map(CODEC::encode).toList();
        List<byte[]> headers = new OriginSigner("police-530600", police.getPrivate()).sign(bytes);
        for (int i = facts.size() - 1; i >= 0; i--) {
            OriginVerifier.Verdict verdict = check(facts.get(i), bytes.get(i), headers.get(i));
            assertThat(verdict.refusal()).isEmpty();
            assertThat(verdict.keyId()).isEqualTo("police-530600");
        }
    }

    @Test
    void one_changed_byte_is_refused() {
        ClueTransferred fact = transfer(1);
        byte[] bytes = CODEC.encode(fact);
        byte[] header = new OriginSigner("police-530600", police.getPrivate()).sign(List.of(bytes)).get(0);
        byte[] changed = bytes.clone();
        changed[changed.length - 3] ^= 0x20;
        assertThat(check(fact, changed, header).refusal()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith(OriginVerifier.SECURITY).contains("does not verify"));
    }

    @Test
    void a_key_of_another_agency_or_one_no_agency_holds_is_refused() {
        ClueTransferred fact = transfer(1);
        byte[] bytes = CODEC.encode(fact);
        assertThat(check(fact, bytes, new OriginSigner("discipline-530600", discipline.getPrivate())
                .sign(List.of(bytes)).get(0)).refusal()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("belongs to DISCIPLINE, but the fact is asserted by POLICE"));
        assertThat(check(fact, bytes, new OriginSigner("police-530600", OriginKeys.generate().getPrivate())
                .sign(List.of(bytes)).get(0)).refusal()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("does not verify"));
        assertThat(check(fact, bytes, new OriginSigner("police-999999", police.getPrivate())
                .sign(List.of(bytes)).get(0)).refusal()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("which no agency holds"));
    }

    @Test
    void a_key_speaks_only_for_its_jurisdictions() {
        ClueTransferred fact = transfer(1);
        fact.getEnvelope().setAssertedBy(new Agency(AgencyType.POLICE, "530100"));
        byte[] bytes = CODEC.encode(fact);
        byte[] header = new OriginSigner("police-530600", police.getPrivate()).sign(List.of(bytes)).get(0);
        assertThat(check(fact, bytes, header).refusal()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("speaks for 530600, but the fact is asserted in 530100"));
    }

    @Test
    void a_rotated_key_still_verifies_what_it_signed_before_the_rotation_and_nothing_after() {
        ClueTransferred before = transfer(1);
        byte[] beforeBytes = CODEC.encode(before);
        OriginSigner old = new OriginSigner("police-530600", police.getPrivate());
        assertThat(check(before, beforeBytes, old.sign(List.of(beforeBytes)).get(0)).verified()).isTrue();

        ClueTransferred after = transfer(2);
        after.getEnvelope().setPublishedAt(ROTATED.plusSeconds(1));
        byte[] afterBytes = CODEC.encode(after);
        assertThat(check(after, afterBytes, old.sign(List.of(afterBytes)).get(0)).refusal())
                .hasValueSatisfying(reason -> assertThat(reason).contains("until " + ROTATED));
        assertThat(check(after, afterBytes, new OriginSigner("police-530600-next", policeNext.getPrivate())
                .sign(List.of(afterBytes)).get(0)).verified()).isTrue();
    }

    @Test
    void an_unsigned_record_or_a_header_of_garbage_is_refused_with_the_reason() {
        ClueTransferred fact = transfer(1);
        byte[] bytes = CODEC.encode(fact);
        assertThat(check(fact, bytes, null).refusal()).hasValueSatisfying(reason -> assertThat(reason)
                .isEqualTo("security: the record carries no clue-exchange.origin header: the fact is not signed"));
        byte[] header = new OriginSigner("police-530600", police.getPrivate()).sign(List.of(bytes)).get(0);
        for (int length = 0; length < header.length; length++) {
            byte[] cut = Arrays.copyOf(header, length);
            assertThat(check(fact, bytes, cut).verified()).as("cut at %d", length).isFalse();
        }
        byte[] longer = Arrays.copyOf(header, header.length + 1);
        assertThat(check(fact, bytes, longer).refusal()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("past its end"));
        assertThat(check(fact, bytes, new byte[] {1, (byte) 0xff}).verified()).isFalse();
    }
}
