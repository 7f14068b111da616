package org.clueexchange.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Encodes clue events in Avro single-object encoding (two marker bytes, the writer schema's 64-bit fingerprint,
 * the binary body), and decodes bytes written with any shipped version of any event into its current class.
 *
 * <p>The fingerprint alone says which event a record holds, so one topic can carry every event type and a reader
 * needs no registry: the contract's own schema history is the registry. Thread-safe.
 */
public final class ClueEventCodec {

    private static final int HEADER_LENGTH = 10;
    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;

    static {
        trustContractClasses();
    }

    private final Map<Long, Class<? extends SpecificRecord>> typeByFingerprint = new HashMap<>();
    private final Map<Class<? extends SpecificRecord>, BinaryMessageEncoder<SpecificRecord>> encoders = new HashMap<>();
    private final Map<Class<? extends SpecificRecord>, BinaryMessageDecoder<SpecificRecord>> decoders = new HashMap<>();

    public ClueEventCodec(SchemaHistory history) {
        SchemaStore.Cache shipped = new SchemaStore.Cache();
        history.all().forEach((type, versions) -> versions.forEach(schema -> {
            shipped.addSchema(schema);
            Class<? extends SpecificRecord> previous =
                    typeByFingerprint.put(SchemaNormalization.parsingFingerprint64(schema), type);
            if (previous != null && previous != type) {
                throw new IllegalStateException(type.getSimpleName() + " and " + previous.getSimpleName()
                        + " share a schema fingerprint");
            }
        }));
        history.all().keySet().forEach(type -> {
            SpecificData model = SpecificData.getForClass(type);
            Schema current = SchemaHistory.currentSchemaOf(type);
            encoders.put(type, new BinaryMessageEncoder<>(model, current));
            decoders.put(type, new BinaryMessageDecoder<>(model, current, shipped));
        });
    }

    /**
     * Avro instantiates classes named in schemas only if they are trusted; the contract's generated classes are,
     * and nothing else is added.
     */
    private static void trustContractClasses() {
        ClassSecurityValidator.Builder contract = ClassSecurityValidator.builder();
        Set<String> seen = new HashSet<>();
        ClueEvents.TYPES.forEach(type -> namedTypes(SchemaHistory.currentSchemaOf(type), seen));
        seen.forEach(contract::add);
        ClassSecurityValidator.setGlobal(
                ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), contract.build()));
    }

    private static void namedTypes(Schema schema, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.add(schema.getFullName())) {
                    schema.getFields().forEach(field -> namedTypes(field.schema(), seen));
                }
            }
            case ENUM -> seen.add(schema.getFullName());
            case ARRAY -> namedTypes(schema.getElementType(), seen);
            case MAP -> namedTypes(schema.getValueType(), seen);
            case UNION -> schema.getTypes().forEach(branch -> namedTypes(branch, seen));
            default -> {
            }
        }
    }

    public static ClueEventCodec create() {
        return new ClueEventCodec(SchemaHistory.load());
    }

    public byte[] encode(SpecificRecord event) {
        BinaryMessageEncoder<SpecificRecord> encoder = encoders.get(event.getClass());
        if (encoder == null) {
            throw new IllegalArgumentException(event.getClass().getName() + " is not a clue event of this contract");
        }
        try {
            ByteBuffer buffer = encoder.encode(event);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | AvroRuntimeException | NullPointerException e) {
            throw new IllegalArgumentException("cannot encode " + ClueEvents.typeOf(event) + ": " + e.getMessage(), e);
        }
    }

    public SpecificRecord decode(byte[] bytes) throws UndecodableEventException {
        if (bytes == null || bytes.length < HEADER_LENGTH) {
            throw new UndecodableEventException("not an Avro single-object encoded event: "
                    + (bytes == null ? "no value" : bytes.length + " bytes") + ", the header alone is "
                    + HEADER_LENGTH);
        }
        if (bytes[0] != MARKER_0 || bytes[1] != MARKER_1) {
            throw new UndecodableEventException(String.format(
                    "not an Avro single-object encoded event: starts with %02x %02x, expected c3 01",
                    bytes[0], bytes[1]));
        }
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        Class<? extends SpecificRecord> type = typeByFingerprint.get(fingerprint);
        if (type == null) {
            throw new UndecodableEventException(String.format(
                    "unknown writer schema fingerprint %016x: not a shipped version of any clue event", fingerprint));
        }
        try {
            return decoders.get(type).decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new UndecodableEventException("malformed " + type.getSimpleName() + " body: " + e, e);
        }
    }
}
