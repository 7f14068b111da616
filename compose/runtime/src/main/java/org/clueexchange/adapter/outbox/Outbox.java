package org.clueexchange.adapter.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.ExchangeTopics;
import org.clueexchange.wire.UndecodableEventException;

/**
 * The facts an agency asserted, stored in PostgreSQL before its adapter answers the request that asserted them;
 * the {@link OutboxRelay} publishes them afterwards. A request key (the agency's own record id for the request) makes
 * a retried request find its first answer instead of asserting the fact twice.
 */
public final class Outbox {

    private static final String COLUMNS =
            "sequence, request_key, event_id, clue_id, payload, accepted_at, published_at";

    private final DataSource dataSource;
    private final ClueEventCodec codec;
    private volatile Runnable onAppend = () -> { };

    public Outbox(DataSource dataSource, ClueEventCodec codec) {
        this.dataSource = dataSource;
        this.codec = codec;
    }

    /** Called after each new fact, so that the relay need not wait for its next look. */
    void onAppend(Runnable listener) {
        this.onAppend = listener;
    }

    /**
     * Stores {@code event} under {@code requestKey}, or returns what was stored under it before.
     *
     * @param requestDigest a digest of the request; the same key with another digest is refused
     * @throws IdempotencyConflictException if the key was used for a different request
     */
    public OutboxEntry append(String requestKey, String requestDigest, SpecificRecord event) {
        EventEnvelope envelope = ClueEvents.envelopeOf(event);
        byte[] payload = codec.encode(event);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO outbox_fact (request_key, request_digest, event_id, clue_id, event_type,
                         asserted_by, topic, payload, accepted_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                     ON CONFLICT (request_key) DO NOTHING
                     RETURNING sequence
                     """)) {
            insert.setString(1, requestKey);
            insert.setString(2, requestDigest);
            insert.setObject(3, UUID.fromString(envelope.getEventId()));
            insert.setString(4, envelope.getClueId());
            insert.setString(5, ClueEvents.typeOf(event));
            insert.setString(6, envelope.getAssertedBy().getJurisdiction());
            insert.setString(7, ExchangeTopics.of(envelope.getAssertedBy().getType()));
            insert.setBytes(8, payload);
            insert.setTimestamp(9, Timestamp.from(envelope.getPublishedAt()));
            try (ResultSet inserted = insert.executeQuery()) {
                if (inserted.next()) {
                    OutboxEntry entry = new OutboxEntry(inserted.getLong(1), requestKey, envelope.getEventId(),
                            envelope.getClueId(), event, envelope.getPublishedAt(), null, true);
                    onAppend.run();
                    return entry;
                }
            }
            return previous(connection, requestKey, requestDigest);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store " + ClueEvents.typeOf(event) + " in the outbox", e);
        }
    }

    private OutboxEntry previous(Connection connection, String requestKey, String requestDigest)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + ", request_digest FROM outbox_fact WHERE request_key = ?")) {
            select.setString(1, requestKey);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                if (!rows.getString("request_digest").equals(requestDigest)) {
                    throw new IdempotencyConflictException(requestKey);
                }
                return entry(rows, false);
            }
        }
    }

    /** Every fact asserted about a clue, oldest first. */
    public List<OutboxEntry> ofClue(String clueId) {
        return query("SELECT " + COLUMNS + " FROM outbox_fact WHERE clue_id = ? ORDER BY sequence", clueId);
    }

    /** The facts of one event type after {@code afterSequence}, oldest first. */
    public List<OutboxEntry> page(String eventType, long afterSequence, int limit) {
        return query("SELECT " + COLUMNS + " FROM outbox_fact WHERE event_type = ? AND sequence > ? "
                + "ORDER BY sequence LIMIT ?", eventType, afterSequence, limit);
    }

    public Optional<OutboxEntry> byRequestKey(String requestKey) {
        return query("SELECT " + COLUMNS + " FROM outbox_fact WHERE request_key = ?", requestKey).stream()
                .findFirst();
    }

    /** The jurisdiction the agency asserted facts of this clue as, if it asserted any. */
    public Optional<String> jurisdictionOf(String clueId) {
        return queryString("SELECT asserted_by FROM outbox_fact WHERE clue_id = ? ORDER BY sequence LIMIT 1", clueId);
    }

    /** Facts accepted but not yet acknowledged by Kafka. */
    public long unpublished() {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement()
                     .executeQuery("SELECT count(*) FROM outbox_fact WHERE published_at IS NULL")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the outbox", e);
        }
    }

    private Optional<String> queryString(String sql, String parameter) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox", e);
        }
    }

    private List<OutboxEntry> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<OutboxEntry> entries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows, false));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox", e);
        }
    }

    private OutboxEntry entry(ResultSet rows, boolean created) throws SQLException {
        Timestamp publishedAt = rows.getTimestamp("published_at");
        try {
            return new OutboxEntry(rows.getLong("sequence"), rows.getString("request_key"),
                    rows.getString("event_id"), rows.getString("clue_id"), codec.decode(rows.getBytes("payload")),
                    rows.getTimestamp("accepted_at").toInstant(), publishedAt == null ? null : publishedAt.toInstant(),
                    created);
        } catch (UndecodableEventException e) {
            throw new IllegalStateException("outbox entry " + rows.getLong("sequence") + " no longer decodes", e);
        }
    }
}
