package org.clueexchange.core.ledger.query;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.clueexchange.core.ledger.Direction;
import org.clueexchange.core.ledger.FactKind;
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
import org.springframework.stereotype.Component;

/**
 * Builds the transfer ledger tables from the ledger entries' events: each clue's row shows, per kind of fact, the
 * earliest by the agencies' clocks (the latest progress report and supervision); every fact joins the clue's
 * timeline; anomalies, outcomes and time limits have tables of their own. Nothing in the tables depends on the order
 * in which the facts arrived. The tables, their columns and how a row shows each kind of fact are this
 * projection's own business; the events say only what happened.
 *
 * <p>Where the rows go is not its business either ({@link LedgerWrites}): live, its token and its rows are written in
 * one transaction, so each event is applied exactly once, and a reset rebuilds the same tables from the event store;
 * in a replay, the same rows are made in memory and copied into a schema of their own. The facts' positions in commit order ({@code ledger_fact_position})
 * outlive a reset: the statements drawn up against them stay true of the rebuilt ledger.
 */
@Component
@ProcessingGroup(TransferLedgerProjection.PROCESSING_GROUP)
class TransferLedgerProjection {

    static final String PROCESSING_GROUP = "transfer-ledger";

    private static final Map<FactKind, ShownFact> SHOWN = new EnumMap<>(Map.of(
            FactKind.TRANSFERRED, new ShownFact("transfer_event_id", "transferred_at", false),
            FactKind.RECEIVED, new ShownFact("receipt_event_id", "received_at", false),
            FactKind.ACCEPTED, new ShownFact("acceptance_event_id", "accepted_at", false),
            FactKind.RETURNED, new ShownFact("return_event_id", "returned_at", false),
            FactKind.DISPOSED, new ShownFact("disposal_event_id", "disposed_at", false),
            FactKind.PROGRESS_REPORTED, new ShownFact("progress_event_id", "progressed_at", true),
            FactKind.CONCLUDED, new ShownFact("conclusion_event_id", "concluded_at", false),
            FactKind.FEEDBACK_SENT, new ShownFact("feedback_event_id", "feedback_at", false),
            FactKind.FEEDBACK_ACKNOWLEDGED, new ShownFact("acknowledgement_event_id", "acknowledged_at", false),
            FactKind.SUPERVISION_ORDERED, new ShownFact("supervision_event_id", "supervised_at", true)));

    private final LedgerWrites writes;

