package org.clueexchange.adapter.received;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.subscription.FactConsumer;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.Jurisdictions;
import org.clueexchange.wire.UndecodableEventException;

/** The other agency's facts that concern this adapter, in PostgreSQL, each once, in the order they arrived. */
public final class ReceivedFacts {

    private static final String COLUMNS = "sequence, event_id, clue_id, concerns_jurisdiction, payload, received_at";

    private final DataSource dataSource;
    private final ClueEventCodec codec;

    public ReceivedFacts(DataSource dataSource, ClueEventCodec codec) {
        this.dataSource = dataSource;
        this.codec = codec;
    }

    /** Stores the fact unless a fact with its event id is already stored; either way, returns its sequence. */
    public long store(FactConsumer.ConsumedFact fact, String concernsJurisdiction, Instant receivedAt) {
        EventEnvelope envelope = ClueEvents.envelopeOf(fact.event());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     WITH stored AS (
                         INSERT INTO received_fact (event_id, clue_id, event_type, asserted_by_jurisdiction,
                             concerns_jurisdiction, payload, source_topic, source_partition, source_offset,
                             received_at)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                         ON CONFLICT (event_id) DO NOTHING
                         RETURNING sequence)
                     SELECT sequence FROM stored
                     UNION ALL SELECT sequence FROM received_fact WHERE event_id = ?
                     """)) {
            insert.setObject(1, UUID.fromString(envelope.getEventId()));
            insert.setString(2, envelope.getClueId());
            insert.setString(3, ClueEvents.typeOf(fact.event()));
            insert.setString(4, envelope.getAssertedBy().getJurisdiction());
            insert.setString(5, concernsJurisdiction);
            insert.setBytes(6, codec.encode(fact.event()));
            insert.setString(7, fact.topic());
            insert.setInt(8, fact.partition());
            insert.setLong(9, fact.offset());
            insert.setTimestamp(10, Timestamp.from(receivedAt));
            insert.setObject(11, UUID.fromString(envelope.getEventId()));
            try (ResultSet sequence = insert.executeQuery()) {
                sequence.next();
                return sequence.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store received " + ClueEvents.typeOf(fact.event()), e);
        }
    }

    /**
     * Received facts of one type concerning a jurisdiction within any of {@code scopes}, after the cursor
     * {@code afterSequence}, oldest first.
     */
    public List<ReceivedFact> page(String eventType, List<String> scopes, long afterSequence, int limit) {
        return query("SELECT " + COLUMNS + " FROM received_fact WHERE event_type = ? "
                + "AND concerns_jurisdiction LIKE ANY (?) AND sequence > ? ORDER BY sequence LIMIT ?",
                eventType, patterns(scopes), afterSequence, limit);
    }

    private static String[] patterns(List<String> scopes) {
        return scopes.stream().map(scope -> Jurisdictions.significantPrefix(scope) + "%").toArray(String[]::new);
    }

    /** Received facts concerning a jurisdiction within any of {@code scopes}, after the cursor, oldest first. */
    public List<ReceivedFact> feed(List<String> scopes, long afterSequence, int limit) {
        return query("SELECT " + COLUMNS + " FROM received_fact WHERE concerns_jurisdiction LIKE ANY (?) "
                + "AND sequence > ? ORDER BY sequence LIMIT ?", patterns(scopes), afterSequence, limit);
    }

    public ReceivedFact bySequence(long sequence) {
        return query("SELECT " + COLUMNS + " FROM received_fact WHERE sequence = ?", sequence).get(0);
    }

    public List<ReceivedFact> ofClue(String clueId) {
        return query("SELECT " + COLUMNS + " FROM received_fact WHERE clue_id = ? ORDER BY sequence", clueId);
    }

    /** The jurisdiction the first received fact of the clue concerned, if any fact of it was received. */
    public Optional<String> jurisdictionOf(String clueId) {
        return query("SELECT " + COLUMNS + " FROM received_fact WHERE clue_id = ? ORDER BY sequence LIMIT 1", clueId)
                .stream().findFirst().map(ReceivedFact::concernsJurisdiction);
    }

    private List<ReceivedFact> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof String[] array) {
                    statement.setArray(i + 1, connection.createArrayOf("varchar", array));
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            List<ReceivedFact> facts = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    facts.add(new ReceivedFact(rows.getLong("sequence"), rows.getString("event_id"),
                            rows.getString("clue_id"), rows.getString("concerns_jurisdiction"),
                            decode(rows.getBytes("payload")), rows.getTimestamp("received_at").toInstant()));
                }
            }
            return facts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read received facts", e);
        }
    }

    private SpecificRecord decode(byte[] payload) {
        try {
            return codec.decode(payload);
        } catch (UndecodableEventException e) {
            throw new IllegalStateException("a stored received fact no longer decodes", e);
        }
    }
}
