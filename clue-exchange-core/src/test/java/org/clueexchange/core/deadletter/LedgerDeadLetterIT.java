package org.clueexchange.core.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clueexchange.wire.ClueEventSamples.AT;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.core.RunningCore;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.CoreCredentials;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.wire.ClueEventSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL refusing one statement in the middle of a ledger batch loses no event: a refusal that passes leaves the
 * ledger complete, one that stays holds the clue's events in the dead-letter queue with the reason, every other clue
 * goes on, and an operator's retry after the cause is mended completes the clue.
 */
class LedgerDeadLetterIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    static RunningCore core;
    static Database database;
    static AgencyTopics topics;

    @BeforeAll
    static void start() {
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        String bootstrap = infrastructure.kafka().bootstrapServers();
        database = infrastructure.postgres().createDatabase("ledger_dead_letters");
        core = RunningCore.start(database, bootstrap, "ledger-dead-letters");
        topics = new AgencyTopics(bootstrap);
    }

    @AfterAll
    static void stop() {
        topics.close();
        core.close();
    }

    @Test
    void aStatementThatFailsOnceLeavesTheLedgerComplete() throws Exception {
        String flaky = newClueId();
        database.execute("CREATE SEQUENCE flaky_attempts",
                LedgerRefusal.trigger("refuse_once", flaky, "nextval('flaky_attempts') = 1", "a passing failure"));
        List<ClueTransferred> transfers = publishLifecycles(flaky, 30);

        transfers.forEach(transfer -> awaitEntry(clueIdOf(transfer), "ACCEPTED"));
        assertThat(single("SELECT last_value FROM flaky_attempts")).isGreaterThan(1);
        assertThat(heldEventsOf(flaky)).isEmpty();
    }

    @Test
    void aStatementThatKeepsFailingHoldsOnlyItsClueAndARetryAfterTheMendCompletesIt() throws Exception {
        String poisoned = newClueId();
        database.execute(LedgerRefusal.trigger("refuse_always", poisoned, "true", "a lasting failure"));
        List<ClueTransferred> transfers = publishLifecycles(poisoned, 30);

        transfers.stream().map(LedgerDeadLetterIT::clueIdOf).filter(id -> !id.equals(poisoned))
                .forEach(clueId -> awaitEntry(clueId, "ACCEPTED"));
        // Whichever of the clue's facts the intake recorded first is the one refused, and the others wait behind it.
        List<JsonNode> held = await().atMost(PATIENCE).until(() -> heldEventsOf(poisoned), letters -> letters
                .stream().map(letter -> letter.path("eventType").asText()).toList()
                .containsAll(List.of("ClueTransferRecorded", "ClueReceiptRecorded", "ClueAcceptanceRecorded")));
        assertThat(held.get(0).path("causeMessage").asText()).contains("a lasting failure")
                .as("no value of the refused row, such as its officer's id").doesNotContain("officer-");
        assertThat(held).extracting(letter -> letter.path("position").asInt())
                .containsExactlyElementsOf(IntStream.range(0, held.size()).boxed().toList());
        assertThat(core.entry(poisoned)).isEmpty();

        ClueTransferred later = ClueEventSamples.transfer(newClueId(), AT);
        topics.publish(later);
        awaitEntry(clueIdOf(later), "TRANSFERRED");

        JsonHttp.Response stillBroken = retry(poisoned);
        assertThat(stillBroken.status()).isEqualTo(200);
        assertThat(stillBroken.body().path("handled").asBoolean()).isFalse();
        assertThat(heldEventsOf(poisoned)).hasSize(held.size());

        database.execute(LedgerRefusal.mend("refuse_always"));
        JsonHttp.Response retried = retry(poisoned);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().path("handled").asBoolean()).isTrue();
        assertThat(retried.body().path("stillHeld").asLong()).isZero();
        JsonNode entry = awaitEntry(poisoned, "ACCEPTED");
        assertThat(entry.path("timelines").path("receiver")).extracting(fact -> fact.path("fact").asText())
                .containsExactly("RECEIVED", "ACCEPTED");
        assertThat(heldEventsOf(poisoned)).isEmpty();

        JsonHttp.Response nothingHeld = retry(poisoned);
        assertThat(nothingHeld.status()).isEqualTo(404);
        assertThat(nothingHeld.body().path("errors").get(0).path("field").asText()).isEqualTo("clueId");
    }

    /**
     * Transfers, receipts and acceptances of {@code others} clues and of {@code target}, interleaved so that the
     * target's facts fall in the middle of the ledger's batches.
     */
    private static List<ClueTransferred> publishLifecycles(String target, int others) throws Exception {
        List<ClueTransferred> transfers = new ArrayList<>();
        for (int i = 0; i < others; i++) {
            transfers.add(ClueEventSamples.transfer(i == others / 2 ? target : newClueId(), AT));
        }
        if (transfers.stream().noneMatch(transfer -> clueIdOf(transfer).equals(target))) {
            transfers.add(ClueEventSamples.transfer(target, AT));
        }
        List<SpecificRecord> facts = new ArrayList<>();
        transfers.forEach(transfer -> facts.add(transfer));
        transfers.forEach(transfer -> facts.add(ClueEventSamples.receipt(transfer, AT.plusSeconds(600))));
        transfers.forEach(transfer -> facts.add(ClueEventSamples.acceptance(transfer, AT.plusSeconds(1200))));
        topics.publishAll(facts);
        return transfers;
    }

    private static List<JsonNode> heldEventsOf(String clueId) {
        JsonHttp.Response letters = operator().get("/api/operations/dead-letters?limit=1000");
        assertThat(letters.status()).isEqualTo(200);
        List<JsonNode> held = new ArrayList<>();
        letters.body().forEach(letter -> {
            if (letter.path("clueId").asText().equals(clueId)) {
                held.add(letter);
            }
        });
        return held;
    }

    private static JsonHttp.Response retry(String clueId) {
        return operator().post("/api/operations/dead-letters/transfer-ledger/" + clueId + "/retry", Map.of());
    }

    private static JsonHttp operator() {
        return core.as(CoreCredentials.OPERATOR);
    }

    private static JsonNode awaitEntry(String clueId, String state) {
        return await().atMost(PATIENCE).until(() -> core.entry(clueId),
                entry -> entry.isPresent() && entry.get().path("state").asText().equals(state)).orElseThrow();
    }

    private static long single(String query) throws SQLException {
        try (Connection connection = connection(); Statement statement = connection.createStatement();
             var result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static String clueIdOf(ClueTransferred transfer) {
        return transfer.getEnvelope().getClueId();
    }

    private static String newClueId() {
        return "POLICE-530600-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
