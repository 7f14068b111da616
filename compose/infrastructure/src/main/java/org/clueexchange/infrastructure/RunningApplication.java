package org.clueexchange.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One of the exchange's Spring Boot applications started in this JVM on a free port, for tests that drive it
 * through its HTTP API. Settings are passed as command-line arguments, which override application.yml.
 */
public final class RunningApplication implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    private RunningApplication(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }

    public static RunningApplication start(Class<?> application, Database database, Map<String, String> settings) {
        Map<String, String> arguments = new LinkedHashMap<>(settings);
        arguments.put("spring.datasource.url", database.jdbcUrl());
        arguments.put("spring.datasource.username", database.username());
        arguments.put("spring.datasource.password", database.password());
        arguments.putIfAbsent("server.port", "0");
        return new RunningApplication(new SpringApplicationBuilder(application).run(arguments.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new)));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public URI uri() {
        return base;
    }

    /** An HTTP answer: its status and its body as JSON (null when empty). */
    public record Response(int status, JsonNode body, HttpResponse<String> raw) {
    }

    public Response get(String path, String bearerToken) {
        return send(request(path, bearerToken).GET());
    }

    public Response post(String path, String bearerToken, Object body) {
        try {
            String json = body instanceof String text ? text : JSON.writeValueAsString(body);
            return send(request(path, bearerToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path, String bearerToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        return bearerToken == null ? request : request.header("Authorization", "Bearer " + bearerToken);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body();
            return new Response(response.statusCode(), body == null || body.isBlank() ? null : JSON.readTree(body),
                    response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
