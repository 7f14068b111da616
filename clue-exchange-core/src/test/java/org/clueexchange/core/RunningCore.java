package org.clueexchange.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.clueexchange.infrastructure.Database;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/** A core started in this JVM against a real broker and database, read through its HTTP API. */
public final class RunningCore implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigurableApplicationContext context;
    private final RestClient http;

    private RunningCore(ConfigurableApplicationContext context) {
        this.context = context;
        this.http = RestClient.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }

    public static RunningCore start(Database database, String bootstrapServers, String consumerGroup) {
        Map<String, String> properties = new HashMap<>();
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("server.port", "0");
        properties.put("clue-exchange.kafka.bootstrap-servers", bootstrapServers);
        properties.put("clue-exchange.intake.group-id", consumerGroup);
        properties.put("clue-exchange.intake.retry-pause", "200ms");
        // As arguments: they override application.yml, which default properties would not.
        return new RunningCore(new SpringApplicationBuilder(ClueExchangeCore.class).run(properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new)));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public Optional<JsonNode> entry(String clueId) {
        return http.get().uri("/api/ledger/clues/{clueId}", clueId)
                .exchange((request, response) -> response.getStatusCode().value() == 404 ? Optional.<JsonNode>empty()
                        : Optional.of(JSON.readTree(response.getBody())));
    }

    /** GET {@code pathAndQuery}, whatever its status, as status and JSON body. */
    public Response get(String pathAndQuery) {
        return http.get().uri(pathAndQuery).exchange((request, response) ->
                new Response(response.getStatusCode(), JSON.readTree(response.getBody())));
    }

    public record Response(HttpStatusCode status, JsonNode body) {
    }

    @Override
    public void close() {
        context.close();
    }
}
