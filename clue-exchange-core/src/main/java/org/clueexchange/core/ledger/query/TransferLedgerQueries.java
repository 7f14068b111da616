package org.clueexchange.core.ledger.query;

import static org.clueexchange.persistence.Timestamps.instant;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.queryhandling.QueryHandler;
import org.clueexchange.core.ledger.AnomalyKind;
import org.clueexchange.core.ledger.Direction;
import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.core.ledger.LedgerState;
import org.clueexchange.core.ledger.MissingPrerequisite;
import org.clueexchange.core.ledger.ReceiptChannels;
import org.clueexchange.core.ledger.SlaClock;
import org.clueexchange.core.ledger.TimeLimit;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.ledger.messages.FindLedgerEntry;
import org.clueexchange.core.ledger.messages.ListLedgerEntries;
import org.clueexchange.core.ledger.messages.OutcomeTally;
import org.clueexchange.core.ledger.messages.TransferredClue;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.AllegationCategory;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.DisposalMethod;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.events.Outcome;
import org.clueexchange.events.Priority;
import org.clueexchange.events.ReceiptChannel;
import org.clueexchange.events.ReturnReason;
import org.clueexchange.persistence.Timestamps;
import org.clueexchange.events.SupervisionKind;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.SenderCaseNumbers;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Answers ledger queries from the tables {@link TransferLedgerProjection} keeps. */
@Component
class TransferLedgerQueries {

    private final JdbcClient jdbc;
    /**
     * An entry is read from several tables, in one snapshot: read apart, a batch committing in between would show
     * a timeline fact its row does not show yet. Its own transaction, since the query bus's reads committed data
     * statement by statement.
     */
    private final TransactionTemplate snapshot;

