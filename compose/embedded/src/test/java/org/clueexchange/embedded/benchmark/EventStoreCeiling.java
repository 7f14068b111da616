package org.clueexchange.embedded.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.clueexchange.infrastructure.Database;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The most any intake could store on this database: the rows a core run wrote to its event store, written again by
 * plain JDBC into a copy of that table, with the same indexes and one commit per Kafka poll of facts. No decoding, no
 * rules, no serialization, no Axon: the figure an intake approaches and cannot pass while its events live in
 * PostgreSQL. Measured twice: by batched inserts, as Axon's JDBC event store appends, and by {@code COPY}, the fastest
 * way into PostgreSQL there is.
 */
final class EventStoreCeiling {

    /** Kafka's default {@code max.poll.records}, as the core's intake uses it: one transaction per poll. */
    private static final int FACTS_PER_COMMIT = 500;
    /** As the core's event store appends ({@code EventStoreConfiguration}). */
    private static final int ROWS_PER_BATCH = 500;
    private static final String COLUMNS = "aggregateidentifier, sequencenumber, type, eventidentifier, metadata, "
            + "payload, payloadrevision, payloadtype, timestamp";

    /** The rows a run wrote, how many facts they record, and how long writing them again took each way. */
    record Measured(long rows, long facts, Duration inserting, Duration copying) {

        double insertedFactsPerSecond() {
            return facts / (inserting.toNanos() / 1e9);
        }

        double insertedRowsPerSecond() {
            return rows / (inserting.toNanos() / 1e9);
        }

        double copiedFactsPerSecond() {
            return facts / (copying.toNanos() / 1e9);
        }
    }

    private EventStoreCeiling() {
    }

    /** Copies {@code database}'s event store rows, written by a run that recorded {@code facts} facts. */
    static Measured measure(Database database, long facts) throws SQLException, IOException {
        Properties properties = new Properties();
        properties.setProperty("user", database.username());
        properties.setProperty("password", database.password());
        properties.setProperty("reWriteBatchedInserts", "true");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), properties)) {
            long rows;
            try (Statement statement = connection.createStatement()) {
                // The copies draw their global index from the event store's own sequence, as appends do.
                statement.execute("CREATE TABLE ceiling_inserted (LIKE domainevententry INCLUDING ALL)");
                statement.execute("CREATE TABLE ceiling_copied (LIKE domainevententry INCLUDING ALL)");
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM domainevententry")) {
                    count.next();
                    rows = count.getLong(1);
                }
            }
            connection.setAutoCommit(false);
            int rowsPerCommit = (int) Math.max(1, rows * FACTS_PER_COMMIT / Math.max(1, facts));
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long inserting = 0;
            long copying = 0;
            try (PreparedStatement read = connection.prepareStatement("SELECT globalindex, " + COLUMNS
                    + " FROM domainevententry WHERE globalindex > ? ORDER BY globalindex LIMIT " + rowsPerCommit);
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO ceiling_inserted (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                long after = -1;
                List<Object[]> chunk;
                // Each commit's rows are read before its clock starts: only writing them is timed.
                while (!(chunk = chunk(read, after)).isEmpty()) {
                    connection.commit();
                    long started = System.nanoTime();
                    insert(insert, chunk);
                    connection.commit();
                    long inserted = System.nanoTime();
                    copy.copyIn("COPY ceiling_copied (" + COLUMNS + ") FROM STDIN (FORMAT csv)", csv(chunk));
                    connection.commit();
                    inserting += inserted - started;
                    copying += System.nanoTime() - inserted;
                    after = (Long) chunk.get(chunk.size() - 1)[0];
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE ceiling_inserted, ceiling_copied");
            }
            connection.commit();
            return new Measured(rows, facts, Duration.ofNanos(inserting), Duration.ofNanos(copying));
        }
    }

    private static void insert(PreparedStatement insert, List<Object[]> chunk) throws SQLException {
        for (int r = 0; r < chunk.size(); r++) {
            Object[] row = chunk.get(r);
            for (int i = 1; i < row.length; i++) {
                insert.setObject(i, row[i]);
            }
            insert.addBatch();
            if ((r + 1) % ROWS_PER_BATCH == 0 || r == chunk.size() - 1) {
                insert.executeBatch();
            }
        }
    }

    /**
     * The rows as COPY's CSV: text quoted, binary as bytea's hex form, nothing at all for null. Encoding is timed
     * with the copy, as a writer has to encode its rows somehow.
     */
    private static Reader csv(List<Object[]> chunk) {
        StringBuilder csv = new StringBuilder();
        for (Object[] row : chunk) {
            for (int i = 1; i < row.length; i++) {
                if (i > 1) {
                    csv.append(',');
                }
                Object value = row[i];
                if (value instanceof byte[] bytes) {
                    csv.append("\\x").append(HexFormat.of().formatHex(bytes));
                } else if (value instanceof String text) {
                    csv.append('"').append(text.replace("\"", "\"\"")).append('"');
                } else if (value != null) {
                    csv.append(value);
                }
            }
            csv.append('\n');
        }
        return new StringReader(csv.toString());
    }

    /** The next rows after global index {@code after}, the index first. */
    private static List<Object[]> chunk(PreparedStatement read, long after) throws SQLException {
        read.setLong(1, after);
        List<Object[]> rows = new ArrayList<>();
        try (ResultSet result = read.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = result.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
