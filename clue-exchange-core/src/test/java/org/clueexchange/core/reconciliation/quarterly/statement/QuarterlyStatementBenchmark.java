package org.clueexchange.core.reconciliation.quarterly.statement;

import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.TARGET;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.WARM_UP;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.confirmedStatement;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.connect;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.copyIn;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.copyUnkeyed;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.deleteRecursively;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.machine;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.migrate;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.peakHeap;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.percentile;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.pool;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.quietLogging;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.repeat;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.resetPeakHeap;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.settle;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.sorted;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.spread;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.startPostgres;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.verdict;
import static org.clueexchange.wire.ExchangeTime.CHINA_STANDARD_TIME;

import com.zaxxer.hikari.HikariDataSource;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import org.clueexchange.core.casefile.CaseFactKind;
import org.clueexchange.core.ledger.Direction;
import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.core.ledger.LedgerState;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.ledger.query.LedgerSnapshots;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.quarterly.query.QuarterlyCaseFiles;
import org.clueexchange.core.reconciliation.query.StatementDrafters;
import org.clueexchange.core.reconciliation.query.StatementProjection;
import org.clueexchange.core.reconciliation.statement.StatementBenchmarks.CopyRow;
import org.clueexchange.core.reconciliation.statement.StatementBenchmarks.Seeding;
import org.clueexchange.core.reconciliation.statement.StatementHistory;
import org.clueexchange.core.reconciliation.statement.StatementJson;
import org.clueexchange.core.reconciliation.statement.StatementProgress;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.AllegationCategory;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.Outcome;
import org.clueexchange.events.Priority;
import org.clueexchange.events.ReceiptChannel;
import org.clueexchange.events.SupervisionKind;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.PostgresServer;
import org.clueexchange.wire.Jurisdictions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * How long Yunnan's (530000) statement for the third quarter of 2020 takes to draw up, write as JSON and digest on
 * real PostgreSQL (查处涉黑涉恶犯罪案件中涉及公职人员情况一季度一对账): a province of 2,000 gang cases and 10,000
 * officials involved, most of them referred in umbrella clues, among five other provinces' as large, with the second
 * quarter confirmed by both agencies and one fact in a hundred reaching the case files days late. Printed beside a
 * raw scan of the province's case facts and umbrella clues in the same run, the floor any statement pays, with the
 * share of the snapshot read, the build and the JSON, the peak heap and a verdict against the 1 s target. Asserts
 * nothing: timings belong to the machine.
 *
 * <pre>./mvnw -B -pl clue-exchange-core -am -Pbenchmark -DskipTests verify</pre>
 *
 * Sizes: {@code -Dbenchmark.cases=2000 -Dbenchmark.officialsPerCase=5 -Dbenchmark.runs=20}. PostgreSQL is embedded;
 * {@code CLUE_EXCHANGE_INFRA=containers} (with {@code PG_IMAGE}) runs it in a container instead.
 */
public final class QuarterlyStatementBenchmark {

    private static final StatementPeriod Q3_2020 = StatementPeriod.of(SyntheticProvince.PROVINCE, "2020-Q3");
    /** Provinces whose cases the statement's reads must pass over. */
    private static final List<String> ELSEWHERE = List.of("110000", "320000", "440000", "510000", "620000");
    /** When the statement is issued: early October, once the quarter is over (一季度一对账). */
    private static final Instant NOW = LocalDate.of(2020, 10, 10).atStartOfDay().toInstant(CHINA_STANDARD_TIME);
    /** When the second quarter's statement was drawn up; both agencies confirmed it within the week. */
    private static final Instant Q2_DRAWN_UP = LocalDate.of(2020, 7, 3).atTime(10, 0)
            .toInstant(CHINA_STANDARD_TIME);
    private static final long DAY = 86_400;

