package org.clueexchange.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.clueexchange.core.ledger.SlaClock;
import org.clueexchange.infrastructure.AgencyKeyring;
import org.clueexchange.infrastructure.CoreCredentials;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.infrastructure.RunningApplication;

/**
 * A core started in this JVM against a real broker and database, read through its HTTP API by the people of
 * {@link CoreCredentials}: an auditor, an operator, and officers for the provinces 530000, 620000 and 450000 (whose
 * clues only the workbench's test publishes) and the county 530602. It trusts the agency keys of {@link AgencyKeyring#forTests()}, which the tests publish with.
 */
public final class RunningCore implements AutoCloseable {

    private final RunningApplication application;
    private final CoreCredentials credentials;

    private RunningCore(RunningApplication application, CoreCredentials credentials) {
        this.application = application;
        this.credentials = credentials;
    }

    public static RunningCore start(Database database, String bootstrapServers, String consumerGroup,
                                    Class<?>... extraSources) {
        return start(database, bootstrapServers, consumerGroup, Map.of(), extraSources);
    }

    /** @param extraSettings settings of the core's beyond those every test core has */
    public static RunningCore start(Database database, String bootstrapServers, String consumerGroup,
                                    Map<String, String> extraSettings, Class<?>... extraSources) {
        CoreCredentials credentials = CoreCredentials.generate("530000", "620000", "530602", "450000");
        Map<String, String> settings = new LinkedHashMap<>(credentials.settings());
        settings.putAll(extraSettings);
        settings.putAll(Map.of(
                "clue-exchange.kafka.bootstrap-servers", bootstrapServers,
                "clue-exchange.intake.group-id", consumerGroup,
                "clue-exchange.intake.retry-pause", "200ms",
                "clue-exchange.sla.polling-interval", "200ms",
                AgencyKeyring.CORE_AGENCY_KEYS, AgencyKeyring.forTests().file().toString()));
        return new RunningCore(RunningApplication.start(ClueExchangeCore.class, database, settings, extraSources),
                credentials);
    }

    /** The core's API as the user {@code id} of {@link CoreCredentials} calls it. */
    public JsonHttp as(String id) {
        return credentials.as(uri(), id);
    }

    public String token(String id) {
        return credentials.token(id);
    }

    public Optional<JsonNode> entry(String clueId) {
        JsonHttp.Response response = get("/api/ledger/clues/" + clueId);
        return response.status() == 404 ? Optional.empty() : Optional.of(response.body());
    }

    /**
     * Whether an entry of facts long past their time limits shows every limit its facts start, each decided: only
     * then has the ledger taken in all the entry's events, since the projection may show a later event before an
     * earlier one committed after it.
     */
    public static boolean settled(JsonNode entry) {
        Set<String> facts = new HashSet<>();
        for (String side : List.of("sender", "receiver")) {
            entry.path("timelines").path(side).forEach(fact -> facts.add(fact.path("fact").asText()));
        }
        Set<String> started = Arrays.stream(SlaClock.values())
                .filter(clock -> facts.contains(clock.startedBy().name())).map(Enum::name).collect(Collectors.toSet());
        Set<String> shown = new HashSet<>();
        entry.path("clocks").forEach(clock -> {
            if (!clock.path("status").asText().equals("OPEN")) {
                shown.add(clock.path("clock").asText());
            }
        });
        return shown.equals(started);
    }

    public URI uri() {
        return application.uri();
    }

    /** Every operation the core serves under {@code /api}, as {@code METHOD /path/{variable}}. */
    public Set<String> apiOperations() {
        return application.apiOperations();
    }

    /** The bearer tokens of everybody who may call the core. */
    public List<String> tokens() {
        return credentials.tokens();
    }

    /** A read as the auditor, who may read everything. */
    public JsonHttp.Response get(String pathAndQuery) {
        return as(CoreCredentials.AUDITOR).get(pathAndQuery);
    }

    @Override
    public void close() {
        application.close();
    }
}
