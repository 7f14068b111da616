package org.clueexchange.adapter.received;

import static org.clueexchange.persistence.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.persistence.JurisdictionSql;
import org.clueexchange.persistence.Timestamps;
import org.clueexchange.subscription.FactConsumer;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.SenderCaseNumbers;
import org.clueexchange.wire.UndecodableEventException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The other agency's facts that concern this adapter, and the core's answers to its agency's confirmations, in
 * PostgreSQL, each once, in the order they arrived.
 */
@Component
public final class ReceivedFacts {

    private static final String COLUMNS = "sequence, event_id, clue_id, concerns_jurisdiction, payload, received_at";

    private final JdbcClient jdbc;
    private final ClueEventCodec codec;

    public ReceivedFacts(JdbcClient jdbc, ClueEventCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    /** Stores the fact unless a fact with its event id is already stored; either way, returns its sequence. */
    public long store(FactConsumer.ConsumedFact fact, String concernsJurisdiction, Instant receivedAt) {
        return jdbc.sql("""
                        WITH stored AS (
                            INSERT INTO received_fact (event_id, clue_id, event_type, asserted_by_jurisdiction,
                                concerns_jurisdiction, payload, source_topic, source_partition, source_offset,
                                received_at, sender_case_number_key)
                            VALUES (:eventId, :clueId, :eventType, :assertedBy, :concerns, :payload, :topic,
                                :partition, :offset, :receivedAt, :senderCaseNumberKey)
                            ON CONFLICT (event_id) DO NOTHING
                            RETURNING sequence)
                        SELECT sequence FROM stored
                        UNION ALL SELECT sequence FROM received_fact WHERE event_id = :eventId
                        """)
                .param("eventId", UUID.fromString(ClueEvents.eventIdOf(fact.event())))
                .param("clueId", ClueEvents.keyOf(fact.event()))
                .param("eventType", ClueEvents.typeOf(fact.event()))
                .param("assertedBy", ClueEvents.publishedByCore(fact.event()) ? null
                        : ClueEvents.envelopeOf(fact.event()).getAssertedBy().getJurisdiction())
                .param("concerns", concernsJurisdiction)
                .param("payload", codec.encode(fact.event()))
                .param("topic", fact.topic())
                .param("partition", fact.partition())
                .param("offset", fact.offset())
                .param("receivedAt", Timestamps.of(receivedAt))
                .param("senderCaseNumberKey", SenderCaseNumbers.of(fact.event()).map(SenderCaseNumbers::key)
                        .orElse(null))
                .query(Long.class).list().get(0);
    }

    /**
     * Received facts of one type concerning a jurisdiction within any of {@code scopes}, after the cursor
     * {@code afterSequence}, oldest first.
     */
    public List<ReceivedFact> page(String eventType, List<String> scopes, long afterSequence, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("eventType", eventType)
                .addValue("after", afterSequence).addValue("limit", limit);
        return query("SELECT " + COLUMNS + " FROM received_fact WHERE event_type = :eventType AND "
                + JurisdictionSql.withinAny("concerns_jurisdiction", scopes, params)
                + " AND sequence > :after ORDER BY sequence LIMIT :limit", params);
    }

    /** Received facts concerning a jurisdiction within any of {@code scopes}, after the cursor, oldest first. */
    public List<ReceivedFact> feed(List<String> scopes, long afterSequence, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("after", afterSequence)
                .addValue("limit", limit);
        return query("SELECT " + COLUMNS + " FROM received_fact WHERE "
                + JurisdictionSql.withinAny("concerns_jurisdiction", scopes, params)
                + " AND sequence > :after ORDER BY sequence LIMIT :limit", params);
    }

    /**
     * The clues of the received facts of one type concerning a jurisdiction within any of {@code scopes} that name a
     * sender's case number of this {@link SenderCaseNumbers#key}.
     */
    public List<String> cluesNaming(String eventType, String senderCaseNumberKey, List<String> scopes) {
        MapSqlParameterSource params = new MapSqlParameterSource("key", senderCaseNumberKey)
                .addValue("eventType", eventType);
        return jdbc.sql("SELECT DISTINCT clue_id FROM received_fact WHERE sender_case_number_key = :key "
                        + "AND event_type = :eventType AND "
                        + JurisdictionSql.withinAny("concerns_jurisdiction", scopes, params))
                .paramSource(params).query(String.class).list();
    }

    public ReceivedFact bySequence(long sequence) {
        return query("SELECT " + COLUMNS + " FROM received_fact WHERE sequence = :sequence",
                new MapSqlParameterSource("sequence", sequence)).get(0);
    }

    public List<ReceivedFact> ofClue(String clueId) {
        return query("SELECT " + COLUMNS + " FROM received_fact WHERE clue_id = :clueId ORDER BY sequence",
                new MapSqlParameterSource("clueId", clueId));
    }

    /** The jurisdiction the first received fact of the clue concerned, if any fact of it was received. */
    public Optional<String> jurisdictionOf(String clueId) {
        return jdbc.sql("SELECT concerns_jurisdiction FROM received_fact WHERE clue_id = :clueId "
                + "ORDER BY sequence LIMIT 1").param("clueId", clueId).query(String.class).optional();
    }

    private List<ReceivedFact> query(String sql, MapSqlParameterSource params) {
        return jdbc.sql(sql).paramSource(params).query((rs, i) -> fact(rs)).list();
    }

    private ReceivedFact fact(ResultSet rs) throws SQLException {
        return new ReceivedFact(rs.getLong("sequence"), rs.getString("event_id"), rs.getString("clue_id"),
                rs.getString("concerns_jurisdiction"), decode(rs.getBytes("payload")), instant(rs, "received_at"));
    }

    private SpecificRecord decode(byte[] payload) {
        try {
            return codec.decode(payload);
        } catch (UndecodableEventException e) {
            throw new IllegalStateException("a stored received fact no longer decodes", e);
        }
    }
}
