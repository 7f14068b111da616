package org.clueexchange.core.reconciliation.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clueexchange.core.RunningCore;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ConfirmationOutcome;
import org.clueexchange.events.StatementConfirmationRecorded;
import org.clueexchange.events.StatementConfirmed;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.CoreCredentials;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ExchangeTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The statement machinery is the same for every cadence: a quarterly statement of Zhaotong (530600) for 2020-Q3,
 * drawn up from gang case facts written onto the agencies' topics, is issued, written out, explained, refused a wrong
 * digest and confirmed by both agencies through the real broker and PostgreSQL, and a fact that comes after its
 * confirmation is carried by the next quarter's; and a monthly statement stored under the names its events had
 * before, as a {@code MonthlyStatement}'s, is loaded and confirmed as any other.
 */
class StatementMachineryIT {

    private static final String QUARTER = "STATEMENT-530600-2020-Q3";
    private static final String NEXT_QUARTER = "STATEMENT-530600-2020-Q4";
    private static final String CASE = "A5306022020070001";
    /** 00:30 on 1 July 2020 in China: the third quarter's, not the second's. */
    private static final Instant SOLVED = Instant.parse("2020-06-30T16:30:00Z");
    private static final String OLD_MONTH = "STATEMENT-620000-2018-02";
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final ClueEventCodec CODEC = ClueEventCodec.create();

    static RunningCore core;
    static Database database;
    static AgencyTopics topics;
    static JsonHttp officer;
    static JsonHttp zhaotong;

    @BeforeAll
    static void start() {
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        database = infrastructure.postgres().createDatabase("statement_machinery");
        core = RunningCore.start(database, infrastructure.kafka().bootstrapServers(), "statement-machinery-it");
        topics = new AgencyTopics(infrastructure.kafka().bootstrapServers());
        officer = core.as(CoreCredentials.officer("620000"));
        zhaotong = core.as(CoreCredentials.officer("530000"));
    }

    @AfterAll
    static void stop() {
        topics.close();
        core.close();
    }

