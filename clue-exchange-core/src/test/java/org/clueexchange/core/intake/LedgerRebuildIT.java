package org.clueexchange.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clueexchange.wire.ClueEventSamples.AT;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.clueexchange.core.ClueExchangeCore;
import org.clueexchange.core.RunningCore;
import org.clueexchange.core.cli.CoreCommandLine;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.wire.ClueEventSamples;
import org.junit.jupiter.api.Test;

/** The ledger is a function of the facts: a restarted core, or a new one reading the topics, shows the same. */
class LedgerRebuildIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** A rebuild starts a core of its own, which on a loaded machine takes a minute before it does anything. */
    private static final Duration STARTUP_PATIENCE = Duration.ofMinutes(5);

    @Test
    void aRestartedCoreAndACoreRebuiltFromTheTopicsShowTheSameLedger() throws Exception {
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        String bootstrap = infrastructure.kafka().bootstrapServers();
        Database database = infrastructure.postgres().createDatabase("ledger_rebuild");
        List<String> clueIds = new ArrayList<>();
        Map<String, JsonNode> before;
        try (AgencyTopics topics = new AgencyTopics(bootstrap);
             RunningCore core = RunningCore.start(database, bootstrap, "rebuild-live")) {
            for (int i = 0; i < 5; i++) {
                ClueTransferred transfer = ClueEventSamples.transfer(LedgerIntakeIT.newClueId(), AT.plusSeconds(i));
                clueIds.add(transfer.getEnvelope().getClueId());
                topics.publish(transfer);
                if (i % 2 == 0) {
                    topics.publish(ClueEventSamples.receipt(transfer, AT.plusSeconds(600 + i)));
                }
                if (i == 4) {
                    topics.publish(ClueEventSamples.acceptance(transfer, AT.plusSeconds(300)));
                }
            }
            before = awaitLedger(core, clueIds, 9);
        }
        assertThat(before.get(clueIds.get(4)).path("anomalies").get(0).path("kind").asText())
                .isEqualTo("OUT_OF_SEQUENCE");

        try (RunningCore restarted = RunningCore.start(database, bootstrap, "rebuild-live")) {
            assertThat(awaitLedger(restarted, clueIds, 9)).isEqualTo(before);
        }
        try (RunningCore rebuilt = RunningCore.start(infrastructure.postgres().createDatabase("ledger_rebuilt"),
                bootstrap, "rebuild-from-topics")) {
            assertThat(awaitLedger(rebuilt, clueIds, 9)).isEqualTo(before);
        }
    }

    /**
     * The operators' {@code rebuild} resets the projections' tokens and replays the event store into emptied tables:
     * refused while a core still claims them, and then the same ledger, whatever had become of its tables.
     */
    @Test
    void theRebuildCommandIsRefusedWhileACoreRunsAndThenRebuildsTheSameLedger() throws Exception {
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        String bootstrap = infrastructure.kafka().bootstrapServers();
        Database database = infrastructure.postgres().createDatabase("ledger_rebuild_command");
        List<String> clueIds = new ArrayList<>();
        Map<String, JsonNode> before;
        try (AgencyTopics topics = new AgencyTopics(bootstrap);
             RunningCore core = RunningCore.start(database, bootstrap, "rebuild-command")) {
            for (int i = 0; i < 3; i++) {
                ClueTransferred transfer = ClueEventSamples.transfer(LedgerIntakeIT.newClueId(), AT.plusSeconds(i));
                clueIds.add(transfer.getEnvelope().getClueId());
                topics.publish(transfer);
                topics.publish(ClueEventSamples.receipt(transfer, AT.plusSeconds(600 + i)));
            }
            before = awaitLedger(core, clueIds, 6);

            assertThat(rebuildElsewhere(database)).as("a rebuild while a core claims the tokens").isEqualTo(1);
            assertThat(awaitLedger(core, clueIds, 6)).isEqualTo(before);
        }
        try (Connection sql = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); Statement statement = sql.createStatement()) {
            statement.executeUpdate("UPDATE transfer_ledger SET state = 'RETURNED'");
            statement.executeUpdate("DELETE FROM ledger_fact WHERE clue_id = '" + clueIds.get(0) + "'");
        }

        // The refused rebuild's own processors may hold a claim until Axon's claim timeout lets it go.
        await().atMost(Duration.ofMinutes(1)).until(() -> rebuild(database) == 0);

        try (RunningCore rebuilt = RunningCore.start(database, bootstrap, "rebuild-command")) {
            assertThat(awaitLedger(rebuilt, clueIds, 6)).isEqualTo(before);
        }
    }

    private static int rebuild(Database database) {
        return CoreCommandLine.run(rebuildArguments(database));
    }

    /**
     * The rebuild as an operator runs it beside a core: in a process of its own. In this JVM, Axon's token store
     * would take it for the same node as the core (its owner is the JVM's name) and let it claim the core's tokens.
     */
    private static int rebuildElsewhere(Database database) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), ClueExchangeCore.class.getName()));
        command.addAll(List.of(rebuildArguments(database)));
        Process rebuild = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "rebuild-beside-a-core.log").toFile()).start();
        if (!rebuild.waitFor(STARTUP_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            rebuild.destroyForcibly();
            throw new AssertionError("the rebuild did not end within " + STARTUP_PATIENCE);
        }
        return rebuild.exitValue();
    }

    private static String[] rebuildArguments(Database database) {
        return new String[] {"rebuild", "--patience=" + STARTUP_PATIENCE,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password()};
    }

    @Test
    void aCoreReplayingEventsStoredUnderTheClassNamesTheyHadBeforeTheyMovedShowsTheSameLedger() throws Exception {
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        String bootstrap = infrastructure.kafka().bootstrapServers();
        Database database = infrastructure.postgres().createDatabase("ledger_former_names");
        ClueTransferred transfer = ClueEventSamples.transfer(LedgerIntakeIT.newClueId(), AT);
        List<String> clueIds = List.of(transfer.getEnvelope().getClueId());
        Map<String, JsonNode> before;
        Map<String, Long> positions;
        try (AgencyTopics topics = new AgencyTopics(bootstrap);
             RunningCore core = RunningCore.start(database, bootstrap, "former-names")) {
            topics.publish(transfer);
            topics.publish(ClueEventSamples.receipt(transfer, AT.plusSeconds(600)));
            before = awaitLedger(core, clueIds, 2);
        }
        try (Connection sql = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); Statement statement = sql.createStatement()) {
            int renamed = statement.executeUpdate("UPDATE domainevententry SET payloadtype = "
                    + "replace(payloadtype, '.messages.', '.') WHERE payloadtype LIKE '%.messages.%'");
            assertThat(renamed).isGreaterThan(2);
            positions = positions(statement);
            statement.execute("TRUNCATE transfer_ledger CASCADE");
            statement.execute("DELETE FROM tokenentry WHERE processorname = 'transfer-ledger'");
        }

        try (RunningCore replaying = RunningCore.start(database, bootstrap, "former-names")) {
            assertThat(awaitLedger(replaying, clueIds, 2)).isEqualTo(before);
        }
        // Statements were drawn up against the positions the facts had; the rebuilt ledger keeps them.
        try (Connection sql = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); Statement statement = sql.createStatement()) {
            assertThat(positions).containsKey(transfer.getEnvelope().getEventId());
            assertThat(positions(statement)).containsAllEntriesOf(positions);
        }
    }

    /** Each fact on the ledger with its position. */
    private static Map<String, Long> positions(Statement statement) throws SQLException {
        Map<String, Long> positions = new LinkedHashMap<>();
        try (ResultSet rows = statement.executeQuery("SELECT f.event_id, p.position FROM ledger_fact f "
                + "JOIN ledger_fact_position p ON p.event_id = f.event_id ORDER BY f.event_id")) {
            while (rows.next()) {
                positions.put(rows.getString(1), rows.getLong(2));
            }
        }
        return positions;
    }

    /**
     * Waits until the core shows all {@code facts} of these clues and has settled their time limits, then returns
     * their entries. The facts are from 2020, so every limit they start is long past due and decided as soon as the
     * ledger holds all of the entry's events.
     */
    private static Map<String, JsonNode> awaitLedger(RunningCore core, List<String> clueIds, int facts) {
        return await().atMost(PATIENCE).until(() -> {
            Map<String, JsonNode> ledger = new LinkedHashMap<>();
            clueIds.forEach(clueId -> core.entry(clueId).ifPresent(entry -> ledger.put(clueId, entry)));
            return ledger;
        }, ledger -> ledger.size() == clueIds.size()
                && ledger.values().stream().mapToInt(entry -> entry.path("timelines").path("sender").size()
                + entry.path("timelines").path("receiver").size()).sum() == facts
                && ledger.values().stream().allMatch(RunningCore::settled));
    }
}
