package org.clueexchange.adapter.outbox;

import static org.clueexchange.persistence.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.persistence.JurisdictionSql;
import org.clueexchange.persistence.Timestamps;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.ExchangeTopics;
import org.clueexchange.wire.SenderCaseNumbers;
import org.clueexchange.wire.UndecodableEventException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facts an agency asserted, stored in PostgreSQL before its adapter answers the request that asserted them;
 * the {@link OutboxRelay} publishes them afterwards. A request's key ({@link RequestKey}, with the clue) makes a retried
 * request find its first answer instead of asserting the fact twice.
 */
@Component
public final class Outbox {

    private static final String COLUMNS = "sequence, event_id, clue_id, payload, accepted_at, published_at, parked_at";
    private static final String SAME_REQUEST =
            "client_id = :clientId AND clue_id = :clueId AND operation = :operation AND record_id = :recordId";
    /** The same request, stored before requests were keyed by their system: of any system of its jurisdiction. */
    private static final String SAME_REQUEST_BEFORE_CLIENTS = "client_id IS NULL AND clue_id = :clueId "
            + "AND operation = :operation AND record_id = :recordId AND asserted_by = :assertedBy";

    private static final String PARKED = """
            SELECT parked.sequence, parked.client_id, parked.record_id, parked.event_id, parked.clue_id,
                parked.event_type, parked.topic, parked.accepted_at, parked.parked_at, parked.parked_reason,
                (SELECT count(*) FROM outbox_fact later WHERE later.clue_id = parked.clue_id
                    AND later.published_at IS NULL AND later.sequence > parked.sequence) AS waiting
            FROM outbox_fact parked WHERE parked.parked_at IS NOT NULL""";
    private static final RowMapper<ParkedFact> PARKED_FACT = (rows, i) -> new ParkedFact(rows.getLong("sequence"),
            rows.getString("clue_id"), rows.getString("event_id"), rows.getString("event_type"),
            rows.getString("client_id"), rows.getString("record_id"), rows.getString("topic"),
            instant(rows, "accepted_at"), instant(rows, "parked_at"), rows.getString("parked_reason"),
            rows.getLong("waiting"));

    private final JdbcClient jdbc;
    private final ClueEventCodec codec;
    private volatile Runnable onAppend = () -> { };

    public Outbox(JdbcClient jdbc, ClueEventCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    /** Called after each new or re-queued fact, so that the relay need not wait for its next look. */
    void onAppend(Runnable listener) {
        this.onAppend = listener;
    }

    /**
     * Stores {@code event} under {@code key}, or returns what was stored under it before. A fact stored before
     * requests were keyed by their system (client) is found by a request of any system for the same jurisdiction.
     *
     * @param requestDigest a digest of the request; the same key with another digest is refused
     * @throws IdempotencyConflictException if the key was used for a different request, or another system's
     *                                      transfer made the clue
     */
    public OutboxEntry append(RequestKey key, String requestDigest, SpecificRecord event) {
        EventEnvelope envelope = ClueEvents.envelopeOf(event);
        String clueId = envelope.getClueId();
        String assertedBy = envelope.getAssertedBy().getJurisdiction();
        Optional<Long> inserted = jdbc.sql("INSERT INTO outbox_fact (client_id, clue_id, operation, record_id, "
                        + "request_digest, event_id, event_type, asserted_by, topic, payload, accepted_at, "
                        + "sender_case_number_key) "
                        + "SELECT :clientId, :clueId, :operation, :recordId, :requestDigest, :eventId, :eventType, "
                        + ":assertedBy, :topic, :payload, :acceptedAt, :senderCaseNumberKey "
                        + "WHERE NOT EXISTS (SELECT 1 FROM outbox_fact WHERE " + SAME_REQUEST_BEFORE_CLIENTS + ") "
                        + "ON CONFLICT DO NOTHING RETURNING sequence")
                .param("clientId", key.clientId())
                .param("clueId", clueId)
                .param("operation", key.operation())
                .param("recordId", key.recordId())
                .param("requestDigest", requestDigest)
                .param("eventId", UUID.fromString(envelope.getEventId()))
                .param("eventType", ClueEvents.typeOf(event))
                .param("assertedBy", assertedBy)
                .param("topic", ExchangeTopics.of(envelope.getAssertedBy().getType()))
                .param("payload", codec.encode(event))
                .param("acceptedAt", Timestamps.of(envelope.getPublishedAt()))
                .param("senderCaseNumberKey", SenderCaseNumbers.of(event).map(SenderCaseNumbers::key).orElse(null))
                .query(Long.class).optional();
        if (inserted.isPresent()) {
            onAppend.run();
            return new OutboxEntry(inserted.get(), envelope.getEventId(), clueId, event, envelope.getPublishedAt(),
                    null, null, true);
        }
        return previous(key, clueId, assertedBy, requestDigest).orElseThrow(() -> new IdempotencyConflictException(
                "is the record id of the transfer that made " + clueId + ", which another system of this agency "
                        + "sent; a new transfer needs a record id of its own"));
    }

    private Optional<OutboxEntry> previous(RequestKey key, String clueId, String assertedBy, String requestDigest) {
        return jdbc.sql("SELECT " + COLUMNS + ", request_digest FROM outbox_fact WHERE " + SAME_REQUEST + " OR "
                        + SAME_REQUEST_BEFORE_CLIENTS)
                .param("clientId", key.clientId())
                .param("clueId", clueId)
                .param("operation", key.operation())
                .param("recordId", key.recordId())
                .param("assertedBy", assertedBy)
                .query((rs, i) -> {
                    if (!rs.getString("request_digest").equals(requestDigest)) {
                        throw new IdempotencyConflictException("was already used for a different " + key.operation()
                                + " of " + clueId + "; a retry must repeat the original request exactly");
                    }
                    return entry(rs);
                }).optional();
    }

    /** Whether a request of this system under {@code key} about the clue was stored, whatever its body. */
    public boolean holds(RequestKey key, String clueId) {
        return jdbc.sql("SELECT count(*) FROM outbox_fact WHERE " + SAME_REQUEST)
                .param("clientId", key.clientId())
                .param("clueId", clueId)
                .param("operation", key.operation())
                .param("recordId", key.recordId())
                .query(Long.class).single() > 0;
    }

    /** Every fact asserted about a clue, oldest first. */
    public List<OutboxEntry> ofClue(String clueId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_fact WHERE clue_id = :clueId ORDER BY sequence")
                .param("clueId", clueId).query((rs, i) -> entry(rs)).list();
    }

    /** The facts of one event type after {@code afterSequence}, oldest first. */
    public List<OutboxEntry> page(String eventType, long afterSequence, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_fact WHERE event_type = :eventType "
                        + "AND sequence > :after ORDER BY sequence LIMIT :limit")
                .param("eventType", eventType).param("after", afterSequence).param("limit", limit)
                .query((rs, i) -> entry(rs)).list();
    }

