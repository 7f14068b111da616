package org.clueexchange.core.reconciliation.roots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.clueexchange.core.reconciliation.Cadence;
import org.clueexchange.core.reconciliation.messages.PeriodRoot;

/**
 * An export of the agency topics and the statements' roots that {@code verify --archive} checks with nothing but a
 * JDK. JSON lines, UTF-8, one object a line:
 *
 * <ol>
 *     <li>the heading: {@code {"format":"clue-exchange-archive","version":1,"exportedAt":…,"cut":…}}, the cut
 *     the records were read up to;</li>
 *     <li>one line per chain link, chain by chain in link order: {@code {"statementId","revision","jurisdiction",
 *     "cadence","digest","link","root","previousRoot","cut","facts"}};</li>
 *     <li>one line per record, in (topic, partition, offset) order: {@code {"topic","partition","offset",
 *     "timestamp","key","value","headers":[{"key","value"}]}}, bytes in base64, an absent key or header value
 *     null.</li>
 * </ol>
 *
 * Nothing in it is trusted: verify recomputes every root from the records and checks the agencies' signatures with
 * keys it is given, so an archive is as good as its copy of the topics.
 */
public final class Archive {

    /** The file an export writes into a directory it is given, and verify reads from one. */
    public static final String FILE_NAME = "clue-exchange-archive.jsonl";
    static final String FORMAT = "clue-exchange-archive";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final Base64.Decoder UNBASE64 = Base64.getDecoder();
    private static final Comparator<AgencyRecord> ORDER = Comparator.comparing(AgencyRecord::topic)
            .thenComparingInt(AgencyRecord::partition).thenComparingLong(AgencyRecord::offset);

    private Archive() {
    }

    /** The archive's file: {@code path} itself, or {@link #FILE_NAME} in it if it is a directory. */
    public static Path file(Path path) {
        return Files.isDirectory(path) ? path.resolve(FILE_NAME) : path;
    }

    /** What verify takes from an archive: the chains' links first, then each record in order. */
    public interface Reader {
        void links(List<ChainLink> links);

        void record(AgencyRecord record);
    }

    /** Writes an archive: the links, then the records in the order they are given. */
    public static final class Writer implements AutoCloseable {

        private final BufferedWriter out;
        private boolean recordsBegun;

        public Writer(Path file, Cut cut, Instant exportedAt) throws IOException {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            ObjectNode heading = JSON.createObjectNode().put("format", FORMAT).put("version", VERSION)
                    .put("exportedAt", exportedAt.toString()).put("cut", cut.text());
            line(heading);
        }

        public void link(ChainLink link) throws IOException {
            if (recordsBegun) {
                throw new IllegalStateException("an archive lists the links before the records");
            }
            PeriodRoot root = link.periodRoot();
            line(JSON.createObjectNode().put("statementId", link.statementId()).put("revision", link.revision())
                    .put("jurisdiction", link.jurisdiction()).put("cadence", link.cadence().name())
                    .put("digest", link.digest()).put("link", root.link()).put("root", root.root())
                    .put("previousRoot", root.previousRoot()).put("cut", root.cut()).put("facts", root.facts()));
        }

        public void record(AgencyRecord record) {
            recordsBegun = true;
            ObjectNode line = JSON.createObjectNode().put("topic", record.topic()).put("partition", record.partition())
                    .put("offset", record.offset()).put("timestamp", record.timestamp()).put("key", record.key())
                    .put("value", record.value() == null ? null : BASE64.encodeToString(record.value()));
            ArrayNode headers = line.putArray("headers");
            record.headers().forEach(header -> headers.addObject().put("key", header.key())
                    .put("value", header.value() == null ? null : BASE64.encodeToString(header.value())));
            try {
                line(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void line(JsonNode node) throws IOException {
            out.write(JSON.writeValueAsString(node));
            out.write('\n');
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /**
     * Reads an archive; whatever else the file holds (an archive is only a copy), says at which line it is not one.
     */
    public static void read(Path file, Reader reader) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            int number = 1;
            JsonNode heading = parse(line, number);
            if (!FORMAT.equals(heading.path("format").asText()) || heading.path("version").asInt() != VERSION) {
                throw new IllegalArgumentException(file + " is not a " + FORMAT + " of version " + VERSION);
            }
            List<ChainLink> links = new ArrayList<>();
            AgencyRecord previous = null;
            boolean linksGiven = false;
            while ((line = in.readLine()) != null) {
                number++;
                JsonNode node = parse(line, number);
                try {
                    if (node.has("statementId")) {
                        if (linksGiven) {
                            throw new IllegalArgumentException("a link after the records");
                        }
                        links.add(link(node));
                        continue;
                    }
                    if (!linksGiven) {
                        linksGiven = true;
                        reader.links(List.copyOf(links));
                    }
                    AgencyRecord record = record(node);
                    if (previous != null && ORDER.compare(previous, record) >= 0) {
                        throw new IllegalArgumentException(record.position() + " comes after " + previous.position()
                                + ", not in (topic, partition, offset) order");
                    }
                    previous = record;
                    reader.record(record);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("line " + number + " of " + file + ": " + e.getMessage(), e);
                }
            }
            if (!linksGiven) {
                reader.links(List.copyOf(links));
            }
        }
    }

    private static JsonNode parse(String line, int number) {
        if (line == null) {
            throw new IllegalArgumentException("the archive is empty");
        }
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("line " + number + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("line " + number + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static ChainLink link(JsonNode node) {
        return new ChainLink(text(node, "statementId"), node.required("revision").asInt(),
                text(node, "jurisdiction"), Cadence.valueOf(text(node, "cadence")), text(node, "digest"),
                new PeriodRoot(node.required("link").asInt(), text(node, "root"), text(node, "previousRoot"),
                        text(node, "cut"), node.required("facts").asInt()));
    }

    private static AgencyRecord record(JsonNode node) {
        List<RecordHeader> headers = new ArrayList<>();
        for (JsonNode header : node.required("headers")) {
            headers.add(new RecordHeader(text(header, "key"), bytes(header.get("value"))));
        }
        return new AgencyRecord(text(node, "topic"), node.required("partition").asInt(),
                node.required("offset").asLong(), node.required("timestamp").asLong(),
                node.hasNonNull("key") ? node.get("key").asText() : null, bytes(node.get("value")), headers);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.required(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " is not a text");
        }
        return value.asText();
    }

    private static byte[] bytes(JsonNode value) {
        return value == null || value.isNull() ? null : UNBASE64.decode(value.asText());
    }
}
