package org.clueexchange.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clueexchange.api.RequestBodyLimit;

/**
 * One endpoint's valid request body and what each of its fields may hold, for tests: from it come the largest
 * request the endpoint must take, and the bad requests it must refuse with a problem that names the field.
 *
 * <p>The bad ones: every text with NUL, another control character or an unpaired surrogate, past its limit, or of
 * another JSON type; every list one entry past its limit, thousands of entries long, with a repeated entry where
 * repeats make no sense, or of another type; every object, number and boolean of another type; every code that is
 * none; every instant in the year 300000, in 1900, further ahead than any clock skew or no instant at all; every
 * value a field is said to refuse; and the body no JSON, or larger than {@link RequestBodyLimit#MAX_BYTES}, sent
 * whole or in chunks.
 *
 * <p>Fields are named by their paths in the body, {@code officials[].name} for a field of every entry. Every list
 * of the valid body has at least one entry.
 */
public final class RequestShape {

    /** A request the endpoint must refuse, with the status and the field its problem must name. */
    public record BadRequest(String path, String description, String body, boolean chunked, int status,
                             String field) {

        public JsonHttp.Response sendTo(JsonHttp client) {
            return chunked ? client.postInChunks(path, body) : client.post(path, body);
        }

        /** Whether the answer's problem names the field, or a field inside it (an entry of a list, say). */
        public boolean namesItsField(JsonHttp.Response answer) {
            return names(answer, field);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Writes every character beyond ASCII as an escape, so that an unpaired surrogate reaches the adapter as the
     * JSON escape it is, instead of the question mark a UTF-8 encoder makes of it.
     */
    private static final ObjectMapper ESCAPING =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");
    private static final int THOUSANDS = 5_000;

    private final String path;
    private final ObjectNode valid;
    private final Map<String, Integer> texts = new LinkedHashMap<>();
    private final Map<String, Integer> lists = new LinkedHashMap<>();
    private final Map<String, String> noRepeats = new LinkedHashMap<>();
    private final Set<String> codes = new LinkedHashSet<>();
    private final Set<String> times = new LinkedHashSet<>();
    private final Set<String> deadlines = new LinkedHashSet<>();
    private final Map<String, List<String>> refused = new LinkedHashMap<>();

    private RequestShape(String path, Map<String, ?> valid) {
        this.path = path;
        this.valid = JSON.valueToTree(valid);
    }

    /** A POST to {@code path} with {@code valid} as a body it takes. */
    public static RequestShape post(String path, Map<String, ?> valid) {
        return new RequestShape(path, valid);
    }

    /** Whether the answer is a problem that names {@code field}, or a field inside it (an entry of a list, say). */
    public static boolean names(JsonHttp.Response answer, String field) {
        return answer.body() != null && answer.body().path("errors").findValuesAsText("field").stream()
                .anyMatch(named -> named.equals(field) || named.startsWith(field + ".")
                        || named.startsWith(field + "["));
    }

    public String path() {
        return path;
    }

    /** A text of at most {@code maxLength} characters. */
    public RequestShape text(String field, int maxLength) {
        texts.put(field, maxLength);
        return this;
    }

    /** A list of at most {@code maxEntries} entries. */
    public RequestShape list(String field, int maxEntries) {
        lists.put(field, maxEntries);
        return this;
    }

    /** A list none of whose entries may have the same {@code component} as another. */
    public RequestShape noRepeats(String field, String component) {
        noRepeats.put(field, component);
        return this;
    }

    /** One of a list of codes. */
    public RequestShape code(String field) {
        codes.add(field);
        return this;
    }

    /** When something happened. */
    public RequestShape time(String field) {
        times.add(field);
        return this;
    }

    /** By when something must happen. */
    public RequestShape deadline(String field) {
        deadlines.add(field);
        return this;
    }

    /** Texts the field must refuse besides those every field of its kind must: codes that are none, say. */
    public RequestShape refuses(String field, String... values) {
        refused.computeIfAbsent(field, key -> new ArrayList<>()).addAll(List.of(values));
        return this;
    }

    /** The valid body, with a record id of its own. */
    public String validBody() {
        return json(fresh());
    }

    /**
     * The valid body with every list full and every text at its limit, in characters of three UTF-8 bytes. A list
     * whose entries must differ in a code (an outcome, say) keeps its entries: there may be fewer codes than entries.
     */
    public ObjectNode largest() {
        ObjectNode largest = fresh();
        texts.forEach((field, maxLength) -> set(largest, field, text("线".repeat(maxLength))));
        lists.forEach((field, maxEntries) -> {
            if (!codes.contains(field + "[]." + noRepeats.get(field))) {
                set(largest, field, entries(largest, field, maxEntries));
            }
        });
        return largest;
    }

    /** Every bad request drawn from the valid body, each described by what is wrong with it. */
    public List<BadRequest> badRequests() {
        List<BadRequest> bad = new ArrayList<>();
        Instant now = Instant.now();
        for (Map.Entry<String, JsonNode> node : nodes(valid).entrySet()) {
            String field = node.getKey();
            JsonNode value = node.getValue();
            if (value.isTextual()) {
                String text = value.asText();
                bad.add(with(field, "holding NUL", inTheMiddle(text, "\u0000")));
                bad.add(with(field, "holding U+0001", inTheMiddle(text, "\u0001")));
                bad.add(with(field, "holding an unpaired surrogate", inTheMiddle(text, "\uD800")));
                bad.add(with(field, "an object", JSON.createObjectNode().put("value", text)));
            } else if (value.isArray()) {
                bad.add(with(field, "text instead of a list", text("value")));
            } else if (value.isObject()) {
                bad.add(with(field, "text instead of an object", text("value")));
            } else if (value.isNumber()) {
                bad.add(with(field, "text instead of a number", text("many")));
                bad.add(with(field, "beyond any int", JsonNodeFactory.instance.numberNode(99_999_999_999L)));
            } else if (value.isBoolean()) {
                bad.add(with(field, "neither true nor false", text("maybe")));
            }
        }
        texts.forEach((field, maxLength) -> bad.add(with(field, "longer than " + maxLength,
                text("x".repeat(maxLength + 1)))));
        lists.forEach((field, maxEntries) -> {
            bad.add(with(field, "of " + (maxEntries + 1) + " entries", entries(valid, field, maxEntries + 1)));
            bad.add(with(field, "of " + THOUSANDS + " entries", entries(valid, field, THOUSANDS)));
        });
        noRepeats.forEach((field, component) -> {
            ObjectNode body = fresh();
            ArrayNode entries = (ArrayNode) at(body, field);
            entries.add(entries.get(0).deepCopy());
            bad.add(bad(field + " repeating an entry's " + component, json(body), false, 400,
                    concrete(field) + "[" + (entries.size() - 1) + "]." + component));
        });
        codes.forEach(field -> bad.add(with(field, "no code", text("NO_SUCH_CODE"))));
        refused.forEach((field, values) -> values.forEach(value -> bad.add(with(field, "'" + value + "'",
                text(value)))));
        for (String field : times) {
            timesThatAreNone(bad, field);
            bad.add(with(field, "two days ahead", text(now.plus(Duration.ofDays(2)).toString())));
        }
        for (String field : deadlines) {
            timesThatAreNone(bad, field);
            bad.add(with(field, "eleven years ahead", text(now.plus(Duration.ofDays(11 * 366)).toString())));
        }
        bad.add(bad("no JSON", "{\"recordId\": ", false, 400, "body"));
        bad.add(bad("a list for a body", "[]", false, 400, "body"));
        ObjectNode padded = fresh().put("padding", "x".repeat((int) RequestBodyLimit.MAX_BYTES));
        bad.add(bad("a body larger than " + RequestBodyLimit.MAX_BYTES + " bytes", json(padded), false, 413, "body"));
        bad.add(bad("a body larger than " + RequestBodyLimit.MAX_BYTES + " bytes, in chunks", json(padded), true,
                413, "body"));
        return bad;
    }

    private void timesThatAreNone(List<BadRequest> bad, String field) {
        bad.add(with(field, "in the year 300000", text("+300000-01-01T00:00:00Z")));
        bad.add(with(field, "in 1900", text("1900-01-01T00:00:00+08:00")));
        bad.add(with(field, "in the year 300000 in epoch seconds", JsonNodeFactory.instance.numberNode(
                9_404_601_600_000L)));
        bad.add(with(field, "no instant", text("yesterday")));
    }

    /** The valid body with {@code field} set to {@code value}, which the endpoint must refuse naming the field. */
    private BadRequest with(String field, String what, JsonNode value) {
        ObjectNode body = fieldIs(field, "recordId") ? valid.deepCopy() : fresh();
        set(body, field, value);
        return bad(concrete(field) + " " + what, json(body), false, 400, concrete(field));
    }

    private BadRequest bad(String description, String body, boolean chunked, int status, String field) {
        return new BadRequest(path, "POST " + path + ": " + description, body, chunked, status, field);
    }

    /** The list at {@code field} with {@code count} entries, each its first entry made different from the others. */
    private ArrayNode entries(ObjectNode body, String field, int count) {
        JsonNode first = at(body, field).get(0);
        ArrayNode entries = JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            String tag = Integer.toString(i);
            JsonNode entry = first.deepCopy();
            if (entry.isTextual()) {
                entry = text(tagged(entry.asText(), tag));
            } else if (entry instanceof ObjectNode object) {
                texts.keySet().stream().filter(text -> text.startsWith(field + "[]."))
                        .map(text -> text.substring(field.length() + 3))
                        .filter(object::hasNonNull)
                        .forEach(component -> object.put(component, tagged(object.get(component).asText(), tag)));
            }
            entries.add(entry);
        }
        return entries;
    }

    /**
     * {@code text} with {@code inserted} in its middle, where no parser trims it off: Jackson takes a code or an
     * instant with control characters around it for the code or instant within.
     */
    private static JsonNode inTheMiddle(String text, String inserted) {
        return text(text.substring(0, text.length() / 2) + inserted + text.substring(text.length() / 2));
    }

    private static String tagged(String text, String tag) {
        return text.length() > tag.length() ? text.substring(0, text.length() - tag.length()) + tag : tag;
    }

    private ObjectNode fresh() {
        ObjectNode body = valid.deepCopy();
        if (body.has("recordId")) {
            body.put("recordId", "BAD-" + UUID.randomUUID());
        }
        return body;
    }

    private static boolean fieldIs(String field, String name) {
        return concrete(field).equals(name);
    }

    /** Every node of the body but the body itself, by its path. */
    private static Map<String, JsonNode> nodes(JsonNode body) {
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        walk("", body, (path, node) -> nodes.put(path, node));
        nodes.remove("");
        return nodes;
    }

    private interface Visitor {
        void visit(String path, JsonNode node);
    }

    private static void walk(String path, JsonNode node, Visitor visitor) {
        visitor.visit(path, node);
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                walk(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(path + "[" + i + "]", node.get(i), visitor);
            }
        }
    }