    TransferLedgerQueries(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    @QueryHandler
    Optional<LedgerEntryView> handle(FindLedgerEntry query) {
        List<LedgerEntryView> found = entries("WHERE clue_id = :clueId", new MapSqlParameterSource("clueId",
                query.clueId()), true);
        return found.stream().findFirst();
    }

    @QueryHandler
    List<LedgerEntryView> handle(ListLedgerEntries query) {
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("limit", query.limit())
                .addValue("offset", query.offset());
        if (query.jurisdiction() != null) {
            conditions.add(JurisdictionScope.CONDITION);
            JurisdictionScope.bind(params, query.jurisdiction());
        }
        if (query.direction() != null) {
            conditions.add("direction = :direction");
            params.addValue("direction", query.direction().name());
        }
        if (query.state() != null) {
            conditions.add("state = :state");
            params.addValue("state", query.state().name());
        }
        if (query.anomalous() != null) {
            conditions.add((query.anomalous() ? "" : "NOT ")
                    + "(EXISTS (SELECT 1 FROM ledger_anomaly a WHERE a.clue_id = l.clue_id)"
                    + " OR coalesce(l.prerequisite_missing_since <= :now, false))");
            params.addValue("now", Timestamps.of(Instant.now()));
        }
        if (query.breached() != null) {
            conditions.add((query.breached() ? "" : "NOT ")
                    + "EXISTS (SELECT 1 FROM ledger_clock c WHERE c.clue_id = l.clue_id AND c.status = :breached)");
            params.addValue("breached", TimeLimit.Status.BREACHED.name());
        }
        String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
        return entries(where + " ORDER BY transferred_at NULLS LAST, clue_id LIMIT :limit OFFSET :offset", params,
                false);
    }

    private List<LedgerEntryView> entries(String condition, MapSqlParameterSource params, boolean withTimelines) {
        return snapshot.execute(status -> entriesInSnapshot(condition, params, withTimelines));
    }

    private List<LedgerEntryView> entriesInSnapshot(String condition, MapSqlParameterSource params,
                                                    boolean withTimelines) {
        List<Row> rows = jdbc.sql("SELECT * FROM transfer_ledger l " + condition).paramSource(params)
                .query((rs, i) -> row(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Object> ids = Map.of("ids", rows.stream().map(Row::clueId).toList());
        Map<String, List<TransferredClue.Subject>> subjects = grouped(
                "SELECT * FROM ledger_subject WHERE clue_id IN (:ids) ORDER BY clue_id, position", ids,
                rs -> new TransferredClue.Subject(rs.getString("name"), rs.getString("unit"),
                        OfficialRank.valueOf(rs.getString("rank")), rs.getString("role"),
                        rs.getString("person_key")));
        Map<String, List<Tally>> outcomes = grouped(
                "SELECT * FROM ledger_outcome WHERE clue_id IN (:ids) ORDER BY clue_id, fact, outcome", ids,
                rs -> new Tally(FactKind.valueOf(rs.getString("fact")),
                        new OutcomeTally(Outcome.valueOf(rs.getString("outcome")), rs.getInt("persons"))));
        Map<String, List<LedgerEntryView.ClockView>> clocks = grouped(
                "SELECT * FROM ledger_clock WHERE clue_id IN (:ids) ORDER BY clue_id, due_at, clock", ids, rs -> {
                    SlaClock clock = SlaClock.valueOf(rs.getString("clock"));
                    return new LedgerEntryView.ClockView(clock, clock.label(), instant(rs, "due_at"),
                            TimeLimit.Status.valueOf(rs.getString("status")), instant(rs, "stopped_at"));
                });
        Map<String, List<LedgerEntryView.AnomalyView>> anomalies = grouped(
                "SELECT * FROM ledger_anomaly WHERE clue_id IN (:ids) "
                        + "ORDER BY clue_id, fact_event_id, kind, related_event_id", ids, rs -> {
                    AnomalyKind kind = AnomalyKind.valueOf(rs.getString("kind"));
                    return new LedgerEntryView.AnomalyView(kind, kind.label(), rs.getString("fact_event_id"),
                            rs.getString("related_event_id"), rs.getString("detail"));
                });
        Map<String, List<Earliest>> earliest = grouped("""
                SELECT DISTINCT ON (clue_id, fact) clue_id, fact, event_id, occurred_at FROM ledger_fact
                WHERE clue_id IN (:ids) ORDER BY clue_id, fact, occurred_at, event_id
                """, ids, rs -> new Earliest(FactKind.valueOf(rs.getString("fact")), rs.getString("event_id"),
                instant(rs, "occurred_at")));
        Instant now = Instant.now();
        earliest.forEach((clueId, facts) -> {
            List<LedgerEntryView.AnomalyView> missing = missingPrerequisites(facts,
                    clocks.getOrDefault(clueId, List.of()), now);
            if (!missing.isEmpty()) {
                anomalies.merge(clueId, missing, (recorded, derived) -> Stream.concat(recorded.stream(),
                        derived.stream()).toList());
            }
        });
        Map<String, List<LedgerEntryView.TimelineFact>> timelines = withTimelines ? grouped(
                "SELECT * FROM ledger_fact WHERE clue_id IN (:ids) ORDER BY clue_id, occurred_at, event_id", ids,
                rs -> {
                    FactKind fact = FactKind.valueOf(rs.getString("fact"));
                    return new LedgerEntryView.TimelineFact(rs.getString("event_id"), fact, fact.label(),
                            rs.getString("asserted_by"), rs.getString("actor"), instant(rs, "occurred_at"),
                            instant(rs, "published_at"));
                }) : Map.of();
        return rows.stream().map(row -> row.view(subjects.getOrDefault(row.clueId(), List.of()),
                outcomes.getOrDefault(row.clueId(), List.of()), clocks.getOrDefault(row.clueId(), List.of()),
                anomalies.getOrDefault(row.clueId(), List.of()),
                withTimelines ? timelines.getOrDefault(row.clueId(), List.of()) : null)).toList();
    }

    /** The anomalies of a prerequisite missing now, judged as a statement judges them at its period's end. */
    private static List<LedgerEntryView.AnomalyView> missingPrerequisites(List<Earliest> facts,
                                                                          List<LedgerEntryView.ClockView> clocks,
                                                                          Instant now) {
        Map<FactKind, Instant> occurred = new EnumMap<>(FactKind.class);
        Map<FactKind, String> eventIds = new EnumMap<>(FactKind.class);
        facts.forEach(fact -> {
            occurred.put(fact.fact(), fact.occurredAt());
            eventIds.put(fact.fact(), fact.eventId());
        });
        Map<SlaClock, Instant> dueAt = new EnumMap<>(SlaClock.class);
        clocks.forEach(clock -> dueAt.put(clock.clock(), clock.dueAt()));
        return MissingPrerequisite.asOf(occurred, dueAt, now).stream()
                .map(missing -> new LedgerEntryView.AnomalyView(AnomalyKind.MISSING_PREREQUISITE,
                        AnomalyKind.MISSING_PREREQUISITE.label(), eventIds.get(missing.fact()), null,
                        missing.detail()))
                .toList();
    }

    /** The earliest fact of one kind on a clue's timeline. */
    private record Earliest(FactKind fact, String eventId, Instant occurredAt) {
    }

    private <T> Map<String, List<T>> grouped(String sql, Map<String, Object> params, RowReader<T> reader) {
        Map<String, List<T>> grouped = new HashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            grouped.computeIfAbsent(rs.getString("clue_id"), id -> new ArrayList<>()).add(reader.read(rs));
        });
        return grouped;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** An outcome count and whether the conclusion or the feedback reported it. */
    private record Tally(FactKind fact, OutcomeTally tally) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        AgencyType senderType = AgencyType.valueOf(rs.getString("sender_type"));
        LedgerEntryView.SenderRecord sender = rs.getString("transfer_event_id") == null ? null
                : new LedgerEntryView.SenderRecord(rs.getString("transfer_event_id"), instant(rs, "transferred_at"),
                instant(rs, "transfer_published_at"), rs.getString("transfer_actor"),
                ClueSource.valueOf(rs.getString("source")), AllegationCategory.valueOf(rs.getString("allegation")),
                Priority.valueOf(rs.getString("priority")), SenderCaseNumbers.ofTransfer(senderType,
                        rs.getString("linked_case_number"), rs.getString("summary")).orElse(null),
                rs.getString("linked_case_number") == null ? null : new TransferredClue.GangCase(
                        rs.getString("linked_case_number"), GangCaseType.valueOf(rs.getString("linked_case_type"))),
                rs.getString("summary"), null, rs.getString("sender_content_digest"),
                instant(rs, "acknowledged_at"));
        ReceiptChannel channel = enumOrNull(ReceiptChannel.class, rs.getString("receipt_channel"));
        Array documents = rs.getArray("received_documents");
        LedgerEntryView.ReceiverRecord receiver = new LedgerEntryView.ReceiverRecord(
                rs.getString("receipt_event_id"), instant(rs, "received_at"), rs.getString("receipt_actor"),
                channel, channel == null ? null : ReceiptChannels.label(channel),
                rs.getString("receipt_sender_case_number"),
                documents == null ? null : List.of((String[]) documents.getArray()),
                rs.getString("receiver_content_digest"), rs.getString("acceptance_event_id"),
                instant(rs, "accepted_at"), rs.getString("acceptance_actor"), rs.getString("receiver_case_number"),
                instant(rs, "returned_at"), enumOrNull(ReturnReason.class, rs.getString("return_reason")),
                rs.getString("return_explanation"), instant(rs, "disposed_at"),
                enumOrNull(DisposalMethod.class, rs.getString("disposal_method")), instant(rs, "progressed_at"),
                rs.getString("progress_summary"), instant(rs, "concluded_at"), rs.getString("conclusion_summary"),
                null, instant(rs, "feedback_at"), rs.getString("feedback_summary"), null);
        LedgerEntryView.Supervision supervision = rs.getString("supervision_kind") == null ? null
                : new LedgerEntryView.Supervision(SupervisionKind.valueOf(rs.getString("supervision_kind")),
                instant(rs, "supervised_at"), rs.getString("escalated_to"));
        return new Row(rs.getString("clue_id"), Direction.valueOf(rs.getString("direction")),
                LedgerState.valueOf(rs.getString("state")),
                new AgencyId(senderType, rs.getString("sender_jurisdiction")),
                new AgencyId(AgencyType.valueOf(rs.getString("receiver_type")), rs.getString("receiver_jurisdiction")),
                sender, receiver, supervision);
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private record Row(String clueId, Direction direction, LedgerState state, AgencyId sender, AgencyId receiver,
                       LedgerEntryView.SenderRecord senderRecord, LedgerEntryView.ReceiverRecord receiverRecord,
                       LedgerEntryView.Supervision supervision) {

        LedgerEntryView view(List<TransferredClue.Subject> subjects, List<Tally> tallies,
                             List<LedgerEntryView.ClockView> clocks, List<LedgerEntryView.AnomalyView> anomalies,
                             List<LedgerEntryView.TimelineFact> timeline) {
            LedgerEntryView.Timelines timelines = timeline == null ? null : new LedgerEntryView.Timelines(
                    timeline.stream().filter(fact -> assertedBy(fact, sender.type())).toList(),
                    timeline.stream().filter(fact -> !assertedBy(fact, sender.type())).toList());
            return new LedgerEntryView(clueId, direction, direction.label(), state, state.label(), sender, receiver,
                    senderRecord == null ? null : senderRecord.withSubjects(subjects),
                    receiverRecord.withOutcomes(tallied(tallies, FactKind.CONCLUDED),
                            tallied(tallies, FactKind.FEEDBACK_SENT)), supervision, clocks, anomalies, timelines);
        }

        private static List<OutcomeTally> tallied(List<Tally> tallies, FactKind fact) {
            List<OutcomeTally> outcomes = tallies.stream().filter(t -> t.fact() == fact).map(Tally::tally).toList();
            return outcomes.isEmpty() ? null : outcomes;
        }

        private static boolean assertedBy(LedgerEntryView.TimelineFact fact, AgencyType agency) {
            return ClueEvents.agencyNamed(fact.assertedBy()).getType() == agency;
        }
    }
}
