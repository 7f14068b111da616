package org.clueexchange.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.events.ClueAccepted;
import org.junit.jupiter.api.Test;

/**
 * Full transitive compatibility: every shipped version of an event can read what every other version wrote, so an
 * agency may upgrade its adapter at any time and replay can read the topics from the very first record.
 */
class SchemaCompatibilityTest {

    private final SchemaHistory history = SchemaHistory.load();

    @Test
    void everyShippedVersionReadsAndIsReadByEveryOther() {
        history.all().forEach((type, versions) ->
                assertThat(incompatibilities(versions)).as(type.getSimpleName()).isEmpty());
    }

    @Test
    void theGeneratedClassesAreTheLatestShippedVersions() {
        history.all().forEach((type, versions) -> {
            Schema current = SchemaHistory.currentSchemaOf(type);
            Schema latest = versions.get(versions.size() - 1);
            assertThat(withoutJavaProperties(current))
                    .as("%s in src/main/avro differs from %s: an edited schema is shipped as the next version "
                                    + "(schema-history/%s/v%d.avsc), never by editing a shipped one",
                            type.getSimpleName(), SchemaHistory.resourceOf(type, versions.size()),
                            type.getSimpleName(), versions.size() + 1)
                    .isEqualTo(withoutJavaProperties(latest));
        });
    }

    @Test
    void aVersionThatDropsARequiredFieldIsCaught() {
        Schema v1 = SchemaHistory.currentSchemaOf(ClueAccepted.class);
        Schema v2 = new Schema.Parser().parse(v1.toString().replace(
                "\"receiverCaseNumber\"", "\"receiverCaseNo\""));

        assertThat(incompatibilities(List.of(v1, v2))).hasSize(2);
    }

    @Test
    void aVersionThatAddsAnOptionalFieldPasses() {
        Schema v1 = SchemaHistory.currentSchemaOf(ClueAccepted.class);
        Schema v2 = withField(v1, "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}");
        Schema v3 = withField(v2, "{\"name\":\"urgent\",\"type\":\"boolean\",\"default\":false}");

        assertThat(incompatibilities(List.of(v1, v2, v3))).isEmpty();
    }

    @Test
    void compatibilityIsCheckedAgainstEveryEarlierVersionNotOnlyThePreviousOne() {
        Schema v1 = SchemaHistory.currentSchemaOf(ClueAccepted.class);
        Schema v2 = withField(v1, "{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}");
        // v3 drops the default again: it can read v2 (which always writes the field) but not v1.
        Schema v3 = withField(v1, "{\"name\":\"note\",\"type\":\"string\"}");

        assertThat(incompatibilities(List.of(v1, v2))).isEmpty();
        assertThat(incompatibilities(List.of(v2, v3))).isEmpty();
        assertThat(incompatibilities(List.of(v1, v2, v3))).singleElement().asString().contains("v3 cannot read v1");
    }

    /** Each ordered pair of distinct versions where the reader cannot read what the writer wrote. */
    static List<String> incompatibilities(List<Schema> versions) {
        List<String> problems = new ArrayList<>();
        for (int reader = 0; reader < versions.size(); reader++) {
            for (int writer = 0; writer < versions.size(); writer++) {
                if (reader == writer) {
                    continue;
                }
                SchemaCompatibility.SchemaPairCompatibility result = SchemaCompatibility
                        .checkReaderWriterCompatibility(versions.get(reader), versions.get(writer));
                if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
                    problems.add("v" + (reader + 1) + " cannot read v" + (writer + 1) + ": "
                            + result.getResult().getIncompatibilities());
                }
            }
        }
        return problems;
    }

    static Schema withField(Schema schema, String fieldJson) {
        String json = schema.toString();
        int end = json.lastIndexOf(']');
        return new Schema.Parser().parse(json.substring(0, end) + "," + fieldJson + json.substring(end));
    }

    private static Schema withoutJavaProperties(Schema schema) {
        return new Schema.Parser().parse(schema.toString()
                .replace(",\"avro.java.string\":\"String\"", "")
                .replaceAll("\\{\"type\":\"string\"}", "\"string\""));
    }

    static SchemaHistory historyOf(Class<? extends SpecificRecord> type, Schema... versions) {
        return SchemaHistory.of(Map.of(type, List.of(versions)));
    }
}
