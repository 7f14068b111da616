package org.clueexchange.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A JSON client of one of the exchange's HTTP APIs, as an agency system or an officer's tool calls it. */
public final class JsonHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String bearerToken;

    /** @param bearerToken the caller's token, or null to call without one */
    public JsonHttp(URI base, String bearerToken) {
        this.base = base;
        this.bearerToken = bearerToken;
    }

    /** An HTTP answer: its status and its body as JSON (null when empty or not JSON, as a servlet container's page). */
    public record Response(int status, JsonNode body, HttpResponse<String> raw) {

        /** The body, if the status is a success; otherwise a failure naming the call and what it answered. */
        public JsonNode successfully() {
            if (status / 100 != 2) {
                throw new IllegalStateException(raw.request().method() + " " + raw.uri() + " answered " + status
                        + ": " + raw.body());
            }
            return body;
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        try {
            return post(path, "application/json", body instanceof String text ? text
                    : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts {@code body} as it is, saying it is of {@code contentType}. */
    public Response post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** Posts the JSON text in chunks, without saying its length beforehand, as a client that streams its body. */
    public Response postInChunks(String path, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        return bearerToken == null ? request : request.header("Authorization", "Bearer " + bearerToken);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body();
            boolean json = response.headers().firstValue("Content-Type").filter(type -> type.contains("json"))
                    .isPresent();
            return new Response(response.statusCode(), body == null || body.isBlank() || !json ? null
                    : JSON.readTree(body), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
