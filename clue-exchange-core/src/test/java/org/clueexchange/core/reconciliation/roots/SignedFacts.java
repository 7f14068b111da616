package org.clueexchange.core.reconciliation.roots;

import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.clueexchange.events.AgencyType;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.ExchangeTopics;
import org.clueexchange.wire.origin.AgencyKey;
import org.clueexchange.wire.origin.AgencyKeys;
import org.clueexchange.wire.origin.OriginKeys;
import org.clueexchange.wire.origin.OriginSignature;
import org.clueexchange.wire.origin.OriginSigner;

/**
 * Both agencies of one jurisdiction with keys generated for the test, signing facts as their adapters would: one
 * batch at a time, each fact with its {@link OriginSignature#HEADER}.
 */
final class SignedFacts {

    private static final ClueEventCodec CODEC = ClueEventCodec.create();
    private static final Instant KEYS_FROM = Instant.parse("2000-01-01T00:00:00Z");

    private final KeyPair police = OriginKeys.generate();
    private final KeyPair discipline = OriginKeys.generate();
    private final String jurisdiction;

    /** A fact as its adapter publishes it: topic, key, the signed bytes and the origin header. */
    record Signed(String topic, String key, byte[] value, byte[] origin) {

        AgencyRecord at(int partition, long offset) {
            return new AgencyRecord(topic, partition, offset, 0L, key, value,
                    List.of(new RecordHeader(OriginSignature.HEADER, origin)));
        }
    }

    SignedFacts(String jurisdiction) {
        this.jurisdiction = jurisdiction;
    }

    AgencyKeys keys() {
        return new AgencyKeys(List.of(
                new AgencyKey(keyId(AgencyType.POLICE), AgencyType.POLICE, List.of(jurisdiction), police.getPublic(),
                        KEYS_FROM, null),
                new AgencyKey(keyId(AgencyType.DISCIPLINE), AgencyType.DISCIPLINE, List.of(jurisdiction),
                        discipline.getPublic(), KEYS_FROM, null)));
    }

    /** The facts of one agency, signed as one batch. */
    List<Signed> sign(AgencyType agency, List<? extends SpecificRecord> facts) {
        OriginSigner signer = new OriginSigner(keyId(agency),
                (agency == AgencyType.POLICE ? police : discipline).getPrivate());
        List<byte[]> values = facts.stream().map(CODEC::encode).toList();
        List<byte[]> headers = signer.sign(values);
        List<Signed> signed = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            signed.add(new Signed(ExchangeTopics.of(agency), ClueEvents.keyOf(facts.get(i)), values.get(i),
                    headers.get(i)));
        }
        return signed;
    }

    private String keyId(AgencyType agency) {
        return agency.name().toLowerCase() + "-" + jurisdiction + "-test";
    }
}
