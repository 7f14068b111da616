package org.clueexchange.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clueexchange.wire.ClueEventSamples.AT;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.events.ClueAccepted;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.ReceiptChannel;
import org.clueexchange.events.StatementConfirmed;
import org.junit.jupiter.api.Test;

class ClueEventCodecTest {

    private final ClueEventCodec codec = ClueEventCodec.create();

    @Test
    void everyEventRoundTrips() throws Exception {
        ClueTransferred transfer = ClueEventSamples.transfer("POLICE-530600-XS001", AT);
        StatementConfirmed confirmation = ClueEventSamples.confirmation("STATEMENT-530600-2020-06",
                ClueEventSamples.ZHAOTONG_DISCIPLINE, "c".repeat(64), "a".repeat(64), AT);
        for (SpecificRecord event : new SpecificRecord[] {
                transfer, ClueEventSamples.receipt(transfer, AT.plusSeconds(60)),
                ClueEventSamples.acceptance(transfer, AT.plusSeconds(120)), confirmation,
                ClueEventSamples.refusal(confirmation, "e".repeat(64), AT.plusSeconds(180))}) {
            assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
        }
    }

    @Test
    void theBytesCarryTheWriterSchemaFingerprint() {
        byte[] bytes = codec.encode(ClueEventSamples.transfer("POLICE-530600-XS001", AT));

        assertThat(Arrays.copyOf(bytes, 2)).containsExactly(0xC3, 0x01);
        assertThat(ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong())
                .isEqualTo(SchemaNormalization.parsingFingerprint64(ClueTransferred.getClassSchema()));
    }

    @Test
    void theSameEventAlwaysEncodesToTheSameBytes() {
        ClueTransferred transfer = ClueEventSamples.transfer("POLICE-530600-XS001", AT);

        assertThat(codec.encode(transfer)).isEqualTo(ClueEventCodec.create().encode(
                ClueTransferred.newBuilder(transfer).build()));
    }

    @Test
    void bytesWrittenWithAnEarlierVersionAreReadIntoTheCurrentClass() throws Exception {
        Schema current = SchemaHistory.currentSchemaOf(ClueAccepted.class);
        Schema earlier = SchemaCompatibilityTest.withField(current,
                "{\"name\":\"remark\",\"type\":\"string\",\"default\":\"\"}");
        ClueEventCodec twoVersions =
                new ClueEventCodec(SchemaCompatibilityTest.historyOf(ClueAccepted.class, earlier, current));
        ClueAccepted accepted = ClueEventSamples.acceptance(ClueEventSamples.transfer("POLICE-530600-XS002", AT), AT);
        GenericRecord written = new GenericData.Record(earlier);
        written.put("envelope", asGeneric(accepted.getEnvelope(), earlier.getField("envelope").schema()));
        written.put("receiverCaseNumber", accepted.getReceiverCaseNumber());
        written.put("remark", "经核查属本机关管辖");

        assertThat(twoVersions.decode(singleObject(earlier, written))).isEqualTo(accepted);
    }

    @Test
    void aTransferWrittenWithTheFirstShippedVersionReadsAsTheCurrentOneWithoutSuspects() throws Exception {
        Schema v1 = SchemaHistory.load().versions(ClueTransferred.class).get(0);
        assertThat(v1.getField("content").schema().getField("suspects")).isNull();
        ClueTransferred transfer = ClueEventSamples.transfer("POLICE-530600-XS003", AT);
        GenericRecord written = asGeneric(transfer, v1);

        ClueTransferred read = (ClueTransferred) codec.decode(singleObject(v1, written));

        assertThat(read.getContent().getSuspects()).isEmpty();
        assertThat(read).isEqualTo(transfer);
    }

    @Test
    void aReceiptWrittenWithTheFirstShippedVersionReadsAsOneThroughTheExchangeNamingNoCaseNumber()
            throws Exception {
        Schema v1 = SchemaHistory.load().versions(ClueReceived.class).get(0);
        assertThat(v1.getField("channel")).isNull();
        ClueReceived receipt = ClueEventSamples.receipt(ClueEventSamples.transfer("POLICE-530600-XS004", AT), AT);

        ClueReceived read = (ClueReceived) codec.decode(singleObject(v1, asGeneric(receipt, v1)));

        assertThat(read.getChannel()).isEqualTo(ReceiptChannel.EXCHANGE);
        assertThat(read.getSenderCaseNumber()).isNull();
        assertThat(read.getDocuments()).isEmpty();
        assertThat(read).isEqualTo(receipt);
    }

    @Test
    void anUnknownFingerprintIsRefusedWithTheReason() {
        byte[] bytes = codec.encode(ClueEventSamples.transfer("POLICE-530600-XS001", AT));
        bytes[5] ^= 0x55;

        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("unknown writer schema fingerprint");
    }

    @Test
    void bytesThatAreNotSingleObjectEncodedAreRefusedWithTheReason() {
        assertThatThrownBy(() -> codec.decode("{\"clueId\":\"x\"}".getBytes()))
                .isInstanceOf(UndecodableEventException.class).hasMessageContaining("expected c3 01");
        assertThatThrownBy(() -> codec.decode(new byte[] {(byte) 0xC3, 1}))
                .isInstanceOf(UndecodableEventException.class).hasMessageContaining("2 bytes");
        assertThatThrownBy(() -> codec.decode(null))
                .isInstanceOf(UndecodableEventException.class).hasMessageContaining("no value");
    }

    @Test
    void aTruncatedBodyIsRefusedWithTheReason() {
        byte[] bytes = codec.encode(ClueEventSamples.receipt(ClueEventSamples.transfer("POLICE-530600-XS001", AT), AT));

        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(bytes, bytes.length - 20)))
                .isInstanceOf(UndecodableEventException.class).hasMessageStartingWith("malformed ClueReceived body");
    }

    @Test
    void onlyContractEventsAreEncoded() {
        assertThatThrownBy(() -> codec.encode(ClueEventSamples.ZHAOTONG_POLICE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a clue event");
    }

    @Test
    void everyEventTypeHasItsOwnFingerprint() {
        assertThat(ClueEvents.TYPES).extracting(type -> SchemaNormalization.parsingFingerprint64(
                SchemaHistory.currentSchemaOf(type))).doesNotHaveDuplicates();
        assertThat(ClueEvents.TYPES).contains(ClueReceived.class);
    }

    /** The record as the given (older) schema would have held it, field by field by name. */
    private static GenericRecord asGeneric(SpecificRecord record, Schema schema) {
        GenericData.Record generic = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            Object value = record.get(record.getSchema().getField(field.name()).pos());
            generic.put(field.pos(), convert(value, field.schema()));
        }
        return generic;
    }

    private static Object convert(Object value, Schema schema) {
        if (value instanceof SpecificRecord nested) {
            Schema recordSchema = schema.getType() == Schema.Type.UNION
                    ? schema.getTypes().get(schema.getIndexNamed(nested.getSchema().getFullName()))
                    : schema;
            return asGeneric(nested, recordSchema);
        }
        if (value instanceof List<?> list && schema.getType() == Schema.Type.ARRAY) {
            return list.stream().map(item -> convert(item, schema.getElementType())).toList();
        }
        return value;
    }

    private static byte[] singleObject(Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xC3, 0x01});
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(SchemaNormalization.parsingFingerprint64(schema)).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        new GenericDatumWriter<GenericRecord>(schema, model).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
