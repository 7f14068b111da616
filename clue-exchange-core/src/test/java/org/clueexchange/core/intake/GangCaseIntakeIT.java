package org.clueexchange.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clueexchange.core.casefile.CaseFactSamples.check;
import static org.clueexchange.core.casefile.CaseFactSamples.finding;
import static org.clueexchange.core.casefile.CaseFactSamples.official;
import static org.clueexchange.core.casefile.CaseFactSamples.registration;
import static org.clueexchange.core.casefile.CaseFactSamples.retrace;
import static org.clueexchange.core.casefile.CaseFactSamples.signature;
import static org.clueexchange.core.casefile.CaseFactSamples.solution;
import static org.clueexchange.events.EndorsementRole.FOLLOW_UP_OFFICER;
import static org.clueexchange.events.EndorsementRole.LEADER_IN_CHARGE;
import static org.clueexchange.events.EndorsementRole.PRINCIPAL_LEADER;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clueexchange.core.RunningCore;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.EndorsementSigned;
import org.clueexchange.events.GangCaseRegistered;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.CoreCredentials;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.subscription.DeadLetters;
import org.clueexchange.wire.ClueContentDigest;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ExchangeTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agencies' facts about gang cases reach the case files over a real broker and a real PostgreSQL. */
class GangCaseIntakeIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant T = Instant.parse("2020-07-01T02:00:00Z");
    private static final String PERSON = "b".repeat(64);
    private static final String PREFECTURE_OFFICER = CoreCredentials.officer("530000");

    static Database database;
    static RunningCore core;
    static AgencyTopics topics;

    @BeforeAll
    static void start() {
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        String bootstrap = infrastructure.kafka().bootstrapServers();
        database = infrastructure.postgres().createDatabase("gang_case_intake");
        core = RunningCore.start(database, bootstrap, "gang-case-intake");
        topics = new AgencyTopics(bootstrap);
    }

    @AfterAll
    static void stop() {
        topics.close();
        core.close();
    }

    @Test
    void factsOutOfOrderTwiceAndMalformedMakeOneClosedCaseAndTheMalformedOneIsDeadLettered() throws Exception {
        String caseNumber = newCaseNumber();
        EndorsementSigned leader = signature(caseNumber, LEADER_IN_CHARGE, "wang", T.plusSeconds(11));
        EndorsementSigned malformed = signature(caseNumber, PRINCIPAL_LEADER, "zhao\u0007", T.plusSeconds(12));
        topics.publish(official(caseNumber, PERSON, T.plusSeconds(2)));
        topics.publish(signature(caseNumber, FOLLOW_UP_OFFICER, "li", T.plusSeconds(10)));
        topics.publish(leader);
        topics.publish(leader);
        topics.publish(malformed);
        topics.publish(signature(caseNumber, PRINCIPAL_LEADER, "zhao", T.plusSeconds(13)));
        topics.publish(check(caseNumber, T.plusSeconds(15)));
        topics.publish(finding(caseNumber, false, T.plusSeconds(20)));
        topics.publish(solution(caseNumber, T.plusSeconds(1)));
        topics.publish(registration(caseNumber, T));

        JsonNode gangCase = awaitCase(caseNumber, 8);
        assertThat(gangCase.path("registered").asBoolean()).isTrue();
        assertThat(gangCase.path("jurisdiction").asText()).isEqualTo("530602");
        assertThat(gangCase.path("caseName").asText()).isEqualTo("张某某等人涉黑组织案");
        assertThat(gangCase.path("registeredAt").asText()).isEqualTo("2020-07-01T02:00:00Z");
        assertThat(gangCase.path("solvedAt").asText()).isEqualTo("2020-07-01T02:00:01Z");
        assertThat(gangCase.path("closure").path("status").asText()).isEqualTo("CLOSED_NO_UMBRELLA");
        assertThat(gangCase.path("closure").path("since").asText()).isEqualTo("2020-07-01T02:00:20Z");
        assertThat(gangCase.path("officials")).singleElement().satisfies(official -> {
            assertThat(official.path("personKey").asText()).isEqualTo(PERSON);
            assertThat(official.path("name").asText()).isEqualTo("张某");
        });
        assertThat(gangCase.path("facts")).extracting(fact -> fact.path("fact").asText()).containsExactly(
                "GANG_CASE_REGISTERED", "GANG_CASE_SOLVED", "OFFICIAL_INVOLVED", "ENDORSEMENT_SIGNED",
                "ENDORSEMENT_SIGNED", "ENDORSEMENT_SIGNED", "CASE_CHECK_COMPLETED", "UMBRELLA_FINDING_MADE");
        assertThat(gangCase.path("anomalies")).isEmpty();

        List<ConsumerRecord<String, byte[]>> letters = topics.read(ExchangeTopics.DEAD_LETTER, caseNumber, 1,
                PATIENCE);
        assertThat(letters).singleElement().satisfies(letter -> assertThat(new String(
                letter.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8)).contains("signerId"));

        topics.publish(retrace(caseNumber, T.plusSeconds(30)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(read(caseNumber).body().path("closure")
                .path("status").asText()).isEqualTo("RETRACING"));
    }

    /**
     * Kunming's police register Zhaotong's case number in a district of theirs, backdated: the police adapters of two
     * deployments cannot see each other's numbers.
     */
    @Test
    void aBackdatedRegistrationOfTheNumberInAnotherPrefectureLeavesTheCaseWhereItsFirstRegistrationPutIt()
            throws Exception {
        String caseNumber = newCaseNumber();
        GangCaseRegistered zhaotong = registration(caseNumber, T);
        GangCaseRegistered kunming = new GangCaseRegistered(ClueEventSamples.envelope(caseNumber,
                new Agency(AgencyType.POLICE, "530100"), T.minusSeconds(3600)), caseNumber,
                GangCaseType.EVIL_FORCE_GANG, "李某某恶势力团伙案", "530102");
        topics.publish(zhaotong);
        topics.publish(official(caseNumber, PERSON, T.plusSeconds(2)));
        topics.publish(finding(caseNumber, true, T.plusSeconds(5)));
        topics.publish(kunming);
        topics.publish(solution(caseNumber, T.plusSeconds(1)));

        JsonNode gangCase = awaitCase(caseNumber, 5);
        assertThat(gangCase.path("jurisdiction").asText()).isEqualTo("530602");
        assertThat(gangCase.path("caseType").asText()).isEqualTo("MAFIA_TYPE_ORGANISATION");
        assertThat(gangCase.path("caseName").asText()).isEqualTo("张某某等人涉黑组织案");
        assertThat(gangCase.path("registeredAt").asText()).isEqualTo("2020-07-01T02:00:00Z");
        assertThat(gangCase.path("closure").path("status").asText()).isEqualTo("UMBRELLA_FOUND");
        assertThat(gangCase.path("officials")).hasSize(1);
        assertThat(gangCase.path("anomalies")).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.path("kind").asText()).isEqualTo("REGISTRATION_DISAGREES");
            assertThat(anomaly.path("factEventId").asText()).isEqualTo(kunming.getEnvelope().getEventId());
            assertThat(anomaly.path("relatedEventId").asText()).isEqualTo(zhaotong.getEnvelope().getEventId());
        });
        assertThat(gangCase.path("facts")).filteredOn(fact -> fact.path("outsideJurisdiction").asBoolean())
                .extracting(fact -> fact.path("eventId").asText())
                .containsExactly(kunming.getEnvelope().getEventId());
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password())) {
            assertThat(strings(connection, "SELECT c.registration_event_id || ' ' || c.jurisdiction FROM gang_case c "
                    + "WHERE c.case_number = '" + caseNumber + "'"))
                    .containsExactly(zhaotong.getEnvelope().getEventId() + " 530602");
            assertThat(strings(connection, "SELECT CAST(event_id AS TEXT) FROM gang_case_fact "
                    + "WHERE case_number = '" + caseNumber + "' AND fact = 'GANG_CASE_REGISTERED' "
                    + "AND NOT outside_jurisdiction")).containsExactly(zhaotong.getEnvelope().getEventId());
        }
    }

    @Test
    void aCaseHeardOfBeforeItsRegistrationIsNotRegisteredAndLiesInTheFirstAgencysJurisdiction() throws Exception {
        String caseNumber = newCaseNumber();
        topics.publish(official(caseNumber, PERSON, T));

        JsonNode gangCase = awaitCase(caseNumber, 1);
        assertThat(gangCase.path("registered").asBoolean()).isFalse();
        assertThat(gangCase.path("jurisdiction").asText()).isEqualTo("530600");
        assertThat(gangCase.path("closure").path("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void onlyOfficersWhoseJurisdictionCoversTheCaseReadItAndEachReadIsLogged() throws Exception {
        String caseNumber = newCaseNumber();
        topics.publish(registration(caseNumber, T));
        awaitCase(caseNumber, 1);

        assertThat(core.as(CoreCredentials.officer("530602")).get("/api/gang-cases/" + caseNumber).status())
                .isEqualTo(200);
        JsonHttp.Response elsewhere = core.as(CoreCredentials.officer("620000")).get("/api/gang-cases/" + caseNumber);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.body().path("errors").get(0).path("field").asText()).isEqualTo("caseNumber");
        assertThat(core.as(CoreCredentials.OPERATOR).get("/api/gang-cases/" + caseNumber).status()).isEqualTo(403);
        assertThat(core.as(PREFECTURE_OFFICER).get("/api/gang-cases/bad%07number").status()).isEqualTo(400);
        assertThat(core.as(CoreCredentials.AUDITOR).get("/api/audit/personal-data-access?limit=50").successfully()
                .findValuesAsText("resource")).contains("gang-cases/" + caseNumber);
    }

    @Test
    void caseFactsTakeTheLedgersPositionsInCommitOrder() throws Exception {
        String caseNumber = newCaseNumber();
        topics.publish(registration(caseNumber, T));
        topics.publish(solution(caseNumber, T.plusSeconds(1)));
        awaitCase(caseNumber, 2);

        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password())) {
            List<Long> positions = longs(connection, "SELECT f.position FROM gang_case_fact f "
                    + "JOIN gang_case_fact_position p ON p.event_id = f.event_id AND p.position = f.position "
                    + "WHERE f.case_number = '" + caseNumber + "' ORDER BY f.position");
            assertThat(positions).hasSize(2).doesNotHaveDuplicates().allSatisfy(position -> assertThat(position)
                    .isPositive());
            assertThat(longs(connection, "SELECT position FROM ledger_position").get(0))
                    .isGreaterThanOrEqualTo(positions.get(1));
        }
    }

    @Test
    void anUmbrellaClueJoinsTheOfficialTheCaseNamesByPersonKey() throws Exception {
        String caseNumber = newCaseNumber();
        String clueId = "POLICE-530600-" + caseNumber;
        ClueTransferred transfer = ClueEventSamples.transfer(clueId, T);
        transfer.getContent().getLinkedGangCase().setCaseNumber(caseNumber);
        transfer.getContent().getSubjects().get(0).setPersonKey(PERSON);
        transfer.setContentDigest(ClueContentDigest.of(transfer.getContent()));
        topics.publish(official(caseNumber, PERSON, T));
        topics.publish(transfer);
        awaitCase(caseNumber, 1);
        await().atMost(PATIENCE).until(() -> core.entry(clueId).isPresent());

        assertThat(core.entry(clueId).orElseThrow().path("senderRecord").path("subjects").get(0).path("personKey")
                .asText()).isEqualTo(PERSON);
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password())) {
            assertThat(longs(connection, "SELECT count(*) FROM transfer_ledger l "
                    + "JOIN ledger_subject s ON s.clue_id = l.clue_id "
                    + "JOIN gang_case_fact f ON f.case_number = l.linked_case_number AND f.person_key = s.person_key "
                    + "WHERE l.allegation = 'PROTECTIVE_UMBRELLA' AND f.fact = 'OFFICIAL_INVOLVED' "
                    + "AND l.clue_id = '" + clueId + "'")).containsExactly(1L);
        }
    }

    private static List<Long> longs(Connection connection, String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static JsonNode awaitCase(String caseNumber, int facts) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonHttp.Response response = read(caseNumber);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().path("facts")).hasSize(facts);
        });
        return read(caseNumber).body();
    }

    private static JsonHttp.Response read(String caseNumber) {
        return core.as(PREFECTURE_OFFICER).get("/api/gang-cases/" + caseNumber);
    }

    private static String newCaseNumber() {
        return "ZT-2020-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