    private QuarterlyStatementBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        int cases = Integer.getInteger("benchmark.cases", 2_000);
        int officialsPerCase = Integer.getInteger("benchmark.officialsPerCase", 5);
        int runs = Integer.getInteger("benchmark.runs", 20);
        long started = System.nanoTime();
        Path workDir = Files.createTempDirectory("quarterly-statement-benchmark");
        try (PostgresServer postgres = startPostgres(workDir)) {
            Database database = postgres.createDatabase("quarterly_statement_benchmark");
            System.out.printf("Quarterly statement benchmark, %s: %s%n", Q3_2020.id(), machine(postgres, database));
            migrate(database);
            SyntheticProvince yunnan = new SyntheticProvince(cases, officialsPerCase, 0x5300_2020_03L);
            CaseFiles seeded = new CaseFiles();
            Seeding seeding = copyUnkeyed(database, CaseFiles.TABLES.keySet(), () -> {
                seeded.copy(database, yunnan);
                for (int i = 0; i < ELSEWHERE.size(); i++) {
                    seeded.copy(database, new SyntheticProvince(ELSEWHERE.get(i), cases, officialsPerCase, i));
                }
                return seeded.rows;
            });
            try (HikariDataSource pool = pool(database)) {
                JdbcTemplate sql = new JdbcTemplate(pool);
                JdbcClient jdbc = JdbcClient.create(pool);
                seeded.confirmSecondQuarter(sql);
                double settling = settle(sql);
                System.out.printf("%nseeded %,d gang cases and %,d officials of %s among %d provinces (%s): COPY "
                                + "%.1f s, keys and indexes %.1f s, VACUUM ANALYZE and CHECKPOINT %.1f s%n", cases,
                        yunnan.officials, SyntheticProvince.PROVINCE, ELSEWHERE.size() + 1, seeding.describe(),
                        seeding.copySeconds(), seeding.indexSeconds(), settling);
                TimedCaseFiles caseFiles = new TimedCaseFiles(jdbc, new DataSourceTransactionManager(pool));
                QuarterlyStatementDrafter drafter = new QuarterlyStatementDrafter(caseFiles);
                StatementProjection statements = new StatementProjection(jdbc,
                        new StatementDrafters(List.of(drafter)));
                // The peak is read after the statements and the scans: it covers them, not the seeding.
                resetPeakHeap();
                List<Draw> draws = repeat(runs, () -> draw(drafter, statements, caseFiles));
                List<Scan> scans = repeat(runs, () -> rawScan(pool));
                long peakHeap = peakHeap();
                report(draws, scans, peakHeap, runs);
            }
        } finally {
            deleteRecursively(workDir);
        }
        System.out.printf("Benchmark wall time %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static void report(List<Draw> draws, List<Scan> scans, long peakHeap, int runs) {
        Draw last = draws.get(draws.size() - 1);
        System.out.printf("statement: %,d case lines, %,d official lines, %,d breaks, %,d findings, %,d amendments; "
                        + "JSON %.1f MiB, digest %s…%n", last.cases(), last.officials(), last.breaks(),
                last.findings(), last.amendments(), last.jsonBytes() / 1048576.0, last.digest().substring(0, 16));
        double[] total = sorted(draws.stream().mapToDouble(Draw::totalMillis));
        double sum = draws.stream().mapToDouble(Draw::totalMillis).sum();
        System.out.printf("%-52s %s  %.1f statements/s (%d runs after %d warm-up)%n", "draw + JSON + digest",
                spread(total), 1000 * runs / sum, runs, WARM_UP);
        Map<String, ToDoubleFunction<Draw>> parts = new LinkedHashMap<>();
        parts.put("statement history", Draw::historyMillis);
        parts.put("snapshot read (QuarterlyCaseFiles)", Draw::snapshotMillis);
        parts.put("build (QuarterlyStatementBuilder)", Draw::buildMillis);
        parts.put("JSON write + digest", Draw::jsonMillis);
        parts.forEach((part, millis) -> System.out.printf("  of which %-41s %s  %4.1f %%%n", part,
                spread(sorted(draws.stream().mapToDouble(millis))),
                100 * draws.stream().mapToDouble(millis).sum() / sum));
        double[] scan = sorted(scans.stream().mapToDouble(Scan::millis));
        System.out.printf("%-52s %s%n", String.format("baseline: raw scan (%,d case facts, %,d clues)",
                scans.get(0).caseFacts(), scans.get(0).clues()), spread(scan));
        System.out.printf("statement p50 = %.1f × the raw scan's p50%n", percentile(total, 50) / percentile(scan, 50));
        System.out.printf("peak heap used %,d MiB (JVM max heap %,d MiB)%n", peakHeap >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("%nVERDICT: the statement of %,d cases and %,d officials takes p95 %.0f ms against the %d ms "
                        + "target: %s%n", last.cases(), last.officials(), percentile(total, 95), TARGET.toMillis(),
                verdict(percentile(total, 95)));
    }

    /** One statement as the issue path draws it up, with the time of each step inside it. */
    private record Draw(double totalMillis, double historyMillis, double snapshotMillis, double buildMillis,
                        double jsonMillis, int cases, int officials, int breaks, int findings, int amendments,
                        int jsonBytes, String digest) {
    }

    private static Draw draw(QuarterlyStatementDrafter drafter, StatementProjection statements,
                             TimedCaseFiles caseFiles) {
        long start = System.nanoTime();
        StatementHistory history = statements.history(Q3_2020);
        long read = System.nanoTime();
        QuarterlyStatementContent content = (QuarterlyStatementContent) drafter.draw(Q3_2020, history,
                StatementProgress.SILENT).content();
        long drawn = System.nanoTime();
        String text = StatementJson.write(content);
        String digest = StatementJson.digest(text);
        long end = System.nanoTime();
        double snapshot = caseFiles.nanos / 1e6;
        return new Draw((end - start) / 1e6, (read - start) / 1e6, snapshot, (drawn - read) / 1e6 - snapshot,
                (end - drawn) / 1e6, content.cases().size(),
                content.cases().stream().mapToInt(line -> line.officials().size()).sum(), content.breaks().size(),
                content.findings().size(), content.amendments().size(),
                text.getBytes(StandardCharsets.UTF_8).length, digest);
    }

    private record Scan(double millis, long caseFacts, long clues) {
    }

    /**
     * The province's case facts and umbrella clues streamed over plain JDBC, every column read as text, found by the
     * range of its codes as the statement finds them.
     */
    private static Scan rawScan(HikariDataSource pool) throws SQLException {
        long start = System.nanoTime();
        Jurisdictions.Range range = Jurisdictions.rangeOf(Q3_2020.jurisdiction());
        String codes = "BETWEEN '" + range.first() + "' AND '" + range.last() + "'";
        try (Connection connection = pool.getConnection()) {
            // pgjdbc streams by fetch size only outside autocommit.
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1000);
                long caseFacts = readAll(statement, "SELECT f.* FROM gang_case c JOIN gang_case_fact f "
                        + "ON f.case_number = c.case_number WHERE c.jurisdiction " + codes);
                long clues = readAll(statement, "SELECT * FROM transfer_ledger WHERE direction = "
                        + "'POLICE_TO_DISCIPLINE' AND allegation = 'PROTECTIVE_UMBRELLA' AND (sender_jurisdiction "
                        + codes + " OR receiver_jurisdiction " + codes + ")");
                return new Scan((System.nanoTime() - start) / 1e6, caseFacts, clues);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private static long readAll(Statement statement, String query) throws SQLException {
        long rows = 0;
        try (ResultSet rs = statement.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int column = 1; column <= columns; column++) {
                    rs.getString(column);
                }
                rows++;
            }
        }
        return rows;
    }

