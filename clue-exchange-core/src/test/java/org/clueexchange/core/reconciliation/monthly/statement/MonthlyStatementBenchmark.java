package org.clueexchange.core.reconciliation.monthly.statement;

import static org.clueexchange.core.ledger.FactKind.ACCEPTED;
import static org.clueexchange.core.ledger.FactKind.CONCLUDED;
import static org.clueexchange.core.ledger.FactKind.DISPOSED;
import static org.clueexchange.core.ledger.FactKind.FEEDBACK_ACKNOWLEDGED;
import static org.clueexchange.core.ledger.FactKind.FEEDBACK_SENT;
import static org.clueexchange.core.ledger.FactKind.PROGRESS_REPORTED;
import static org.clueexchange.core.ledger.FactKind.RECEIVED;
import static org.clueexchange.core.ledger.FactKind.RETURNED;
import static org.clueexchange.core.ledger.FactKind.SUPERVISION_ORDERED;
import static org.clueexchange.core.ledger.FactKind.TRANSFERRED;
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
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.clueexchange.core.ledger.Direction;
import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.core.ledger.LedgerState;
import org.clueexchange.core.ledger.SlaClock;
import org.clueexchange.core.ledger.TimeLimit;
import org.clueexchange.core.ledger.command.SlaPolicy;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.ledger.query.LedgerRow;
import org.clueexchange.core.ledger.query.LedgerSnapshots;
import org.clueexchange.core.ledger.query.LedgerTotals;
import org.clueexchange.core.ledger.query.ReconciliationLedger;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.query.StatementDrafters;
import org.clueexchange.core.reconciliation.query.StatementProjection;
import org.clueexchange.core.reconciliation.statement.StatementBenchmarks.CopyRow;
import org.clueexchange.core.reconciliation.statement.StatementBenchmarks.Seeding;
import org.clueexchange.core.reconciliation.statement.StatementJson;
import org.clueexchange.core.reconciliation.statement.StatementProgress;
import org.clueexchange.core.sla.ConfiguredSlaPolicy;
import org.clueexchange.core.sla.SlaProperties;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.AllegationCategory;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.DisposalMethod;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.events.Outcome;
import org.clueexchange.events.Priority;
import org.clueexchange.events.ReturnReason;
import org.clueexchange.events.SupervisionKind;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.PostgresServer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * How long Zhaotong's (530600) statement for June 2020 takes to build, write as JSON and digest on real PostgreSQL:
 * on a ledger of exactly the 10,000 clues active in that month ("month"), and on a ledger of 1,000,000 clues over
 * 2018–2020 and the whole country of which about 10,000 are in the statement ("ledger"). Each is printed beside a
 * raw scan of the prefecture's ledger rows in the same run, the floor any statement pays, with a verdict against the
 * 1 s target. Asserts nothing: timings belong to the machine.
 *
 * <pre>./mvnw -B -pl clue-exchange-core -am -Pbenchmark -DskipTests verify</pre>
 *
 * Sizes: {@code -Dbenchmark.monthClues=10000 -Dbenchmark.ledgerClues=1000000 -Dbenchmark.runs=20}. PostgreSQL is
 * embedded; {@code CLUE_EXCHANGE_INFRA=containers} (with {@code PG_IMAGE}) runs it in a container instead.
 */
public final class MonthlyStatementBenchmark {

    private static final StatementPeriod JUNE_2020 = StatementPeriod.of("530600", "2020-06");
    private static final StatementPeriod MAY_2020 = StatementPeriod.of("530600", "2020-05");
    /** When the month's ledger is read: early July, when statements are issued (一月一对账). */
    private static final Instant MONTH_LEDGER_NOW = LocalDate.of(2020, 7, 10).atStartOfDay()
            .toInstant(CHINA_STANDARD_TIME);
    private static final Instant WHOLE_LEDGER_NOW = LocalDate.of(2021, 1, 1).atStartOfDay()
            .toInstant(CHINA_STANDARD_TIME);

    private MonthlyStatementBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        int monthClues = Integer.getInteger("benchmark.monthClues", 10_000);
        int ledgerClues = Integer.getInteger("benchmark.ledgerClues", 1_000_000);
        int runs = Integer.getInteger("benchmark.runs", 20);
        long started = System.nanoTime();
        Path workDir = Files.createTempDirectory("statement-benchmark");
        try (PostgresServer postgres = startPostgres(workDir)) {
            Database monthDatabase = postgres.createDatabase("statement_benchmark_month");
            System.out.printf("Monthly statement benchmark, %s: %s%n", JUNE_2020.id(),
                    machine(postgres, monthDatabase));
            Result month = scenario("month", monthDatabase,
                    new SyntheticLedger(monthClues, monthClues, MONTH_LEDGER_NOW), runs);
            Result ledger = scenario("ledger", postgres.createDatabase("statement_benchmark_ledger"),
                    new SyntheticLedger(monthClues, Math.max(ledgerClues, monthClues), WHOLE_LEDGER_NOW),
                    runs);
            System.out.printf("%nVERDICT: the %,d-line month statement takes p95 %.0f ms against the %d ms target: %s"
                            + " (within the %,d-clue ledger: p95 %.0f ms, %s)%n", month.lines(), month.p95(),
                    TARGET.toMillis(), verdict(month.p95()), ledger.clues(), ledger.p95(), verdict(ledger.p95()));
        } finally {
            deleteRecursively(workDir);
        }
        System.out.printf("Benchmark wall time %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    private record Result(int clues, int lines, double p95) {
    }