    TransferLedgerProjection(LedgerWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(ClueTransferRecorded event, @Timestamp Instant recordedAt) {
        AgencyId sender = event.assertion().assertedBy();
        AgencyId receiver = event.receiver();
        TransferredClue clue = event.clue();
        Direction direction = Direction.sentBy(sender.type());
        record(event.clueId(), batch -> {
            row(batch, event.clueId(), direction, sender.type(), sender.jurisdiction(), receiver);
            show(batch, event, columns(
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
                    "sender_content_digest", clue.contentDigest()),
                    written -> written.subjects(event.clueId(), clue.subjects()));
            fact(batch, event, recordedAt);
        });
    }

    @EventHandler
    void on(ClueReceiptRecorded event, @Timestamp Instant recordedAt) {
        receiverSide(event, event.sender().jurisdiction(), recordedAt, columns(
                "receipt_actor", event.assertion().actor(),
                "receiver_content_digest", event.contentDigest(),
                "receipt_channel", event.channel().name(),
                "receipt_sender_case_number", event.senderCaseNumber(),
                "received_documents", event.documents().toArray(String[]::new)));
    }

    @EventHandler
    void on(ClueAcceptanceRecorded event, @Timestamp Instant recordedAt) {
        receiverSide(event, null, recordedAt, columns(
                "acceptance_actor", event.assertion().actor(),
                "receiver_case_number", event.receiverCaseNumber()));
    }

    @EventHandler
    void on(ClueReturnRecorded event, @Timestamp Instant recordedAt) {
        receiverSide(event, null, recordedAt, columns(
                "return_reason", event.reason().name(),
                "return_explanation", event.explanation()));
    }

    @EventHandler
    void on(DisposalRecorded event, @Timestamp Instant recordedAt) {
        receiverSide(event, null, recordedAt, columns("disposal_method", event.method().name()));
    }

    @EventHandler
    void on(ProgressRecorded event, @Timestamp Instant recordedAt) {
        receiverSide(event, null, recordedAt, columns("progress_summary", event.summary()));
    }

    @EventHandler
    void on(ConclusionRecorded event, @Timestamp Instant recordedAt) {
        receiverSide(event, null, recordedAt, columns("conclusion_summary", event.summary()),
                event.outcomes());
    }

    @EventHandler
    void on(FeedbackRecorded event, @Timestamp Instant recordedAt) {
        receiverSide(event, null, recordedAt, columns("feedback_summary", event.summary()), event.outcomes());
    }

    @EventHandler
    void on(FeedbackAcknowledgementRecorded event, @Timestamp Instant recordedAt) {
        AgencyId sender = event.assertion().assertedBy();
        record(event.clueId(), batch -> {
            row(batch, event.clueId(), Direction.sentBy(sender.type()), sender.type(), sender.jurisdiction(), null);
            show(batch, event, Map.of(), written -> { });
            fact(batch, event, recordedAt);
        });
    }

    @EventHandler
    void on(SupervisionRecorded event, @Timestamp Instant recordedAt) {
        // Until the transfer says who sent the clue to whom, the supervising agency is taken for the receiver's side.
        receiverSide(event, null, recordedAt, columns(
                "supervision_kind", event.kind().name(),
                "escalated_to", event.escalatedTo() == null ? null : event.escalatedTo().toString()));
    }

    @EventHandler
    void on(LedgerAnomalyRecorded event) {
        record(event.clueId(), batch -> batch.anomaly(event.clueId(), columns(
                "clue_id", event.clueId(),
                "fact_event_id", UUID.fromString(event.factEventId()),
                "related_event_id", UUID.fromString(event.relatedEventId()),
                "kind", event.kind().name(),
                "detail", event.detail())));
    }

    @EventHandler
    void on(SlaClockStarted event) {
        Map<String, Object> columns = columns(
                "started_by", UUID.fromString(event.startedBy()),
                "due_at", Timestamps.of(event.dueAt()),
                "status", TimeLimit.Status.OPEN.name(),
                "stopped_by", null,
                "stopped_at", null);
        record(event.clueId(), batch -> batch.clock(event.clueId(), event.clock(), columns));
    }

    @EventHandler
    void on(SlaClockStopped event) {
        Map<String, Object> columns = Map.of(
                "stopped_by", UUID.fromString(event.stoppedBy()),
                "stopped_at", Timestamps.of(event.stoppedAt()),
                "status", TimeLimit.Status.fulfilled(event.late()).name());
        record(event.clueId(), batch -> batch.clock(event.clueId(), event.clock(), columns));
    }

    /** The entry records a breach only while nothing fulfils the limit; a later fulfilment decides again. */
    @EventHandler
    void on(SlaBreached event) {
        record(event.clueId(), batch -> batch.clock(event.clueId(), event.clock(),
                Map.of("status", TimeLimit.Status.fellDue().name())));
    }

    @ResetHandler
    void reset() {
        writes.reset();
    }

    /** Adds an event's writes to its clue's rows; gathered apart, so that a handler failing half-way adds nothing. */
    private void record(String clueId, Consumer<LedgerBatch> eventWrites) {
        LedgerBatch event = new LedgerBatch();
        eventWrites.accept(event);
        writes.add(clueId, event);
    }

    private void receiverSide(FactRecorded fact, String senderJurisdiction, Instant recordedAt,
                              Map<String, Object> columns) {
        receiverSide(fact, senderJurisdiction, recordedAt, columns, null);
    }

    /**
     * A fact of the receiver's side; the row of a clue first heard of from that side takes the sender for the
     * other kind of agency.
     */
    private void receiverSide(FactRecorded fact, String senderJurisdiction, Instant recordedAt,
                              Map<String, Object> columns, List<OutcomeTally> outcomes) {
        AgencyId receiver = fact.assertion().assertedBy();
        record(fact.clueId(), batch -> {
            row(batch, fact.clueId(), Direction.receivedBy(receiver.type()), otherThan(receiver.type()),
                    senderJurisdiction, receiver);
            show(batch, fact, columns, outcomes == null ? written -> { }
                    : written -> written.outcomes(fact.clueId(), fact.factKind(), outcomes));
            fact(batch, fact, recordedAt);
        });
    }

    private static AgencyType otherThan(AgencyType agency) {
        return agency == AgencyType.POLICE ? AgencyType.DISCIPLINE : AgencyType.POLICE;
    }

    /** Creates the clue's row unless it exists; the earliest transfer, when it comes, says who sent it to whom. */
    private static void row(LedgerBatch batch, String clueId, Direction direction, AgencyType senderType,
                            String senderJurisdiction, AgencyId receiver) {
        batch.row(clueId, columns(
                "direction", direction.name(),
                "sender_type", senderType.name(),
                "sender_jurisdiction", senderJurisdiction,
                "receiver_type", (receiver == null ? otherThan(senderType) : receiver.type()).name(),
                "receiver_jurisdiction", receiver == null ? null : receiver.jurisdiction()));
    }

    /**
     * Shows the fact and its columns on the clue's row if it is the earliest of its kind (the latest, for kinds that
     * come as a series) by occurrence and event id; {@code alsoShow} if it is now shown.
     */
    private static void show(LedgerBatch batch, FactRecorded fact, Map<String, Object> columns,
                             Consumer<LedgerBatch> alsoShow) {
        batch.show(fact.clueId(), SHOWN.get(fact.factKind()), UUID.fromString(fact.assertion().eventId()),
                fact.assertion().occurredAt(), columns, alsoShow);
    }

    /** Adds the fact to the clue's timeline, with when it reached the ledger. */
    private static void fact(LedgerBatch batch, FactRecorded fact, Instant recordedAt) {
        Assertion assertion = fact.assertion();
        batch.fact(fact.clueId(), columns(
                "event_id", UUID.fromString(assertion.eventId()),
                "clue_id", fact.clueId(),
                "fact", fact.factKind().name(),
                "side", fact.factKind().side().name(),
                "asserted_by", assertion.assertedBy().toString(),
                "actor", assertion.actor(),
                "occurred_at", Timestamps.of(assertion.occurredAt()),
                "published_at", Timestamps.of(assertion.publishedAt()),
                "recorded_at", Timestamps.of(recordedAt)));
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
