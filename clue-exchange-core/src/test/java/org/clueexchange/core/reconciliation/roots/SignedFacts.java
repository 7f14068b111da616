package org.clueexchange.core.reconciliation.roots;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.clueexchange.events.AgencyType;
import org.clueexchange.infrastructure.AgencyKeyring;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.ExchangeTopics;
import org.clueexchange.wire.origin.AgencyKeys;
import org.clueexchange.wire.origin.OriginSignature;
import org.clueexchange.wire.origin.OriginSigner;

/**
 * Both agencies of one jurisdiction, signing facts as their adapters would, with the test run's keys (which every
 * core the tests start trusts): one batch at a time, each fact with its {@link OriginSignature#HEADER}.
 */
final class SignedFacts {

    private static final ClueEventCodec CODEC = ClueEventCodec.create();
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
        return AgencyKeyring.forTests().trusted();
    }

    /** The facts of one agency, signed as one batch. */
    List<Signed> sign(AgencyType agency, List<? extends SpecificRecord> facts) {
        OriginSigner signer = AgencyKeyring.forTests().signing(agency, jurisdiction).orElseThrow().signer();
        List<byte[]> values = facts.stream().map(CODEC::encode).toList();
        List<byte[]> headers = signer.sign(values);
        List<Signed> signed = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            signed.add(new Signed(ExchangeTopics.of(agency), ClueEvents.keyOf(facts.get(i)), values.get(i),
                    headers.get(i)));
        }
        return signed;
    }
}
