package org.clueexchange.core.ledger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.clueexchange.events.AgencyType;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the transfer ledger tables from the ledger entries' events: each clue's row shows, per kind of fact, the
 * earliest by the agencies' clocks (the latest progress report and supervision); every fact joins the clue's
 * timeline; anomalies, outcomes and time limits have tables of their own. Nothing in the tables depends on the order
 * in which the facts arrived.
 *
 * <p>Its token and its rows are written in one transaction, so each event is applied exactly once, and a reset
 * rebuilds the same tables from the event store.
 */
@Component
@ProcessingGroup(TransferLedgerProjection.PROCESSING_GROUP)
class TransferLedgerProjection {

    static final String PROCESSING_GROUP = "transfer-ledger";

    private final NamedParameterJdbcTemplate jdbc;

    TransferLedgerProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ClueTransferRecorded event, @Timestamp Instant recordedAt) {
        AgencyId sender = event.assertion().assertedBy();
        AgencyId receiver = event.receiver();
        TransferredClue clue = event.clue();
        Direction direction = Direction.sentBy(sender.type());
        row(event.clueId(), direction, sender.type(), sender.jurisdiction(), receiver);
        Map<String, Object> shown = columns(
                "direction", direction.name(),
                "sender_type", sender.type().name(),
                "sender_jurisdiction", sender.jurisdiction(),
                "receiver_type", receiver.type().name(),
                "receiver_jurisdiction", receiver.jurisdiction(),
                "transfer_published_at", timestamp(event.assertion().publishedAt()),
                "transfer_actor", event.assertion().actor(),
                "source", clue.source().name(),
                "allegation", clue.allegation().name(),
                "priority", clue.priority().name(),
                "linked_case_number", clue.linkedGangCase() == null ? null : clue.linkedGangCase().caseNumber(),
                "linked_case_type", clue.linkedGangCase() == null ? null : clue.linkedGangCase().caseType().name(),
                "summary", clue.summary(),
                "sender_content_digest", clue.contentDigest());
        if (show(event.clueId(), LedgerFact.TRANSFERRED, event.assertion(), shown)) {
            showSubjects(event.clueId(), clue.subjects());
        }
        onFact(event.clueId(), LedgerFact.TRANSFERRED, event.assertion(), recordedAt);
    }

    @EventHandler
    void on(ClueReceiptRecorded event, @Timestamp Instant recordedAt) {
        receiverSide(event.clueId(), event.assertion(), event.sender().jurisdiction());
        show(event.clueId(), LedgerFact.RECEIVED, event.assertion(), columns(
                "receipt_actor", event.assertion().actor(),
                "receiver_content_digest", event.contentDigest()));
        onFact(event.clueId(), LedgerFact.RECEIVED, event.assertion(), recordedAt);
    }

    @EventHandler
    void on(ClueAcceptanceRecorded event, @Timestamp Instant recordedAt) {
        receiverSide(event.clueId(), event.assertion(), null);
        show(event.clueId(), LedgerFact.ACCEPTED, event.assertion(), columns(
                "acceptance_actor", event.assertion().actor(),
                "receiver_case_number", event.receiverCaseNumber()));
        onFact(event.clueId(), LedgerFact.ACCEPTED, event.assertion(), recordedAt);
    }

    @EventHandler
    void on(ClueReturnRecorded event, @Timestamp Instant recordedAt) {
        receiverSide(event.clueId(), event.assertion(), null);
        show(event.clueId(), LedgerFact.RETURNED, event.assertion(), columns(
                "return_reason", event.reason().name(),
                "return_explanation", event.explanation()));
        onFact(event.clueId(), LedgerFact.RETURNED, event.assertion(), recordedAt);
    }

    @EventHandler
    void on(DisposalRecorded event, @Timestamp Instant recordedAt) {
        receiverSide(event.clueId(), event.assertion(), null);
        show(event.clueId(), LedgerFact.DISPOSED, event.assertion(), columns(
                "disposal_method", event.method().name()));
        onFact(event.clueId(), LedgerFact.DISPOSED, event.assertion(), recordedAt);
    }

    @EventHandler
    void on(ProgressRecorded event, @Timestamp Instant recordedAt) {
        receiverSide(event.clueId(), event.assertion(), null);
        show(event.clueId(), LedgerFact.PROGRESS_REPORTED, event.assertion(), columns(
                "progress_summary", event.summary()));
        onFact(event.clueId(), LedgerFact.PROGRESS_REPORTED, event.assertion(), recordedAt);
    }

    @EventHandler
    void on(ConclusionRecorded event, @Timestamp Instant recordedAt) {
        receiverSide(event.clueId(), event.assertion(), null);
        if (show(event.clueId(), LedgerFact.CONCLUDED, event.assertion(), columns(
                "conclusion_summary", event.summary()))) {
            showOutcomes(event.clueId(), LedgerFact.CONCLUDED, event.outcomes());
        }
        onFact(event.clueId(), LedgerFact.CONCLUDED, event.assertion(), recordedAt);
    }

    @EventHandler
    void on(FeedbackRecorded event, @Timestamp Instant recordedAt) {
        receiverSide(event.clueId(), event.assertion(), null);
        if (show(event.clueId(), LedgerFact.FEEDBACK_SENT, event.assertion(), columns(
                "feedback_summary", event.summary()))) {
            showOutcomes(event.clueId(), LedgerFact.FEEDBACK_SENT, event.outcomes());
        }
        onFact(event.clueId(), LedgerFact.FEEDBACK_SENT, event.assertion(), recordedAt);
    }

    @EventHandler
    void on(FeedbackAcknowledgementRecorded event, @Timestamp Instant recordedAt) {
        AgencyId sender = event.assertion().assertedBy();
        row(event.clueId(), Direction.sentBy(sender.type()), sender.type(), sender.jurisdiction(), null);
        show(event.clueId(), LedgerFact.FEEDBACK_ACKNOWLEDGED, event.assertion(), Map.of());
        onFact(event.clueId(), LedgerFact.FEEDBACK_ACKNOWLEDGED, event.assertion(), recordedAt);
    }

    @EventHandler
    void on(SupervisionRecorded event, @Timestamp Instant recordedAt) {
        // Until the transfer says who sent the clue to whom, the supervising agency is taken for the receiver's side.
        receiverSide(event.clueId(), event.assertion(), null);
        show(event.clueId(), LedgerFact.SUPERVISION_ORDERED, event.assertion(), columns(
                "supervision_kind", event.kind().name(),
                "escalated_to", event.escalatedTo() == null ? null : event.escalatedTo().toString()));
        onFact(event.clueId(), LedgerFact.SUPERVISION_ORDERED, event.assertion(), recordedAt);
    }

    @EventHandler
    void on(LedgerAnomalyRecorded event) {
        jdbc.update("""
                INSERT INTO ledger_anomaly (clue_id, fact_event_id, related_event_id, kind, detail)
                VALUES (:clueId, :eventId, :relatedEventId, :kind, :detail)
                ON CONFLICT DO NOTHING
                """, Map.of("clueId", event.clueId(), "eventId", UUID.fromString(event.factEventId()),
                "relatedEventId", UUID.fromString(event.relatedEventId()), "kind", event.kind().name(),
                "detail", event.detail()));
    }

    @EventHandler
    void on(SlaClockStarted event) {
        jdbc.update("""
                INSERT INTO ledger_clock (clue_id, clock, started_by, due_at) VALUES (:clueId, :clock, :by, :dueAt)
                ON CONFLICT (clue_id, clock) DO UPDATE SET started_by = EXCLUDED.started_by, due_at = EXCLUDED.due_at,
                    breached = FALSE, stopped_by = NULL, stopped_at = NULL, late = NULL
                """, Map.of("clueId", event.clueId(), "clock", event.clock().name(),
                "by", UUID.fromString(event.startedBy()), "dueAt", timestamp(event.dueAt())));
    }

    @EventHandler
    void on(SlaClockStopped event) {
        jdbc.update("""
                UPDATE ledger_clock SET stopped_by = :by, stopped_at = :at, late = :late
                WHERE clue_id = :clueId AND clock = :clock
                """, Map.of("clueId", event.clueId(), "clock", event.clock().name(),
                "by", UUID.fromString(event.stoppedBy()), "at", timestamp(event.stoppedAt()), "late", event.late()));
    }

    @EventHandler
    void on(SlaBreached event) {
        jdbc.update("UPDATE ledger_clock SET breached = TRUE WHERE clue_id = :clueId AND clock = :clock",
                Map.of("clueId", event.clueId(), "clock", event.clock().name()));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE transfer_ledger CASCADE");
    }

    /** The row of a clue first heard of from its receiver's side: the sender is the other kind of agency. */
    private void receiverSide(String clueId, Assertion fact, String senderJurisdiction) {
        AgencyId receiver = fact.assertedBy();
        row(clueId, Direction.receivedBy(receiver.type()), otherThan(receiver.type()), senderJurisdiction, receiver);
    }

    private static AgencyType otherThan(AgencyType agency) {
        return agency == AgencyType.POLICE ? AgencyType.DISCIPLINE : AgencyType.POLICE;
    }

    /** Creates the clue's row unless it exists; the earliest transfer, when it comes, says who sent it to whom. */
    private void row(String clueId, Direction direction, AgencyType senderType, String senderJurisdiction,
                     AgencyId receiver) {
        jdbc.update("""
                INSERT INTO transfer_ledger (clue_id, direction, state, sender_type, sender_jurisdiction,
                    receiver_type, receiver_jurisdiction)
                VALUES (:clueId, :direction, :state, :senderType, :senderJurisdiction, :receiverType,
                    :receiverJurisdiction)
                ON CONFLICT (clue_id) DO NOTHING
                """, new MapSqlParameterSource()
                .addValue("clueId", clueId)
                .addValue("direction", direction.name())
                .addValue("state", LedgerState.AWAITING_TRANSFER.name())
                .addValue("senderType", senderType.name())
                .addValue("senderJurisdiction", senderJurisdiction)
                .addValue("receiverType", (receiver == null ? otherThan(senderType) : receiver.type()).name())
                .addValue("receiverJurisdiction", receiver == null ? null : receiver.jurisdiction()));
    }

    /**
     * Shows the fact and its columns on the clue's row if it is the earliest of its kind (the latest, for kinds that
     * come as a series) by occurrence and event id; true if it is now shown.
     */
    private boolean show(String clueId, LedgerFact kind, Assertion fact, Map<String, Object> columns) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("clueId", clueId)
                .addValue("eventId", UUID.fromString(fact.eventId()))
                .addValue("at", timestamp(fact.occurredAt()));
        StringBuilder assignments = new StringBuilder(kind.eventIdColumn() + " = :eventId, " + kind.atColumn()
                + " = :at");
        columns.forEach((column, value) -> {
            assignments.append(", ").append(column).append(" = :").append(column);
            parameters.addValue(column, value);
        });
        String precedes = kind.showsLatest() ? ">" : "<";
        return jdbc.update("UPDATE transfer_ledger SET " + assignments + " WHERE clue_id = :clueId AND ("
                + kind.eventIdColumn() + " IS NULL OR (CAST(:at AS TIMESTAMPTZ), CAST(:eventId AS UUID)) " + precedes
                + " (" + kind.atColumn() + ", " + kind.eventIdColumn() + "))", parameters) == 1;
    }

    private void showSubjects(String clueId, List<TransferredClue.Subject> subjects) {
        jdbc.update("DELETE FROM ledger_subject WHERE clue_id = :clueId", Map.of("clueId", clueId));
        for (int position = 0; position < subjects.size(); position++) {
            TransferredClue.Subject subject = subjects.get(position);
            jdbc.update("""
                    INSERT INTO ledger_subject (clue_id, position, name, unit, rank, role)
                    VALUES (:clueId, :position, :name, :unit, :rank, :role)
                    """, new MapSqlParameterSource()
                    .addValue("clueId", clueId)
                    .addValue("position", position)
                    .addValue("name", subject.name())
                    .addValue("unit", subject.unit())
                    .addValue("rank", subject.rank().name())
                    .addValue("role", subject.role()));
        }
    }

    private void showOutcomes(String clueId, LedgerFact fact, List<OutcomeTally> outcomes) {
        jdbc.update("DELETE FROM ledger_outcome WHERE clue_id = :clueId AND fact = :fact",
                Map.of("clueId", clueId, "fact", fact.name()));
        for (OutcomeTally tally : outcomes) {
            jdbc.update("""
                    INSERT INTO ledger_outcome (clue_id, fact, outcome, persons)
                    VALUES (:clueId, :fact, :outcome, :persons)
                    """, Map.of("clueId", clueId, "fact", fact.name(), "outcome", tally.outcome().name(),
                    "persons", tally.persons()));
        }
    }

    /**
     * Adds the fact to the clue's timeline, with when it reached the ledger, and moves the clue to the stage its
     * facts have now reached.
     */
    private void onFact(String clueId, LedgerFact fact, Assertion assertion, Instant recordedAt) {
        jdbc.update("""
                INSERT INTO ledger_fact (event_id, clue_id, fact, side, asserted_by, actor, occurred_at, published_at,
                    recorded_at)
                VALUES (:eventId, :clueId, :fact, :side, :assertedBy, :actor, :occurredAt, :publishedAt, :recordedAt)
                ON CONFLICT (event_id) DO NOTHING
                """, new MapSqlParameterSource()
                .addValue("eventId", UUID.fromString(assertion.eventId()))
                .addValue("clueId", clueId)
                .addValue("fact", fact.name())
                .addValue("side", fact.side().name())
                .addValue("assertedBy", assertion.assertedBy().toString())
                .addValue("actor", assertion.actor())
                .addValue("occurredAt", timestamp(assertion.occurredAt()))
                .addValue("publishedAt", timestamp(assertion.publishedAt()))
                .addValue("recordedAt", timestamp(recordedAt)));
        Set<LedgerFact> present = EnumSet.noneOf(LedgerFact.class);
        jdbc.query("SELECT DISTINCT fact FROM ledger_fact WHERE clue_id = :clueId", Map.of("clueId", clueId),
                rs -> {
                    present.add(LedgerFact.valueOf(rs.getString("fact")));
                });
        jdbc.update("UPDATE transfer_ledger SET state = :state WHERE clue_id = :clueId",
                Map.of("state", LedgerState.of(present).name(), "clueId", clueId));
    }

    /** Column name, value, column name, value, …; values may be null. */
    private static Map<String, Object> columns(Object... namesAndValues) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            columns.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return columns;
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
