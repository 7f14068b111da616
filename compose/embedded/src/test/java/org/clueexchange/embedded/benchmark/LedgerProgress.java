package org.clueexchange.embedded.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.clueexchange.infrastructure.Database;

/**
 * How far the core has got, read from its database beside it: facts in the event store and facts on the ledger
 * projection. Until the core's migrations have run, its tables do not exist and it has got nowhere.
 */
final class LedgerProgress implements AutoCloseable {

    /**
     * Each fact becomes one event named for its kind ({@code ClueTransferRecorded}, ... {@code
     * FeedbackAcknowledgementRecorded}); the anomalies and time limits it gives rise to are events of their own.
     */
    private static final String FACT_EVENT =
            "payloadtype LIKE '%Recorded' AND payloadtype NOT LIKE '%.LedgerAnomalyRecorded'";
    private static final String UNDEFINED_TABLE = "42P01";
    /**
     * Longer than any of the core's transactions stays open: an event store row whose index was seen this long ago
     * is committed or never will be, so it need not be counted again.
     */
    private static final long SETTLING_NANOS = 2_000_000_000L;

    private final Connection connection;
    private long settledIndex;
    private long settledFacts;
    private long candidateIndex;
    private long candidateSeenAt;

    LedgerProgress(Database database) throws SQLException {
        this.connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    /**
     * The fact events in the event store. Counting the whole table at every look would compete with the core for
     * the machine, so only the rows past those already settled are read, by the event store's own index.
     */
    long factEvents() throws SQLException {
        long now = System.nanoTime();
        if (candidateIndex > settledIndex && now - candidateSeenAt > SETTLING_NANOS) {
            settledFacts += single("SELECT count(*) FROM domainevententry WHERE globalindex > ? AND globalindex <= ?"
                    + " AND " + FACT_EVENT, settledIndex, candidateIndex);
            settledIndex = candidateIndex;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FILTER (WHERE " + FACT_EVENT
                + "), max(globalindex) FROM domainevententry WHERE globalindex > ?")) {
            statement.setLong(1, settledIndex);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                if (candidateIndex <= settledIndex && result.getLong(2) > settledIndex) {
                    candidateIndex = result.getLong(2);
                    candidateSeenAt = now;
                }
                return settledFacts + result.getLong(1);
            }
        } catch (SQLException e) {
            return notYetMigrated(e);
        }
    }

    /** Every fact event in the event store, counted afresh: for the end of a run, when nothing competes. */
    long allFactEvents() throws SQLException {
        return single("SELECT count(*) FROM domainevententry WHERE " + FACT_EVENT);
    }

    /** The facts on the ledger projection, of every clue or of those whose id starts with {@code prefix}. */
    long ledgerFacts(String prefix) throws SQLException {
        try {
            return single("SELECT count(*) FROM ledger_fact WHERE clue_id LIKE ? || '%'", prefix);
        } catch (SQLException e) {
            return notYetMigrated(e);
        }
    }

    /** The event ids of the facts on the ledger projection whose clue id starts with {@code prefix}. */
    Set<String> ledgerEventIds(String prefix) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT event_id FROM ledger_fact WHERE clue_id LIKE ? || '%'")) {
            statement.setString(1, prefix);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getString(1));
                }
            }
        }
        return ids;
    }

    /** Every event in the event store by its type's simple name, most frequent first. */
    Map<String, Long> eventTypes() throws SQLException {
        Map<String, Long> types = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT regexp_replace(payloadtype, '.*\\.', ''), count(*) FROM domainevententry GROUP BY 1"
                        + " ORDER BY 2 DESC, 1");
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                types.put(result.getString(1), result.getLong(2));
            }
        }
        return types;
    }

    private long single(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static long notYetMigrated(SQLException e) throws SQLException {
        if (UNDEFINED_TABLE.equals(e.getSQLState())) {
            return 0;
        }
        throw e;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