    /** The case files' snapshot, timed, so that the build's share can be told from the read's. */
    private static final class TimedCaseFiles extends QuarterlyCaseFiles {

        private long nanos;

        TimedCaseFiles(JdbcClient jdbc, PlatformTransactionManager transactions) {
            super(jdbc, new LedgerSnapshots(jdbc, transactions));
        }

        @Override
        public Snapshot snapshot(String jurisdiction, Instant start, Instant end, Long amendsAfter) {
            long began = System.nanoTime();
            try {
                return super.snapshot(jurisdiction, start, end, amendsAfter);
            } finally {
                nanos = System.nanoTime() - began;
            }
        }
    }

    /**
     * Provinces' case files and umbrella clues written as the case-file and ledger projections would have written
     * them from both agencies' facts, each fact positioned when it reached them: within seconds of occurring, one in
     * a hundred days late, as after an adapter's outage; what had not arrived by {@link #NOW} is not there. Time
     * limits and anomalies, which no quarterly statement reads, are left out.
     */
    private static final class CaseFiles {

        /** The tables in the order their foreign keys allow, each with the columns its rows give. */
        private static final Map<String, String> TABLES = new LinkedHashMap<>();

        static {
            TABLES.put("gang_case", "case_number, jurisdiction, registered, registration_event_id, registered_at, "
                    + "case_type, case_name, solution_event_id, solved_at, closure_status, closure_since");
            TABLES.put("gang_case_fact", "event_id, case_number, fact, asserted_by, actor, occurred_at, published_at, "
                    + "recorded_at, person_key, person_name, unit, rank, role, check_kind, text, umbrella_found, "
                    + "endorsement_role, signer_id, signer_name, position");
            TABLES.put("gang_case_fact_position", "event_id, position");
            TABLES.put("transfer_ledger", "clue_id, direction, state, sender_type, sender_jurisdiction, "
                    + "receiver_type, receiver_jurisdiction, transfer_event_id, transferred_at, transfer_published_at, "
                    + "transfer_actor, source, allegation, priority, linked_case_number, linked_case_type, summary, "
                    + "sender_content_digest, receipt_event_id, received_at, receipt_actor, receiver_content_digest, "
                    + "receipt_channel, received_documents, acceptance_event_id, accepted_at, acceptance_actor, "
                    + "conclusion_event_id, concluded_at, conclusion_summary, supervision_event_id, supervised_at, "
                    + "supervision_kind");
            TABLES.put("ledger_subject", "clue_id, position, name, unit, rank, role, person_key");
            TABLES.put("ledger_fact", "event_id, clue_id, fact, side, asserted_by, actor, occurred_at, "
                    + "published_at, recorded_at");
            TABLES.put("ledger_fact_position", "event_id, position, after_statement");
            TABLES.put("ledger_outcome", "clue_id, fact, outcome, persons");
        }