    @Test
    void aQuarterlyStatementIsIssuedWrittenOutExplainedAndConfirmedByBothAgencies() throws Exception {
        topics.publish(ClueEventSamples.gangCase(CASE, SOLVED.minus(Duration.ofDays(20))));
        topics.publish(ClueEventSamples.solved(CASE, SOLVED));
        topics.publish(ClueEventSamples.officialInvolved(CASE, SOLVED.plus(Duration.ofDays(1))));
        await().atMost(PATIENCE).until(() -> zhaotong.get("/api/gang-cases/" + CASE).body().path("officials"),
                officials -> officials.size() == 1);

        JsonNode second = zhaotong.post("/api/reconciliation/quarterly", Map.of("jurisdiction", "530600", "period",
                "2020-Q2")).successfully();
        assertThat(second.path("content").path("cases")).as("solved at 00:30 on 1 July, China time").isEmpty();
        JsonNode issued = zhaotong.post("/api/reconciliation/quarterly", Map.of("jurisdiction", "530600", "period",
                "2020-Q3")).successfully();
        assertThat(issued.path("statementId").asText()).isEqualTo(QUARTER);
        assertThat(issued.path("period").asText()).isEqualTo("2020-Q3");
        assertThat(issued.path("status").asText()).isEqualTo("ISSUED");
        assertThat(issued.path("content").path("cases").get(0).path("caseNumber").asText()).isEqualTo(CASE);
        JsonNode found = issued.path("content").path("breaks").get(0);
        assertThat(found.path("category").asText()).isEqualTo("OFFICIAL_NOT_REFERRED");
        assertThat(found.path("partyToAct").asText()).isEqualTo("POLICE");
        String item = CASE + ":" + ClueEventSamples.PERSON_KEY.substring(0, 16);
        assertThat(found.path("item").asText()).as("the item a note names, in the statement's text").isEqualTo(item);
        String digest = issued.path("digest").asText();
        String root = issued.path("periodRoot").path("root").asText();
        assertThat(root).as("the root it is confirmed by").matches("[0-9a-f]{64}");

        String page = zhaotong.get("/api/reconciliation/quarterly/" + QUARTER + "?format=html").raw().body();
        assertThat(page).contains("一季度一对账").contains("分管领导").contains(CASE).contains("王某")
                .doesNotContain("一月一对账");
        assertThat(zhaotong.get("/api/reconciliation/quarterly/" + QUARTER + "?format=csv").raw().body())
                .contains("案件编号 Case").contains(CASE).contains("王某");

        JsonNode explained = zhaotong.post("/api/reconciliation/quarterly/" + QUARTER + "/break-resolutions",
                Map.of("clueId", item, "category", "OFFICIAL_NOT_REFERRED", "note", "已补移送保护伞线索"))
                .successfully();
        assertThat(explained.path("resolutions").get(0).path("category").asText())
                .isEqualTo("OFFICIAL_NOT_REFERRED");
        JsonHttp.Response monthlyBreak = zhaotong.post("/api/reconciliation/quarterly/" + QUARTER
                + "/break-resolutions", Map.of("clueId", item, "category", "SENT_NOT_RECEIVED", "note", "x"));
        assertThat(monthlyBreak.status()).as("a monthly category on a quarterly statement").isEqualTo(400);
        assertThat(field(monthlyBreak)).isEqualTo("category");
        JsonHttp.Response otherCase = zhaotong.post("/api/reconciliation/quarterly/" + QUARTER
                + "/break-resolutions", Map.of("clueId", "A5306022020079999", "category", "OFFICIAL_NOT_REFERRED",
                "note", "x"));
        assertThat(otherCase.status()).isEqualTo(404);
        assertThat(field(otherCase)).isEqualTo("clueId");
        assertThat(officer.get("/api/reconciliation/quarterly/" + QUARTER).status())
                .as("an officer of another province").isEqualTo(403);

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StatementConfirmed wrong = ClueEventSamples.confirmation(QUARTER, new Agency(AgencyType.POLICE, "530600"),
                "0".repeat(64), root, now);
        StatementConfirmed police = ClueEventSamples.confirmation(QUARTER, new Agency(AgencyType.POLICE, "530600"),
                digest, root, now);
        StatementConfirmed discipline = ClueEventSamples.confirmation(QUARTER,
                new Agency(AgencyType.DISCIPLINE, "530600"), digest, root, now);
        topics.publish(wrong);
        topics.publish(police);
        topics.publish(discipline);

        JsonNode confirmed = await().atMost(PATIENCE).until(() -> zhaotong.get("/api/reconciliation/quarterly/"
                + QUARTER).body(), statement -> statement.path("status").asText().equals("CONFIRMED"));
        assertThat(confirmed.path("refusals")).hasSize(1);
        assertThat(answer(wrong, ConfirmationOutcome.REFUSED).getReason())
                .isEqualTo("digest " + "0".repeat(64) + " is not that of revision 1 (" + digest + ")");
        assertThat(answer(police, ConfirmationOutcome.CONFIRMED).getConfirmedDigest()).isEqualTo(digest);
        assertThat(answer(discipline, ConfirmationOutcome.CONFIRMED).getRevision()).isEqualTo(1);

        topics.publish(ClueEventSamples.followUp(CASE, Instant.parse("2020-08-03T02:00:00Z")));
        await().atMost(PATIENCE).until(() -> zhaotong.get("/api/gang-cases/" + CASE).body().path("facts"),
                facts -> facts.size() == 4);
        JsonNode again = zhaotong.post("/api/reconciliation/quarterly", Map.of("jurisdiction", "530600", "period",
                "2020-Q3")).successfully();
        assertThat(again.path("revision").asInt()).isEqualTo(1);
        assertThat(again.path("status").asText()).isEqualTo("CONFIRMED");
        JsonNode next = zhaotong.post("/api/reconciliation/quarterly", Map.of("jurisdiction", "530600", "period",
                "2020-Q4")).successfully();
        assertThat(next.path("statementId").asText()).isEqualTo(NEXT_QUARTER);
        JsonNode amendment = next.path("content").path("amendments").get(0);
        assertThat(amendment.path("caseNumber").asText()).isEqualTo(CASE);
        assertThat(amendment.path("fact").asText()).isEqualTo("FOLLOW_UP_OPENED");
        assertThat(amendment.path("confirmedStatementId").asText()).isEqualTo(QUARTER);
        assertThat(next.path("content").path("amendments")).hasSize(1);
    }

    @Test
    void aPathOrPeriodOfTheWrongCadenceIsRefusedByTheField() {
        assertThat(field(officer.post("/api/reconciliation/quarterly", Map.of("jurisdiction", "620000", "period",
                "2018-07")))).isEqualTo("period");
        assertThat(field(officer.post("/api/reconciliation/monthly", Map.of("jurisdiction", "620000", "period",
                "2018-Q3")))).isEqualTo("period");
        JsonHttp.Response yearly = officer.post("/api/reconciliation/yearly", Map.of("jurisdiction", "620000",
                "period", "2018-Q3"));
        assertThat(yearly.status()).isEqualTo(404);
        assertThat(field(yearly)).isEqualTo("cadence");
        officer.post("/api/reconciliation/quarterly", Map.of("jurisdiction", "620000", "period", "2018-Q1"))
                .successfully();
        JsonHttp.Response asMonthly = officer.get("/api/reconciliation/monthly/STATEMENT-620000-2018-Q1");
        assertThat(asMonthly.status()).isEqualTo(404);
        assertThat(field(asMonthly)).isEqualTo("statementId");
    }

