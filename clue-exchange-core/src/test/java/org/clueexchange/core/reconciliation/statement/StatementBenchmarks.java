package org.clueexchange.core.reconciliation.statement;

import ch.qos.logback.classic.Level;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.events.AgencyType;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.EmbeddedPostgresServer;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.PostgresContainerServer;
import org.clueexchange.infrastructure.PostgresServer;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the statement benchmarks share: a real PostgreSQL migrated as the core migrates it, seeded by COPY and settled
 * as a ledger in use is, the machine the figures belong to, runs after a warm-up, their spread, the peak heap and the
 * verdict against the target a statement is held to.
 */
public final class StatementBenchmarks {

    /** How long issuing a statement may take (p95). */
    public static final Duration TARGET = Duration.ofSeconds(1);
    public static final int WARM_UP = 3;

    private StatementBenchmarks() {
    }

    /**
     * With no logback file on the test classpath logback logs DEBUG, and Spring's JDBC would log every query inside
     * the timings.
     */
    public static void quietLogging() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
    }

    /**
     * Embedded unless {@code CLUE_EXCHANGE_INFRA} asks otherwise: unlike the tests' {@code auto}, a Docker engine
     * that merely answers must not change what the figures are measured on.
     */
    public static PostgresServer startPostgres(Path workDir) {
        String asked = System.getenv("CLUE_EXCHANGE_INFRA");
        if (asked != null && !asked.isBlank()
                && ExchangeInfrastructure.modeFromEnvironment() == ExchangeInfrastructure.Mode.CONTAINERS) {
            String image = System.getenv("PG_IMAGE");
            return PostgresContainerServer.start(image == null || image.isBlank()
                    ? ExchangeInfrastructure.DEFAULT_PG_IMAGE : image);
        }
        return EmbeddedPostgresServer.start(workDir.resolve("postgres"), 0);
    }

    /** The machine the figures belong to: the database, the JVM, its heap and cores, and how busy the machine is. */
    public static String machine(PostgresServer postgres, Database database) throws SQLException {
        return String.format("%s, %s; JVM %s, max heap %,d MiB, %d cores; load average %s", postgres.description(),
                serverVersion(database), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), loadAverage());
    }

    /** The load average over 1, 5 and 15 minutes: on a shared machine, what else ran beside the figures. */
    public static String loadAverage() {
        try {
            String[] averages = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return String.join(" ", averages[0], averages[1], averages[2]);
        } catch (IOException | RuntimeException unreadable) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String serverVersion(Database database) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("SHOW server_version")) {
            version.next();
            return "PostgreSQL " + version.getString(1);
        }
    }

    public static void migrate(Database database) {
        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/migration").load().migrate();
    }

    public static HikariDataSource pool(Database database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    public static Connection connect(Database database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    /** pgjdbc is a runtime dependency of the core, so its CopyManager is reached by name, not imported. */
    public static long copyIn(Connection connection, String sql, Reader rows) throws Exception {
        Class<?> pgConnection = Class.forName("org.postgresql.PGConnection");
        Object copyApi = pgConnection.getMethod("getCopyAPI").invoke(connection.unwrap(pgConnection));
        return (Long) copyApi.getClass().getMethod("copyIn", String.class, Reader.class)
                .invoke(copyApi, sql, rows);
    }

    /** The rows copied per table, and how long the copy and the keys and indexes after it took. */
    public record Seeding(Map<String, Long> rows, double copySeconds, double indexSeconds) {

        public String describe() {
            List<String> counts = new ArrayList<>();
            rows.forEach((table, count) -> counts.add(String.format("%,d %s", count, table)));
            return String.join(", ", counts);
        }
    }

    /**
     * Copies rows into {@code tables} by {@code copy}, which answers the rows it copied per table. Constraints and
     * indexes are dropped for the copy and made again afterwards from the definitions the migrations gave them, as
     * pg_restore does: built from the loaded rows, and each foreign key checked in one join, they take a fraction of
     * the time that keeping them row by row would.
     */
    public static Seeding copyUnkeyed(Database database, Collection<String> tables,
                                      Callable<Map<String, Long>> copy) throws Exception {
        String names = "('" + String.join("', '", tables) + "')";
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            // Foreign keys, those of other tables referencing these too, are dropped before the keys they reference
            // and made again after them.
            List<String> drops = new ArrayList<>();
            List<String> remakes = new ArrayList<>();
            try (ResultSet constraints = statement.executeQuery("SELECT conrelid::regclass::text, "
                    + "quote_ident(conname), pg_get_constraintdef(oid) FROM pg_constraint WHERE "
                    + "conrelid::regclass::text IN " + names + " OR confrelid::regclass::text IN " + names
                    + " ORDER BY contype <> 'f'")) {
                while (constraints.next()) {
                    String table = constraints.getString(1);
                    String constraint = constraints.getString(2);
                    drops.add("ALTER TABLE " + table + " DROP CONSTRAINT " + constraint);
                    remakes.add(0, "ALTER TABLE " + table + " ADD CONSTRAINT " + constraint + " "
                            + constraints.getString(3));
                }
            }
            try (ResultSet indexes = statement.executeQuery("SELECT indexrelid::regclass::text, "
                    + "pg_get_indexdef(indexrelid) FROM pg_index i WHERE indrelid::regclass::text IN " + names
                    + " AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid)")) {
                while (indexes.next()) {
                    drops.add("DROP INDEX " + indexes.getString(1));
                    remakes.add(0, indexes.getString(2));
                }
            }
            for (String drop : drops) {
                statement.execute(drop);
            }
            long copying = System.nanoTime();
            Map<String, Long> rows = copy.call();
            long indexing = System.nanoTime();
            statement.execute("SET maintenance_work_mem = '512MB'");
            for (String remake : remakes) {
                statement.execute(remake);
            }
            return new Seeding(rows, (indexing - copying) / 1e9, (System.nanoTime() - indexing) / 1e9);
        }
    }

    /**
     * A settled ledger has been vacuumed and analysed by autovacuum, and its pages written out by a checkpoint; doing
     * both now keeps autovacuum and the checkpointer off the timings. Answers the seconds it took.
     */
    public static double settle(JdbcTemplate sql) {
        long started = System.nanoTime();
        sql.execute("VACUUM ANALYZE");
        sql.execute("CHECKPOINT");
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * A statement of {@code period} issued at {@code issuedAt} on the ledger's {@code position}, confirmed by the
     * police two days later and by discipline five: all a later statement's history reads of it.
     */
    public static void confirmedStatement(JdbcTemplate sql, StatementPeriod period, Instant issuedAt, String content,
                                          long position) {
        sql.update("INSERT INTO reconciliation_statement (statement_id, cadence, jurisdiction, period, revision, "
                        + "digest, issued_at, issued_by, content, ledger_position) "
                        + "VALUES (?, ?, ?, ?, 1, ?, ?, 'officer', ?, ?)", period.id(), period.cadence().name(),
                period.jurisdiction(), period.name(), "0".repeat(64), Timestamp.from(issuedAt), content, position);
        for (AgencyType agency : List.of(AgencyType.POLICE, AgencyType.DISCIPLINE)) {
            Instant at = issuedAt.plus(Duration.ofDays(agency == AgencyType.POLICE ? 2 : 5));
            sql.update("INSERT INTO statement_confirmation (statement_id, agency_type, agency, actor, occurred_at, "
                            + "recorded_at) VALUES (?, ?, ?, 'officer', ?, ?)", period.id(), agency.name(),
                    new AgencyId(agency, period.jurisdiction()).toString(), Timestamp.from(at),
                    Timestamp.from(at.plusSeconds(2)));
        }
    }

    /** {@code runs} results of {@code work}, after {@link #WARM_UP} calls whose results are dropped. */
    public static <T> List<T> repeat(int runs, Callable<T> work) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            work.call();
        }
        List<T> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            results.add(work.call());
        }
        return results;
    }

    public static double[] sorted(DoubleStream millis) {
        return millis.sorted().toArray();
    }

    public static String spread(double[] sorted) {
        return String.format("p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms", percentile(sorted, 50),
                percentile(sorted, 95), sorted[sorted.length - 1]);
    }

    /** Nearest rank: with ten runs, p95 is the slowest. */
    public static double percentile(double[] sorted, int percent) {
        return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    public static String verdict(double p95Millis) {
        return p95Millis < TARGET.toMillis() ? "MET" : "MISSED";
    }

    /** Read {@link #peakHeap()} after what it should cover: the seeding before this is not counted. */
    public static void resetPeakHeap() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    public static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    public static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** One row in COPY's text format. No value written here may hold a tab, a newline or a backslash. */
    public static final class CopyRow {

        private final StringBuilder out;
        private boolean first = true;

        public CopyRow(StringBuilder out) {
            this.out = out;
        }

        public CopyRow add(Object value) {
            if (!first) {
                out.append('\t');
            }
            first = false;
            if (value instanceof Instant at) {
                timestamp(at);
            } else {
                out.append(value == null ? "\\N" : value);
            }
            return this;
        }

        /** {@code 2020-06-03 02:01:00.250+00}, written by hand: Instant.toString took a third of the seeding. */
        private void timestamp(Instant at) {
            LocalDateTime utc = LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), ZoneOffset.UTC);
            out.append(utc.getYear());
            twoDigits('-', utc.getMonthValue());
            twoDigits('-', utc.getDayOfMonth());
            twoDigits(' ', utc.getHour());
            twoDigits(':', utc.getMinute());
            twoDigits(':', utc.getSecond());
            int millis = utc.getNano() / 1_000_000;
            out.append('.').append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                    .append((char) ('0' + millis % 10)).append("+00");
        }

        private void twoDigits(char separator, int value) {
            out.append(separator).append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
        }

        public void end() {
            out.append('\n');
        }
    }
}
