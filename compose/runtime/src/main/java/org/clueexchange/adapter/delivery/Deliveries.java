package org.clueexchange.adapter.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.clueexchange.adapter.access.AgencyClient;

/** The push deliveries of received facts, in PostgreSQL. */
public final class Deliveries {

    private static final String COLUMNS = "received_sequence, client_id, clue_id, state, attempts, next_attempt_at, "
            + "last_attempt_at, last_error, delivered_at";

    private final DataSource dataSource;
    private final List<AgencyClient> clients;

    public Deliveries(DataSource dataSource, List<AgencyClient> clients) {
        this.dataSource = dataSource;
        this.clients = clients.stream().filter(client -> client.webhook() != null).toList();
    }

    /**
     * Schedules the fact's push to each client with a webhook that may act for the jurisdiction it concerns. Safe
     * to repeat: a fact redelivered by Kafka finds its deliveries already there.
     */
    public void schedule(long sequence, String clueId, String concernsJurisdiction, Instant now) {
        for (AgencyClient client : clients) {
            if (client.mayActFor(concernsJurisdiction)) {
                update("""
                        INSERT INTO delivery (received_sequence, client_id, clue_id, state, next_attempt_at)
                        VALUES (?, ?, ?, 'PENDING', ?) ON CONFLICT DO NOTHING
                        """, sequence, client.id(), clueId, Timestamp.from(now));
            }
        }
    }

    /**
     * Deliveries due now, at most one per client and clue (the oldest not yet delivered or failed), so that a
     * client receives the facts of each clue in the order they arrived.
     */
    public List<Delivery> due(Instant now, int limit) {
        return query("SELECT " + COLUMNS + " FROM (SELECT DISTINCT ON (client_id, clue_id) * FROM delivery "
                + "WHERE state IN ('PENDING', 'RETRYING') ORDER BY client_id, clue_id, received_sequence) head "
                + "WHERE next_attempt_at <= ? ORDER BY received_sequence LIMIT ?", Timestamp.from(now), limit);
    }

    public Optional<Delivery> find(long sequence, String clientId) {
        return query("SELECT " + COLUMNS + " FROM delivery WHERE received_sequence = ? AND client_id = ?",
                sequence, clientId).stream().findFirst();
    }

    /** A client's deliveries in one state after the cursor, oldest first. */
    public List<Delivery> of(String clientId, DeliveryState state, long after, int limit) {
        return query("SELECT " + COLUMNS + " FROM delivery WHERE client_id = ? AND state = ? "
                + "AND received_sequence > ? ORDER BY received_sequence LIMIT ?", clientId, state.name(), after, limit);
    }

    void delivered(Delivery delivery, Instant at) {
        update("UPDATE delivery SET state = 'DELIVERED', attempts = attempts + 1, last_attempt_at = ?, "
                + "delivered_at = ?, last_error = NULL WHERE received_sequence = ? AND client_id = ?",
                Timestamp.from(at), Timestamp.from(at), delivery.cursor(), delivery.clientId());
    }

    void refused(Delivery delivery, Instant at, String error, DeliveryState state, Instant nextAttemptAt) {
        update("UPDATE delivery SET state = ?, attempts = attempts + 1, last_attempt_at = ?, last_error = ?, "
                + "next_attempt_at = ? WHERE received_sequence = ? AND client_id = ?", state.name(),
                Timestamp.from(at), error, Timestamp.from(nextAttemptAt), delivery.cursor(), delivery.clientId());
    }

    /** Puts a delivery back in line, from its first attempt. */
    public boolean retry(long sequence, String clientId, Instant now) {
        return update("UPDATE delivery SET state = 'PENDING', attempts = 0, next_attempt_at = ? "
                + "WHERE received_sequence = ? AND client_id = ? AND state <> 'DELIVERED'",
                Timestamp.from(now), sequence, clientId) == 1;
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update deliveries", e);
        }
    }

    private List<Delivery> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            List<Delivery> deliveries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    deliveries.add(new Delivery(rows.getLong("received_sequence"), rows.getString("client_id"),
                            rows.getString("clue_id"), DeliveryState.valueOf(rows.getString("state")),
                            rows.getInt("attempts"), instant(rows, "next_attempt_at"),
                            instant(rows, "last_attempt_at"), rows.getString("last_error"),
                            instant(rows, "delivered_at")));
                }
            }
            return deliveries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read deliveries", e);
        }
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
