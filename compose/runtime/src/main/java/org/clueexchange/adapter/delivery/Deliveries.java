package org.clueexchange.adapter.delivery;

import static org.clueexchange.persistence.Timestamps.instant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.persistence.Timestamps;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The push deliveries of received facts, in PostgreSQL. */
public final class Deliveries {

    private static final String COLUMNS = "received_sequence, client_id, clue_id, state, attempts, next_attempt_at, "
            + "last_attempt_at, last_error, delivered_at";
    private static final RowMapper<Delivery> DELIVERY = (rows, i) -> new Delivery(rows.getLong("received_sequence"),
            rows.getString("client_id"), rows.getString("clue_id"), DeliveryState.valueOf(rows.getString("state")),
            rows.getInt("attempts"), instant(rows, "next_attempt_at"), instant(rows, "last_attempt_at"),
            rows.getString("last_error"), instant(rows, "delivered_at"));

    private final JdbcClient jdbc;
    private final List<AgencyClient> clients;

    public Deliveries(JdbcClient jdbc, List<AgencyClient> clients) {
        this.jdbc = jdbc;
        this.clients = clients.stream().filter(client -> client.webhook() != null).toList();
    }

    /**
     * Schedules the fact's push to each client with a webhook that may act for the jurisdiction it concerns. Safe
     * to repeat: a fact redelivered by Kafka finds its deliveries already there.
     */
    public void schedule(long sequence, String clueId, String concernsJurisdiction, Instant now) {
        for (AgencyClient client : clients) {
            if (client.mayActFor(concernsJurisdiction)) {
                jdbc.sql("""
                                INSERT INTO delivery (received_sequence, client_id, clue_id, state, next_attempt_at)
                                VALUES (:sequence, :clientId, :clueId, 'PENDING', :now) ON CONFLICT DO NOTHING
                                """)
                        .param("sequence", sequence)
                        .param("clientId", client.id())
                        .param("clueId", clueId)
                        .param("now", Timestamps.of(now))
                        .update();
            }
        }
    }

    /**
     * Deliveries due now, at most one per client and clue (the oldest not yet delivered or failed), so that a
     * client receives the facts of each clue in the order they arrived.
     */
    public List<Delivery> due(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM (SELECT DISTINCT ON (client_id, clue_id) * FROM delivery "
                        + "WHERE state IN ('PENDING', 'RETRYING') ORDER BY client_id, clue_id, received_sequence) head "
                        + "WHERE next_attempt_at <= :now ORDER BY received_sequence LIMIT :limit")
                .param("now", Timestamps.of(now)).param("limit", limit).query(DELIVERY).list();
    }

    public Optional<Delivery> find(long sequence, String clientId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE received_sequence = :sequence "
                        + "AND client_id = :clientId")
                .param("sequence", sequence).param("clientId", clientId).query(DELIVERY).optional();
    }

    /** A client's deliveries in one state after the cursor, oldest first. */
    public List<Delivery> of(String clientId, DeliveryState state, long after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE client_id = :clientId AND state = :state "
                        + "AND received_sequence > :after ORDER BY received_sequence LIMIT :limit")
                .param("clientId", clientId).param("state", state.name()).param("after", after)
                .param("limit", limit).query(DELIVERY).list();
    }

    void delivered(Delivery delivery, Instant at) {
        jdbc.sql("UPDATE delivery SET state = 'DELIVERED', attempts = attempts + 1, last_attempt_at = :at, "
                        + "delivered_at = :at, last_error = NULL WHERE received_sequence = :sequence "
                        + "AND client_id = :clientId")
                .param("at", Timestamps.of(at)).param("sequence", delivery.cursor())
                .param("clientId", delivery.clientId()).update();
    }

    void refused(Delivery delivery, Instant at, String error, DeliveryState state, Instant nextAttemptAt) {
        jdbc.sql("UPDATE delivery SET state = :state, attempts = attempts + 1, last_attempt_at = :at, "
                        + "last_error = :error, next_attempt_at = :next WHERE received_sequence = :sequence "
                        + "AND client_id = :clientId")
                .param("state", state.name()).param("at", Timestamps.of(at)).param("error", error)
                .param("next", Timestamps.of(nextAttemptAt)).param("sequence", delivery.cursor())
                .param("clientId", delivery.clientId()).update();
    }

    /** Puts a delivery back in line, from its first attempt. */
    public boolean retry(long sequence, String clientId, Instant now) {
        return jdbc.sql("UPDATE delivery SET state = 'PENDING', attempts = 0, next_attempt_at = :now "
                        + "WHERE received_sequence = :sequence AND client_id = :clientId AND state <> 'DELIVERED'")
                .param("now", Timestamps.of(now)).param("sequence", sequence).param("clientId", clientId)
                .update() == 1;
    }

    /** How many pushes stand in {@code state}, over all clients: what an operator watches. */
    public long count(DeliveryState state) {
        return jdbc.sql("SELECT count(*) FROM delivery WHERE state = :state").param("state", state.name())
                .query(Long.class).single();
    }
}
