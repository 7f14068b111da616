package org.clueexchange.core.ledger.query;

import static org.clueexchange.persistence.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clueexchange.core.ledger.AnomalyKind;
import org.clueexchange.core.ledger.Direction;
import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.core.ledger.SlaClock;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.DisposalMethod;
import org.clueexchange.events.ReceiptChannel;
import org.clueexchange.events.ReturnReason;
import org.clueexchange.persistence.Timestamps;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger as reconciliation reads it, in bulk: the rows of the clues a period's statement is about, the facts
 * that arrived late, and the totals officers report upward, all in one snapshot with the ledger's position in it. The
 * ledger projection owns these tables; this is their read side for statements.
 */
@Component
public class ReconciliationLedger {

    private final JdbcClient jdbc;
    private final LedgerSnapshots snapshots;

    public ReconciliationLedger(JdbcClient jdbc, LedgerSnapshots snapshots) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
    }

    /**
     * What a statement of [{@code start}, {@code end}) is drawn up from: {@link #forPeriod}, {@link #totals} and
     * {@link #arrivedAfter} read in one snapshot, with the position the ledger stood at in it. Read apart, a batch
     * committing in between would show a fact in one read and not in another, and no position would say which.
     *
     * @param amendsAfter the position of last month's statement as both agencies confirmed it, above which the late
     *                    facts are read; or null to read none
     */
    public Snapshot snapshot(String jurisdiction, Instant start, Instant end, Long amendsAfter) {
        return snapshots.read(end, position -> new Snapshot(position, forPeriod(jurisdiction, start, end),
                totals(jurisdiction, start, end),
                amendsAfter == null ? List.of() : arrivedAfter(jurisdiction, start, amendsAfter)));
    }

    /** The ledger as one snapshot saw it: its position, the rows, the totals and the facts that came late. */
    public record Snapshot(long position, List<LedgerRow> rows, LedgerTotals totals, List<RecordedFact> late) {
    }

    /**
     * The clues sent or received within {@code jurisdiction} that had a fact occur in [{@code start}, {@code end})
     * or that were not closed or returned before {@code end}: every clue a statement of that period might list, in
     * the order of their ids.
     */
    public List<LedgerRow> forPeriod(String jurisdiction, Instant start, Instant end) {
        MapSqlParameterSource params = period(jurisdiction, start, end);
        // The jurisdiction's clues are found first, by its codes, and each is looked up by its key from there: how
        // many the ledger holds elsewhere does not enter into it. OFFSET 0 keeps the inner query whole, so whether a
        // clue changed in the period is asked once, and its other lookups are made only for the clues listed. Time
        // limits come as arrays on the row, not as a second query naming thousands of clues.
        List<LedgerRow> clues = new ArrayList<>(jdbc.sql("""
                SELECT l.*,
                    (SELECT min(p.occurred_at) FROM ledger_fact p
                        WHERE p.clue_id = l.clue_id AND p.fact = 'PROGRESS_REPORTED') AS first_progress_at,
                    ARRAY(SELECT c.clock FROM ledger_clock c WHERE c.clue_id = l.clue_id ORDER BY c.clock) AS clocks,
                    ARRAY(SELECT c.due_at FROM ledger_clock c WHERE c.clue_id = l.clue_id ORDER BY c.clock) AS dues
                FROM (
                    SELECT l.*, EXISTS (SELECT FROM ledger_fact f WHERE f.clue_id = l.clue_id
                        AND f.occurred_at >= :start AND f.occurred_at < :end) AS changed_in_period
                    FROM transfer_ledger l WHERE %s OFFSET 0) l
                WHERE l.changed_in_period OR (l.acknowledgement_event_id IS NULL AND l.return_event_id IS NULL)
                    OR l.acknowledged_at >= :end OR l.returned_at >= :end
                """.formatted(JurisdictionScope.CONDITION)).paramSource(params).query((rs, i) -> row(rs)).list());
        // Ordered here, not by the database's collation, so that the statement's digest does not depend on it.
        clues.sort(Comparator.comparing(LedgerRow::clueId));
        Map<String, List<LedgerRow.Anomaly>> anomalies = new HashMap<>();
        jdbc.sql("""
                SELECT a.clue_id, a.kind, a.detail, f.fact, f.occurred_at, r.occurred_at AS related_occurred_at
                FROM ledger_anomaly a
                JOIN transfer_ledger l ON l.clue_id = a.clue_id
                JOIN ledger_fact f ON f.event_id = a.fact_event_id
                JOIN ledger_fact r ON r.event_id = a.related_event_id
                WHERE %s ORDER BY a.clue_id, f.occurred_at, a.kind
                """.formatted(JurisdictionScope.CONDITION)).paramSource(params).query(rs -> {
            FactKind fact = FactKind.valueOf(rs.getString("fact"));
            anomalies.computeIfAbsent(rs.getString("clue_id"), id -> new ArrayList<>()).add(new LedgerRow.Anomaly(
                    AnomalyKind.valueOf(rs.getString("kind")), rs.getString("detail"), fact, fact.side(),
                    instant(rs, "occurred_at"), instant(rs, "related_occurred_at")));
        });
        return anomalies.isEmpty() ? clues : clues.stream()
                .map(clue -> clue.withAnomalies(anomalies.getOrDefault(clue.clueId(), List.of()))).toList();
    }

    /**
     * The counts officers report upward for clues sent or received within {@code jurisdiction}: for the period
     * [{@code start}, {@code end}) and cumulative to its end (截至), per direction.
     */
    public LedgerTotals totals(String jurisdiction, Instant start, Instant end) {
        MapSqlParameterSource params = period(jurisdiction, start, end);
        List<LedgerTotals.Count> stages = new ArrayList<>();
        jdbc.sql("SELECT l.direction, "
                + stage("transferred_at") + ", " + stage("received_at") + ", " + stage("accepted_at") + ", "
                + stage("returned_at") + ", " + stage("concluded_at") + ", "
                + "count(*) FILTER (WHERE l.accepted_at >= :start AND " + OPEN_AFTER_ACCEPTANCE
                + ") AS open_after_acceptance_month, "
                + "count(*) FILTER (WHERE " + OPEN_AFTER_ACCEPTANCE + ") AS open_after_acceptance_total "
                + "FROM transfer_ledger l WHERE " + JurisdictionScope.CONDITION + " GROUP BY l.direction")
                .paramSource(params).query(rs -> {
                    Direction direction = Direction.valueOf(rs.getString("direction"));
                    for (LedgerTotals.Stage stage : LedgerTotals.Stage.values()) {
                        String column = stage.name().toLowerCase(Locale.ROOT);
                        stages.add(new LedgerTotals.Count(direction, stage.name(), rs.getLong(column + "_month"),
                                rs.getLong(column + "_total")));
                    }
                });
        List<LedgerTotals.Count> sources = jdbc.sql("SELECT l.direction, l.source AS item, "
                + "count(*) FILTER (WHERE l.transferred_at >= :start) AS month, count(*) AS total "
                + "FROM transfer_ledger l WHERE l.transferred_at < :end AND " + JurisdictionScope.CONDITION
                + " GROUP BY l.direction, l.source").paramSource(params).query((rs, i) -> count(rs)).list();
        // OFFSET 0 keeps each lookup a lookup by the clue's key: joined instead, the planner may read the whole
        // table of outcomes or persons, and a prefecture's statement would take as long as the country's ledger is big.
        List<LedgerTotals.Count> outcomes = jdbc.sql("""
                SELECT l.direction, o.outcome AS item,
                    coalesce(sum(o.persons) FILTER (WHERE l.concluded_at >= :start), 0) AS month,
                    sum(o.persons) AS total
                FROM transfer_ledger l CROSS JOIN LATERAL (SELECT o.outcome, o.persons FROM ledger_outcome o
                    WHERE o.clue_id = l.clue_id AND o.fact = 'CONCLUDED' OFFSET 0) o
                WHERE l.concluded_at < :end AND %s GROUP BY l.direction, o.outcome
                """.formatted(JurisdictionScope.CONDITION)).paramSource(params).query((rs, i) -> count(rs)).list();
        List<LedgerTotals.Count> ranks = jdbc.sql("""
                SELECT l.direction, s.rank AS item, count(*) FILTER (WHERE l.transferred_at >= :start) AS month,
                    count(*) AS total
                FROM transfer_ledger l CROSS JOIN LATERAL (SELECT s.rank FROM ledger_subject s
                    WHERE s.clue_id = l.clue_id OFFSET 0) s
                WHERE l.transferred_at < :end AND %s GROUP BY l.direction, s.rank
                """.formatted(JurisdictionScope.CONDITION)).paramSource(params).query((rs, i) -> count(rs)).list();
        return new LedgerTotals(stages, sources, outcomes, ranks);
    }

    /**
     * The facts on clues sent or received within {@code jurisdiction} that occurred before {@code before} and reached
     * the ledger after position {@code after}, though a statement of their month had been drawn up by then, in the
     * order they occurred. Only such a fact can amend a statement. Each says whether its clue had no fact of its kind
     * before {@code before} at position {@code after}: only then does it add to the cumulative count of its kind.
     */
    public List<RecordedFact> arrivedAfter(String jurisdiction, Instant before, long after) {
        MapSqlParameterSource params = JurisdictionScope.bind(new MapSqlParameterSource(), jurisdiction)
                .addValue("before", Timestamps.of(before))
                .addValue("after", after);
        // Found by position in the partial index ledger_fact_position_after_statement (V11), which holds only the few
        // facts that came after a statement of their month, then joined by key.
        return jdbc.sql("""
                SELECT f.clue_id, f.fact, f.asserted_by, f.occurred_at, f.recorded_at, p.position,
                    NOT EXISTS (SELECT FROM ledger_fact o JOIN ledger_fact_position op ON op.event_id = o.event_id
                        WHERE o.clue_id = f.clue_id AND o.fact = f.fact AND o.occurred_at < :before
                            AND op.position <= :after) AS first_of_its_kind
                FROM ledger_fact_position p
                JOIN ledger_fact f ON f.event_id = p.event_id
                JOIN transfer_ledger l ON l.clue_id = f.clue_id
                WHERE p.after_statement AND p.position > :after AND f.occurred_at < :before AND %s
                ORDER BY f.occurred_at, f.clue_id, f.fact
                """.formatted(JurisdictionScope.CONDITION)).paramSource(params).query((rs, i) -> new RecordedFact(
                rs.getString("clue_id"), FactKind.valueOf(rs.getString("fact")),
                AgencyId.parse(rs.getString("asserted_by")), instant(rs, "occurred_at"),
                instant(rs, "recorded_at"), rs.getLong("position"), rs.getBoolean("first_of_its_kind"))).list();
    }

    /**
     * A fact on a clue's timeline, with when it occurred at its agency, when it was recorded, and its position on the
     * ledger.
     *
     * @param firstOfItsKind whether its clue had no fact of its kind, up to the position and the instant it was read
     *                       against
     */
    public record RecordedFact(String clueId, FactKind fact, AgencyId assertedBy, Instant occurredAt,
                               Instant recordedAt, long position, boolean firstOfItsKind) {
    }

    private static MapSqlParameterSource period(String jurisdiction, Instant start, Instant end) {
        return JurisdictionScope.bind(new MapSqlParameterSource(), jurisdiction)
                .addValue("start", Timestamps.of(start))
                .addValue("end", Timestamps.of(end));
    }

    /** {@link LedgerTotals.Stage#OPEN_AFTER_ACCEPTANCE}: accepted before the end, neither concluded nor returned. */
    private static final String OPEN_AFTER_ACCEPTANCE = "l.accepted_at < :end AND (l.concluded_at IS NULL "
            + "OR l.concluded_at >= :end) AND (l.returned_at IS NULL OR l.returned_at >= :end)";

    private static String stage(String column) {
        String name = column.substring(0, column.length() - "_at".length());
        return "count(*) FILTER (WHERE l." + column + " >= :start AND l." + column + " < :end) AS " + name
                + "_month, count(*) FILTER (WHERE l." + column + " < :end) AS " + name + "_total";
    }

    private static LedgerTotals.Count count(ResultSet rs) throws SQLException {
        return new LedgerTotals.Count(Direction.valueOf(rs.getString("direction")), rs.getString("item"),
                rs.getLong("month"), rs.getLong("total"));
    }

    private static LedgerRow row(ResultSet rs) throws SQLException {
        return new LedgerRow(rs.getString("clue_id"), Direction.valueOf(rs.getString("direction")),
                new AgencyId(AgencyType.valueOf(rs.getString("sender_type")), rs.getString("sender_jurisdiction")),
                new AgencyId(AgencyType.valueOf(rs.getString("receiver_type")), rs.getString("receiver_jurisdiction")),
                instant(rs, "transferred_at"), rs.getString("sender_content_digest"),
                rs.getString("source") == null ? null : ClueSource.valueOf(rs.getString("source")),
                instant(rs, "received_at"),
                rs.getString("receipt_channel") == null ? null : ReceiptChannel.valueOf(rs.getString("receipt_channel")),
                rs.getString("receipt_sender_case_number"), rs.getString("receiver_content_digest"),
                instant(rs, "accepted_at"),
                rs.getString("receiver_case_number"), instant(rs, "returned_at"),
                rs.getString("return_reason") == null ? null : ReturnReason.valueOf(rs.getString("return_reason")),
                instant(rs, "disposed_at"),
                rs.getString("disposal_method") == null ? null
                        : DisposalMethod.valueOf(rs.getString("disposal_method")),
                instant(rs, "first_progress_at"), instant(rs, "concluded_at"), instant(rs, "feedback_at"),
                instant(rs, "acknowledged_at"), rs.getBoolean("changed_in_period"), dues(rs), List.of());
    }

    /** The {@code clocks} and {@code dues} arrays, in the same order, as each limit's due time. */
    private static Map<SlaClock, Instant> dues(ResultSet rs) throws SQLException {
        String[] clocks = (String[]) rs.getArray("clocks").getArray();
        Timestamp[] dues = (Timestamp[]) rs.getArray("dues").getArray();
        Map<SlaClock, Instant> dueAt = new EnumMap<>(SlaClock.class);
        for (int i = 0; i < clocks.length; i++) {
            dueAt.put(SlaClock.valueOf(clocks[i]), dues[i].toInstant());
        }
        return Collections.unmodifiableMap(dueAt);
    }
}
