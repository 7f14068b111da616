package org.clueexchange.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.infrastructure.RunningApplication;

/** A core started in this JVM against a real broker and database, read through its HTTP API. */
public final class RunningCore implements AutoCloseable {

    private final RunningApplication application;

    private RunningCore(RunningApplication application) {
        this.application = application;
    }

    public static RunningCore start(Database database, String bootstrapServers, String consumerGroup,
                                    Class<?>... extraSources) {
        return new RunningCore(RunningApplication.start(ClueExchangeCore.class, database, Map.of(
                "clue-exchange.kafka.bootstrap-servers", bootstrapServers,
                "clue-exchange.intake.group-id", consumerGroup,
                "clue-exchange.intake.retry-pause", "200ms",
                "clue-exchange.sla.polling-interval", "200ms"), extraSources));
    }

    public Optional<JsonNode> entry(String clueId) {
        JsonHttp.Response response = get("/api/ledger/clues/" + clueId);
        return response.status() == 404 ? Optional.empty() : Optional.of(response.body());
    }

    public URI uri() {
        return application.uri();
    }

    public JsonHttp.Response get(String pathAndQuery) {
        return application.get(pathAndQuery, null);
    }

    @Override
    public void close() {
        application.close();
    }
}
