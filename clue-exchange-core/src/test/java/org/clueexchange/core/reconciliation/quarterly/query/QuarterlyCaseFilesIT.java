package org.clueexchange.core.reconciliation.quarterly.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.core.ledger.query.LedgerSnapshots;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.quarterly.statement.QuarterlyFacts;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.wire.ExchangeTime;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The snapshot a quarterly statement is drawn up from, on real PostgreSQL: the facts in the order of their case as
 * {@code COLLATE "C"} orders case numbers, which Java sorts now instead of the database, and the late facts taken from
 * them. Zhaotong's (530600) third quarter of 2020, times in UTC+8.
 */
class QuarterlyCaseFilesIT {

    /** A full-width bracket (U+FF08), a character beyond the Basic Multilingual Plane (U+2000B), Latin and digits. */
    private static final List<String> CASES = List.of("昭公（刑）立字〔2020〕1号", "昭公𠀋立字〔2020〕2号", "Ab-3", "A9-4",
            "昭公（刑）立字〔2020〕10号");
    private static final StatementPeriod Q3 = StatementPeriod.of("530600", "2020-Q3");
    /** The position at which both agencies confirmed the second quarter's statement. */
    private static final long CONFIRMED_AT = 100;

    static JdbcTemplate sql;
    static QuarterlyCaseFiles caseFiles;

    @BeforeAll
    static void seed() {
        Database database = ExchangeInfrastructure.shared().postgres().createDatabase("quarterly_case_files");
        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/migration").load().migrate();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password());
        sql = new JdbcTemplate(dataSource);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        caseFiles = new QuarterlyCaseFiles(jdbc,
                new LedgerSnapshots(jdbc, new DataSourceTransactionManager(dataSource)));
        long position = 0;
        for (String caseNumber : CASES) {
            sql.update("INSERT INTO gang_case (case_number, jurisdiction) VALUES (?, '530602')", caseNumber);
            fact(caseNumber, "GANG_CASE_REGISTERED", at(5, 10), ++position);
            fact(caseNumber, "GANG_CASE_SOLVED", at(7, 2), ++position);
        }
        // Reached the files after the second quarter was confirmed at CONFIRMED_AT, all but the last about it.
        fact(CASES.get(3), "FOLLOW_UP_OPENED", at(6, 20), CONFIRMED_AT + 1);
        fact(CASES.get(0), "FOLLOW_UP_OPENED", at(6, 12), CONFIRMED_AT + 2);
        fact(CASES.get(1), "FOLLOW_UP_OPENED", at(7, 3), CONFIRMED_AT + 3);
        // An umbrella clue about the first case, whose supervision of June reached the ledger after the confirmation.
        sql.update("INSERT INTO transfer_ledger (clue_id, direction, state, sender_type, sender_jurisdiction, "
                + "receiver_type, receiver_jurisdiction, allegation, linked_case_number, transferred_at) VALUES "
                + "('POLICE-530602-HS1', 'POLICE_TO_DISCIPLINE', 'CONCLUDED', 'POLICE', '530000', 'DISCIPLINE', "
                + "'530000', 'PROTECTIVE_UMBRELLA', ?, ?)", CASES.get(0), Timestamp.from(at(5, 20)));
        clueFact("TRANSFERRED", at(5, 20), 40, false);
        clueFact("SUPERVISION_ORDERED", at(6, 25), CONFIRMED_AT + 4, true);
    }

    @Test
    void theFactsComeInTheOrderPostgresqlGivesTheirCaseNumbersUnderCollateC() {
        List<String> collated = sql.queryForList("SELECT case_number FROM gang_case ORDER BY case_number COLLATE \"C\"",
                String.class);

        List<QuarterlyFacts.CaseFact> facts = snapshot().facts().caseFacts();

        assertThat(facts.stream().map(QuarterlyFacts.CaseFact::caseNumber).distinct()).containsExactlyElementsOf(
                collated);
        assertThat(collated.indexOf(CASES.get(0))).isLessThan(collated.indexOf(CASES.get(1)));
        assertThat(CASES.get(0).compareTo(CASES.get(1))).isPositive();
        for (int i = 1; i < facts.size(); i++) {
            if (facts.get(i).caseNumber().equals(facts.get(i - 1).caseNumber())) {
                assertThat(facts.get(i).eventId()).isGreaterThan(facts.get(i - 1).eventId());
            }
        }
    }

    @Test
    void theLateFactsAreThoseOfEarlierQuartersThatCameAfterTheConfirmationInTheOrderTheyOccurred() {
        assertThat(snapshot().late()).extracting(QuarterlyFacts.CaseFact::caseNumber,
                QuarterlyFacts.CaseFact::position).containsExactly(
                tuple(CASES.get(0), CONFIRMED_AT + 2), tuple(CASES.get(3), CONFIRMED_AT + 1));
        assertThat(caseFiles.snapshot(Q3.jurisdiction(), Q3.start(), Q3.end(), null).late()).isEmpty();
    }

    @Test
    void theLateFactsOfTheUmbrellaCluesOfItsCasesAreReadTooWhereverTheClueCameFrom() {
        assertThat(snapshot().lateClueFacts()).extracting(QuarterlyCaseFiles.LateClueFact::clueId,
                QuarterlyCaseFiles.LateClueFact::caseNumber, QuarterlyCaseFiles.LateClueFact::fact,
                QuarterlyCaseFiles.LateClueFact::position).containsExactly(
                tuple("POLICE-530602-HS1", CASES.get(0), FactKind.SUPERVISION_ORDERED, CONFIRMED_AT + 4));
        assertThat(snapshot().facts().clues()).extracting(QuarterlyFacts.UmbrellaClue::clueId)
                .as("sent and received by the province, about a case of 530602").containsExactly("POLICE-530602-HS1");
    }

    private static QuarterlyCaseFiles.Snapshot snapshot() {
        return caseFiles.snapshot(Q3.jurisdiction(), Q3.start(), Q3.end(), CONFIRMED_AT);
    }

    private static void fact(String caseNumber, String fact, Instant occurredAt, long position) {
        sql.update("INSERT INTO gang_case_fact (event_id, case_number, fact, asserted_by, actor, occurred_at, "
                        + "published_at, recorded_at, position) VALUES (?, ?, ?, 'POLICE@530602', 'officer', ?, ?, ?, "
                        + "?)", UUID.randomUUID(), caseNumber, fact, Timestamp.from(occurredAt),
                Timestamp.from(occurredAt), Timestamp.from(occurredAt), position);
    }

    private static void clueFact(String fact, Instant occurredAt, long position, boolean afterStatement) {
        UUID eventId = UUID.randomUUID();
        sql.update("INSERT INTO ledger_fact (event_id, clue_id, fact, side, asserted_by, actor, occurred_at, "
                        + "published_at, recorded_at) VALUES (?, 'POLICE-530602-HS1', ?, 'SENDER', 'POLICE@530000', "
                        + "'officer', ?, ?, ?)", eventId, fact, Timestamp.from(occurredAt), Timestamp.from(occurredAt),
                Timestamp.from(occurredAt));
        sql.update("INSERT INTO ledger_fact_position (event_id, position, after_statement) VALUES (?, ?, ?)", eventId,
                position, afterStatement);
    }

    /** 09:00 on the day of 2020, UTC+8. */
    private static Instant at(int month, int day) {
        return LocalDateTime.of(2020, month, day, 9, 0).toInstant(ExchangeTime.CHINA_STANDARD_TIME);
    }
}
