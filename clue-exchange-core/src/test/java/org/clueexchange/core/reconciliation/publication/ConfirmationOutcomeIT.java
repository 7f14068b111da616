package org.clueexchange.core.reconciliation.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
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
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ExchangeTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core's answers to confirmations on a real broker and PostgreSQL, for Gansu's (620000) July 2018, which no other
 * test confirms: one record per confirmation, held back while the broker refuses them and sent once it takes them
 * again, and the same bytes again when the processor is replayed from the start.
 */
class ConfirmationOutcomeIT {

    private static final String STATEMENT = "STATEMENT-620000-2018-07";
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final ClueEventCodec CODEC = ClueEventCodec.create();

    static ExchangeInfrastructure infrastructure;
    static Database database;
    static RunningCore core;
    static AgencyTopics topics;

    @BeforeAll
    static void start() {
        infrastructure = ExchangeInfrastructure.shared();
        database = infrastructure.postgres().createDatabase("confirmation_outcomes");
        core = start(database);
        topics = new AgencyTopics(infrastructure.kafka().bootstrapServers());
    }

    private static RunningCore start(Database database) {
        return RunningCore.start(database, infrastructure.kafka().bootstrapServers(), "confirmation-outcome-it");
    }

    @AfterAll
    static void stop() {
        topics.close();
        core.close();
    }

    @Test
    void eachConfirmationIsAnsweredOnceEvenAfterTheBrokerRefusedForAWhileAndAReplayRepeatsTheSameRecords()
            throws Exception {
        JsonNode issued = core.as(CoreCredentials.officer("620000")).post("/api/reconciliation/monthly",
                Map.of("jurisdiction", "620000", "period", "2018-07")).successfully();
        String digest = issued.path("digest").asText();
        String root = issued.path("periodRoot").path("root").asText();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StatementConfirmed wrong = ClueEventSamples.confirmation(STATEMENT, new Agency(AgencyType.POLICE, "620000"),
                "0".repeat(64), root, now);
        StatementConfirmed right = ClueEventSamples.confirmation(STATEMENT,
                new Agency(AgencyType.DISCIPLINE, "620000"), digest, root, now);

        refuseRecordsOnTheCoresTopic(true);
        try {
            topics.publish(wrong);
            topics.publish(right);
            await().atMost(PATIENCE).until(() -> {
                JsonNode statement = core.get("/api/reconciliation/monthly/" + STATEMENT).body();
                return statement.path("confirmations").size() == 1 && statement.path("refusals").size() == 1;
            });
            Thread.sleep(3_000);
            assertThat(answers(wrong, right)).as("nothing is published while the broker refuses").isEmpty();
        } finally {
            refuseRecordsOnTheCoresTopic(false);
        }

        List<ConsumerRecord<String, byte[]>> answered = await().atMost(PATIENCE).until(() -> answers(wrong, right),
                found -> found.size() == 2);
        StatementConfirmationRecorded refusal = answerTo(wrong, answered);
        StatementConfirmationRecorded confirmation = answerTo(right, answered);
        assertThat(refusal.getOutcome()).isEqualTo(ConfirmationOutcome.REFUSED);
        assertThat(refusal.getReason()).isEqualTo("digest " + "0".repeat(64) + " is not that of revision 1 ("
                + digest + ")");
        assertThat(refusal.getConfirmingAgency()).isEqualTo(wrong.getEnvelope().getAssertedBy());
        assertThat(refusal.getRevision()).isEqualTo(1);
        assertThat(refusal.getStatementDigest()).isEqualTo(digest);
        assertThat(confirmation.getOutcome()).isEqualTo(ConfirmationOutcome.CONFIRMED);
        assertThat(confirmation.getReason()).isNull();
        assertThat(confirmation.getConfirmedDigest()).isEqualTo(digest);
        assertThat(answered).allSatisfy(record -> assertThat(record.key()).isEqualTo(STATEMENT));
        Thread.sleep(3_000);
        assertThat(answers(wrong, right)).as("one record per confirmation").hasSize(2);

        core.close();
        forgetWhereTheProcessorStood();
        core = start(database);

        List<ConsumerRecord<String, byte[]>> replayed = await().atMost(PATIENCE).until(() -> answers(wrong, right),
                found -> found.size() == 4);
        assertThat(replayed.subList(2, 4)).extracting(record -> HexFormat.of().formatHex(record.value()))
                .containsExactly(HexFormat.of().formatHex(answered.get(0).value()),
                        HexFormat.of().formatHex(answered.get(1).value()));
    }

    private static StatementConfirmationRecorded answerTo(StatementConfirmed confirmation,
                                                          List<ConsumerRecord<String, byte[]>> answers) {
        return answers.stream().map(ConfirmationOutcomeIT::decode).filter(answer -> answer.getConfirmationEventId()
                .equals(confirmation.getEnvelope().getEventId())).findFirst().orElseThrow();
    }

    /** The answers to these confirmations on the core's topic, in the order they were published. */
    private static List<ConsumerRecord<String, byte[]>> answers(StatementConfirmed... confirmations) {
        Collection<String> ids = Arrays.stream(confirmations)
                .map(confirmation -> confirmation.getEnvelope().getEventId()).toList();
        return topics.readToEnd(ExchangeTopics.CORE_EVENTS, STATEMENT).stream()
                .filter(record -> ids.contains(decode(record).getConfirmationEventId())).toList();
    }

    private static StatementConfirmationRecorded decode(ConsumerRecord<String, byte[]> record) {
        try {
            return (StatementConfirmationRecorded) CODEC.decode(record.value());
        } catch (Exception e) {
            throw new IllegalStateException("not an answer on " + ExchangeTopics.CORE_EVENTS, e);
        }
    }

    /** The broker refuses any record on the core's topic as too large, or takes records again. */
    private static void refuseRecordsOnTheCoresTopic(boolean refuse) throws Exception {
        ConfigEntry limit = new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1");
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafka().bootstrapServers()))) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC,
                    ExchangeTopics.CORE_EVENTS), List.of(new AlterConfigOp(limit,
                    refuse ? AlterConfigOp.OpType.SET : AlterConfigOp.OpType.DELETE)))).all().get();
        }
    }

    /** With the core stopped, the processor's token goes, so that the next core replays it from the start. */
    private static void forgetWhereTheProcessorStood() throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password());
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM tokenentry WHERE processorname = ?")) {
            delete.setString(1, ConfirmationOutcomePublisher.GROUP);
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
    }
}
