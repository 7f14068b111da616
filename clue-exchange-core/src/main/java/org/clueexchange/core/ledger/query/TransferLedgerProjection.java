package org.clueexchange.core.ledger.query;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.clueexchange.core.deadletter.ValuelessFailure;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the transfer ledger tables from the ledger entries' events: each clue's row shows, per kind of fact, the
 * earliest by the agencies' clocks (the latest progress report and supervision); every fact joins the clue's
 * timeline; anomalies, outcomes and time limits have tables of their own. Nothing in the tables depends on the order
 * in which the facts arrived. The tables, their columns and how a row shows each kind of fact are this
 * projection's own business; the events say only what happened.
 *
 * <p>Its token and its rows are written in one transaction, so each event is applied exactly once, and a reset
 * rebuilds the same tables from the event store. The facts' positions in commit order ({@code ledger_fact_position})
 * outlive a reset: the statements drawn up against them stay true of the rebuilt ledger.
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

    private static final Logger log = LoggerFactory.getLogger(TransferLedgerProjection.class);

    private final NamedParameterJdbcTemplate jdbc;
    /** Writes in a savepoint of the processor's transaction, so that a failed write can be taken back alone. */
    private final TransactionTemplate savepoint;
    /**
     * Clues whose writes failed in a batch, written event by event in the batch's next attempt. Each clue belongs to
     * one segment and so to one thread at a time; the set is shared by the segments.
     */
    private final Set<String> writtenAlone = ConcurrentHashMap.newKeySet();

    TransferLedgerProjection(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
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
        record(event.clueId(), batch -> batch.anomaly(event.clueId(),
                new MapSqlParameterSource("clueId", event.clueId())
                        .addValue("eventId", UUID.fromString(event.factEventId()))
                        .addValue("relatedEventId", UUID.fromString(event.relatedEventId()))
                        .addValue("kind", event.kind().name())
                        .addValue("detail", event.detail())));
    }

    @EventHandler
    void on(SlaClockStarted event) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("startedBy", UUID.fromString(event.startedBy()));
        columns.put("dueAt", Timestamps.of(event.dueAt()));
        columns.put("status", TimeLimit.Status.OPEN.name());
        columns.put("stoppedBy", null);
        columns.put("stoppedAt", null);
        record(event.clueId(), batch -> batch.clock(event.clueId(), event.clock(), columns));
    }

    @EventHandler
    void on(SlaClockStopped event) {
        Map<String, Object> columns = Map.of(
                "stoppedBy", UUID.fromString(event.stoppedBy()),
                "stoppedAt", Timestamps.of(event.stoppedAt()),
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
        jdbc.getJdbcTemplate().execute("TRUNCATE transfer_ledger CASCADE");
    }

    /**
     * Adds an event's writes to its clue's rows: to the batch of events being handled, sent once the batch commits,
     * in its transaction (the processor's token moves in the same transaction, so each event is applied exactly
     * once); or at once, if the clue's writes failed in an earlier batch. Written at once, a failure is this event's
     * own: Axon's dead-letter queue takes the event, and with it every later event of the clue, and the rest of the
     * batch goes on.
     */
    private void record(String clueId, Consumer<LedgerBatch> writes) {
        // Gathered apart first, so that an event whose handling fails half-way adds nothing to the batch.
        LedgerBatch event = new LedgerBatch(jdbc);
        writes.accept(event);
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        if (writtenAlone.contains(clueId)) {
            savepoint.executeWithoutResult(status -> event.write());
            // Committed, the batch has written or dead-lettered each of the clue's events: later ones may join batches.
            unitOfWork.afterCommit(committed -> writtenAlone.remove(clueId));
            return;
        }
        unitOfWork.getOrComputeResource(LedgerBatch.class.getName(), key -> {
            LedgerBatch batch = new LedgerBatch(jdbc);
            unitOfWork.onPrepareCommit(committing -> write(batch));
            return batch;
        }).add(event);
    }

    /**
     * Writes a batch whole or, if that fails, clue by clue: a failure that does not recur (a lost connection, a
     * deadlock) costs nothing, and one that does is narrowed to its clues. Their writes are then taken back with
     * the whole batch, which fails, so that the processor handles it again with those clues' events written one by
     * one and the one that fails is dead-lettered. Nothing is skipped.
     */
    private void write(LedgerBatch batch) {
        try {
            savepoint.executeWithoutResult(status -> batch.write());
            return;
        } catch (DataAccessException whole) {
            log.warn("A ledger batch failed ({}); writing its clues one by one",
                    ValuelessFailure.of(whole).getMessage());
        }
        Map<String, DataAccessException> failed = new LinkedHashMap<>();
        for (String clueId : batch.clueIds()) {
            try {
                savepoint.executeWithoutResult(status -> batch.of(clueId).write());
            } catch (DataAccessException e) {
                failed.put(clueId, e);
            }
        }
        if (!failed.isEmpty()) {
            writtenAlone.addAll(failed.keySet());
            throw new LedgerWriteFailedException(failed);
        }
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
        batch.row(clueId, new MapSqlParameterSource()
                .addValue("direction", direction.name())
                .addValue("senderType", senderType.name())
                .addValue("senderJurisdiction", senderJurisdiction)
                .addValue("receiverType", (receiver == null ? otherThan(senderType) : receiver.type()).name())
                .addValue("receiverJurisdiction", receiver == null ? null : receiver.jurisdiction()));
    }

    /**
     * Shows the fact and its columns on the clue's row if it is the earliest of its kind (the latest, for kinds that
     * come as a series) by occurrence and event id; {@code alsoShow} if it is now shown.
     */
    private static void show(LedgerBatch batch, FactRecorded fact, Map<String, Object> columns,
                             Consumer<LedgerBatch> alsoShow) {
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
        batch.show(fact.clueId(), "UPDATE transfer_ledger SET " + assignments + " WHERE clue_id = :clueId AND ("
                + shown.eventIdColumn() + " IS NULL OR (CAST(:at AS TIMESTAMPTZ), CAST(:eventId AS UUID)) "
                + precedes + " (" + shown.atColumn() + ", " + shown.eventIdColumn() + "))", parameters, alsoShow);
    }

    /** Adds the fact to the clue's timeline, with when it reached the ledger. */
    private static void fact(LedgerBatch batch, FactRecorded fact, Instant recordedAt) {
        Assertion assertion = fact.assertion();
        batch.fact(fact.clueId(), new MapSqlParameterSource()
                .addValue("eventId", UUID.fromString(assertion.eventId()))
                .addValue("clueId", fact.clueId())
                .addValue("fact", fact.factKind().name())
                .addValue("side", fact.factKind().side().name())
                .addValue("assertedBy", assertion.assertedBy().toString())
                .addValue("actor", assertion.actor())
                .addValue("occurredAt", Timestamps.of(assertion.occurredAt()))
                .addValue("publishedAt", Timestamps.of(assertion.publishedAt()))
                .addValue("recordedAt", Timestamps.of(recordedAt)));
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
