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
 * The ledger tables' writes for one batch of events, held until the batch commits and then sent as a handful of
 * JDBC batches whatever the number of events: a statement per fact would make the database the ledger's pace.
 * Writes that depend on one another's order are folded in memory first, so that the batches may run in any order
 * of their rows and still leave what the events, applied one by one, would.
 */
final class LedgerBatch {

    private static final String ROW = """
            INSERT INTO transfer_ledger (clue_id, direction, state, sender_type, sender_jurisdiction,
                receiver_type, receiver_jurisdiction)
            VALUES (:clueId, :direction, :state, :senderType, :senderJurisdiction, :receiverType,
                :receiverJurisdiction)
            ON CONFLICT (clue_id) DO NOTHING
            """;
    private static final String FACT = """
            INSERT INTO ledger_fact (event_id, clue_id, fact, side, asserted_by, actor, occurred_at, published_at,
                recorded_at)
            VALUES (:eventId, :clueId, :fact, :side, :assertedBy, :actor, :occurredAt, :publishedAt, :recordedAt)
            ON CONFLICT (event_id) DO NOTHING
            """;
    /**
     * The fact's position: the one its transaction took, and whether a statement of the fact's month or a later one
     * had been drawn up before it. A fact the ledger already positioned, before it was rebuilt, keeps its position.
     */
    private static final String POSITION = """
            INSERT INTO ledger_fact_position (event_id, position, after_statement)
            SELECT CAST(:eventId AS UUID), position,
                coalesce(CAST(:occurredAt AS TIMESTAMPTZ) < latest_period_end, FALSE)
            FROM ledger_position
            ON CONFLICT (event_id) DO NOTHING
            """;
    private static final String ANOMALY = """
            INSERT INTO ledger_anomaly (clue_id, fact_event_id, related_event_id, kind, detail)
            VALUES (:clueId, :eventId, :relatedEventId, :kind, :detail)
            ON CONFLICT DO NOTHING
            """;
    private static final String CLOCK_STARTED = """
            INSERT INTO ledger_clock (clue_id, clock, started_by, due_at, status, stopped_by, stopped_at)
            VALUES (:clueId, :clock, :startedBy, :dueAt, :status, :stoppedBy, :stoppedAt)
            ON CONFLICT (clue_id, clock) DO UPDATE SET started_by = EXCLUDED.started_by, due_at = EXCLUDED.due_at,
                status = EXCLUDED.status, stopped_by = EXCLUDED.stopped_by, stopped_at = EXCLUDED.stopped_at
            """;
    private static final String CLOCK_STOPPED = """
            UPDATE ledger_clock SET stopped_by = :stoppedBy, stopped_at = :stoppedAt, status = :status
            WHERE clue_id = :clueId AND clock = :clock
            """;
    private static final String CLOCK_STATUS =
            "UPDATE ledger_clock SET status = :status WHERE clue_id = :clueId AND clock = :clock";

    /** A fact to show on its clue's row, and what else the row shows of it once it is shown. */
    private record Shown(String clueId, String sql, SqlParameterSource parameters, Consumer<LedgerBatch> alsoShow) {
    }

    /** A row of a table the batch only adds to, with the clue it belongs to. */
    private record Added(String clueId, SqlParameterSource columns) {
    }

    private record ClockKey(String clueId, SlaClock clock) {
    }

    private record OutcomesKey(String clueId, FactKind fact) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Map<String, SqlParameterSource> rows = new LinkedHashMap<>();
    private final List<Shown> shown = new ArrayList<>();
    private final List<Added> facts = new ArrayList<>();
    private final List<Added> anomalies = new ArrayList<>();
    private final Map<ClockKey, Map<String, Object>> clocks = new LinkedHashMap<>();
    private final Map<String, List<TransferredClue.Subject>> subjects = new LinkedHashMap<>();
    private final Map<OutcomesKey, List<OutcomeTally>> outcomes = new LinkedHashMap<>();

    LedgerBatch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the clue's row unless it exists; the first row asked for in the batch is the one created. */
    void row(String clueId, MapSqlParameterSource columns) {
        rows.putIfAbsent(clueId, columns.addValue("clueId", clueId).addValue("state",
                LedgerState.AWAITING_TRANSFER.name()));
    }

    /**
     * Shows a fact on its row by a conditional update, which decides by itself whether the fact is the one to
     * show; {@code alsoShow} adds, to the batch that writes it, what comes with the fact if it is.
     */
    void show(String clueId, String sql, SqlParameterSource parameters, Consumer<LedgerBatch> alsoShow) {
        shown.add(new Shown(clueId, sql, parameters, alsoShow));
    }

    /** The people a transfer now shown names; the last transfer shown in the batch is the one the row shows. */
    void subjects(String clueId, List<TransferredClue.Subject> named) {
        subjects.put(clueId, named);
    }

    void outcomes(String clueId, FactKind fact, List<OutcomeTally> tallies) {
        outcomes.put(new OutcomesKey(clueId, fact), tallies);
    }

    void fact(String clueId, SqlParameterSource columns) {
        facts.add(new Added(clueId, columns));
    }

