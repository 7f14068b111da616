package org.clueexchange.adapter.delivery;

import static org.clueexchange.persistence.Timestamps.instant;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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

    /** The clients facts are pushed to: those with a webhook. */
    public List<AgencyClient> recipients() {
        return clients;
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
     * The client's deliveries due now, at most one per clue (the oldest not yet delivered or failed), so that the
     * client receives the facts of each clue in the order they arrived.
     */
    public List<Delivery> due(String clientId, Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM (SELECT DISTINCT ON (clue_id) * FROM delivery "
                        + "WHERE client_id = :clientId AND state IN ('PENDING', 'RETRYING') "
                        + "ORDER BY clue_id, received_sequence) head "
                        + "WHERE next_attempt_at <= :now ORDER BY received_sequence LIMIT :limit")
                .param("clientId", clientId).param("now", Timestamps.of(now)).param("limit", limit)
                .query(DELIVERY).list();
    }

    /**
     * Holds the open deliveries of every client not configured with a webhook now, and puts those held for a client
     * configured again back in line where they stood.
     *
     * @return how many deliveries stand held, by client
     */
    public Map<String, Long> holdForUnconfiguredClients(Instant now) {
        List<String> configured = clients.stream().map(AgencyClient::id).toList();
        if (configured.isEmpty()) {
            jdbc.sql("UPDATE delivery SET state = 'HELD' WHERE state IN ('PENDING', 'RETRYING')").update();
        } else {
            jdbc.sql("UPDATE delivery SET state = 'HELD' WHERE state IN ('PENDING', 'RETRYING') "
                    + "AND client_id NOT IN (:configured)").param("configured", configured).update();
            jdbc.sql("UPDATE delivery SET state = CASE WHEN attempts = 0 THEN 'PENDING' ELSE 'RETRYING' END, "
                            + "next_attempt_at = :now WHERE state = 'HELD' AND client_id IN (:configured)")
                    .param("now", Timestamps.of(now)).param("configured", configured).update();
        }
        Map<String, Long> held = new TreeMap<>();
        jdbc.sql("SELECT client_id, count(*) AS held FROM delivery WHERE state = 'HELD' GROUP BY client_id")
                .query(rows -> {
                    held.put(rows.getString("client_id"), rows.getLong("held"));
                });
        return held;
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

    /** Puts a delivery back in line, from its first attempt, unless it was delivered or is held. */
    public boolean retry(long sequence, String clientId, Instant now) {
        return jdbc.sql("UPDATE delivery SET state = 'PENDING', attempts = 0, next_attempt_at = :now "
                        + "WHERE received_sequence = :sequence AND client_id = :clientId "
                        + "AND state NOT IN ('DELIVERED', 'HELD')")
                .param("now", Timestamps.of(now)).param("sequence", sequence).param("clientId", clientId)
                .update() == 1;
    }

    /** How many pushes stand in {@code state}, over all clients: what an operator watches. */
    public long count(DeliveryState state) {
        return jdbc.sql("SELECT count(*) FROM delivery WHERE state = :state").param("state", state.name())
                .query(Long.class).single();
    }
}
