package org.clueexchange.core.ledger.query;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.core.ledger.SlaClock;
import org.clueexchange.core.ledger.messages.OutcomeTally;
import org.clueexchange.core.ledger.messages.TransferredClue;
import org.clueexchange.persistence.Timestamps;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The ledger's tables held in memory, row by row as the live tables would hold them after the same writes
 * ({@link LedgerBatch#applyTo}), then sent to empty tables at once with PostgreSQL's COPY: what a ledger built from
 * scratch, by the million facts, needs in place of a statement per fact.
 */
final class LedgerRows {

    private static final int COPY_CHUNK = 4 << 20;

    private final Map<String, Map<String, Object>> ledger = new LinkedHashMap<>();
    private final Map<Object, Map<String, Object>> facts = new LinkedHashMap<>();
    private final Map<List<Object>, Map<String, Object>> anomalies = new LinkedHashMap<>();
    private final Map<LedgerBatch.ClockKey, Map<String, Object>> clocks = new LinkedHashMap<>();
    private final Map<String, List<TransferredClue.Subject>> subjects = new LinkedHashMap<>();
    private final Map<LedgerBatch.OutcomesKey, List<OutcomeTally>> outcomes = new LinkedHashMap<>();

    void row(String clueId, Map<String, Object> columns) {
        ledger.putIfAbsent(clueId, new HashMap<>(columns));
    }

    /** Shows the fact on its row if it takes the place of the one shown; says whether it did. */
    boolean show(LedgerBatch.Shown fact) {
        Map<String, Object> row = ledger.get(fact.clueId());
        if (row == null) {
            return false;
        }
        ShownFact where = fact.where();
        OffsetDateTime shownAt = (OffsetDateTime) row.get(where.atColumn());
        if (!where.precedes(fact.at(), fact.eventId(), shownAt == null ? null : shownAt.toInstant(),
                (UUID) row.get(where.eventIdColumn()))) {
            return false;
        }
        row.putAll(fact.columns());
        row.put(where.eventIdColumn(), fact.eventId());
        row.put(where.atColumn(), Timestamps.of(fact.at()));
        return true;
    }

    void subjects(Map<String, List<TransferredClue.Subject>> shown) {
        subjects.putAll(shown);
    }

    void outcomes(Map<LedgerBatch.OutcomesKey, List<OutcomeTally>> shown) {
        outcomes.putAll(shown);
    }

    void fact(Map<String, Object> columns) {
        facts.putIfAbsent(columns.get("event_id"), columns);
    }

    void anomaly(Map<String, Object> columns) {
        anomalies.putIfAbsent(List.of(columns.get("clue_id"), columns.get("fact_event_id"),
                columns.get("related_event_id"), columns.get("kind")), columns);
    }

    /** A clock's columns; a clock not started has no row to change. */
    void clock(LedgerBatch.ClockKey key, Map<String, Object> columns) {
        Map<String, Object> row = clocks.get(key);
        if (row == null) {
            if (!LedgerBatch.starts(columns)) {
                return;
            }
            row = new HashMap<>();
            row.put("clue_id", key.clueId());
            row.put("clock", key.clock().name());
            clocks.put(key, row);
        }
        row.putAll(columns);
    }

    int clues() {
        return ledger.size();
    }

    /**
     * Writes every row into the empty ledger tables of the connection's schema, in one transaction: each clue's
     * stage as {@link LedgerBatch#stateColumns} decides it from all its facts and clocks, and the facts' positions
     * as the one transaction that wrote them.
     */
    void copyInto(Connection connection) throws SQLException {
        Map<String, Map<FactKind, Instant>> occurred = new HashMap<>();
        facts.values().forEach(fact -> occurred.computeIfAbsent((String) fact.get("clue_id"),
                        id -> new EnumMap<>(FactKind.class))
                .merge(FactKind.valueOf((String) fact.get("fact")), ((OffsetDateTime) fact.get("occurred_at"))
                        .toInstant(), (one, other) -> one.isBefore(other) ? one : other));
        Map<String, Map<SlaClock, Instant>> dueAt = new HashMap<>();
        clocks.forEach((key, clock) -> dueAt.computeIfAbsent(key.clueId(), id -> new EnumMap<>(SlaClock.class))
                .put(key.clock(), ((OffsetDateTime) clock.get("due_at")).toInstant()));
        ledger.forEach((clueId, row) -> row.putAll(LedgerBatch.stateColumns(occurred.getOrDefault(clueId, Map.of()),
                dueAt.getOrDefault(clueId, Map.of()))));
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy(copy, "transfer_ledger", ledger.values());
            copy(copy, "ledger_subject", LedgerBatch.subjectRows(subjects));
            copy(copy, "ledger_outcome", LedgerBatch.outcomeRows(outcomes));
            copy(copy, "ledger_fact", facts.values());
            copy(copy, "ledger_anomaly", anomalies.values());
            copy(copy, "ledger_clock", clocks.values());
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE ledger_position SET position = position + 1");
                statement.executeUpdate("INSERT INTO ledger_fact_position (event_id, position, after_statement) "
                        + "SELECT f.event_id, p.position, " + LedgerBatch.AFTER_STATEMENT.formatted("f.occurred_at")
                        + " FROM ledger_fact f CROSS JOIN ledger_position p ON CONFLICT (event_id) DO NOTHING");
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** COPY of the rows in PostgreSQL's text format, every column any row has, in chunks of a few MiB. */
    private static void copy(CopyManager copy, String table, Collection<Map<String, Object>> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(row -> names.addAll(row.keySet()));
        List<String> columns = new ArrayList<>(names);
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                text.append(i == 0 ? "" : "\t");
                append(text, row.get(columns.get(i)));
            }
            text.append('\n');
            if (text.length() >= COPY_CHUNK) {
                send(copy, sql, text);
            }
        }
        send(copy, sql, text);
    }

    private static void send(CopyManager copy, String sql, StringBuilder text) throws SQLException {
        if (text.isEmpty()) {
            return;
        }
        try {
            copy.copyIn(sql, new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("the rows of " + sql + " could not be read", e);
        }
        text.setLength(0);
    }

    /** A value in COPY's text format: {@code \N} for null, backslash escapes for what would end a field or a row. */
    private static void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String string) {
            escaped(text, string);
        } else if (value instanceof String[] strings) {
            StringBuilder array = new StringBuilder("{");
            for (int i = 0; i < strings.length; i++) {
                array.append(i == 0 ? "\"" : ",\"");
                array.append(strings[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            escaped(text, array.append('}').toString());
        } else if (value instanceof OffsetDateTime at) {
            text.append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at));
        } else if (value instanceof UUID || value instanceof Integer || value instanceof Long
                || value instanceof Boolean) {
            text.append(value);
        } else {
            throw new IllegalArgumentException("no COPY text for a " + value.getClass().getName());
        }
    }

    private static void escaped(StringBuilder text, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