    /**
     * The clues of the facts of one type the agency asserted within any of {@code scopes} that name a sender's case
     * number of this {@link SenderCaseNumbers#key}.
     */
    public List<String> cluesNaming(String eventType, String senderCaseNumberKey, List<String> scopes) {
        MapSqlParameterSource params = new MapSqlParameterSource("key", senderCaseNumberKey)
                .addValue("eventType", eventType);
        return jdbc.sql("SELECT DISTINCT clue_id FROM outbox_fact WHERE sender_case_number_key = :key "
                        + "AND event_type = :eventType AND " + JurisdictionSql.withinAny("asserted_by", scopes, params))
                .paramSource(params).query(String.class).list();
    }

    /** The jurisdiction the agency asserted facts of this clue as, if it asserted any. */
    public Optional<String> jurisdictionOf(String clueId) {
        return jdbc.sql("SELECT asserted_by FROM outbox_fact WHERE clue_id = :clueId ORDER BY sequence LIMIT 1")
                .param("clueId", clueId).query(String.class).optional();
    }

    /** Facts accepted but not yet acknowledged by Kafka: the backlog the relay works through. */
    public long unpublished() {
        return jdbc.sql("SELECT count(*) FROM outbox_fact WHERE published_at IS NULL").query(Long.class).single();
    }

    /** Facts Kafka refused for good, waiting for an operator. */
    public long parkedCount() {
        return jdbc.sql("SELECT count(*) FROM outbox_fact WHERE parked_at IS NOT NULL").query(Long.class).single();
    }

    /** The parked facts after {@code afterSequence}, oldest first, each with the facts of its clue behind it. */
    public List<ParkedFact> parked(long afterSequence, int limit) {
        return jdbc.sql(PARKED + " AND parked.sequence > :after ORDER BY parked.sequence LIMIT :limit")
                .param("after", afterSequence).param("limit", limit).query(PARKED_FACT).list();
    }

    /**
     * Puts a parked fact back in line: it heads its clue again, so the relay sends it before the facts that waited
     * behind it. Empty if no fact with this sequence is parked.
     */
    public Optional<ParkedFact> requeue(long sequence) {
        Optional<ParkedFact> parked = jdbc.sql(PARKED + " AND parked.sequence = :sequence")
                .param("sequence", sequence).query(PARKED_FACT).optional();
        if (parked.isEmpty() || jdbc.sql("UPDATE outbox_fact SET parked_at = NULL, parked_reason = NULL "
                        + "WHERE sequence = :sequence AND parked_at IS NOT NULL")
                .param("sequence", sequence).update() == 0) {
            return Optional.empty();
        }
        onAppend.run();
        return parked;
    }

    private OutboxEntry entry(ResultSet rows) throws SQLException {
        try {
            return new OutboxEntry(rows.getLong("sequence"), rows.getString("event_id"), rows.getString("clue_id"), codec.decode(rows.getBytes("payload")),
                    instant(rows, "accepted_at"), instant(rows, "published_at"), instant(rows, "parked_at"), false);
        } catch (UndecodableEventException e) {
            throw new IllegalStateException("outbox entry " + rows.getLong("sequence") + " no longer decodes", e);
        }
    }
}
