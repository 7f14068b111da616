package org.clueexchange.police;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clueexchange.wire.ClueEventSamples.AT;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.ProgressReported;
import org.clueexchange.infrastructure.AdapterSettings;
import org.clueexchange.infrastructure.AdapterUnderTest;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ExchangeTopics;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What makes a request the same request: the agency system that sent it, the clue it acts on, its kind and the
 * system's record id. The same record id for another clue or from another system is another request; the same key
 * with another body is refused as a reused record id.
 */
class IdempotencyKeyIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String CASE_SYSTEM = UUID.randomUUID().toString();
    private static final String DUTY_DESK = UUID.randomUUID().toString();

    static AdapterUnderTest adapter;

    @BeforeAll
    static void start() {
        adapter = AdapterUnderTest.start(PoliceAdapter.class, "police_request_keys", infrastructure ->
                AdapterSettings.serving(AgencyType.POLICE, "530600", infrastructure)
                        .client("zhaotong-case-system", CASE_SYSTEM, "530600")
                        .client("zhaotong-duty-desk", DUTY_DESK, "530600").asMap());
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Test
    void theSameRecordIdAndBodyForAnotherClueAssertsThatCluesFact() throws Exception {
        String first = received();
        String second = received();
        Map<String, Object> receipt = Map.of("recordId", "QS-1", "officerId", "GA-0042");

        JsonHttp.Response forFirst = adapter.post(inbox(first, "receipt"), CASE_SYSTEM, receipt);
        JsonHttp.Response forSecond = adapter.post(inbox(second, "receipt"), CASE_SYSTEM, receipt);

        assertThat(List.of(forFirst.status(), forSecond.status())).containsOnly(202);
        assertThat(forSecond.body().path("replay").asBoolean()).isFalse();
        assertThat(forSecond.body().path("clueId").asText()).isEqualTo(second);
        assertThat(forSecond.body().path("eventId")).isNotEqualTo(forFirst.body().path("eventId"));
        assertThat(adapter.topics().readEvents(ExchangeTopics.POLICE_EVENTS, second, 1, PATIENCE))
                .singleElement().satisfies(fact -> assertThat(fact.getSchema().getName()).isEqualTo("ClueReceived"));
    }

    @Test
    void twoSystemsOfOneJurisdictionEachHaveTheirOwnRecordIds() throws Exception {
        String clueId = received();

        JsonHttp.Response caseSystem = adapter.post(inbox(clueId, "progress"), CASE_SYSTEM,
                Map.of("recordId", "JZ-1", "officerId", "GA-0042", "summary", "已询问证人三名"));
        JsonHttp.Response dutyDesk = adapter.post(inbox(clueId, "progress"), DUTY_DESK,
                Map.of("recordId", "JZ-1", "officerId", "GA-0107", "summary", "已调取银行流水"));

        assertThat(List.of(caseSystem.status(), dutyDesk.status())).containsOnly(202);
        assertThat(dutyDesk.body().path("replay").asBoolean()).isFalse();
        assertThat(adapter.topics().readEvents(ExchangeTopics.POLICE_EVENTS, clueId, 2, PATIENCE))
                .extracting(fact -> ((ProgressReported) fact).getSummary())
                .containsExactlyInAnyOrder("已询问证人三名", "已调取银行流水");
    }

    @Test
    void aTransferUnderARecordIdAnotherSystemTransferredUnderIsRefusedAsReused() {
        Map<String, Object> transfer = ClueTransferApiIT.transferRequest();
        String clueId = adapter.post("/api/v1/clue-transfers", CASE_SYSTEM, transfer).successfully().path("clueId")
                .asText();

        JsonHttp.Response again = adapter.post("/api/v1/clue-transfers", DUTY_DESK, transfer);

        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body().path("type").asText())
                .isEqualTo("https://clue-exchange.org/problems/record-id-reused");
        assertThat(again.body().path("errors").get(0).path("field").asText()).isEqualTo("recordId");
        assertThat(again.body().path("detail").asText()).contains(clueId, "another system");
    }

    @Test
    void aRecordIdReusedForAnotherRequestAboutTheSameClueIsRefusedAndNothingIsAsserted() throws Exception {
        String clueId = received();
        adapter.post(inbox(clueId, "progress"), CASE_SYSTEM,
                Map.of("recordId", "JZ-2", "officerId", "GA-0042", "summary", "已询问证人三名"));

        JsonHttp.Response reused = adapter.post(inbox(clueId, "progress"), CASE_SYSTEM,
                Map.of("recordId", "JZ-2", "officerId", "GA-0042", "summary", "已冻结涉案账户"));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body().path("type").asText())
                .isEqualTo("https://clue-exchange.org/problems/record-id-reused");
        assertThat(reused.body().path("errors").get(0).path("field").asText()).isEqualTo("recordId");
        assertThat(adapter.topics().read(ExchangeTopics.POLICE_EVENTS, clueId, 2, Duration.ofSeconds(5)))
                .hasSize(1);
    }

    @Test
    void aRequestStoredBeforeSystemsWereRecordedIsFoundByARetryOfAnySystemOfItsJurisdiction() throws Exception {
        String clueId = received();
        Map<String, Object> progress = Map.of("recordId", "JZ-3", "officerId", "GA-0042", "summary", "已询问证人三名");
        JsonNode first = adapter.post(inbox(clueId, "progress"), CASE_SYSTEM, progress).successfully();
        asStoredBeforeTheUpgrade(first.path("eventId").asText());

        JsonHttp.Response retry = adapter.post(inbox(clueId, "progress"), CASE_SYSTEM, progress);
        JsonHttp.Response retryByTheOtherSystem = adapter.post(inbox(clueId, "progress"), DUTY_DESK, progress);
        JsonHttp.Response reused = adapter.post(inbox(clueId, "progress"), DUTY_DESK,
                Map.of("recordId", "JZ-3", "officerId", "GA-0042", "summary", "已冻结涉案账户"));

        for (JsonHttp.Response answer : List.of(retry, retryByTheOtherSystem)) {
            assertThat(answer.status()).isEqualTo(202);
            assertThat(answer.body().path("replay").asBoolean()).isTrue();
            assertThat(answer.body().path("eventId")).isEqualTo(first.path("eventId"));
        }
        assertThat(reused.status()).isEqualTo(422);
        assertThat(adapter.topics().read(ExchangeTopics.POLICE_EVENTS, clueId, 2, Duration.ofSeconds(5)))
                .hasSize(1);
    }

    @Test
    void theMigrationKeysEveryStoredRequestByItsKindRecordIdAndClue() throws Exception {
        Database database = ExchangeInfrastructure.shared().postgres().createDatabase("police_request_keys_upgrade");
        FluentConfiguration flyway = Flyway.configure().locations("classpath:db/exchange-adapter")
                .dataSource(database.jdbcUrl(), database.username(), database.password());
        flyway.target("4").load().migrate();
        try (Connection connection = connect(database)) {
            storeAsBefore(connection, "transfer:POLICE-530600-XS-2020-7", "POLICE-530600-XS-2020-7",
                    "ClueTransferred");
            storeAsBefore(connection, "receipt:530600:QS-1", "DISCIPLINE-530600-a1b2", "ClueReceived");
            storeAsBefore(connection, "statement-confirmation:530600:DZ-1", "STATEMENT-530600-2020-06",
                    "StatementConfirmed");
        }

        flyway.target("latest").load().migrate();

        try (Connection connection = connect(database);
             ResultSet rows = connection.createStatement().executeQuery("SELECT client_id, operation, record_id, "
                     + "clue_id FROM outbox_fact ORDER BY sequence")) {
            List<String> keys = new ArrayList<>();
            while (rows.next()) {
                keys.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
                        + rows.getString(4));
            }
            assertThat(keys).containsExactly("null transfer XS-2020-7 POLICE-530600-XS-2020-7",
                    "null receipt QS-1 DISCIPLINE-530600-a1b2",
                    "null statement-confirmation DZ-1 STATEMENT-530600-2020-06");
        }
    }

    /** Makes a fact look as the migration leaves one stored before requests were keyed by their system. */
    private static void asStoredBeforeTheUpgrade(String eventId) throws SQLException {
        try (Connection connection = connect(adapter.database());
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE outbox_fact SET client_id = NULL WHERE event_id = ?::uuid")) {
            update.setString(1, eventId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static void storeAsBefore(Connection connection, String requestKey, String clueId, String eventType)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_fact (request_key, "
                + "request_digest, event_id, clue_id, event_type, asserted_by, topic, payload, accepted_at) "
                + "VALUES (?, ?, ?::uuid, ?, ?, '530600', ?, ?, now())")) {
            insert.setString(1, requestKey);
            insert.setString(2, "0".repeat(64));
            insert.setString(3, UUID.randomUUID().toString());
            insert.setString(4, clueId);
            insert.setString(5, eventType);
            insert.setString(6, ExchangeTopics.POLICE_EVENTS);
            insert.setBytes(7, new byte[] {1});
            insert.executeUpdate();
        }
    }

    private static Connection connect(Database database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static String inbox(String clueId, String action) {
        return "/api/v1/inbox/" + clueId + "/" + action;
    }

    /** A discipline commission's transfer that has reached the police inbox; its clue id. */
    private static String received() throws Exception {
        ClueTransferred transfer = ClueEventSamples.transferToPolice(
                "DISCIPLINE-530600-" + UUID.randomUUID().toString().substring(0, 8), AT);
        adapter.topics().publish(transfer);
        String clueId = transfer.getEnvelope().getClueId();
        await().atMost(PATIENCE).until(() -> adapter.get("/api/v1/inbox/" + clueId, CASE_SYSTEM).status() == 200);
        return clueId;
    }
}
