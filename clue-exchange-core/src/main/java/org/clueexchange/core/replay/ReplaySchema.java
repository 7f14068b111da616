package org.clueexchange.core.replay;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fresh schema of the core's database for a replay's ledger ({@code replay_20260601_083000_123}), made by the live
 * migrations, so that its tables are the live ledger's to the column. It is left in place for the operator to
 * read, and dropped by the operator ({@code DROP SCHEMA replay_… CASCADE}).
 */
public final class ReplaySchema implements AutoCloseable {

    private static final DateTimeFormatter NAMED = DateTimeFormatter.ofPattern("'replay_'yyyyMMdd_HHmmss_SSS")
            .withZone(ZoneOffset.UTC);

    private final String name;
    private final HikariDataSource dataSource;

    private ReplaySchema(String name, HikariDataSource dataSource) {
        this.name = name;
        this.dataSource = dataSource;
    }

    /** Creates the schema named for {@code now} and its tables, with a pool of {@code connections}. */
    public static ReplaySchema create(String jdbcUrl, String username, String password, Instant now,
                                      int connections) {
        String name = NAMED.format(now);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(username);
        config.setPassword(password);
        config.setSchema(name);
        config.setMaximumPoolSize(connections);
        config.setPoolName(name);
        // As the live core's pool: batched inserts as multi-row statements, no row values in PostgreSQL's errors.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("logServerErrorDetail", "false");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            // Flyway would take an existing schema as migrated and the replay would write over another's ledger.
            if (Boolean.TRUE.equals(new JdbcTemplate(dataSource).queryForObject("SELECT EXISTS (SELECT 1 FROM "
                    + "information_schema.schemata WHERE schema_name = ?)", Boolean.class, name))) {
                throw new IllegalStateException("the schema " + name + " exists already");
            }
            Flyway.configure().dataSource(dataSource).schemas(name).createSchemas(true)
                    .locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new ReplaySchema(name, dataSource);
    }

    public String name() {
        return name;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