    private static Result scenario(String name, Database database, SyntheticLedger synthetic, int runs)
            throws Exception {
        migrate(database);
        Seeding seeding = synthetic.copyInto(database);
        try (HikariDataSource pool = pool(database)) {
            JdbcTemplate sql = new JdbcTemplate(pool);
            JdbcClient jdbc = JdbcClient.create(pool);
            DataSourceTransactionManager transactions = new DataSourceTransactionManager(pool);
            TimedLedger ledger = new TimedLedger(jdbc, transactions);
            int confirmed = synthetic.confirmEarlierStatements(sql, ledger);
            synthetic.checkAnomalies(sql);
            double settling = settle(sql);
            System.out.printf("%n[%s] seeded %,d clues (%s; %d confirmed statements of 530600 before June): COPY "
                            + "%.1f s, keys and indexes %.1f s, VACUUM ANALYZE and CHECKPOINT %.1f s%n", name,
                    synthetic.clues(), seeding.describe(), confirmed, seeding.copySeconds(),
                    seeding.indexSeconds(), settling);

            MonthlyStatementBuilder builder = new MonthlyStatementBuilder(ledger);
            StatementProjection statements = new StatementProjection(jdbc, new StatementDrafters(List.of(builder)));
            // The peak is read after the statements and the scans: it covers them, not the seeding.
            resetPeakHeap();
            List<Build> builds = repeat(runs, () -> build(builder, statements, ledger));
            List<Scan> scans = repeat(runs, () -> rawScan(pool));
            long peakHeap = peakHeap();

            Build last = builds.get(builds.size() - 1);
            System.out.printf("[%s] statement: %,d lines, %,d breaks, %,d amendments; JSON %.1f MiB, digest %s…%n",
                    name, last.lines(), last.breaks(), last.amendments(), last.jsonBytes() / 1048576.0,
                    last.digest().substring(0, 16));
            double[] total = sorted(builds.stream().mapToDouble(Build::totalMillis));
            double mean = Arrays.stream(total).average().orElseThrow();
            System.out.printf("[%s] %-40s %s  %.1f statements/s (%d runs after %d warm-up)%n", name,
                    "build + JSON + digest", spread(total), 1000 / mean, runs, WARM_UP);
            System.out.printf("[%s]   %-38s %s%n", name, "of which ledger.forPeriod",
                    spread(sorted(builds.stream().mapToDouble(Build::forPeriodMillis))));
            System.out.printf("[%s]   %-38s %s%n", name, "of which ledger.totals",
                    spread(sorted(builds.stream().mapToDouble(Build::totalsMillis))));
            System.out.printf("[%s]   %-38s %s%n", name, "of which ledger.arrivedAfter",
                    spread(sorted(builds.stream().mapToDouble(Build::arrivedAfterMillis))));
            System.out.printf("[%s]   %-38s %s%n", name, "of which JSON write + digest",
                    spread(sorted(builds.stream().mapToDouble(Build::jsonMillis))));
            double[] scan = sorted(scans.stream().mapToDouble(Scan::millis));
            System.out.printf("[%s] %-40s %s%n", name, "baseline: raw scan of " + String.format("%,d", scans.get(0)
                    .rows()) + " rows", spread(scan));
            System.out.printf("[%s] statement p50 = %.1f × the raw scan's p50%n", name,
                    percentile(total, 50) / percentile(scan, 50));
            System.out.printf("[%s] peak heap used %,d MiB (JVM max heap %,d MiB)%n", name, peakHeap >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            return new Result(synthetic.clues(), last.lines(), percentile(total, 95));
        }
    }

    /** One statement as the issue path makes it, with the time of each ledger read inside it. */
    private record Build(double totalMillis, double forPeriodMillis, double totalsMillis, double arrivedAfterMillis,
                         double jsonMillis, int lines, long breaks, int amendments,
                         int jsonBytes, String digest) {
    }

    private static Build build(MonthlyStatementBuilder builder, StatementProjection statements,
                               TimedLedger ledger) {
        ledger.reset();
        long start = System.nanoTime();
        // As the issue path reads them: when each earlier statement was drawn up, and last month's summary.
        StatementContent content = (StatementContent) builder.draw(JUNE_2020, statements.history(JUNE_2020),
                StatementProgress.SILENT).content();
        long built = System.nanoTime();
        String text = StatementJson.write(content);
        String digest = StatementJson.digest(text);
        long end = System.nanoTime();
        return new Build((end - start) / 1e6, ledger.millis("forPeriod"), ledger.millis("totals"),
                ledger.millis("arrivedAfter"), (end - built) / 1e6, content.lines().size(), content.breakCount(),
                content.amendments().size(), text.getBytes(StandardCharsets.UTF_8).length, digest);
    }

    private record Scan(double millis, long rows) {
    }

    /**
     * The prefecture's ledger rows streamed over plain JDBC, every column read as text, found by the range of its
     * codes as the statement finds them.
     */
    private static Scan rawScan(HikariDataSource pool) throws SQLException {
        long start = System.nanoTime();
        long rows = 0;
        try (Connection connection = pool.getConnection()) {
            // pgjdbc streams by fetch size only outside autocommit.
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1000);
                String codes = "BETWEEN '" + JUNE_2020.jurisdiction() + "' AND '"
                        + JUNE_2020.jurisdiction().substring(0, 4) + "99'";
                try (ResultSet rs = statement.executeQuery("SELECT * FROM transfer_ledger WHERE sender_jurisdiction "
                        + codes + " OR receiver_jurisdiction " + codes)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int column = 1; column <= columns; column++) {
                            rs.getString(column);
                        }
                        rows++;
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        return new Scan((System.nanoTime() - start) / 1e6, rows);
    }

    /** The ledger's reads, each timed, so that a slow statement shows which query it waits on. */
    private static final class TimedLedger extends ReconciliationLedger {

        private final Map<String, Long> nanos = new HashMap<>();

        TimedLedger(JdbcClient jdbc, PlatformTransactionManager transactions) {
            super(jdbc, new LedgerSnapshots(jdbc, transactions));
        }

        void reset() {
            nanos.clear();
        }

        double millis(String read) {
            return nanos.getOrDefault(read, 0L) / 1e6;
        }

        @Override
        public List<LedgerRow> forPeriod(String jurisdiction, Instant start, Instant end) {
            return timed("forPeriod", () -> super.forPeriod(jurisdiction, start, end));
        }

        @Override
        public LedgerTotals totals(String jurisdiction, Instant start, Instant end) {
            return timed("totals", () -> super.totals(jurisdiction, start, end));
        }

        @Override
        public List<RecordedFact> arrivedAfter(String jurisdiction, Instant before, long after) {
            return timed("arrivedAfter", () -> super.arrivedAfter(jurisdiction, before, after));
        }

        private <T> T timed(String read, Supplier<T> call) {
            long began = System.nanoTime();
            try {
                return call.get();
            } finally {
                nanos.merge(read, System.nanoTime() - began, Long::sum);
            }
        }
    }

    /**
     * A ledger as the projection would have written it from both agencies' facts, generated clue by clue from the
     * clue's number alone, so that each table can be copied on its own and still agree with the others. The first
     * {@code zhaotongJune} clues are Zhaotong's that were active in June 2020: most transferred in June, some carried
     * over open from December 2019 on. The rest are spread over 2018–2020 and 31 provinces, Zhaotong with its share.
     * A fact that had not reached the ledger by {@code now} is not on it.
     */
    static final class SyntheticLedger {

        private static final String ZHAOTONG = "5306";
        /** Zhaotong's districts, counties and county-level city. */
        private static final String[] ZHAOTONG_COUNTIES = {"530602", "530621", "530622", "530623", "530624",
                "530625", "530626", "530627", "530628", "530629", "530681"};
        private static final int[] PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42,
                43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65};
        private static final String[] COUNTY_SUFFIXES = {"02", "03", "21", "22", "23", "24", "25", "26", "27", "81"};
        private static final LocalDate LEDGER_START = LocalDate.of(2018, 1, 1);
        private static final int LEDGER_DAYS = (int) ChronoUnit.DAYS.between(LEDGER_START, LocalDate.of(2021, 1, 1));
        private static final LocalDate CARRY_OVER_START = LocalDate.of(2019, 12, 1);
        private static final LocalDate JUNE_1 = LocalDate.of(2020, 6, 1);
        private static final int CARRY_OVER_DAYS = (int) ChronoUnit.DAYS.between(CARRY_OVER_START, JUNE_1);
        private static final Instant JULY_1 = LocalDate.of(2020, 7, 1).atStartOfDay().toInstant(CHINA_STANDARD_TIME);
        private static final long MINUTE = 60;
        private static final long HOUR = 3600;
        private static final long DAY = 86_400;
        private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
        private static final String[] UNITS = {"某镇人民政府", "某村村民委员会", "某县公安局", "某县自然资源局",
                "某县住房和城乡建设局", "某乡派出所", "某县交通运输局", "某街道办事处"};
        private static final String SUMMARY = "反映该人员利用职务便利为涉黑涉恶团伙提供庇护，插手工程项目并收受财物，"
                + "群众多次举报，经初步核查线索具体、可查性较强，依规移送。";
        private static final OfficialRank[] RANKS_BY_WEIGHT = weighted(Map.of(OfficialRank.VILLAGE_CADRE, 30,
                OfficialRank.TOWNSHIP_SECTION, 25, OfficialRank.GENERAL_STAFF, 20, OfficialRank.COUNTY_DIVISION, 15,
                OfficialRank.DEPARTMENT_BUREAU, 5, OfficialRank.OTHER, 4, OfficialRank.PROVINCIAL_MINISTERIAL, 1));
        private static final Outcome[] DISCIPLINE_OUTCOMES = {Outcome.PUT_ON_FILE, Outcome.PARTY_DISCIPLINE,
                Outcome.ADMINISTRATIVE_SANCTION, Outcome.ORGANISATIONAL_HANDLING, Outcome.ACCOUNTABILITY,
                Outcome.DETENTION, Outcome.TRANSFER_TO_JUDICIARY, Outcome.UNFOUNDED};
        private static final Outcome[] POLICE_OUTCOMES = {Outcome.CRIMINAL_CASE_OPENED, Outcome.NOT_OPENED,
                Outcome.MERGED, Outcome.SENT_FOR_PROSECUTION};
        private static final DisposalMethod[] DISCIPLINE_DISPOSALS = {DisposalMethod.TALK_OR_LETTER_INQUIRY,
                DisposalMethod.PRELIMINARY_VERIFICATION, DisposalMethod.HOLD_PENDING, DisposalMethod.CLOSE,
                DisposalMethod.PUT_ON_FILE};
        private static final DisposalMethod[] POLICE_DISPOSALS = {DisposalMethod.CRIMINAL_INVESTIGATION,
                DisposalMethod.PRELIMINARY_INQUIRY, DisposalMethod.MERGED_INVESTIGATION, DisposalMethod.NOT_OPENED};
        /** The agreed limits, no jurisdiction's own. */
        private static final SlaPolicy LIMITS = new ConfiguredSlaPolicy(new SlaProperties(
                new SlaProperties.Limits(null, null, null, null), Map.of(), Duration.ofSeconds(1),
                Duration.ofHours(24)));

        private final int zhaotongJune;
        private final int clues;
        private final Instant now;

        SyntheticLedger(int zhaotongJune, int clues, Instant now) {
            this.zhaotongJune = zhaotongJune;
            this.clues = clues;
            this.now = now;
        }

        int clues() {
            return clues;
        }

        /** What a clue's facts say, and what its sides recorded with them. */
        record Clue(String id, Direction direction, AgencyId sender, AgencyId receiver, Map<FactKind, Fact> facts,
                    ClueSource source, AllegationCategory allegation, Priority priority, String senderDigest,
                    String receiverDigest, String caseNumber, ReturnReason returnReason,
                    DisposalMethod disposalMethod, SupervisionKind supervisionKind, List<Subject> subjects,
                    Map<Outcome, Integer> outcomes) {
        }

        record Fact(UUID eventId, Instant occurredAt, Instant publishedAt, Instant recordedAt, AgencyId assertedBy,
                    String actor) {
        }

        record Subject(String name, String unit, OfficialRank rank, String role) {
        }

        Clue clue(int number) {
            // split(): consecutive seeds alone would give overlapping sequences, and so the same event ids.
            SplittableRandom random = new SplittableRandom(0x5306_2020_06L + number).split();
            boolean zhaotong = number < zhaotongJune;
            boolean carriedOver = zhaotong && random.nextInt(100) < 15;
            LocalDate day = !zhaotong ? LEDGER_START.plusDays(random.nextInt(LEDGER_DAYS))
                    : carriedOver ? CARRY_OVER_START.plusDays(random.nextInt(CARRY_OVER_DAYS))
                    : JUNE_1.plusDays(random.nextInt(30));
            // Transfers leave in office hours, 08:30–18:00.
            Instant transferredAt = day.atTime(8, 30).toInstant(CHINA_STANDARD_TIME)
                    .plusSeconds(random.nextLong(570 * MINUTE));
            AgencyType senderType = random.nextInt(3) < 2 ? AgencyType.POLICE : AgencyType.DISCIPLINE;
            AgencyType receiverType = senderType == AgencyType.POLICE ? AgencyType.DISCIPLINE : AgencyType.POLICE;
            String prefecture = zhaotong ? ZHAOTONG : prefecture(random);
            String senderJurisdiction = random.nextInt(100) < 15 ? prefecture + "00" : county(random, prefecture);
            int where = random.nextInt(100);
            String receiverJurisdiction = where < 85 ? senderJurisdiction
                    : where < 95 ? prefecture + "00"
                    : where < 98 ? county(random, prefecture)
                    : county(random, prefecture.substring(0, 2) + twoDigits(1 + random.nextInt(10)));
            AgencyId sender = new AgencyId(senderType, senderJurisdiction);
            AgencyId receiver = new AgencyId(receiverType, receiverJurisdiction);
            String senderActor = senderType.name().toLowerCase() + "-" + senderJurisdiction + "-"
                    + random.nextInt(100, 1000);
            String receiverActor = receiverType.name().toLowerCase() + "-" + receiverJurisdiction + "-"
                    + random.nextInt(100, 1000);
            AgencyId supervisor = new AgencyId(AgencyType.DISCIPLINE, receiverJurisdiction.substring(0, 4) + "00");

            // Every draw is made whatever `now` cuts off, so that Zhaotong's June is the same clues on both ledgers.
            Map<FactKind, Fact> facts = new EnumMap<>(FactKind.class);
            timeline(random, transferredAt, carriedOver).forEach((kind, at) -> {
                AgencyId by = switch (kind.side()) {
                    case SENDER -> sender;
                    case RECEIVER -> receiver;
                    case EITHER -> supervisor;
                };
                String actor = by == sender ? senderActor : by == receiver ? receiverActor : "supervisor";
                Instant publishedAt = at.plusSeconds(random.nextLong(1, 30));
                // One fact in a hundred reaches the ledger days late, as after an adapter's outage.
                Instant recordedAt = random.nextInt(100) == 0 ? at.plusSeconds(random.nextLong(DAY, 20 * DAY))
                        : publishedAt.plusMillis(random.nextLong(100, 3000));
                Fact fact = new Fact(eventId(random), at, publishedAt, recordedAt, by, actor);
                if (recordedAt.isBefore(now)) {
                    facts.put(kind, fact);
                }
            });
            String senderDigest = hex(random, 4);
            // One receipt in two hundred records other content than was sent.
            String receiverDigest = random.nextInt(200) == 0 ? hex(random, 4) : senderDigest;
            List<Subject> subjects = new ArrayList<>();
            int named = random.nextInt(10) < 6 ? 1 : random.nextInt(4) < 3 ? 2 : 3;
            for (int i = 0; i < named; i++) {
                OfficialRank rank = pick(random, RANKS_BY_WEIGHT);
                subjects.add(new Subject(pick(random, SURNAMES) + "某某", pick(random, UNITS), rank,
                        rank == OfficialRank.VILLAGE_CADRE ? "村党支部书记" : random.nextBoolean() ? "负责人" : null));
            }
            Outcome[] possible = receiverType == AgencyType.DISCIPLINE ? DISCIPLINE_OUTCOMES : POLICE_OUTCOMES;
            Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
            for (int i = random.nextInt(4) == 0 ? 2 : 1; i > 0; i--) {
                outcomes.merge(pick(random, possible), 1 + random.nextInt(named), Integer::sum);
            }
            DisposalMethod[] disposals = receiverType == AgencyType.DISCIPLINE ? DISCIPLINE_DISPOSALS
                    : POLICE_DISPOSALS;
            return new Clue(senderType + "-" + senderJurisdiction + "-R" + sixDigits(number + 1),
                    Direction.sentBy(senderType), sender, receiver, facts, pick(random, ClueSource.values()),
                    pick(random, AllegationCategory.values()),
                    random.nextInt(10) == 0 ? Priority.URGENT : Priority.NORMAL, senderDigest, receiverDigest,
                    receiverType + "-" + receiverJurisdiction + "-" + day.getYear() + "-" + (number + 1),
                    pick(random, ReturnReason.values()), pick(random, disposals),
                    random.nextBoolean() ? SupervisionKind.SUPERVISION : SupervisionKind.LISTED_SUPERVISION,
                    subjects, outcomes);
        }

        /**
         * When each of a clue's facts occurs, in lifecycle order. Most clues close their loop within weeks; some are
         * returned, stall at a stage for good, run late on a time limit or carry an anomaly. A clue carried over
         * into June is neither returned nor concluded before July.
         */
        private static Map<FactKind, Instant> timeline(SplittableRandom random, Instant transferredAt,
                                                         boolean carriedOver) {
            Map<FactKind, Instant> at = new EnumMap<>(FactKind.class);
            at.put(TRANSFERRED, transferredAt);
            int fate = random.nextInt(1000);
            boolean returned = !carriedOver && fate >= 5 && fate < 45;
            boolean returnedAfterAcceptance = !carriedOver && fate == 45;
            if (fate < 5) {
                return at;
            }
            // One receiver in a thousand runs its clock ahead and dates the receipt before the transfer.
            int pace = random.nextInt(100);
            long pickUp = pace < 80 ? random.nextLong(5 * MINUTE, 90 * MINUTE)
                    : pace < 97 ? random.nextLong(90 * MINUTE, 5 * HOUR) : random.nextLong(25 * HOUR, 72 * HOUR);
            Instant receivedAt = random.nextInt(1000) == 0
                    ? transferredAt.minusSeconds(random.nextLong(MINUTE, 10 * MINUTE))
                    : transferredAt.plusSeconds(pickUp);
            at.put(RECEIVED, receivedAt);
            if (returned) {
                at.put(RETURNED, receivedAt.plusSeconds(random.nextLong(HOUR, 48 * HOUR)));
                return at;
            }
            Instant acceptedAt = receivedAt.plusSeconds(delay(random, 96, 5 * MINUTE, 90 * MINUTE, 18 * HOUR,
                    60 * HOUR));
            at.put(ACCEPTED, acceptedAt);
            if (returnedAfterAcceptance) {
                at.put(RETURNED, acceptedAt.plusSeconds(random.nextLong(DAY, 5 * DAY)));
                return at;
            }
            Instant disposedAt = acceptedAt.plusSeconds(delay(random, 95, 10 * MINUTE, 110 * MINUTE, 2 * HOUR,
                    30 * HOUR));
            at.put(DISPOSED, disposedAt);
            Instant concludedAt = acceptedAt.plusSeconds(delay(random, 90, 7 * DAY, 28 * DAY, 31 * DAY, 90 * DAY));
            if (carriedOver) {
                concludedAt = later(concludedAt, JULY_1.plusSeconds(random.nextLong(HOUR, 40 * DAY)));
            }
            Instant progressAt = carriedOver && random.nextBoolean()
                    ? later(JULY_1.minusSeconds(random.nextLong(HOUR, 30 * DAY)), disposedAt.plusSeconds(HOUR))
                    : disposedAt.plusSeconds(random.nextLong(3 * DAY, 12 * DAY));
            if (random.nextInt(10) < 4 && progressAt.isBefore(concludedAt)) {
                at.put(PROGRESS_REPORTED, progressAt);
            }
            Instant supervisedAt = acceptedAt.plusSeconds(random.nextLong(31 * DAY, 40 * DAY));
            if (random.nextBoolean() && supervisedAt.isBefore(concludedAt)) {
                at.put(SUPERVISION_ORDERED, supervisedAt);
            }
            if (fate < 55) {
                return at;
            }
            at.put(CONCLUDED, concludedAt);
            if (fate < 60) {
                return at;
            }
            Instant feedbackAt = concludedAt.plusSeconds(random.nextLong(4 * HOUR, 3 * DAY));
            at.put(FEEDBACK_SENT, feedbackAt);
            if (fate < 75) {
                return at;
            }
            at.put(FEEDBACK_ACKNOWLEDGED, feedbackAt.plusSeconds(random.nextLong(HOUR, 4 * DAY)));
            return at;
        }

        /**
         * Seconds from one fact to the next: {@code usual} times in a hundred within [{@code low}, {@code high}),
         * otherwise late, within [{@code lateLow}, {@code lateHigh}).
         */
        private static long delay(SplittableRandom random, int usual, long low, long high, long lateLow,
                                  long lateHigh) {
            return random.nextInt(100) < usual ? random.nextLong(low, high) : random.nextLong(lateLow, lateHigh);
        }

        private static String prefecture(SplittableRandom random) {
            return PROVINCES[random.nextInt(PROVINCES.length)] + twoDigits(1 + random.nextInt(10));
        }

        private static String county(SplittableRandom random, String prefecture) {
            return prefecture.equals(ZHAOTONG) ? pick(random, ZHAOTONG_COUNTIES)
                    : prefecture + pick(random, COUNTY_SUFFIXES);
        }

        private static String sixDigits(int value) {
            String digits = String.valueOf(value);
            return "000000".substring(Math.min(6, digits.length())) + digits;
        }

        private static String twoDigits(int value) {
            return value < 10 ? "0" + value : String.valueOf(value);
        }

        private static Instant later(Instant one, Instant other) {
            return one.isAfter(other) ? one : other;
        }

        private static UUID eventId(SplittableRandom random) {
            return new UUID(random.nextLong() & ~0xF000L | 0x4000L,
                    random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L);
        }

        private static String hex(SplittableRandom random, int longs) {
            StringBuilder hex = new StringBuilder(16 * longs);
            for (int i = 0; i < longs; i++) {
                hex.append(HexFormat.of().toHexDigits(random.nextLong()));
            }
            return hex.toString();
        }

        private static <T> T pick(SplittableRandom random, T[] values) {
            return values[random.nextInt(values.length)];
        }

        private static OfficialRank[] weighted(Map<OfficialRank, Integer> weights) {
            List<OfficialRank> ranks = new ArrayList<>();
            weights.forEach((rank, weight) -> ranks.addAll(Collections.nCopies(weight, rank)));
            ranks.sort(Comparator.naturalOrder());
            return ranks.toArray(OfficialRank[]::new);
        }

        private record Table(String columns, BiConsumer<Clue, StringBuilder> rows) {
        }

        /** The ledger's tables, largest first, each with the columns its rows give. */
        private Map<String, Table> tables() {
            Map<String, Table> tables = new LinkedHashMap<>();
            tables.put("ledger_fact", new Table("event_id, clue_id, fact, side, asserted_by, actor, occurred_at, "
                    + "published_at, recorded_at", SyntheticLedger::factRows));
            tables.put("ledger_fact_position", new Table("event_id, position, after_statement",
                    this::positionRows));
            tables.put("transfer_ledger", new Table("clue_id, direction, state, sender_type, sender_jurisdiction, "
                    + "receiver_type, receiver_jurisdiction, transfer_event_id, transferred_at, transfer_published_at, "
                    + "transfer_actor, source, allegation, priority, summary, sender_content_digest, receipt_event_id, "
                    + "received_at, receipt_actor, receiver_content_digest, acceptance_event_id, accepted_at, "
                    + "acceptance_actor, receiver_case_number, return_event_id, returned_at, return_reason, "
                    + "return_explanation, disposal_event_id, disposed_at, disposal_method, progress_event_id, "
                    + "progressed_at, progress_summary, conclusion_event_id, concluded_at, conclusion_summary, "
                    + "feedback_event_id, feedback_at, feedback_summary, acknowledgement_event_id, acknowledged_at, "
                    + "supervision_event_id, supervised_at, supervision_kind", SyntheticLedger::ledgerRow));
            tables.put("ledger_clock", new Table("clue_id, clock, started_by, due_at, status, stopped_by, "
                    + "stopped_at", this::clockRows));
            tables.put("ledger_subject", new Table("clue_id, position, name, unit, rank, role",
                    SyntheticLedger::subjectRows));
            tables.put("ledger_outcome", new Table("clue_id, fact, outcome, persons", SyntheticLedger::outcomeRows));
            tables.put("ledger_anomaly", new Table("clue_id, fact_event_id, related_event_id, kind, detail",
                    SyntheticLedger::anomalyRows));
            return tables;
        }

        /** Copies the ledger into the database's migrated tables, in slices at once. */
        Seeding copyInto(Database database) throws Exception {
            return copyUnkeyed(database, tables().keySet(), () -> copyTables(database));
        }

        /** Each table in as many slices of clues as there are cores, so that the largest does not copy alone. */
        private Map<String, Long> copyTables(Database database) throws Exception {
            int cores = Runtime.getRuntime().availableProcessors();
            ExecutorService copying = Executors.newFixedThreadPool(cores + 1);
            try {
                Map<String, List<Future<Long>>> copies = new LinkedHashMap<>();
                tables().forEach((name, table) -> {
                    for (int slice = 0; slice < cores; slice++) {
                        int from = (int) ((long) clues * slice / cores);
                        int to = (int) ((long) clues * (slice + 1) / cores);
                        copies.computeIfAbsent(name, slices -> new ArrayList<>()).add(copying.submit(() -> {
                            try (Connection connection = connect(database)) {
                                return copyIn(connection, "COPY " + name + " (" + table.columns() + ") FROM STDIN",
                                        new RowReader(this, table.rows(), from, to));
                            }
                        }));
                    }
                });
                Map<String, Long> rows = new LinkedHashMap<>();
                for (Map.Entry<String, List<Future<Long>>> copy : copies.entrySet()) {
                    for (Future<Long> slice : copy.getValue()) {
                        rows.merge(copy.getKey(), slice.get(), Long::sum);
                    }
                }
                return rows;
            } finally {
                copying.shutdownNow();
            }
        }

        /** Fails if an anomaly names a fact the ledger does not hold: the statement's join would drop it unseen. */
        void checkAnomalies(JdbcTemplate sql) {
            long dangling = sql.queryForObject("SELECT count(*) FROM ledger_anomaly a WHERE NOT EXISTS (SELECT FROM "
                    + "ledger_fact f WHERE f.event_id = a.fact_event_id) OR NOT EXISTS (SELECT FROM ledger_fact f "
                    + "WHERE f.event_id = a.related_event_id)", Long.class);
            if (dangling > 0) {
                throw new IllegalStateException(dangling + " seeded anomalies name facts not on the ledger");
            }
        }

        /**
         * Zhaotong's statements from the ledger's first month to May 2020, each drawn up on the 3rd of the next month
         * and confirmed by both agencies by the 8th: the June statement then carries what reached the ledger after
         * they were drawn up. The builder reads only where on the ledger each was drawn up and, of May's, the summary.
         */
        int confirmEarlierStatements(JdbcTemplate sql, ReconciliationLedger ledger) {
            int confirmed = 0;
            for (YearMonth month = firstMonth(); month.isBefore(JUNE_2020.firstMonth()); month = month.plusMonths(1)) {
                StatementPeriod period = new StatementPeriod(JUNE_2020.jurisdiction(), month);
                Instant issuedAt = drawnUp(month);
                String content = period.equals(MAY_2020) ? StatementJson.write(new StatementContent(period.id(),
                        period.jurisdiction(), "", month.toString(), period.start(), period.end(), List.of(),
                        List.of(), SummaryTables.of(ledger.totals(period.jurisdiction(), period.start(),
                                period.end()), period, null, List.of()))) : "{}";
                confirmedStatement(sql, period, issuedAt, content, position(issuedAt));
                confirmed++;
            }
            sql.update("UPDATE ledger_position SET position = (SELECT coalesce(max(position), 0) FROM "
                    + "ledger_fact_position), latest_period_end = ?", timestamp(MAY_2020.end()));
            return confirmed;
        }

        private YearMonth firstMonth() {
            return YearMonth.from(clues > zhaotongJune ? LEDGER_START : CARRY_OVER_START);
        }

        private static Instant drawnUp(YearMonth month) {
            return month.plusMonths(1).atDay(3).atTime(10, 0).toInstant(CHINA_STANDARD_TIME);
        }

        /**
         * A synthetic ledger commits each fact as it is recorded, one at a time, so that the milliseconds of its
         * recording are its position.
         */
        private static long position(Instant recordedAt) {
            return recordedAt.toEpochMilli();
        }

        /** Each fact's position, after a statement of its month if one was drawn up before the fact was recorded. */
        private void positionRows(Clue clue, StringBuilder out) {
            clue.facts().values().forEach(fact -> {
                YearMonth month = StatementPeriod.monthOf(fact.occurredAt());
                boolean afterStatement = !month.isBefore(firstMonth()) && month.isBefore(JUNE_2020.firstMonth())
                        && fact.recordedAt().isAfter(drawnUp(month));
                new CopyRow(out).add(fact.eventId()).add(position(fact.recordedAt())).add(afterStatement).end();
            });
        }

        private static Timestamp timestamp(Instant instant) {
            return Timestamp.from(instant);
        }

        private static void factRows(Clue clue, StringBuilder out) {
            clue.facts().forEach((kind, fact) -> new CopyRow(out).add(fact.eventId()).add(clue.id()).add(kind)
                    .add(kind.side()).add(fact.assertedBy()).add(fact.actor()).add(fact.occurredAt())
                    .add(fact.publishedAt()).add(fact.recordedAt()).end());
        }

        /** The clue's row, showing each kind's fact with the details that came with it. */
        private static void ledgerRow(Clue clue, StringBuilder out) {
            Map<FactKind, Fact> facts = clue.facts();
            Fact transfer = facts.get(TRANSFERRED);
            CopyRow row = new CopyRow(out).add(clue.id()).add(clue.direction())
                    .add(LedgerState.of(facts.keySet()))
                    .add(clue.sender().type()).add(clue.sender().jurisdiction()).add(clue.receiver().type())
                    .add(clue.receiver().jurisdiction());
            shown(row, transfer).add(transfer == null ? null : transfer.publishedAt())
                    .add(transfer == null ? null : transfer.actor()).add(with(transfer, clue.source()))
                    .add(with(transfer, clue.allegation())).add(with(transfer, clue.priority()))
                    .add(with(transfer, SUMMARY)).add(with(transfer, clue.senderDigest()));
            Fact receipt = facts.get(RECEIVED);
            shown(row, receipt).add(receipt == null ? null : receipt.actor()).add(with(receipt, clue.receiverDigest()));
            Fact acceptance = facts.get(ACCEPTED);
            shown(row, acceptance).add(acceptance == null ? null : acceptance.actor())
                    .add(with(acceptance, clue.caseNumber()));
            Fact returned = facts.get(RETURNED);
            shown(row, returned).add(with(returned, clue.returnReason())).add(with(returned, "不属于本机关管辖"));
            shown(row, facts.get(DISPOSED)).add(with(facts.get(DISPOSED), clue.disposalMethod()));
            shown(row, facts.get(PROGRESS_REPORTED)).add(with(facts.get(PROGRESS_REPORTED), "正在核查中"));
            shown(row, facts.get(CONCLUDED)).add(with(facts.get(CONCLUDED), "核查完毕，依规依纪处理"));
            shown(row, facts.get(FEEDBACK_SENT)).add(with(facts.get(FEEDBACK_SENT), "处理结果已反馈移送机关"));
            shown(row, facts.get(FEEDBACK_ACKNOWLEDGED));
            Fact supervision = facts.get(SUPERVISION_ORDERED);
            shown(row, supervision).add(with(supervision, clue.supervisionKind())).end();
        }

        private static CopyRow shown(CopyRow row, Fact fact) {
            return row.add(fact == null ? null : fact.eventId()).add(fact == null ? null : fact.occurredAt());
        }

        private static Object with(Fact fact, Object detail) {
            return fact == null ? null : detail;
        }

        /** Each time limit whose starting fact is on the ledger, stopped by the earliest fact that fulfils it. */
        private void clockRows(Clue clue, StringBuilder out) {
            for (SlaClock clock : SlaClock.values()) {
                Fact start = clue.facts().get(clock.startedBy());
                if (start == null) {
                    continue;
                }
                Instant due = LIMITS.dueAt(clock, start.occurredAt(), clue.receiver().jurisdiction());
                Fact stop = clock.stoppedBy().stream().map(clue.facts()::get).filter(Objects::nonNull)
                        .min(Comparator.comparing(Fact::occurredAt)).orElse(null);
                TimeLimit limit = new TimeLimit(due, stop == null ? null : stop.occurredAt(), due.isBefore(now));
                new CopyRow(out).add(clue.id()).add(clock).add(start.eventId()).add(due).add(limit.status())
                        .add(stop == null ? null : stop.eventId()).add(limit.fulfilledAt()).end();
            }
        }

        private static void subjectRows(Clue clue, StringBuilder out) {
            for (int position = 0; position < clue.subjects().size(); position++) {
                Subject subject = clue.subjects().get(position);
                new CopyRow(out).add(clue.id()).add(position).add(subject.name()).add(subject.unit())
                        .add(subject.rank()).add(subject.role()).end();
            }
        }

        /** The persons per outcome that the conclusion, and the feedback repeating it, report. */
        private static void outcomeRows(Clue clue, StringBuilder out) {
            for (FactKind fact : List.of(CONCLUDED, FEEDBACK_SENT)) {
                if (clue.facts().containsKey(fact)) {
                    clue.outcomes().forEach((outcome, persons) -> new CopyRow(out).add(clue.id()).add(fact)
                            .add(outcome).add(persons).end());
                }
            }
        }

        /** The anomalies the ledger's rules find between the clue's facts, worded as they word them. */
        private static void anomalyRows(Clue clue, StringBuilder out) {
            Map<FactKind, Fact> facts = clue.facts();
            Fact transfer = facts.get(TRANSFERRED);
            Fact receipt = facts.get(RECEIVED);
            if (transfer != null && receipt != null && receipt.occurredAt().isBefore(transfer.occurredAt())) {
                new CopyRow(out).add(clue.id()).add(receipt.eventId()).add(transfer.eventId())
                        .add("OUT_OF_SEQUENCE")
                        .add(RECEIVED.verb() + " at " + receipt.occurredAt() + ", before " + TRANSFERRED.verb()
                                + " at " + transfer.occurredAt()).end();
            }
            Fact acceptance = facts.get(ACCEPTED);
            Fact returned = facts.get(RETURNED);
            if (acceptance != null && returned != null) {
                new CopyRow(out).add(clue.id()).add(returned.eventId()).add(acceptance.eventId())
                        .add("ACCEPTED_AND_RETURNED").add(RETURNED.verb() + " at " + returned.occurredAt()
                                + ", though " + ACCEPTED.verb() + " at " + acceptance.occurredAt()).end();
            }
        }
    }

