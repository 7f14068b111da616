package org.clueexchange.core.ledger.query;

import java.time.Instant;
import java.util.EnumMap;
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
import org.clueexchange.core.ledger.Direction;
import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.core.ledger.LedgerState;
import org.clueexchange.core.ledger.TimeLimit;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.ledger.messages.Assertion;
import org.clueexchange.core.ledger.messages.ClueAcceptanceRecorded;
import org.clueexchange.core.ledger.messages.ClueReceiptRecorded;
import org.clueexchange.core.ledger.messages.ClueReturnRecorded;
import org.clueexchange.core.ledger.messages.ClueTransferRecorded;
import org.clueexchange.core.ledger.messages.ConclusionRecorded;
import org.clueexchange.core.ledger.messages.DisposalRecorded;
import org.clueexchange.core.ledger.messages.FactRecorded;
import org.clueexchange.core.ledger.messages.FeedbackAcknowledgementRecorded;
import org.clueexchange.core.ledger.messages.FeedbackRecorded;
import org.clueexchange.core.ledger.messages.LedgerAnomalyRecorded;
import org.clueexchange.core.ledger.messages.OutcomeTally;
import org.clueexchange.core.ledger.messages.ProgressRecorded;
import org.clueexchange.core.ledger.messages.SlaBreached;
import org.clueexchange.core.ledger.messages.SlaClockStarted;
import org.clueexchange.core.ledger.messages.SlaClockStopped;
import org.clueexchange.core.ledger.messages.SupervisionRecorded;
import org.clueexchange.core.ledger.messages.TransferredClue;
import org.clueexchange.events.AgencyType;
import org.clueexchange.persistence.Timestamps;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the transfer ledger tables from the ledger entries' events: each clue's row shows, per kind of fact, the
 * earliest by the agencies' clocks (the latest progress report and supervision); every fact joins the clue's
 * timeline; anomalies, outcomes and time limits have tables of their own. Nothing in the tables depends on the order
 * in which the facts arrived. The tables, their columns and how a row shows each kind of fact are this
 * projection's own business; the events say only what happened.
 *
 * <p>Its token and its rows are written in one transaction, so each event is applied exactly once, and a reset
 * rebuilds the same tables from the event store.
 */
@Component
@ProcessingGroup(TransferLedgerProjection.PROCESSING_GROUP)
class TransferLedgerProjection {

    static final String PROCESSING_GROUP = "transfer-ledger";

    /**
     * Where the row shows a kind of fact: the columns of the shown fact's event id and of when it occurred, and
     * whether the row shows the latest of these facts (progress and supervision come as a series) or the earliest.
     */
    private record Shown(String eventIdColumn, String atColumn, boolean latest) {
    }

    private static final Map<FactKind, Shown> SHOWN = new EnumMap<>(Map.of(
            FactKind.TRANSFERRED, new Shown("transfer_event_id", "transferred_at", false),
            FactKind.RECEIVED, new Shown("receipt_event_id", "received_at", false),
            FactKind.ACCEPTED, new Shown("acceptance_event_id", "accepted_at", false),
            FactKind.RETURNED, new Shown("return_event_id", "returned_at", false),
            FactKind.DISPOSED, new Shown("disposal_event_id", "disposed_at", false),
            FactKind.PROGRESS_REPORTED, new Shown("progress_event_id", "progressed_at", true),
            FactKind.CONCLUDED, new Shown("conclusion_event_id", "concluded_at", false),
            FactKind.FEEDBACK_SENT, new Shown("feedback_event_id", "feedback_at", false),
            FactKind.FEEDBACK_ACKNOWLEDGED, new Shown("acknowledgement_event_id", "acknowledged_at", false),
            FactKind.SUPERVISION_ORDERED, new Shown("supervision_event_id", "supervised_at", true)));

    private final JdbcClient jdbc;

