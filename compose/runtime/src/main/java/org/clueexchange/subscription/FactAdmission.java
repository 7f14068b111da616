package org.clueexchange.subscription;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEventValidator;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.UndecodableEventException;

/**
 * What a record of an agency topic must be to count as a fact: bytes of an event of the contract that keeps the
 * contract's rules. Every reader of the topics admits records by it, the live consumers and a replay alike, so that
 * they refuse the same records for the same reasons.
 */
public final class FactAdmission {

    private final ClueEventCodec codec;
    private final ClueEventValidator validator;

    public FactAdmission(ClueEventCodec codec, ClueEventValidator validator) {
        this.codec = codec;
        this.validator = validator;
    }

    /** A record judged: the fact it holds, or why it holds none. */
    public record Admitted(FactConsumer.ConsumedFact fact, String refusal) {
    }

    public Admitted admit(ConsumerRecord<String, byte[]> record) {
        SpecificRecord event;
        try {
            event = codec.decode(record.value());
        } catch (UndecodableEventException e) {
            return new Admitted(null, e.getMessage());
        }
        List<String> violations = validator.violations(event);
        if (!violations.isEmpty()) {
            return new Admitted(null, "invalid " + ClueEvents.typeOf(event) + ": " + String.join("; ", violations));
        }
        return new Admitted(new FactConsumer.ConsumedFact(record.topic(), record.partition(), record.offset(), event),
                null);
    }
}
