package org.clueexchange.core.ledger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.clueexchange.events.AgencyType;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the transfer ledger tables from the ledger entries' events: each clue's row shows the earliest transfer,
 * receipt and acceptance by the agencies' clocks; every fact joins the clue's timeline; anomalies are listed.
 * Nothing in the tables depends on the order in which the facts arrived.
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
    void on(ClueTransferRecorded event) {
        AgencyId sender = event.assertion().assertedBy();
        TransferredClue clue = event.clue();
        MapSqlParameterSource row = entry(event.clueId(), Direction.sentBy(sender.type()), sender.type(),
                sender.jurisdiction(), event.receiver(), event.assertion())
                .addValue("publishedAt", timestamp(event.assertion().publishedAt()))
                .addValue("source", clue.source().name())
                .addValue("allegation", clue.allegation().name())
                .addValue("priority", clue.priority().name())
                .addValue("caseNumber", clue.linkedGangCase() == null ? null : clue.linkedGangCase().caseNumber())
                .addValue("caseType", clue.linkedGangCase() == null ? null : clue.linkedGangCase().caseType().name())
                .addValue("summary", clue.summary())
                .addValue("digest", clue.contentDigest());
        int shown = jdbc.update("""
                INSERT INTO transfer_ledger (clue_id, direction, state, sender_type, sender_jurisdiction, receiver_type,
                    receiver_jurisdiction, transfer_event_id, transferred_at, transfer_published_at, transfer_actor,
                    source, allegation, priority, linked_case_number, linked_case_type, summary, sender_content_digest)
                VALUES (:clueId, :direction, :state, :senderType, :senderJurisdiction, :receiverType,
                    :receiverJurisdiction, :eventId, :at, :publishedAt, :actor, :source, :allegation, :priority,
                    :caseNumber, :caseType, :summary, :digest)
                ON CONFLICT (clue_id) DO UPDATE SET direction = EXCLUDED.direction,
                    sender_type = EXCLUDED.sender_type, sender_jurisdiction = EXCLUDED.sender_jurisdiction,
                    receiver_type = EXCLUDED.receiver_type, receiver_jurisdiction = EXCLUDED.receiver_jurisdiction,
                    transfer_event_id = EXCLUDED.transfer_event_id, transferred_at = EXCLUDED.transferred_at,
                    transfer_published_at = EXCLUDED.transfer_published_at, transfer_actor = EXCLUDED.transfer_actor,
                    source = EXCLUDED.source, allegation = EXCLUDED.allegation, priority = EXCLUDED.priority,
                    linked_case_number = EXCLUDED.linked_case_number, linked_case_type = EXCLUDED.linked_case_type,
                    summary = EXCLUDED.summary, sender_content_digest = EXCLUDED.sender_content_digest
                WHERE transfer_ledger.transfer_event_id IS NULL
                   OR (EXCLUDED.transferred_at, EXCLUDED.transfer_event_id)
                      < (transfer_ledger.transferred_at, transfer_ledger.transfer_event_id)
                """, row);
        if (shown == 1) {
            showSubjects(event.clueId(), clue.subjects());
        }
        onFact(event.clueId(), LedgerFact.TRANSFERRED, event.assertion());
    }

    @EventHandler
    void on(ClueReceiptRecorded event) {
        AgencyId receiver = event.assertion().assertedBy();
        jdbc.update("""
                INSERT INTO transfer_ledger (clue_id, direction, state, sender_type, sender_jurisdiction, receiver_type,
                    receiver_jurisdiction, receipt_event_id, received_at, receipt_actor, receiver_content_digest)
                VALUES (:clueId, :direction, :state, :senderType, :senderJurisdiction, :receiverType,
                    :receiverJurisdiction, :eventId, :at, :actor, :digest)
                ON CONFLICT (clue_id) DO UPDATE SET receipt_event_id = EXCLUDED.receipt_event_id,
                    received_at = EXCLUDED.received_at, receipt_actor = EXCLUDED.receipt_actor,
                    receiver_content_digest = EXCLUDED.receiver_content_digest
                WHERE transfer_ledger.receipt_event_id IS NULL
                   OR (EXCLUDED.received_at, EXCLUDED.receipt_event_id)
                      < (transfer_ledger.received_at, transfer_ledger.receipt_event_id)
                """, entry(event.clueId(), Direction.receivedBy(receiver.type()), event.sender().type(),
                event.sender().jurisdiction(), receiver, event.assertion())
                .addValue("digest", event.contentDigest()));
        onFact(event.clueId(), LedgerFact.RECEIVED, event.assertion());
    }

    @EventHandler
    void on(ClueAcceptanceRecorded event) {
        AgencyId receiver = event.assertion().assertedBy();
        // An acceptance can be the first the ledger hears of a clue: the sender is then known only as the other
        // kind of agency.
        AgencyType sender = receiver.type() == AgencyType.POLICE ? AgencyType.DISCIPLINE : AgencyType.POLICE;
        jdbc.update("""
                INSERT INTO transfer_ledger (clue_id, direction, state, sender_type, sender_jurisdiction, receiver_type,
                    receiver_jurisdiction, acceptance_event_id, accepted_at, acceptance_actor, receiver_case_number)
                VALUES (:clueId, :direction, :state, :senderType, :senderJurisdiction, :receiverType,
                    :receiverJurisdiction, :eventId, :at, :actor, :caseNumber)
                ON CONFLICT (clue_id) DO UPDATE SET acceptance_event_id = EXCLUDED.acceptance_event_id,
                    accepted_at = EXCLUDED.accepted_at, acceptance_actor = EXCLUDED.acceptance_actor,
                    receiver_case_number = EXCLUDED.receiver_case_number
                WHERE transfer_ledger.acceptance_event_id IS NULL
                   OR (EXCLUDED.accepted_at, EXCLUDED.acceptance_event_id)
                      < (transfer_ledger.accepted_at, transfer_ledger.acceptance_event_id)
                """, entry(event.clueId(), Direction.receivedBy(receiver.type()), sender, null, receiver,
                event.assertion())
                .addValue("caseNumber", event.receiverCaseNumber()));
        onFact(event.clueId(), LedgerFact.ACCEPTED, event.assertion());
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

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE transfer_ledger CASCADE");
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

    /** The row's identity and the fact's assertion, as every upsert of the ledger row takes them. */
    private static MapSqlParameterSource entry(String clueId, Direction direction, AgencyType senderType,
                                               String senderJurisdiction, AgencyId receiver, Assertion fact) {
        return new MapSqlParameterSource()
                .addValue("clueId", clueId)
                .addValue("direction", direction.name())
                .addValue("state", LedgerState.AWAITING_TRANSFER.name())
                .addValue("senderType", senderType.name())
                .addValue("senderJurisdiction", senderJurisdiction)
                .addValue("receiverType", receiver.type().name())
                .addValue("receiverJurisdiction", receiver.jurisdiction())
                .addValue("eventId", UUID.fromString(fact.eventId()))
                .addValue("at", timestamp(fact.occurredAt()))
                .addValue("actor", fact.actor());
    }

    private void onFact(String clueId, LedgerFact fact, Assertion assertion) {
        jdbc.update("""
                INSERT INTO ledger_fact (event_id, clue_id, fact, side, asserted_by, actor, occurred_at, published_at)
                VALUES (:eventId, :clueId, :fact, :side, :assertedBy, :actor, :occurredAt, :publishedAt)
                ON CONFLICT (event_id) DO NOTHING
                """, new MapSqlParameterSource()
                .addValue("eventId", UUID.fromString(assertion.eventId()))
                .addValue("clueId", clueId)
                .addValue("fact", fact.name())
                .addValue("side", fact.side().name())
                .addValue("assertedBy", assertion.assertedBy().toString())
                .addValue("actor", assertion.actor())
                .addValue("occurredAt", timestamp(assertion.occurredAt()))
                .addValue("publishedAt", timestamp(assertion.publishedAt())));
        LedgerState state = jdbc.queryForObject("""
                SELECT transfer_event_id IS NOT NULL AS transferred, receipt_event_id IS NOT NULL AS received,
                       acceptance_event_id IS NOT NULL AS accepted
                FROM transfer_ledger WHERE clue_id = :clueId
                """, Map.of("clueId", clueId), (rs, i) ->
                LedgerState.of(rs.getBoolean("transferred"), rs.getBoolean("received"), rs.getBoolean("accepted")));
        jdbc.update("UPDATE transfer_ledger SET state = :state WHERE clue_id = :clueId",
                Map.of("state", state.name(), "clueId", clueId));
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