    /** {@code officials[].name} as the path of the first entry's field, {@code officials[0].name}. */
    private static String concrete(String field) {
        return field.replace("[]", "[0]");
    }

    private static JsonNode at(JsonNode body, String field) {
        return at(body, steps(field));
    }

    private static JsonNode at(JsonNode body, List<Object> steps) {
        JsonNode node = body;
        for (Object step : steps) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    private static void set(JsonNode body, String field, JsonNode value) {
        List<Object> steps = steps(field);
        JsonNode parent = at(body, steps.subList(0, steps.size() - 1));
        if (steps.get(steps.size() - 1) instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) steps.get(steps.size() - 1), value);
        }
    }

    /** {@code officials[0].name} as {@code "officials"}, {@code 0}, {@code "name"}. */
    private static List<Object> steps(String field) {
        List<Object> steps = new ArrayList<>();
        Matcher step = STEP.matcher(concrete(field));
        while (step.find()) {
            steps.add(step.group(1) != null ? step.group(1) : Integer.valueOf(step.group(2)));
        }
        return steps;
    }

    private static JsonNode text(String value) {
        return JsonNodeFactory.instance.textNode(value);
    }

    /** The body as JSON text with every character beyond ASCII escaped, as many JSON libraries write it. */
    public static String json(JsonNode body) {
        try {
            return ESCAPING.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
