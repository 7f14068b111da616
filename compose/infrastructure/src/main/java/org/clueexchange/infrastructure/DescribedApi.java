package org.clueexchange.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.clueexchange.api.RequestBodyLimit;
import org.springframework.http.HttpStatus;

/**
 * An application's API description, read back from {@code /v3/api-docs} as a client reads it, held against what the
 * application answers. For each operation a test names a request the application takes; from it come the probes:
 * the request itself and its retry, without a token, as every other caller, with each parameter NUL or another
 * control character or, in a path, naming nothing, with a body that is no JSON, larger than
 * {@link RequestBodyLimit#MAX_BYTES} or of another media type, and with its record id reused for another request.
 * The description must show exactly the success status the request gets and, as problems of its problem schema,
 * every 4xx a probe gets and none that no probe gets. Every 4xx answer must be such a problem, naming the parameter,
 * body, header or record id the probe spoilt; no probe may get a 5xx.
 */
public final class DescribedApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

    /**
     * A request the application takes, as {@code token}'s holder may make it: a GET, or a POST of {@code body}.
     *
     * @param path the path with its query, e.g. {@code /api/v1/deliveries?state=FAILED}
     */
    public record Call(String method, String path, String body, String token) {

        public static Call get(String path, String token) {
            return new Call("GET", path, null, token);
        }

        /** @param body the body, as JSON text or what Jackson writes as it; null for none */
        public static Call post(String path, Object body, String token) {
            try {
                return new Call("POST", path, body == null || body instanceof String ? (String) body
                        : JSON.writeValueAsString(body), token);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String pathOnly() {
            int query = path.indexOf('?');
            return query < 0 ? path : path.substring(0, query);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final URI base;
    private final JsonNode description;
    private final List<String> callers;

    private DescribedApi(URI base, JsonNode description, List<String> callers) {
        this.base = base;
        this.description = description;
        this.callers = List.copyOf(callers);
    }

    /**
     * The description the application at {@code base} serves, read without a token.
     *
     * @param callers the bearer tokens of everybody who may call it, for the probes as somebody else
     */
    public static DescribedApi of(URI base, List<String> callers) {
        return new DescribedApi(base, new JsonHttp(base, null).get("/v3/api-docs").successfully(), callers);
    }

    /** Every described operation, as {@code METHOD /path/{variable}}. */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        description.path("paths").properties().forEach(path -> path.getValue().properties().forEach(
                operation -> operations.add(operation.getKey().toUpperCase() + " " + path.getKey())));
        return operations;
    }

    /**
     * What keeps the description from covering the application: an operation it serves that is not described, one
     * described that it does not serve, or one no call of {@code calls} makes.
     */
    public List<String> coverage(Set<String> served, List<Call> calls) {
        List<String> gaps = new ArrayList<>();
        Set<String> described = operations();
        served.stream().filter(operation -> !described.contains(operation))
                .forEach(operation -> gaps.add(operation + " is served but not described"));
        described.stream().filter(operation -> !served.contains(operation))
                .forEach(operation -> gaps.add(operation + " is described but not served"));
        Set<String> called = calls.stream().map(this::operationOf).collect(Collectors.toSet());
        described.stream().filter(operation -> !called.contains(operation))
                .forEach(operation -> gaps.add(operation + " has no valid request in this test: add one"));
        return gaps;
    }

    /**
     * The described operation {@code call} makes, as {@code METHOD /path/{variable}}, or what it calls if none; of
     * several, the one with the fewest variables, as Spring maps a path.
     */
    public String operationOf(Call call) {
        return operations().stream().filter(operation -> operation.startsWith(call.method() + " ")
                        && template(operation).matcher(call.pathOnly()).matches())
                .min(Comparator.comparingLong(operation -> VARIABLE.matcher(operation).results().count()))
                .orElse(call.toString());
    }

    /**
     * Everything in which the description of the operation {@code call} makes disagrees with what the application
     * answers it and its probes; empty if nothing. Makes the call, so a test makes them in the order their effects
     * need.
     */
    public List<String> mismatches(Call call) {
        String operation = operationOf(call);
        JsonNode described = describedOperation(operation);
        if (described.isMissingNode()) {
            return List.of(call + " is no described operation");
        }
        List<String> mismatches = new ArrayList<>();
        Set<Integer> successes = new TreeSet<>();
        Set<Integer> problems = new TreeSet<>();
        described.path("responses").properties().forEach(response -> {
            int status = Integer.parseInt(response.getKey());
            (status < 400 ? successes : problems).add(status);
            if (status >= 400 && !response.getValue().path("content").path(PROBLEM_JSON).path("schema")
                    .path("$ref").asText().equals(PROBLEM_REF)) {
                mismatches.add(status + " is not described as " + PROBLEM_JSON + " of " + PROBLEM_REF);
            }
        });

        JsonHttp.Response first = send(call, call.token(), call.path(), "application/json", call.body());
        if (!successes.equals(Set.of(first.status()))) {
            mismatches.add("answered " + first.status() + " (" + first.raw().body() + "), described as "
                    + successes);
        }
        List<Probe> probes = new ArrayList<>();
        JsonNode body = described.has("requestBody") ? readTree(call.body()) : null;
        if (body != null && body.has("recordId")) {
            probes.add(new Probe("the same request again", first.status(), null,
                    send(call, call.token(), call.path(), "application/json", call.body())));
        }
        if (isSecured(described)) {
            probes.add(new Probe("without a token", 401, "Authorization", send(call, null, call.path(),
                    "application/json", call.body())));
        }
        for (int i = 0; i < callers.size(); i++) {
            if (!callers.get(i).equals(call.token())) {
                probes.add(new Probe("as caller " + i, Probe.ANY, null, send(call, callers.get(i), call.path(),
                        "application/json", call.body())));
            }
        }
        for (JsonNode parameter : described.path("parameters")) {
            String name = parameter.path("name").asText();
            boolean inPath = parameter.path("in").asText().equals("path");
            for (String value : inPath ? List.of("%00", "%01", "NO-SUCH-1") : List.of("%00", "%01")) {
                String path = inPath ? withPathVariable(operation, call.path(), name, value)
                        : withQueryParameter(call.path(), name, value);
                probes.add(new Probe(name + " " + value, Probe.REFUSED, name, send(call, call.token(), path,
                        "application/json", call.body())));
            }
            if (inPath && operation.startsWith("GET ")) {
                // An id of the right shape that names something else, which may or may not be there; read only,
                // since a request that asserts a fact would assert it of that other.
                String other = otherOfItsShape(pathVariable(operation, call.path(), name));
                probes.add(new Probe(name + " " + other, Probe.ANY, null, send(call, call.token(),
                        withPathVariable(operation, call.path(), name, other), "application/json", call.body())));
            }
        }
        if (body != null) {
            probes.add(new Probe("a body that is no JSON", 400, "body", send(call, call.token(), call.path(),
                    "application/json", "{\"recordId\": ")));
            ObjectNode padded = body.deepCopy();
            padded.put("padding", "x".repeat((int) RequestBodyLimit.MAX_BYTES));
            probes.add(new Probe("a body larger than " + RequestBodyLimit.MAX_BYTES + " bytes", 413, "body",
                    send(call, call.token(), call.path(), "application/json", padded.toString())));
            probes.add(new Probe("a body of text/plain", 415, "Content-Type", send(call, call.token(), call.path(),
                    "text/plain", call.body())));
            if (body.has("recordId") && body.has("officerId")) {
                ObjectNode other = body.deepCopy();
                other.put("officerId", body.path("officerId").asText() + "-2");
                probes.add(new Probe("its recordId with another body", 422, "recordId", send(call, call.token(),
                        call.path(), "application/json", other.toString())));
            }
        }

        Set<Integer> refused = new TreeSet<>();
        for (Probe probe : probes) {
            int status = probe.answer().status();
            if (!probe.answeredAsWanted()) {
                mismatches.add(probe + ": answered " + status + ": " + probe.answer().raw().body());
            } else if (probe.field() != null && !RequestShape.names(probe.answer(), probe.field())) {
                mismatches.add(probe + ": the problem does not name " + probe.field() + ": "
                        + probe.answer().raw().body());
            }
            if (status >= 400 && status < 500) {
                refused.add(status);
                if (!problems.contains(status)) {
                    mismatches.add(probe + ": answered " + status + ", which is not described");
                }
                problemMismatch(probe.answer()).ifPresent(wrong -> mismatches.add(probe + ": " + wrong));
            }
        }
        // A 409 depends on where the clue stands (feedback not arrived yet, a receipt on paper already), which no
        // probe drawn from one valid request can set up; the adapters' own tests bring each about.
        problems.stream().filter(status -> !refused.contains(status) && status != HttpStatus.CONFLICT.value())
                .forEach(status -> mismatches.add(status + " is described, but no probe got it"));
        return mismatches;
    }

    /**
     * A request drawn from a valid one, the status it must be answered with and the field a refusal must name (if
     * any), and what it was answered.
     */
    private record Probe(String what, int wanted, String field, JsonHttp.Response answer) {

        /** Any answer but a server error. */
        static final int ANY = 0;
        /** Any refusal, 4xx. */
        static final int REFUSED = -1;

        boolean answeredAsWanted() {
            int status = answer.status();
            return switch (wanted) {
                case ANY -> status < 500;
                case REFUSED -> status >= 400 && status < 500;
                default -> status == wanted;
            };
        }

        @Override
        public String toString() {
            return what;
        }
    }

    /** How a 4xx answer fails to be a problem of the description's schema, if it does. */
    private Optional<String> problemMismatch(JsonHttp.Response answer) {
        String type = answer.raw().headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith(PROBLEM_JSON) || answer.body() == null) {
            return Optional.of("answered " + answer.status() + " with " + type + ", not a problem: "
                    + answer.raw().body());
        }
        List<String> wrong = new ArrayList<>(mismatchesOf(answer.body(), schema("Problem")));
        if (answer.body().path("status").asInt() != answer.status()) {
            wrong.add("status " + answer.body().path("status") + " in a " + answer.status());
        }
        for (JsonNode error : answer.body().path("errors")) {
            wrong.addAll(mismatchesOf(error, schema(schema("Problem").path("properties").path("errors")
                    .path("items"))));
        }
        return wrong.isEmpty() ? Optional.empty()
                : Optional.of(wrong + " in " + answer.raw().body());
    }

    /** What of {@code value} its object schema does not allow: a required property missing, one of another type. */
    private static List<String> mismatchesOf(JsonNode value, JsonNode schema) {
        List<String> wrong = new ArrayList<>();
        schema.path("required").forEach(required -> {
            if (!value.has(required.asText())) {
                wrong.add(required.asText() + " missing");
            }
        });
        schema.path("properties").properties().forEach(property -> {
            JsonNode present = value.get(property.getKey());
            String type = property.getValue().path("type").asText();
            boolean fits = present == null || switch (type) {
                case "string" -> present.isTextual();
                case "integer" -> present.isIntegralNumber();
                case "array" -> present.isArray();
                default -> true;
            };
            if (!fits) {
                wrong.add(property.getKey() + " is not of type " + type);
            }
        });
        return wrong;
    }

    private JsonNode schema(String name) {
        return description.path("components").path("schemas").path(name);
    }

    private JsonNode schema(JsonNode reference) {
        String ref = reference.path("$ref").asText();
        return ref.isEmpty() ? reference : schema(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private boolean isSecured(JsonNode operation) {
        JsonNode security = operation.has("security") ? operation.path("security") : description.path("security");
        return security.isArray() && !security.isEmpty();
    }

    private JsonNode describedOperation(String operation) {
        String[] methodAndPath = operation.split(" ", 2);
        return description.path("paths").path(methodAndPath[1]).path(methodAndPath[0].toLowerCase());
    }

    private JsonHttp.Response send(Call call, String token, String path, String contentType, String body) {
        JsonHttp http = new JsonHttp(base, token);
        return call.method().equals("GET") ? http.get(path) : http.post(path, contentType, body == null ? ""
                : body);
    }

    private static Pattern template(String operation) {
        String path = operation.split(" ", 2)[1];
        StringBuilder regex = new StringBuilder();
        int at = 0;
        var variables = VARIABLE.matcher(path);
        while (variables.find()) {
            regex.append(Pattern.quote(path.substring(at, variables.start()))).append("[^/]+");
            at = variables.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(path.substring(at))).toString());
    }

    /** {@code path} with the segment that stands for {@code {name}} in the operation's path set to {@code value}. */
    /** The value of the path variable {@code name} in {@code path}, a path of {@code operation}. */
    private static String pathVariable(String operation, String path, String name) {
        String[] described = operation.split(" ", 2)[1].split("/");
        int query = path.indexOf('?');
        String[] segments = (query < 0 ? path : path.substring(0, query)).split("/");
        for (int i = 0; i < described.length; i++) {
            if (described[i].equals("{" + name + "}")) {
                return segments[i];
            }
        }
        throw new IllegalArgumentException(operation + " has no path variable " + name);
    }

    /** {@code value} with its last digit changed, or a digit added: an id of the same shape naming another. */
    private static String otherOfItsShape(String value) {
        for (int i = value.length() - 1; i >= 0; i--) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                return value.substring(0, i) + (char) ('0' + (c - '0' + 1) % 10) + value.substring(i + 1);
            }
        }
        return value + "1";
    }

    private static String withPathVariable(String operation, String path, String name, String value) {
        String[] described = operation.split(" ", 2)[1].split("/");
        int query = path.indexOf('?');
        String[] segments = (query < 0 ? path : path.substring(0, query)).split("/");
        for (int i = 0; i < described.length; i++) {
            if (described[i].equals("{" + name + "}")) {
                segments[i] = value;
            }
        }
        return String.join("/", segments) + (query < 0 ? "" : path.substring(query));
    }

    /** {@code path} with the query parameter {@code name} set to {@code value}, replacing any it had. */
    private static String withQueryParameter(String path, String name, String value) {
        int query = path.indexOf('?');
        Map<String, String> parameters = new TreeMap<>();
        if (query >= 0) {
            for (String parameter : path.substring(query + 1).split("&")) {
                String[] nameAndValue = parameter.split("=", 2);
                parameters.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
            }
        }
        parameters.put(name, value);
        return (query < 0 ? path : path.substring(0, query)) + "?" + parameters.entrySet().stream()
                .map(parameter -> parameter.getKey() + "=" + parameter.getValue()).collect(Collectors.joining("&"));
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
