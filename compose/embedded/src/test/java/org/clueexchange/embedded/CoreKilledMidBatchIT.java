package org.clueexchange.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.infrastructure.AgencyKeyring;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.FreePorts;
import org.clueexchange.wire.ClueEventSamples;
import org.junit.jupiter.api.Test;

/**
 * The core killed (SIGKILL) while it records a backlog in batches, then started again on the same database and
 * consumer group: every fact is in the ledger once, none is lost and none is recorded twice, and every entry's
 * event stream runs without a hole.
 */
class CoreKilledMidBatchIT {

    private static final int CLUES = 2_500;
    private static final Instant AT = Instant.parse("2020-06-10T02:00:00Z");
    /** Events of facts, as opposed to those of anomalies and time limits. */
    private static final String FACT_EVENTS = "payloadtype LIKE 'org.clueexchange.core.ledger.messages.%Recorded'"
            + " AND payloadtype <> 'org.clueexchange.core.ledger.messages.LedgerAnomalyRecorded'";

    @Test
    void noFactIsLostOrRecordedTwice() throws Exception {
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        Database database = infrastructure.postgres().createDatabase("killed_clue_exchange");
        String prefix = "POLICE-530600-K" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<SpecificRecord> facts = new ArrayList<>();
        for (int i = 0; i < CLUES; i++) {
            Instant at = AT.plusSeconds(i);
            ClueTransferred transfer = ClueEventSamples.transfer(prefix + i, at);
            facts.add(transfer);
            facts.add(ClueEventSamples.receipt(transfer, at.plusSeconds(600)));
            facts.add(ClueEventSamples.acceptance(transfer, at.plusSeconds(1200)));
            facts.add(ClueEventSamples.disposal(transfer, at.plusSeconds(86_400)));
        }
        String kafka = infrastructure.kafka().bootstrapServers();
        try (AgencyTopics topics = new AgencyTopics(kafka)) {
            topics.publishAll(facts);
        }
        ApplicationProcess core = ExchangeDeployment.core(EmbeddedExchange.besideThisJar(), FreePorts.pick(),
                database, kafka, Map.of("clue-exchange.intake.group-id", "killed-" + prefix,
                        AgencyKeyring.CORE_AGENCY_KEYS, AgencyKeyring.forTests().file().toString()),
                ApplicationProcess.EMBEDDED_JVM_OPTIONS, Files.createTempDirectory("killed-core-logs"));
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password())) {
            core.start();
            core.awaitReady(ExchangeDeployment.STARTUP_PATIENCE);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> count(connection, "domainevententry", FACT_EVENTS, prefix) > facts.size() / 10
                            && batchInFlight(connection));
            core.kill();
            long recordedBeforeTheKill = count(connection, "domainevententry", FACT_EVENTS, prefix);
            assertThat(recordedBeforeTheKill).isBetween(1L, facts.size() - 1L);

            core.start();
            core.awaitReady(ExchangeDeployment.STARTUP_PATIENCE);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> count(connection, "ledger_fact", "TRUE", prefix) >= facts.size());

            assertThat(count(connection, "domainevententry", FACT_EVENTS, prefix)).isEqualTo(facts.size());
            assertThat(count(connection, "ledger_fact", "TRUE", prefix)).isEqualTo(facts.size());
            assertThat(count(connection, "transfer_ledger", "state = 'IN_PROGRESS'", prefix)).isEqualTo(CLUES);
            assertThat(streamsWithHoles(connection, prefix)).isEmpty();
        } finally {
            core.close();
        }
    }

    /** Whether the core has a transaction open or a statement running right now. */
    private static boolean batchInFlight(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                + "AND state IN ('active', 'idle in transaction') AND query NOT ILIKE '%tokenentry%'")) {
            return single(query) > 0;
        }
    }

    private static long count(Connection connection, String table, String condition, String prefix)
            throws SQLException {
        String clueColumn = table.equals("domainevententry") ? "aggregateidentifier" : "clue_id";
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM " + table + " WHERE "
                + condition + " AND " + clueColumn + " LIKE ?")) {
            query.setString(1, prefix + "%");
            return single(query);
        }
    }

    private static List<String> streamsWithHoles(Connection connection, String prefix) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT aggregateidentifier FROM domainevententry "
                + "WHERE aggregateidentifier LIKE ? GROUP BY aggregateidentifier "
                + "HAVING max(sequencenumber) + 1 <> count(*) OR count(DISTINCT sequencenumber) <> count(*)")) {
            query.setString(1, prefix + "%");
            List<String> clues = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    clues.add(rows.getString(1));
                }
            }
            return clues;
        }
    }

    private static long single(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
