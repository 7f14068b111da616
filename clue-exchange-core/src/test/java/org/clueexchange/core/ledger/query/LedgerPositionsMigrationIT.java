package org.clueexchange.core.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.wire.ExchangeTime;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration V11 on a ledger that has facts and statements: the facts are positioned in the order they were recorded,
 * each statement at the last fact recorded by its issue, and the facts positioned after a statement of their month or
 * a later one are marked as ones that may amend it. Zhaotong's April and May 2020, times in UTC+8.
 */
class LedgerPositionsMigrationIT {

    @Test
    void factsAndStatementsAlreadyThereArePositionedInTheOrderTheyWereRecorded() {
        Database database = ExchangeInfrastructure.shared().postgres().createDatabase("ledger_positions_migration");
        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/migration").target("10").load().migrate();
        JdbcTemplate sql = new JdbcTemplate(new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password()));
        sql.update("INSERT INTO transfer_ledger (clue_id, direction, state, sender_type, sender_jurisdiction, "
                + "receiver_type, receiver_jurisdiction) VALUES ('POLICE-530602-V9', 'POLICE_TO_DISCIPLINE', "
                + "'RECEIVED', 'POLICE', '530602', 'DISCIPLINE', '530602')");
        UUID mayOnTime = fact(sql, "TRANSFERRED", at(5, 18), at(5, 20));
        UUID mayAfterItsStatement = fact(sql, "RECEIVED", at(5, 30), at(6, 5));
        UUID juneOnTime = fact(sql, "ACCEPTED", at(6, 4), at(6, 5).plusSeconds(3600));
        UUID aprilAfterTwoStatements = fact(sql, "SUPERVISION_ORDERED", at(4, 28), at(6, 10));
        statement(sql, "2020-04", at(5, 3));
        statement(sql, "2020-05", at(6, 3));

        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/migration").load().migrate();

        assertThat(sql.queryForList("SELECT event_id, position, after_statement FROM ledger_fact_position "
                + "ORDER BY position")).containsExactly(
                Map.of("event_id", mayOnTime, "position", 1L, "after_statement", false),
                Map.of("event_id", mayAfterItsStatement, "position", 2L, "after_statement", true),
                Map.of("event_id", juneOnTime, "position", 3L, "after_statement", false),
                Map.of("event_id", aprilAfterTwoStatements, "position", 4L, "after_statement", true));
        assertThat(sql.queryForList("SELECT period, ledger_position FROM reconciliation_statement ORDER BY period"))
                .containsExactly(Map.of("period", "2020-04", "ledger_position", 0L),
                        Map.of("period", "2020-05", "ledger_position", 1L));
        assertThat(sql.queryForMap("SELECT position, latest_period_end FROM ledger_position")).isEqualTo(Map.of(
                "position", 4L, "latest_period_end", Timestamp.from(at(6, 1).minusSeconds(9 * 3600))));
    }

    private static UUID fact(JdbcTemplate sql, String fact, Instant occurredAt, Instant recordedAt) {
        UUID eventId = UUID.randomUUID();
        sql.update("INSERT INTO ledger_fact (event_id, clue_id, fact, side, asserted_by, actor, occurred_at, "
                        + "published_at, recorded_at) VALUES (?, 'POLICE-530602-V9', ?, 'RECEIVER', "
                        + "'DISCIPLINE@530602', 'officer', ?, ?, ?)", eventId, fact, Timestamp.from(occurredAt),
                Timestamp.from(occurredAt), Timestamp.from(recordedAt));
        return eventId;
    }

    private static void statement(JdbcTemplate sql, String period, Instant issuedAt) {
        sql.update("INSERT INTO monthly_statement (statement_id, jurisdiction, period, revision, digest, issued_at, "
                + "issued_by, content) VALUES (?, '530600', ?, 1, ?, ?, 'officer', '{}')", "STATEMENT-530600-"
                + period, period, "0".repeat(64), Timestamp.from(issuedAt));
    }

    /** 09:00 on the day of 2020, UTC+8. */
    private static Instant at(int month, int day) {
        return LocalDateTime.of(2020, month, day, 9, 0).toInstant(ExchangeTime.CHINA_STANDARD_TIME);
    }
}