    void anomaly(String clueId, SqlParameterSource columns) {
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

    /** Adds another batch's writes after this one's, as if its events had been handled here. */
    void add(LedgerBatch later) {
        later.rows.forEach(rows::putIfAbsent);
        shown.addAll(later.shown);
        facts.addAll(later.facts);
        anomalies.addAll(later.anomalies);
        later.clocks.forEach((key, columns) -> clock(key.clueId(), key.clock(), columns));
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
        LedgerBatch alone = new LedgerBatch(jdbc);
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
    void write() {
        subjects.clear();
        outcomes.clear();
        batch(ROW, rows.values());
        writeShown();
        if (!subjects.isEmpty()) {
            jdbc.update("DELETE FROM ledger_subject WHERE clue_id IN (:clueIds)",
                    new MapSqlParameterSource("clueIds", subjects.keySet()));
        }
        List<SqlParameterSource> subjectRows = new ArrayList<>();
        subjects.forEach((clueId, named) -> {
            for (int position = 0; position < named.size(); position++) {
                TransferredClue.Subject subject = named.get(position);
                subjectRows.add(new MapSqlParameterSource("clueId", clueId).addValue("position", position)
                        .addValue("name", subject.name()).addValue("unit", subject.unit())
                        .addValue("rank", subject.rank().name()).addValue("role", subject.role())
                        .addValue("personKey", subject.personKey()));
            }
        });
        batch("INSERT INTO ledger_subject (clue_id, position, name, unit, rank, role, person_key) "
                + "VALUES (:clueId, :position, :name, :unit, :rank, :role, :personKey)", subjectRows);
        List<SqlParameterSource> outcomeKeys = new ArrayList<>();
        List<SqlParameterSource> outcomeRows = new ArrayList<>();
        outcomes.forEach((key, tallies) -> {
            outcomeKeys.add(new MapSqlParameterSource("clueId", key.clueId()).addValue("fact", key.fact().name()));
            tallies.forEach(tally -> outcomeRows.add(new MapSqlParameterSource("clueId", key.clueId())
                    .addValue("fact", key.fact().name()).addValue("outcome", tally.outcome().name())
                    .addValue("persons", tally.persons())));
        });
        batch("DELETE FROM ledger_outcome WHERE clue_id = :clueId AND fact = :fact", outcomeKeys);
        batch("INSERT INTO ledger_outcome (clue_id, fact, outcome, persons) "
                + "VALUES (:clueId, :fact, :outcome, :persons)", outcomeRows);
        batch(FACT, facts.stream().map(Added::columns).toList());
        batch(ANOMALY, anomalies.stream().map(Added::columns).toList());
        writeClocks();
        writeStates();
        writePositions();
    }

    /**
     * Gives the facts written the ledger's next position. Last, since the position's row stays locked until the
     * transaction commits, which makes positions follow the order of the commits, and no other transaction of the
     * ledger waits longer than it must. A batch written clue by clue, or an event written alone after a failure,
     * takes a position per write and holds the row from its first: only that rare path makes the other segment wait.
     */
    private void writePositions() {
        if (!facts.isEmpty()) {
            jdbc.getJdbcTemplate().update("UPDATE ledger_position SET position = position + 1");
            batch(POSITION, facts.stream().map(Added::columns).toList());
        }
    }

    /** Shows each fact its row should show, in the order of the events, then what comes with the facts shown. */
    private void writeShown() {
        Map<String, List<Shown>> bySql = new LinkedHashMap<>();
        shown.forEach(fact -> bySql.computeIfAbsent(fact.sql(), sql -> new ArrayList<>()).add(fact));
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
     * Moves each clue of the batch to the stage its facts, all of them so far, have reached, and notes from when it
     * lacks a prerequisite, so that a list of anomalous clues finds it once that moment has come. Every fact asks for
     * its clue's row, so the rows asked for are the clues whose facts the batch adds; it runs after the clocks are
     * written, since a prerequisite's time limit decides from when it is missing.
     */
    private void writeStates() {
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
        batch("UPDATE transfer_ledger SET state = :state, prerequisite_missing_since = :missingSince "
                + "WHERE clue_id = :clueId", clueIds.stream().map(clueId -> {
                    Map<FactKind, Instant> facts = occurred.getOrDefault(clueId, Map.of());
                    return (SqlParameterSource) new MapSqlParameterSource("clueId", clueId)
                            .addValue("state", LedgerState.of(facts.keySet()).name())
                            .addValue("missingSince", Timestamps.of(MissingPrerequisite.earliest(facts,
                                    dueAt.getOrDefault(clueId, Map.of()))));
                }).toList());
    }

    private void writeClocks() {
        Map<String, List<SqlParameterSource>> bySql = new LinkedHashMap<>();
        clocks.forEach((key, columns) -> {
            MapSqlParameterSource parameters = new MapSqlParameterSource(columns).addValue("clueId", key.clueId())
                    .addValue("clock", key.clock().name());
            String sql = columns.containsKey("startedBy") ? CLOCK_STARTED
                    : columns.containsKey("stoppedBy") ? CLOCK_STOPPED : CLOCK_STATUS;
            bySql.computeIfAbsent(sql, any -> new ArrayList<>()).add(parameters);
        });
        bySql.forEach(this::batch);
    }

    private void batch(String sql, Collection<SqlParameterSource> parameters) {
        if (!parameters.isEmpty()) {
            jdbc.batchUpdate(sql, parameters.toArray(SqlParameterSource[]::new));
        }
    }
}
