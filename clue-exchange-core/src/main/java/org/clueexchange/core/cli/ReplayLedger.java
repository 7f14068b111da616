package org.clueexchange.core.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import javax.sql.DataSource;
import org.clueexchange.core.CoreProperties;
import org.clueexchange.core.ledger.command.SlaPolicy;
import org.clueexchange.core.replay.LedgerComparison;
import org.clueexchange.core.replay.LedgerReplay;
import org.clueexchange.core.replay.ReplaySchema;
import org.clueexchange.subscription.FactAdmission;
import org.clueexchange.wire.ExchangeTime;
import org.clueexchange.wire.ExchangeTopics;
import org.clueexchange.wire.Jurisdictions;
import org.clueexchange.wire.TimeBounds;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code replay}: what an operator runs to audit the ledger. It re-consumes both agencies' topics from their
 * beginning into a fresh ledger in a schema of its own ({@link LedgerReplay}), never through the live core's
 * consumer group, and compares that ledger with the live one, row by row and period digest by period digest
 * ({@link LedgerComparison}). Exit code 0: identical; 1: the ledgers differ. Records refused are listed: the live core dead-lettered them too.
 */
@Command(name = "replay",
        description = "重放审计 replay: rebuild the ledger from both topics into a fresh schema and compare it with "
                + "the live ledger.")
final class ReplayLedger extends OneOffCommand {

    private static final int MOST_LISTED = 200;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    @Option(names = "--jurisdiction", paramLabel = "CODE",
            description = "Compare only the clues sent or received within this GB/T 2260 code, and its periods")
    String jurisdiction;

    @Option(names = "--from", paramLabel = "WHEN",
            description = "Compare only clues with a fact that occurred at or after this (a day in UTC+8, "
                    + "2020-06-01, or an instant, 2020-06-01T00:00:00Z)")
    String from;

    @Option(names = "--to", paramLabel = "WHEN", description = "… and before this")
    String to;

    @Option(names = "--writers", defaultValue = "4", paramLabel = "N",
            description = "Threads writing the replayed ledger (default: ${DEFAULT-VALUE})")
    int writers;

    @Override
    public Integer call() throws InterruptedException {
        LedgerComparison.Scope scope = new LedgerComparison.Scope(jurisdiction(), instant("--from", from),
                instant("--to", to));
        if (scope.from() != null && scope.to() != null && !scope.from().isBefore(scope.to())) {
            throw new ParameterException(spec.commandLine(), "--from must lie before --to");
        }
        if (writers < 1 || writers > 64) {
            throw new ParameterException(spec.commandLine(), "--writers must lie between 1 and 64");
        }
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter progress = spec.commandLine().getErr();
        try (ConfigurableApplicationContext core = startCore()) {
            Clock clock = core.getBean(Clock.class);
            CoreProperties properties = core.getBean(CoreProperties.class);
            DataSourceProperties database = core.getBean(DataSourceProperties.class);
            String liveSchema = new JdbcTemplate(core.getBean(DataSource.class))
                    .queryForObject("SELECT current_schema()", String.class);
            FactAdmission admission = core.getBean(FactAdmission.class);
            try (ReplaySchema schema = ReplaySchema.create(database.determineUrl(), database.determineUsername(),
                    database.determinePassword(), clock.instant(), writers + 1)) {
                progress.printf("重放台账 replayed ledger: schema %s%n", schema.name());
                LedgerReplay.Outcome outcome = new LedgerReplay(properties.kafka().bootstrapServers(),
                        ExchangeTopics.AGENCY_TOPICS, admission, core.getBean(SlaPolicy.class), clock, writers)
                        .into(schema.dataSource(), progress);
                console.printf("重放 replayed %,d records in %.1f s (%,.0f records/s): %,d ledger facts, %,d events, "
                                + "%,d clues; not replayed: %,d gang case facts, %,d confirmations%n",
                        outcome.records(), outcome.took().toMillis() / 1e3, outcome.recordsPerSecond(),
                        outcome.facts(), outcome.events(), outcome.clues(), outcome.caseFacts(),
                        outcome.confirmations());
                console.printf("拒收 refused: %,d records%n", outcome.refused().size());
                outcome.refused().stream().limit(MOST_LISTED).forEach(refusal -> console.println("  " + refusal));
                LedgerComparison.Result result = new LedgerComparison(schema.dataSource())
                        .compare(liveSchema, schema.name(), scope);
                console.printf("期间摘要 period digests compared: %d%n", result.periodsCompared());
                if (result.identical()) {
                    console.println("identical 一致");
                } else {
                    console.printf("differ 不一致: %d rows, %d periods%n", result.rows().size(),
                            result.periods().size());
                    result.rows().stream().limit(MOST_LISTED).forEach(row -> console.println("  " + row));
                    result.periods().forEach(period -> console.println("  period " + period));
                }
                console.flush();
                return result.identical() ? 0 : 1;
            }
        }
    }

    private String jurisdiction() {
        if (jurisdiction != null && !Jurisdictions.isValid(jurisdiction)) {
            throw new ParameterException(spec.commandLine(), "--jurisdiction " + Jurisdictions.CODE_RULE);
        }
        return jurisdiction;
    }

    private Instant instant(String option, String text) {
        if (text == null) {
            return null;
        }
        Instant instant;
        try {
            instant = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ExchangeTime.CHINA_STANDARD_TIME)
                    .toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option
                    + " must be a day (2020-06-01) or an instant (2020-06-01T00:00:00Z)", e);
        }
        // No fact occurred before the exchange's earliest instant; beyond the year 9999 PostgreSQL's own bounds near.
        if (instant.isBefore(TimeBounds.EARLIEST) || instant.isAfter(LATEST)) {
            throw new ParameterException(spec.commandLine(), option + " must lie between " + TimeBounds.EARLIEST
                    + " and " + LATEST);
        }
        return instant;
    }
}