        private static final String SUMMARY = "反映该人员为涉黑涉恶团伙充当保护伞，插手工程项目并收受财物，依规移送。";

        final Map<String, Long> rows = new LinkedHashMap<>();
        private long lastPosition;

        /** When a fact reached the case files, and so its position: each commits alone, in its millisecond. */
        private record Arrival(Instant publishedAt, Instant recordedAt) {

            long position() {
                return recordedAt.toEpochMilli();
            }
        }

        private record ClueFact(UUID eventId, Instant occurredAt, Arrival arrival, AgencyId assertedBy) {
        }

        /** Copies one province's files and clues. */
        void copy(Database database, SyntheticProvince province) throws Exception {
            SplittableRandom random = new SplittableRandom(province.facts.size()).split();
            Map<String, StringBuilder> tables = new LinkedHashMap<>();
            TABLES.keySet().forEach(table -> tables.put(table, new StringBuilder()));
            List<QuarterlyFacts.CaseFact> arrived = new ArrayList<>();
            Map<String, QuarterlyFacts.CaseFact> involvements = new HashMap<>();
            Map<String, GangCaseType> caseTypes = new HashMap<>();
            for (QuarterlyFacts.CaseFact fact : province.facts) {
                if (fact.fact() == CaseFactKind.OFFICIAL_INVOLVED) {
                    involvements.putIfAbsent(fact.personKey(), fact);
                } else if (fact.fact() == CaseFactKind.GANG_CASE_REGISTERED) {
                    caseTypes.put(fact.caseNumber(), fact.caseType());
                }
                Arrival arrival = arrival(random, fact.occurredAt());
                if (arrival != null) {
                    arrived.add(fact);
                    caseFactRows(fact, arrival, tables);
                }
            }
            CaseRecord.of(arrived, NOW).values().forEach(record -> caseRow(record, tables.get("gang_case")));
            for (QuarterlyFacts.UmbrellaClue clue : province.clues) {
                clueRows(random, clue, involvements, caseTypes.get(clue.linkedCaseNumber()), tables);
            }
            try (Connection connection = connect(database)) {
                for (Map.Entry<String, StringBuilder> table : tables.entrySet()) {
                    rows.merge(table.getKey(), copyIn(connection, "COPY " + table.getKey() + " ("
                            + TABLES.get(table.getKey()) + ") FROM STDIN",
                            new StringReader(table.getValue().toString())), Long::sum);
                }
            }
        }