    /**
     * Events written by a core before statements served every cadence: under the monthly classes' names, with the
     * aggregate type {@code MonthlyStatement}, and the row the projection then kept. The aggregate loads from them
     * (Axon reads an aggregate's events by its identifier alone) and the projection carries on from its row.
     */
    @Test
    void aMonthlyStatementStoredUnderItsFormerNamesLoadsAndIsConfirmed() throws Exception {
        JdbcTemplate sql = new JdbcTemplate(new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password()));
        String digest = "c".repeat(64);
        String content = "{\"statementId\":\"" + OLD_MONTH + "\",\"jurisdiction\":\"620000\",\"scope\":\"\","
                + "\"period\":\"2018-02\",\"periodStart\":\"2018-01-31T16:00:00Z\",\"periodEnd\":"
                + "\"2018-02-28T16:00:00Z\",\"lines\":[],\"amendments\":[],\"summary\":[]}";
        sql.update("INSERT INTO reconciliation_statement (statement_id, cadence, jurisdiction, period, revision, "
                + "digest, issued_at, issued_by, content, ledger_position) VALUES (?, 'MONTHLY', '620000', "
                + "'2018-02', 2, ?, now(), 'officer', ?, 3)", OLD_MONTH, digest, content);
        store(sql, 0, "org.clueexchange.core.reconciliation.monthly.MonthlyStatementIssued",
                "{\"statementId\":\"" + OLD_MONTH + "\",\"jurisdiction\":\"620000\",\"period\":\"2018-02\","
                        + "\"revision\":1,\"digest\":\"" + "b".repeat(64) + "\",\"content\":\"{}\","
                        + "\"issuedBy\":\"officer\",\"ledgerPosition\":null}");
        store(sql, 1, "org.clueexchange.core.reconciliation.monthly.messages.MonthlyStatementIssued",
                "{\"statementId\":\"" + OLD_MONTH + "\",\"jurisdiction\":\"620000\",\"period\":\"2018-02\","
                        + "\"revision\":2,\"digest\":\"" + digest + "\",\"content\":" + quoted(content) + ","
                        + "\"issuedBy\":\"officer\",\"ledgerPosition\":3}");
        store(sql, 2, "org.clueexchange.core.reconciliation.monthly.messages.StatementBreakResolved",
                "{\"statementId\":\"" + OLD_MONTH + "\",\"clueId\":\"POLICE-620000-1\",\"category\":"
                        + "\"SENT_NOT_RECEIVED\",\"note\":\"已补签收\",\"resolvedBy\":\"officer\"}");

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StatementConfirmed stale = ClueEventSamples.confirmation(OLD_MONTH, new Agency(AgencyType.POLICE, "620000"),
                "b".repeat(64), "", now);
        StatementConfirmed police = ClueEventSamples.confirmation(OLD_MONTH,
                new Agency(AgencyType.POLICE, "620000"), digest, "", now);
        topics.publish(stale);
        topics.publish(police);

        StatementConfirmationRecorded refused = answer(stale, ConfirmationOutcome.REFUSED);
        assertThat(refused.getRevision()).as("the aggregate read both revisions").isEqualTo(2);
        assertThat(refused.getStatementDigest()).isEqualTo(digest);
        assertThat(answer(police, ConfirmationOutcome.CONFIRMED).getRevision()).isEqualTo(2);
        assertThat(await().atMost(PATIENCE).until(() -> core.get("/api/reconciliation/monthly/" + OLD_MONTH)
                .body(), statement -> statement.path("confirmations").size() == 1).path("status").asText())
                .isEqualTo("PARTLY_CONFIRMED");
        assertThat(sql.queryForList("SELECT type FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", String.class, OLD_MONTH))
                .containsExactly("MonthlyStatement", "MonthlyStatement", "MonthlyStatement",
                        "ReconciliationStatement", "ReconciliationStatement");
    }

    private static void store(JdbcTemplate sql, long sequence, String payloadType, String payload) {
        sql.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                        + "metadata, payload, payloadtype, timestamp) VALUES (?, ?, 'MonthlyStatement', ?, ?, ?, ?, ?)",
                OLD_MONTH, sequence, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8), payloadType, "2018-03-02T02:00:00Z");
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\"", "\\\"") + "\"";
    }

    /** The core's answer of that outcome to the confirmation, on clue.core.events. */
    private static StatementConfirmationRecorded answer(StatementConfirmed confirmation, ConfirmationOutcome outcome) {
        return await().atMost(PATIENCE).until(() -> topics.readToEnd(ExchangeTopics.CORE_EVENTS,
                        confirmation.getStatementId()).stream().map(StatementMachineryIT::decode)
                        .filter(answer -> answer.getConfirmationEventId()
                                .equals(confirmation.getEnvelope().getEventId()) && answer.getOutcome() == outcome)
                        .findFirst(), Optional::isPresent).orElseThrow();
    }

    private static StatementConfirmationRecorded decode(ConsumerRecord<String, byte[]> record) {
        try {
            return (StatementConfirmationRecorded) CODEC.decode(record.value());
        } catch (Exception e) {
            throw new IllegalStateException("not an answer on " + ExchangeTopics.CORE_EVENTS, e);
        }
    }

    private static String field(JsonHttp.Response refused) {
        return refused.body().path("errors").get(0).path("field").asText();
    }
}