    /** One table's rows, generated clue by clue as COPY reads them, so that no table is ever held in memory. */
    private static final class RowReader extends Reader {

        private static final int CHUNK = 1 << 16;

        private final SyntheticLedger ledger;
        private final BiConsumer<SyntheticLedger.Clue, StringBuilder> rows;
        private final int end;
        private final StringBuilder chunk = new StringBuilder(2 * CHUNK);
        private int read;
        private int nextClue;

        /** The rows of clues {@code from} (inclusive) to {@code to} (exclusive). */
        RowReader(SyntheticLedger ledger, BiConsumer<SyntheticLedger.Clue, StringBuilder> rows, int from, int to) {
            this.ledger = ledger;
            this.rows = rows;
            this.nextClue = from;
            this.end = to;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            while (read == chunk.length()) {
                if (nextClue == end) {
                    return -1;
                }
                chunk.setLength(0);
                read = 0;
                while (chunk.length() < CHUNK && nextClue < end) {
                    rows.accept(ledger.clue(nextClue++), chunk);
                }
            }
            int count = Math.min(length, chunk.length() - read);
            chunk.getChars(read, read + count, buffer, offset);
            read += count;
            return count;
        }

        @Override
        public void close() {
            // Nothing is held open: the rows are generated.
        }
    }
}