        private Arrival arrival(SplittableRandom random, Instant occurredAt) {
            Instant publishedAt = occurredAt.plusSeconds(random.nextLong(1, 30));
            Instant recordedAt = random.nextInt(100) == 0 ? occurredAt.plusSeconds(random.nextLong(DAY, 20 * DAY))
                    : publishedAt.plusMillis(random.nextLong(100, 3000));
            if (!recordedAt.isBefore(NOW)) {
                return null;
            }
            lastPosition = Math.max(lastPosition, recordedAt.toEpochMilli());
            return new Arrival(publishedAt, recordedAt);
        }

        private static void caseFactRows(QuarterlyFacts.CaseFact fact, Arrival arrival,
                                         Map<String, StringBuilder> tables) {
            new CopyRow(tables.get("gang_case_fact")).add(fact.eventId()).add(fact.caseNumber()).add(fact.fact())
                    .add(fact.assertedBy()).add(actor(fact.assertedBy())).add(fact.occurredAt())
                    .add(arrival.publishedAt()).add(arrival.recordedAt()).add(fact.personKey())
                    .add(fact.personName()).add(fact.unit()).add(fact.rank()).add(fact.role()).add(fact.check())
                    .add(fact.text()).add(fact.umbrellaFound()).add(fact.endorsementRole()).add(fact.signerId())
                    .add(fact.signerName()).add(arrival.position()).end();
            new CopyRow(tables.get("gang_case_fact_position")).add(fact.eventId()).add(arrival.position()).end();
        }

        /** The case's row: its earliest registration and solution, and where its closure stood when last changed. */
        private static void caseRow(CaseRecord record, StringBuilder out) {
            QuarterlyFacts.CaseFact registration = record.registration;
            QuarterlyFacts.CaseFact solution = record.solution;
            new CopyRow(out).add(record.caseNumber).add(record.jurisdiction).add(registration != null)
                    .add(registration == null ? null : registration.eventId())
                    .add(registration == null ? null : registration.occurredAt())
                    .add(registration == null ? null : registration.caseType())
                    .add(registration == null ? null : registration.caseName())
                    .add(solution == null ? null : solution.eventId())
                    .add(solution == null ? null : solution.occurredAt())
                    .add(record.closure.status()).add(record.closure.since()).end();
        }