    TransferLedgerProjection(JdbcClient jdbc) {
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
                "transfer_published_at", Timestamps.of(event.assertion().publishedAt()),
                "transfer_actor", event.assertion().actor(),
                "source", clue.source().name(),
                "allegation", clue.allegation().name(),
                "priority", clue.priority().name(),
                "linked_case_number", clue.linkedGangCase() == null ? null : clue.linkedGangCase().caseNumber(),
                "linked_case_type", clue.linkedGangCase() == null ? null : clue.linkedGangCase().caseType().name(),
                "summary", clue.summary(),
                "sender_content_digest", clue.contentDigest());
        if (show(event, shown)) {
            showSubjects(event.clueId(), clue.subjects());
        }
        onFact(event, recordedAt);
    }

    @EventHandler
    void on(ClueReceiptRecorded event, @Timestamp Instant recordedAt) {
        receiverSide(event.clueId(), event.assertion(), event.sender().jurisdiction());
        show(event, columns(
                "receipt_actor", event.assertion().actor(),
                "receiver_content_digest", event.contentDigest()));
        onFact(event, recordedAt);
    }

    @EventHandler
    void on(ClueAcceptanceRecorded event, @Timestamp Instant recordedAt) {
        receiverSide(event.clueId(), event.assertion(), null);
        show(event, columns(
                "acceptance_actor", event.assertion().actor(),
                "receiver_case_number", event.receiverCaseNumber()));
        onFact(event, recordedAt);
    }

    @EventHandler
    void on(ClueReturnRecorded event, @Timestamp Instant recordedAt) {
        receiverSide(event.clueId(), event.assertion(), null);
        show(event, columns(
                "return_reason", event.reason().name(),
                "return_explanation", event.explanation()));
        onFact(event, recordedAt);
    }

    @EventHandler
    void on(DisposalRecorded event, @Timestamp Instant recordedAt) {
        receiverSide(event.clueId(), event.assertion(), null);
        show(event, columns("disposal_method", event.method().name()));
        onFact(event, recordedAt);
    }

    @EventHandler
    void on(ProgressRecorded event, @Timestamp Instant recordedAt) {
        receiverSide(event.clueId(), event.assertion(), null);
        show(event, columns("progress_summary", event.summary()));
        onFact(event, recordedAt);
    }

    @EventHandler
    void on(ConclusionRecorded event, @Timestamp Instant recordedAt) {
        receiverSide(event.clueId(), event.assertion(), null);
        if (show(event, columns("conclusion_summary", event.summary()))) {
            showOutcomes(event, event.outcomes());
        }
        onFact(event, recordedAt);
    }

    @EventHandler
    void on(FeedbackRecorded event, @Timestamp Instant recordedAt) {
        receiverSide(event.clueId(), event.assertion(), null);
        if (show(event, columns("feedback_summary", event.summary()))) {
            showOutcomes(event, event.outcomes());
        }
        onFact(event, recordedAt);
    }

    @EventHandler
    void on(FeedbackAcknowledgementRecorded event, @Timestamp Instant recordedAt) {
        AgencyId sender = event.assertion().assertedBy();
        row(event.clueId(), Direction.sentBy(sender.type()), sender.type(), sender.jurisdiction(), null);
        show(event, Map.of());
        onFact(event, recordedAt);
    }

    @EventHandler
    void on(SupervisionRecorded event, @Timestamp Instant recordedAt) {
        // Until the transfer says who sent the clue to whom, the supervising agency is taken for the receiver's side.
        receiverSide(event.clueId(), event.assertion(), null);
        show(event, columns(
                "supervision_kind", event.kind().name(),
                "escalated_to", event.escalatedTo() == null ? null : event.escalatedTo().toString()));
        onFact(event, recordedAt);
    }

    @EventHandler
    void on(LedgerAnomalyRecorded event) {
        jdbc.sql("""
                INSERT INTO ledger_anomaly (clue_id, fact_event_id, related_event_id, kind, detail)
                VALUES (:clueId, :eventId, :relatedEventId, :kind, :detail)
                ON CONFLICT DO NOTHING
                """)
                .param("clueId", event.clueId())
                .param("eventId", UUID.fromString(event.factEventId()))
                .param("relatedEventId", UUID.fromString(event.relatedEventId()))
                .param("kind", event.kind().name())
                .param("detail", event.detail())
                .update();
    }

    @EventHandler
    void on(SlaClockStarted event) {
        jdbc.sql("""
                INSERT INTO ledger_clock (clue_id, clock, started_by, due_at, status)
                VALUES (:clueId, :clock, :by, :dueAt, :status)
                ON CONFLICT (clue_id, clock) DO UPDATE SET started_by = EXCLUDED.started_by, due_at = EXCLUDED.due_at,
                    status = EXCLUDED.status, stopped_by = NULL, stopped_at = NULL
                """)
                .param("clueId", event.clueId())
                .param("clock", event.clock().name())
                .param("by", UUID.fromString(event.startedBy()))
                .param("dueAt", Timestamps.of(event.dueAt()))
                .param("status", TimeLimit.Status.OPEN.name())
                .update();
    }

    @EventHandler
    void on(SlaClockStopped event) {
        jdbc.sql("""
                UPDATE ledger_clock SET stopped_by = :by, stopped_at = :at, status = :status
                WHERE clue_id = :clueId AND clock = :clock
                """)
                .param("clueId", event.clueId())
                .param("clock", event.clock().name())
                .param("by", UUID.fromString(event.stoppedBy()))
                .param("at", Timestamps.of(event.stoppedAt()))
                .param("status", TimeLimit.Status.fulfilled(event.late()).name())
                .update();
    }

    /** The entry records a breach only while nothing fulfils the limit; a later fulfilment decides again. */
    @EventHandler
    void on(SlaBreached event) {
        jdbc.sql("UPDATE ledger_clock SET status = :status WHERE clue_id = :clueId AND clock = :clock")
                .param("clueId", event.clueId())
                .param("clock", event.clock().name())
                .param("status", TimeLimit.Status.fellDue().name())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE transfer_ledger CASCADE").update();
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
        jdbc.sql("""
                INSERT INTO transfer_ledger (clue_id, direction, state, sender_type, sender_jurisdiction,
                    receiver_type, receiver_jurisdiction)
                VALUES (:clueId, :direction, :state, :senderType, :senderJurisdiction, :receiverType,
                    :receiverJurisdiction)
                ON CONFLICT (clue_id) DO NOTHING
                """)
                .param("clueId", clueId)
                .param("direction", direction.name())
                .param("state", LedgerState.AWAITING_TRANSFER.name())
                .param("senderType", senderType.name())
                .param("senderJurisdiction", senderJurisdiction)
                .param("receiverType", (receiver == null ? otherThan(senderType) : receiver.type()).name())
                .param("receiverJurisdiction", receiver == null ? null : receiver.jurisdiction())
                .update();
    }

    /**
     * Shows the fact and its columns on the clue's row if it is the earliest of its kind (the latest, for kinds that
     * come as a series) by occurrence and event id; true if it is now shown.
     */
    private boolean show(FactRecorded fact, Map<String, Object> columns) {
        Shown shown = SHOWN.get(fact.factKind());
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("clueId", fact.clueId())
                .addValue("eventId", UUID.fromString(fact.assertion().eventId()))
                .addValue("at", Timestamps.of(fact.assertion().occurredAt()));
        StringBuilder assignments = new StringBuilder(shown.eventIdColumn() + " = :eventId, " + shown.atColumn()
                + " = :at");
        columns.forEach((column, value) -> {
            assignments.append(", ").append(column).append(" = :").append(column);
            parameters.addValue(column, value);
        });
        String precedes = shown.latest() ? ">" : "<";
        return jdbc.sql("UPDATE transfer_ledger SET " + assignments + " WHERE clue_id = :clueId AND ("
                        + shown.eventIdColumn() + " IS NULL OR (CAST(:at AS TIMESTAMPTZ), CAST(:eventId AS UUID)) "
                        + precedes + " (" + shown.atColumn() + ", " + shown.eventIdColumn() + "))")
                .paramSource(parameters).update() == 1;
    }

    private void showSubjects(String clueId, List<TransferredClue.Subject> subjects) {
        jdbc.sql("DELETE FROM ledger_subject WHERE clue_id = :clueId").param("clueId", clueId).update();
        for (int position = 0; position < subjects.size(); position++) {
            TransferredClue.Subject subject = subjects.get(position);
            jdbc.sql("""
                    INSERT INTO ledger_subject (clue_id, position, name, unit, rank, role)
                    VALUES (:clueId, :position, :name, :unit, :rank, :role)
                    """)
                    .param("clueId", clueId)
                    .param("position", position)
                    .param("name", subject.name())
                    .param("unit", subject.unit())
                    .param("rank", subject.rank().name())
                    .param("role", subject.role())
                    .update();
        }
    }

    private void showOutcomes(FactRecorded fact, List<OutcomeTally> outcomes) {
        jdbc.sql("DELETE FROM ledger_outcome WHERE clue_id = :clueId AND fact = :fact")
                .param("clueId", fact.clueId())
                .param("fact", fact.factKind().name())
                .update();
        for (OutcomeTally tally : outcomes) {
            jdbc.sql("""
                    INSERT INTO ledger_outcome (clue_id, fact, outcome, persons)
                    VALUES (:clueId, :fact, :outcome, :persons)
                    """)
                    .param("clueId", fact.clueId())
                    .param("fact", fact.factKind().name())
                    .param("outcome", tally.outcome().name())
                    .param("persons", tally.persons())
                    .update();
        }
    }

    /**
     * Adds the fact to the clue's timeline, with when it reached the ledger, and moves the clue to the stage its
     * facts have now reached.
     */
    private void onFact(FactRecorded fact, Instant recordedAt) {
        Assertion assertion = fact.assertion();
        jdbc.sql("""
                INSERT INTO ledger_fact (event_id, clue_id, fact, side, asserted_by, actor, occurred_at, published_at,
                    recorded_at)
                VALUES (:eventId, :clueId, :fact, :side, :assertedBy, :actor, :occurredAt, :publishedAt, :recordedAt)
                ON CONFLICT (event_id) DO NOTHING
                """)
                .param("eventId", UUID.fromString(assertion.eventId()))
                .param("clueId", fact.clueId())
                .param("fact", fact.factKind().name())
                .param("side", fact.factKind().side().name())
                .param("assertedBy", assertion.assertedBy().toString())
                .param("actor", assertion.actor())
                .param("occurredAt", Timestamps.of(assertion.occurredAt()))
                .param("publishedAt", Timestamps.of(assertion.publishedAt()))
                .param("recordedAt", Timestamps.of(recordedAt))
                .update();
        Set<FactKind> present = EnumSet.noneOf(FactKind.class);
        jdbc.sql("SELECT DISTINCT fact FROM ledger_fact WHERE clue_id = :clueId").param("clueId", fact.clueId())
                .query(rs -> {
                    present.add(FactKind.valueOf(rs.getString("fact")));
                });
        jdbc.sql("UPDATE transfer_ledger SET state = :state WHERE clue_id = :clueId")
                .param("state", LedgerState.of(present).name())
                .param("clueId", fact.clueId())
                .update();
    }

    /** Column name, value, column name, value, …; values may be null. */
    private static Map<String, Object> columns(Object... namesAndValues) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            columns.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return columns;
    }
}
