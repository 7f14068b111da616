package org.clueexchange.subscription;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEventValidator;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.UndecodableEventException;
import org.clueexchange.wire.origin.OriginSignature;
import org.clueexchange.wire.origin.OriginVerifier;

/**
 * What a record of an agency topic must be to count as a fact: bytes of an event of the contract that keeps the
 * contract's rules, signed by the agency it names as its asserter ({@link OriginVerifier}). Every reader of the
 * topics admits records by it, the live consumers and a replay alike, so that they refuse the same records for the
 * same reasons.
 */
public final class FactAdmission {

    private final ClueEventCodec codec;
    private final ClueEventValidator validator;
    private final OriginVerifier verifier;

    public FactAdmission(ClueEventCodec codec, ClueEventValidator validator, OriginVerifier verifier) {
        this.codec = codec;
        this.validator = validator;
        this.verifier = verifier;
    }

    /**
     * A record judged: the fact it holds, or why it holds none; and, for whoever shows a record refused, the event it
     * decoded to (none if it is no event) and what its origin was found to be (none unless it was an agency's fact
     * and got as far as its signature).
     */
    public record Admitted(FactConsumer.ConsumedFact fact, String refusal, SpecificRecord event,
                           OriginVerifier.Verdict origin) {
    }

    public Admitted admit(ConsumerRecord<String, byte[]> record) {
        SpecificRecord event;
        try {
            event = codec.decode(record.value());
        } catch (UndecodableEventException e) {
            return new Admitted(null, e.getMessage(), null, null);
        }
        List<String> violations = validator.violations(event);
        if (!violations.isEmpty()) {
            return new Admitted(null, "invalid " + ClueEvents.typeOf(event) + ": " + String.join("; ", violations),
                    event, null);
        }
        OriginVerifier.Verdict verdict = null;
        // The core's answers carry no asserting agency to verify: they are the core's own, on its own topic.
        if (!ClueEvents.publishedByCore(event)) {
            Header origin = record.headers().lastHeader(OriginSignature.HEADER);
            verdict = verifier.check(ClueEvents.envelopeOf(event), record.value(),
                    origin == null ? null : origin.value());
            if (!verdict.verified()) {
                return new Admitted(null, verdict.refusal().get(), event, verdict);
            }
        }
        return new Admitted(new FactConsumer.ConsumedFact(record.topic(), record.partition(), record.offset(), event),
                null, event, verdict);
    }
}
