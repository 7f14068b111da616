package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.core.ledger.MissingPrerequisite;
import org.clueexchange.core.ledger.SlaClock;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Notes on every clue from when it lacks a prerequisite (transfer_ledger.prerequisite_missing_since), so that a
 * list of anomalous clues finds those already on the ledger. In Java, since the rule has one home,
 * {@link MissingPrerequisite}; the ledger projection keeps the column from here on.
 */
public class V9__MissingPrerequisites extends BaseJavaMigration {

    private static final int CLUES_PER_ROUND = 1_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE transfer_ledger ADD COLUMN prerequisite_missing_since TIMESTAMPTZ");
            ddl.execute("CREATE INDEX transfer_ledger_prerequisite_missing ON transfer_ledger "
                    + "(prerequisite_missing_since) WHERE prerequisite_missing_since IS NOT NULL");
        }
        String after = "";
        List<String> clueIds;
        while (!(clueIds = nextClues(connection, after)).isEmpty()) {
            note(connection, clueIds);
            after = clueIds.get(clueIds.size() - 1);
        }
    }

    private static List<String> nextClues(Connection connection, String after) throws SQLException {
        List<String> clueIds = new ArrayList<>();
        try (PreparedStatement clues = connection.prepareStatement(
                "SELECT clue_id FROM transfer_ledger WHERE clue_id > ? ORDER BY clue_id LIMIT " + CLUES_PER_ROUND)) {
            clues.setString(1, after);
            try (ResultSet rs = clues.executeQuery()) {
                while (rs.next()) {
                    clueIds.add(rs.getString(1));
                }
            }
        }
        return clueIds;
    }

    private static void note(Connection connection, List<String> clueIds) throws SQLException {
        String first = clueIds.get(0);
        String last = clueIds.get(clueIds.size() - 1);
        Map<String, Map<FactKind, Instant>> occurred = new HashMap<>();
        try (PreparedStatement facts = connection.prepareStatement("SELECT clue_id, fact, min(occurred_at) "
                + "FROM ledger_fact WHERE clue_id BETWEEN ? AND ? GROUP BY clue_id, fact")) {
            read(facts, first, last, rs -> occurred.computeIfAbsent(rs.getString(1), id -> new EnumMap<>(
                    FactKind.class)).put(FactKind.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant()));
        }
        Map<String, Map<SlaClock, Instant>> dueAt = new HashMap<>();
        try (PreparedStatement clocks = connection.prepareStatement(
                "SELECT clue_id, clock, due_at FROM ledger_clock WHERE clue_id BETWEEN ? AND ?")) {
            read(clocks, first, last, rs -> dueAt.computeIfAbsent(rs.getString(1), id -> new EnumMap<>(
                    SlaClock.class)).put(SlaClock.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant()));
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE transfer_ledger SET prerequisite_missing_since = ? WHERE clue_id = ?")) {
            for (String clueId : clueIds) {
                Instant since = MissingPrerequisite.earliest(occurred.getOrDefault(clueId, Map.of()),
                        dueAt.getOrDefault(clueId, Map.of()));
                if (since != null) {
                    update.setTimestamp(1, Timestamp.from(since));
                    update.setString(2, clueId);
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
    }

    private static void read(PreparedStatement query, String first, String last, RowReader reader)
            throws SQLException {
        query.setString(1, first);
        query.setString(2, last);
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                reader.read(rs);
            }
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }
}
