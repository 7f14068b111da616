package org.clueexchange.core.ledger.query;

import java.time.Instant;
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
import java.util.function.Consumer;
import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.core.ledger.LedgerState;
import org.clueexchange.core.ledger.MissingPrerequisite;
import org.clueexchange.core.ledger.SlaClock;
import org.clueexchange.core.ledger.messages.OutcomeTally;
import org.clueexchange.core.ledger.messages.TransferredClue;
import org.clueexchange.persistence.Timestamps;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The ledger tables' writes for one batch of events, each a row by its columns' names, held until the batch commits
 * and then sent as a handful of JDBC batches whatever the number of events: a statement per fact would make the
 * database the ledger's pace. Writes that depend on one another's order are folded in memory first, so that the
 * batches may run in any order of their rows and still leave what the events, applied one by one, would. The same
 * writes can instead be applied to a ledger held in memory ({@link #applyTo}), with the same outcome.
 */
final class LedgerBatch {

    private static final String ROW = """
            INSERT INTO transfer_ledger (clue_id, direction, state, sender_type, sender_jurisdiction,
                receiver_type, receiver_jurisdiction)
            VALUES (:clue_id, :direction, :state, :sender_type, :sender_jurisdiction, :receiver_type,
                :receiver_jurisdiction)
            ON CONFLICT (clue_id) DO NOTHING
            """;
    private static final String FACT = """
            INSERT INTO ledger_fact (event_id, clue_id, fact, side, asserted_by, actor, occurred_at, published_at,
                recorded_at)
            VALUES (:event_id, :clue_id, :fact, :side, :asserted_by, :actor, :occurred_at, :published_at,
                :recorded_at)
            ON CONFLICT (event_id) DO NOTHING
            """;
    /**
     * Whether a statement of the fact's month or a later one had been drawn up before the fact took its position,
     * given when the fact occurred.
     */
    static final String AFTER_STATEMENT = "coalesce(%s < latest_period_end, FALSE)";
    /**
     * The fact's position: the one its transaction took, and whether it came after a statement. A fact the ledger
     * already positioned, before it was rebuilt, keeps its position.
     */
    private static final String POSITION = "INSERT INTO ledger_fact_position (event_id, position, after_statement) "
            + "SELECT CAST(:event_id AS UUID), position, " + AFTER_STATEMENT.formatted("CAST(:occurred_at AS TIMESTAMPTZ)")
            + " FROM ledger_position ON CONFLICT (event_id) DO NOTHING";
    private static final String ANOMALY = """
            INSERT INTO ledger_anomaly (clue_id, fact_event_id, related_event_id, kind, detail)
            VALUES (:clue_id, :fact_event_id, :related_event_id, :kind, :detail)
            ON CONFLICT DO NOTHING
            """;
    private static final String CLOCK_STARTED = """
            INSERT INTO ledger_clock (clue_id, clock, started_by, due_at, status, stopped_by, stopped_at)
            VALUES (:clue_id, :clock, :started_by, :due_at, :status, :stopped_by, :stopped_at)
            ON CONFLICT (clue_id, clock) DO UPDATE SET started_by = EXCLUDED.started_by, due_at = EXCLUDED.due_at,
                status = EXCLUDED.status, stopped_by = EXCLUDED.stopped_by, stopped_at = EXCLUDED.stopped_at
            """;
    private static final String CLOCK_STOPPED = """
            UPDATE ledger_clock SET stopped_by = :stopped_by, stopped_at = :stopped_at, status = :status
            WHERE clue_id = :clue_id AND clock = :clock
            """;
    private static final String CLOCK_STATUS =
            "UPDATE ledger_clock SET status = :status WHERE clue_id = :clue_id AND clock = :clock";

    /** A fact to show on its clue's row, and what else the row shows of it once it is shown. */
    record Shown(String clueId, ShownFact where, UUID eventId, Instant at, Map<String, Object> columns,
                 Consumer<LedgerBatch> alsoShow) {

        SqlParameterSource parameters() {
            return new MapSqlParameterSource(columns).addValue("clue_id", clueId).addValue("event_id", eventId)
                    .addValue("at", Timestamps.of(at));
        }
    }

    /** A row of a table the batch only adds to, with the clue it belongs to. */
    record Added(String clueId, Map<String, Object> columns) {
    }

    record ClockKey(String clueId, SlaClock clock) {
    }

    record OutcomesKey(String clueId, FactKind fact) {
    }

    private final Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
    private final List<Shown> shown = new ArrayList<>();
    private final List<Added> facts = new ArrayList<>();
    private final List<Added> anomalies = new ArrayList<>();
    private final Map<ClockKey, Map<String, Object>> clocks = new LinkedHashMap<>();
    private final Map<String, List<TransferredClue.Subject>> subjects = new LinkedHashMap<>();
    private final Map<OutcomesKey, List<OutcomeTally>> outcomes = new LinkedHashMap<>();

    /** Creates the clue's row unless it exists; the first row asked for in the batch is the one created. */
    void row(String clueId, Map<String, Object> columns) {
        Map<String, Object> row = new HashMap<>(columns);
        row.put("clue_id", clueId);
        row.put("state", LedgerState.AWAITING_TRANSFER.name());
        rows.putIfAbsent(clueId, row);
    }

    /**
     * Shows a fact and its {@code columns} on its row where {@code where} decides it is the one to show;
     * {@code alsoShow} adds, to the batch that writes it, what comes with the fact if it is.
     */
    void show(String clueId, ShownFact where, UUID eventId, Instant at, Map<String, Object> columns,
              Consumer<LedgerBatch> alsoShow) {
        shown.add(new Shown(clueId, where, eventId, at, columns, alsoShow));
    }

    /** The people a transfer now shown names; the last transfer shown in the batch is the one the row shows. */
    void subjects(String clueId, List<TransferredClue.Subject> named) {
        subjects.put(clueId, named);
    }

    void outcomes(String clueId, FactKind fact, List<OutcomeTally> tallies) {
        outcomes.put(new OutcomesKey(clueId, fact), tallies);
    }

    void fact(String clueId, Map<String, Object> columns) {
        facts.add(new Added(clueId, columns));
    }

    void anomaly(String clueId, Map<String, Object> columns) {
        anomalies.add(new Added(clueId, columns));
    }

    /**
     * A clock's columns set by an event, over what earlier events of the batch set. A start sets every column, so
     * a clock started in the batch is written whole; otherwise only the columns the batch set are.
     */
    void clock(String clueId, SlaClock clock, Map<String, Object> columns) {
        Map<String, Object> folded = clocks.computeIfAbsent(new ClockKey(clueId, clock), key -> new HashMap<>());
        folded.putAll(columns);
    }

    /** Whether the clock's columns start it, and so make its row whole, or change a row that must exist. */
    static boolean starts(Map<String, Object> clockColumns) {
        return clockColumns.containsKey("started_by");
    }

    /** Adds another batch's writes after this one's, as if its events had been handled here. */
    void add(LedgerBatch later) {
        later.rows.forEach(rows::putIfAbsent);
        shown.addAll(later.shown);
        facts.addAll(later.facts);
        anomalies.addAll(later.anomalies);
        later.clocks.forEach((key, columns) -> clock(key.clueId(), key.clock(), columns));
    }

    /**
     * Applies the writes to a ledger held in memory, as {@link #write} would to the tables: a row is created once, a
     * fact shown where it precedes the one shown and then brings along its people and outcomes, a fact or an
     * anomaly added once, a clock changed only once started.
     */
    void applyTo(LedgerRows ledger) {
        rows.forEach(ledger::row);
        for (Shown fact : shown) {
            if (ledger.show(fact)) {
                LedgerBatch brought = new LedgerBatch();
                fact.alsoShow().accept(brought);
                ledger.subjects(brought.subjects);
                ledger.outcomes(brought.outcomes);
            }
        }
        facts.forEach(fact -> ledger.fact(fact.columns()));
        anomalies.forEach(anomaly -> ledger.anomaly(anomaly.columns()));
        clocks.forEach(ledger::clock);
    }

    /** Every clue the batch writes to, in the order the batch first wrote to it. */
    Set<String> clueIds() {
        Set<String> clueIds = new LinkedHashSet<>(rows.keySet());
        shown.forEach(fact -> clueIds.add(fact.clueId()));
        facts.forEach(fact -> clueIds.add(fact.clueId()));
        anomalies.forEach(anomaly -> clueIds.add(anomaly.clueId()));
        clocks.keySet().forEach(key -> clueIds.add(key.clueId()));
        return clueIds;
    }

    /**
     * The writes of this batch to one clue alone: a clue's rows depend on nothing but its own events, so a batch
     * may be written clue by clue and leave the same tables.
     */
    LedgerBatch of(String clueId) {
        LedgerBatch alone = new LedgerBatch();
        if (rows.containsKey(clueId)) {
            alone.rows.put(clueId, rows.get(clueId));
        }
        shown.stream().filter(fact -> fact.clueId().equals(clueId)).forEach(alone.shown::add);
        facts.stream().filter(fact -> fact.clueId().equals(clueId)).forEach(alone.facts::add);
        anomalies.stream().filter(anomaly -> anomaly.clueId().equals(clueId)).forEach(alone.anomalies::add);
        clocks.forEach((key, columns) -> {
            if (key.clueId().equals(clueId)) {
                alone.clocks.put(key, columns);
            }
        });
        return alone;
    }

    /**
     * Sends the batch's writes. What a fact shown brings along (its people, its outcomes) is gathered afresh by each
     * attempt, since only the rows an attempt updates decide it.
     */
    void write(NamedParameterJdbcTemplate jdbc) {
        subjects.clear();
        outcomes.clear();
        batch(jdbc, ROW, rows.values());
        writeShown(jdbc);
        if (!subjects.isEmpty()) {
            jdbc.update("DELETE FROM ledger_subject WHERE clue_id IN (:clueIds)",
                    new MapSqlParameterSource("clueIds", subjects.keySet()));
        }
        batch(jdbc, "INSERT INTO ledger_subject (clue_id, position, name, unit, rank, role, person_key) "
                + "VALUES (:clue_id, :position, :name, :unit, :rank, :role, :person_key)", subjectRows(subjects));
        batch(jdbc, "DELETE FROM ledger_outcome WHERE clue_id = :clue_id AND fact = :fact",
                outcomes.keySet().stream().map(key -> Map.<String, Object>of("clue_id", key.clueId(),
                        "fact", key.fact().name())).toList());
        batch(jdbc, "INSERT INTO ledger_outcome (clue_id, fact, outcome, persons) "
                + "VALUES (:clue_id, :fact, :outcome, :persons)", outcomeRows(outcomes));
        batch(jdbc, FACT, facts.stream().map(Added::columns).toList());
        batch(jdbc, ANOMALY, anomalies.stream().map(Added::columns).toList());
        writeClocks(jdbc);
        writeStates(jdbc);
        writePositions(jdbc);
    }

    /** The rows of {@code ledger_subject} for the people each clue's row shows. */
    static List<Map<String, Object>> subjectRows(Map<String, List<TransferredClue.Subject>> subjects) {
        List<Map<String, Object>> subjectRows = new ArrayList<>();
        subjects.forEach((clueId, named) -> {
            for (int position = 0; position < named.size(); position++) {
                TransferredClue.Subject subject = named.get(position);
                Map<String, Object> row = new HashMap<>();
                row.put("clue_id", clueId);
                row.put("position", position);
                row.put("name", subject.name());
                row.put("unit", subject.unit());
                row.put("rank", subject.rank().name());
                row.put("role", subject.role());
                row.put("person_key", subject.personKey());
                subjectRows.add(row);
            }
        });
        return subjectRows;
    }

    /** The rows of {@code ledger_outcome} for the outcomes each clue's row shows. */
    static List<Map<String, Object>> outcomeRows(Map<OutcomesKey, List<OutcomeTally>> outcomes) {
        List<Map<String, Object>> outcomeRows = new ArrayList<>();
        outcomes.forEach((key, tallies) -> tallies.forEach(tally -> outcomeRows.add(Map.of("clue_id", key.clueId(),
                "fact", key.fact().name(), "outcome", tally.outcome().name(), "persons", tally.persons()))));
        return outcomeRows;
    }

    /**
     * The stage a clue's facts, all of them so far, have reached, and from when it lacks a prerequisite, so that a
     * list of anomalous clues finds it once that moment has come; a prerequisite's time limit decides from when it
     * is missing.
     */
    static Map<String, Object> stateColumns(Map<FactKind, Instant> occurred, Map<SlaClock, Instant> dueAt) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("state", LedgerState.of(occurred.keySet()).name());
        columns.put("prerequisite_missing_since", Timestamps.of(MissingPrerequisite.earliest(occurred, dueAt)));
        return columns;
    }

    /**
     * Gives the facts written the ledger's next position. Last, since the position's row stays locked until the
     * transaction commits, which makes positions follow the order of the commits, and no other transaction of the
     * ledger waits longer than it must. A batch written clue by clue, or an event written alone after a failure,
     * takes a position per write and holds the row from its first: only that rare path makes the other segment wait.
     */
    private void writePositions(NamedParameterJdbcTemplate jdbc) {
        if (!facts.isEmpty()) {
            jdbc.getJdbcTemplate().update("UPDATE ledger_position SET position = position + 1");
            batch(jdbc, POSITION, facts.stream().map(Added::columns).toList());
        }
    }

    /** Shows each fact its row should show, in the order of the events, then what comes with the facts shown. */
    private void writeShown(NamedParameterJdbcTemplate jdbc) {
        Map<String, List<Shown>> bySql = new LinkedHashMap<>();
        shown.forEach(fact -> bySql.computeIfAbsent(fact.where().update(fact.columns().keySet()),
                sql -> new ArrayList<>()).add(fact));
        bySql.forEach((sql, facts) -> {
            int[] updated = jdbc.batchUpdate(sql, facts.stream().map(Shown::parameters)
                    .toArray(SqlParameterSource[]::new));
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 1) {
                    facts.get(i).alsoShow().accept(this);
                }
            }
        });
    }

    /**
     * Moves each clue of the batch to the stage its facts have reached ({@link #stateColumns}). Every fact asks for
     * its clue's row, so the rows asked for are the clues whose facts the batch adds; it runs after the clocks are
     * written, since a prerequisite's time limit decides from when it is missing.
     */
    private void writeStates(NamedParameterJdbcTemplate jdbc) {
        if (rows.isEmpty()) {
            return;
        }
        Set<String> clueIds = rows.keySet();
        MapSqlParameterSource ids = new MapSqlParameterSource("clueIds", clueIds);
        Map<String, Map<FactKind, Instant>> occurred = new HashMap<>();
        jdbc.query("SELECT clue_id, fact, min(occurred_at) AS occurred_at FROM ledger_fact "
                + "WHERE clue_id IN (:clueIds) GROUP BY clue_id, fact", ids, rs -> {
                    occurred.computeIfAbsent(rs.getString("clue_id"), id -> new EnumMap<>(FactKind.class))
                            .put(FactKind.valueOf(rs.getString("fact")), Timestamps.instant(rs, "occurred_at"));
                });
        Map<String, Map<SlaClock, Instant>> dueAt = new HashMap<>();
        jdbc.query("SELECT clue_id, clock, due_at FROM ledger_clock WHERE clue_id IN (:clueIds)", ids, rs -> {
            dueAt.computeIfAbsent(rs.getString("clue_id"), id -> new EnumMap<>(SlaClock.class))
                    .put(SlaClock.valueOf(rs.getString("clock")), Timestamps.instant(rs, "due_at"));
        });
        batch(jdbc, "UPDATE transfer_ledger SET state = :state, prerequisite_missing_since = "
                + ":prerequisite_missing_since WHERE clue_id = :clue_id", clueIds.stream().map(clueId -> {
                    Map<String, Object> columns = stateColumns(occurred.getOrDefault(clueId, Map.of()),
                            dueAt.getOrDefault(clueId, Map.of()));
                    columns.put("clue_id", clueId);
                    return columns;
                }).toList());
    }

    private void writeClocks(NamedParameterJdbcTemplate jdbc) {
        Map<String, List<Map<String, Object>>> bySql = new LinkedHashMap<>();
        clocks.forEach((key, columns) -> {
            Map<String, Object> parameters = new HashMap<>(columns);
            parameters.put("clue_id", key.clueId());
            parameters.put("clock", key.clock().name());
            String sql = starts(columns) ? CLOCK_STARTED
                    : columns.containsKey("stopped_by") ? CLOCK_STOPPED : CLOCK_STATUS;
            bySql.computeIfAbsent(sql, any -> new ArrayList<>()).add(parameters);
        });
        bySql.forEach((sql, parameters) -> batch(jdbc, sql, parameters));
    }

    private static void batch(NamedParameterJdbcTemplate jdbc, String sql,
                              Collection<? extends Map<String, Object>> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows.stream().map(MapSqlParameterSource::new).toArray(SqlParameterSource[]::new));
        }
    }
}
