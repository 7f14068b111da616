package org.clueexchange.core.reconciliation.monthly;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.function.Supplier;
import org.clueexchange.core.ledger.LedgerSnapshots;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.EmbeddedPostgresServer;
import org.clueexchange.infrastructure.FreePorts;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * How long Zhaotong's June 2020 statement takes on a ledger of 10,000 clues all in that month, and on a ledger of
 * 1,000,000 clues over three years and the whole country of which 10,000 are Zhaotong's June; beside the raw scan of
 * the same ledger rows, the floor any statement pays. Prints its figures; asserts nothing.
 *
 * <pre>./mvnw -B -pl clue-exchange-core -am -Pbenchmark -DskipTests verify</pre>
 *
 * Sizes: {@code -Dbenchmark.monthClues=10000 -Dbenchmark.ledgerClues=1000000 -Dbenchmark.runs=20}.
 */
public final class MonthlyStatementBenchmark {

    private static final StatementPeriod JUNE = StatementPeriod.of("530600", "2020-06");

    public static void main(String[] args) throws Exception {
        int monthClues = Integer.getInteger("benchmark.monthClues", 10_000);
        int ledgerClues = Integer.getInteger("benchmark.ledgerClues", 1_000_000);
        int runs = Integer.getInteger("benchmark.runs", 20);
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(
                Files.createTempDirectory("statement-benchmark"), FreePorts.pick())) {
            System.out.printf("monthly statement benchmark: %s, JVM max heap %d MiB, %d cores%n",
                    postgres.description(), Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors());
            scenario("month", postgres.createDatabase("bench_month"), monthClues, monthClues, runs);
            scenario("ledger", postgres.createDatabase("bench_ledger"), ledgerClues, monthClues, runs);
        }
    }

    private static void scenario(String name, Database database, int clues, int inJune, int runs) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcTemplate sql = new JdbcTemplate(dataSource);
        long seeding = System.nanoTime();
        seed(sql, clues, inJune);
        System.out.printf("%n[%s] %,d clues on the ledger, %,d of them Zhaotong's in June 2020: seeded in %.1f s%n",
                name, clues, inJune, (System.nanoTime() - seeding) / 1e9);

        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
        MonthlyStatementBuilder builder = new MonthlyStatementBuilder(new LedgerSnapshots(jdbc),
                new MonthlyStatementProjection(jdbc));
        Supplier<Object> statement = () -> {
            StatementContent content = builder.build(JUNE, StatementProgress.SILENT);
            return StatementJson.digest(StatementJson.write(content));
        };
        Supplier<Object> rawScan = () -> sql.query("SELECT * FROM transfer_ledger WHERE sender_jurisdiction LIKE "
                + "'5306%' OR receiver_jurisdiction LIKE '5306%'", rs -> {
            long rows = 0;
            while (rs.next()) {
                rows++;
            }
            return rows;
        });
        StatementContent content = builder.build(JUNE, StatementProgress.SILENT);
        System.out.printf("[%s] statement: %,d lines, %,d breaks, %,d bytes of JSON%n", name, content.lines().size(),
                content.breakCount(), StatementJson.write(content).length());
        resetPeaks();
        double[] statementMillis = time(statement, runs);
        long peakHeap = peakHeap();
        double[] scanMillis = time(rawScan, runs);
        report(name, "statement (build + JSON + digest)", statementMillis);
        report(name, "baseline: raw scan of the rows", scanMillis);
        System.out.printf("[%s] peak heap while building: %d MiB%n", name, peakHeap >> 20);
        double p95 = percentile(statementMillis, 95);
        System.out.printf("[%s] target < 1000 ms for a 10,000-clue month: p95 %.0f ms, %s%n", name, p95,
                p95 < 1000 ? "met" : "MISSED");
    }

    /**
     * {@code clues} clues: the first {@code inJune} transferred in Zhaotong (its counties, both directions) in June
     * 2020, the rest across 300 prefectures from 2018 on. Nine in ten have closed their loop; every tenth is still
     * being handled, every 97th was received with other content.
     */
    private static void seed(JdbcTemplate sql, int clues, int inJune) {
        sql.update("""
                INSERT INTO transfer_ledger (clue_id, direction, state, sender_type, sender_jurisdiction,
                    receiver_type, receiver_jurisdiction, transfer_event_id, transferred_at, transfer_published_at,
                    transfer_actor, source, allegation, priority, summary, sender_content_digest, receipt_event_id,
                    received_at, receipt_actor, receiver_content_digest, acceptance_event_id, accepted_at,
                    acceptance_actor, receiver_case_number, disposal_event_id, disposed_at, disposal_method,
                    conclusion_event_id, concluded_at, conclusion_summary, feedback_event_id, feedback_at,
                    feedback_summary, acknowledgement_event_id, acknowledged_at)
                SELECT c.id, c.direction, CASE WHEN c.open THEN 'IN_PROGRESS' ELSE 'CLOSED' END,
                    c.sender, c.jurisdiction, c.receiver, c.jurisdiction, gen_random_uuid(), c.at,
                    c.at + interval '1 second', 'officer', 'OWN_DISCOVERY', 'PROTECTIVE_UMBRELLA', 'NORMAL', '线索',
                    repeat('a', 64), gen_random_uuid(), c.at + interval '1 hour', 'officer',
                    CASE WHEN c.n % 97 = 0 THEN repeat('b', 64) ELSE repeat('a', 64) END, gen_random_uuid(),
                    c.at + interval '2 hours', 'officer', 'CASE-' || c.n, gen_random_uuid(), c.at + interval '3 hours',
                    'PRELIMINARY_VERIFICATION',
                    CASE WHEN c.open THEN NULL ELSE gen_random_uuid() END,
                    CASE WHEN c.open THEN NULL ELSE c.at + interval '10 days' END,
                    CASE WHEN c.open THEN NULL ELSE '办结' END,
                    CASE WHEN c.open THEN NULL ELSE gen_random_uuid() END,
                    CASE WHEN c.open THEN NULL ELSE c.at + interval '11 days' END,
                    CASE WHEN c.open THEN NULL ELSE '反馈' END,
                    CASE WHEN c.open THEN NULL ELSE gen_random_uuid() END,
                    CASE WHEN c.open THEN NULL ELSE c.at + interval '12 days' END
                FROM (SELECT n, n % 10 = 0 AS open,
                        CASE WHEN n % 3 = 0 THEN 'DISCIPLINE' ELSE 'POLICE' END AS sender,
                        CASE WHEN n % 3 = 0 THEN 'POLICE' ELSE 'DISCIPLINE' END AS receiver,
                        CASE WHEN n % 3 = 0 THEN 'DISCIPLINE_TO_POLICE' ELSE 'POLICE_TO_DISCIPLINE' END AS direction,
                        CASE WHEN n % 3 = 0 THEN 'DISCIPLINE' ELSE 'POLICE' END || '-' || n AS id,
                        CASE WHEN n <= ? THEN '5306' || lpad((n % 11 + 1)::text, 2, '0')
                             ELSE (11 + n % 300 / 20)::text || lpad((n % 20 + 1)::text, 2, '0') || '00' END
                            AS jurisdiction,
                        CASE WHEN n <= ? THEN timestamptz '2020-05-31 16:00Z' + (n % 25) * interval '1 day'
                             ELSE timestamptz '2018-01-01 00:00Z' + (n % 880) * interval '1 day' END AS at
                      FROM generate_series(1, ?) AS n) c
                """, inJune, inJune, clues);
        for (String fact : new String[] {"TRANSFERRED:transfer:transferred_at:SENDER",
                "RECEIVED:receipt:received_at:RECEIVER", "ACCEPTED:acceptance:accepted_at:RECEIVER",
                "DISPOSED:disposal:disposed_at:RECEIVER", "CONCLUDED:conclusion:concluded_at:RECEIVER",
                "FEEDBACK_SENT:feedback:feedback_at:RECEIVER",
                "FEEDBACK_ACKNOWLEDGED:acknowledgement:acknowledged_at:SENDER"}) {
            String[] parts = fact.split(":");
            String asserter = parts[3].equals("SENDER") ? "sender_type" : "receiver_type";
            sql.update("INSERT INTO ledger_fact (event_id, clue_id, fact, side, asserted_by, actor, occurred_at, "
                    + "published_at, recorded_at) SELECT " + parts[1] + "_event_id, clue_id, '" + parts[0] + "', '"
                    + parts[3] + "', " + asserter + " || '@' || receiver_jurisdiction, 'officer', " + parts[2]
                    + ", " + parts[2] + ", " + parts[2] + " FROM transfer_ledger WHERE " + parts[1]
                    + "_event_id IS NOT NULL");
        }
        sql.update("""
                INSERT INTO ledger_clock (clue_id, clock, started_by, due_at, stopped_by, stopped_at)
                SELECT clue_id, 'SAME_DAY_ACCEPTANCE', transfer_event_id, date_trunc('day', transferred_at
                    AT TIME ZONE '+08') AT TIME ZONE '+08' + interval '1 day', acceptance_event_id, accepted_at
                FROM transfer_ledger
                UNION ALL SELECT clue_id, 'DISPOSAL', acceptance_event_id, accepted_at + interval '2 hours',
                    disposal_event_id, disposed_at FROM transfer_ledger
                UNION ALL SELECT clue_id, 'FEEDBACK', acceptance_event_id, accepted_at + interval '30 days',
                    feedback_event_id, feedback_at FROM transfer_ledger
                """);
        sql.update("INSERT INTO ledger_subject (clue_id, position, name, unit, rank) SELECT clue_id, 0, '某某', "
                + "'某单位', (ARRAY['COUNTY_DIVISION', 'TOWNSHIP_SECTION', 'VILLAGE_CADRE', 'OTHER'])"
                + "[1 + abs(hashtext(clue_id)) % 4] FROM transfer_ledger");
        sql.update("INSERT INTO ledger_outcome (clue_id, fact, outcome, persons) SELECT clue_id, 'CONCLUDED', "
                + "'PARTY_DISCIPLINE', 1 FROM transfer_ledger WHERE concluded_at IS NOT NULL");
        sql.execute("ANALYZE");
    }

    private static double[] time(Supplier<Object> work, int runs) {
        for (int i = 0; i < 3; i++) {
            work.get();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void report(String scenario, String what, double[] millis) {
        System.out.printf("[%s] %-36s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (%d runs, %.1f per second)%n",
                scenario, what, percentile(millis, 50), percentile(millis, 95), millis[millis.length - 1],
                millis.length, 1000 / percentile(millis, 50));
    }

    private static double percentile(double[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}