        /**
         * An umbrella clue the police transferred to the commission of the case's county, received the next day and
         * accepted, perhaps concluded unfounded (查否) and put under supervision by the prefecture's commission.
         */
        private void clueRows(SplittableRandom random, QuarterlyFacts.UmbrellaClue clue,
                              Map<String, QuarterlyFacts.CaseFact> involvements, GangCaseType caseType,
                              Map<String, StringBuilder> tables) {
            AgencyId police = new AgencyId(AgencyType.POLICE, clue.senderJurisdiction());
            AgencyId discipline = new AgencyId(AgencyType.DISCIPLINE, clue.senderJurisdiction());
            AgencyId supervisor = new AgencyId(AgencyType.DISCIPLINE, clue.senderJurisdiction().substring(0, 4) + "00");
            Map<FactKind, ClueFact> facts = new EnumMap<>(FactKind.class);
            fact(random, facts, FactKind.TRANSFERRED, clue.transferredAt(), police);
            if (!facts.containsKey(FactKind.TRANSFERRED)) {
                return;
            }
            fact(random, facts, FactKind.RECEIVED, clue.receivedAt(), discipline);
            if (facts.containsKey(FactKind.RECEIVED)) {
                fact(random, facts, FactKind.ACCEPTED, clue.receivedAt().plusSeconds(7200), discipline);
            }
            fact(random, facts, FactKind.CONCLUDED, clue.unfoundedAt(), discipline);
            fact(random, facts, FactKind.SUPERVISION_ORDERED, clue.supervisedAt(), supervisor);
            String digest = HexFormat.of().toHexDigits(random.nextLong()).repeat(4);
            CopyRow row = new CopyRow(tables.get("transfer_ledger")).add(clue.clueId())
                    .add(Direction.sentBy(AgencyType.POLICE)).add(LedgerState.of(facts.keySet()))
                    .add(AgencyType.POLICE).add(police.jurisdiction()).add(AgencyType.DISCIPLINE)
                    .add(discipline.jurisdiction());
            shown(row, facts.get(FactKind.TRANSFERRED)).add(facts.get(FactKind.TRANSFERRED).arrival().publishedAt())
                    .add(actor(police.toString())).add(ClueSource.POLITICAL_LEGAL_TRANSFER)
                    .add(AllegationCategory.PROTECTIVE_UMBRELLA).add(Priority.NORMAL).add(clue.linkedCaseNumber())
                    .add(caseType).add(SUMMARY).add(digest);
            ClueFact receipt = facts.get(FactKind.RECEIVED);
            shown(row, receipt).add(receipt == null ? null : actor(discipline.toString()))
                    .add(receipt == null ? null : digest).add(receipt == null ? null : ReceiptChannel.EXCHANGE)
                    .add(receipt == null ? null : "{}");
            ClueFact acceptance = facts.get(FactKind.ACCEPTED);
            shown(row, acceptance).add(acceptance == null ? null : actor(discipline.toString()));
            ClueFact conclusion = facts.get(FactKind.CONCLUDED);
            shown(row, conclusion).add(conclusion == null ? null : "经初步核实，反映问题不属实，予以了结");
            ClueFact supervision = facts.get(FactKind.SUPERVISION_ORDERED);
            shown(row, supervision).add(supervision == null ? null : SupervisionKind.SUPERVISION).end();
            for (int position = 0; position < clue.subjectKeys().size(); position++) {
                QuarterlyFacts.CaseFact subject = involvements.get(clue.subjectKeys().get(position));
                new CopyRow(tables.get("ledger_subject")).add(clue.clueId()).add(position)
                        .add(subject.personName()).add(subject.unit()).add(subject.rank()).add(null)
                        .add(subject.personKey()).end();
            }
            facts.forEach((kind, fact) -> {
                new CopyRow(tables.get("ledger_fact")).add(fact.eventId()).add(clue.clueId()).add(kind)
                        .add(kind.side()).add(fact.assertedBy()).add(actor(fact.assertedBy().toString()))
                        .add(fact.occurredAt()).add(fact.arrival().publishedAt()).add(fact.arrival().recordedAt())
                        .end();
                // No monthly statement was drawn up on this ledger: no clue fact can amend one.
                new CopyRow(tables.get("ledger_fact_position")).add(fact.eventId()).add(fact.arrival().position())
                        .add(false).end();
            });
            if (conclusion != null) {
                new CopyRow(tables.get("ledger_outcome")).add(clue.clueId()).add(FactKind.CONCLUDED)
                        .add(Outcome.UNFOUNDED).add(1).end();
            }
        }

        /** The kind's fact, if it occurred and had reached the ledger by now. */
        private void fact(SplittableRandom random, Map<FactKind, ClueFact> facts, FactKind kind, Instant at,
                          AgencyId by) {
            Arrival arrival = at == null ? null : arrival(random, at);
            if (arrival != null) {
                facts.put(kind, new ClueFact(new UUID(random.nextLong(), random.nextLong()), at, arrival, by));
            }
        }

        private static CopyRow shown(CopyRow row, ClueFact fact) {
            return row.add(fact == null ? null : fact.eventId()).add(fact == null ? null : fact.occurredAt());
        }

        private static String actor(String agency) {
            return agency.toLowerCase().replace('@', '-') + "-officer";
        }

        /**
         * The second quarter's statement, drawn up on 3 July and confirmed by both agencies: what reached the case
         * files after it and occurred before July is an amendment of the third quarter's. The drafter reads only
         * where on the ledger it was drawn up.
         */
        void confirmSecondQuarter(JdbcTemplate sql) {
            confirmedStatement(sql, Q3_2020.previous(), Q2_DRAWN_UP, "{\"summary\": []}", Q2_DRAWN_UP.toEpochMilli());
            sql.update("UPDATE ledger_position SET position = ?, latest_period_end = ?", lastPosition,
                    Timestamp.from(Q3_2020.previous().end()));
        }
    }
}
