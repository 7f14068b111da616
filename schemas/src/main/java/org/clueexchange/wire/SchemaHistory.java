package org.clueexchange.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every version of every event schema this module has ever shipped, read from
 * {@code schema-history/<EventName>/v<N>.avsc} on the classpath.
 *
 * <p>A shipped version is never edited or removed: agencies may still hold bytes written with it, and replay reads
 * the topics from the beginning. To change an event, add its next version here and to {@code src/main/avro}; the
 * compatibility test then checks it against every earlier one.
 */
public final class SchemaHistory {

    static final String ROOT = "schema-history/";

    private final Map<Class<? extends SpecificRecord>, List<Schema>> versions;

    private SchemaHistory(Map<Class<? extends SpecificRecord>, List<Schema>> versions) {
        this.versions = versions;
    }

    /** A history other than the shipped one, to show how the codec and the compatibility rules treat it. */
    static SchemaHistory of(Map<Class<? extends SpecificRecord>, List<Schema>> versions) {
        return new SchemaHistory(Map.copyOf(versions));
    }

    public static SchemaHistory load() {
        Map<Class<? extends SpecificRecord>, List<Schema>> versions = new LinkedHashMap<>();
        for (Class<? extends SpecificRecord> type : ClueEvents.TYPES) {
            versions.put(type, load(type));
        }
        return new SchemaHistory(versions);
    }

    /** The shipped versions of one event type, oldest first; version N is at index N - 1. */
    public List<Schema> versions(Class<? extends SpecificRecord> type) {
        return versions.get(type);
    }

    public Map<Class<? extends SpecificRecord>, List<Schema>> all() {
        return versions;
    }

    /** The schema the generated class was built from, which must be the latest shipped version. */
    public static Schema currentSchemaOf(Class<? extends SpecificRecord> type) {
        return SpecificData.get().getSchema(type);
    }

    public static String resourceOf(Class<? extends SpecificRecord> type, int version) {
        return ROOT + type.getSimpleName() + "/v" + version + ".avsc";
    }

    private static List<Schema> load(Class<? extends SpecificRecord> type) {
        List<Schema> schemas = new ArrayList<>();
        ClassLoader loader = SchemaHistory.class.getClassLoader();
        for (int version = 1; ; version++) {
            try (InputStream in = loader.getResourceAsStream(resourceOf(type, version))) {
                if (in == null) {
                    break;
                }
                schemas.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resourceOf(type, version), e);
            }
        }
        if (schemas.isEmpty()) {
            throw new IllegalStateException("no shipped version of " + type.getSimpleName() + " at "
                    + resourceOf(type, 1));
        }
        return List.copyOf(schemas);
    }
}
