package org.clueexchange.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clueexchange.core.RunningCore;
import org.clueexchange.infrastructure.AgencyKeyring;
import org.clueexchange.infrastructure.CoreCredentials;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line as an officer runs it beside a serving core, in a process of its own from the core's jar: through
 * the API with the officer's token and no database settings, its standard output holding the result alone; and as
 * an operator runs it on the database, firing none of the serving core's deadlines.
 */
class OfficersCommandLineIT {

    private static final String PREFECTURE = CoreCredentials.officer("530000");
    private static final String STATEMENT = "STATEMENT-530600-2020-06";
    private static final Path CORE_JAR = Path.of("target", "clue-exchange-core.jar");

    static Database database;
    static String bootstrap;
    static RunningCore core;

    @BeforeAll
    static void start() {
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        bootstrap = infrastructure.kafka().bootstrapServers();
        database = infrastructure.postgres().createDatabase("officers_command_line");
        core = RunningCore.start(database, bootstrap, "officers-command-line");
    }

    @AfterAll
    static void stop() {
        core.close();
    }

    @Test
    void anOfficerIssuesAMonthThroughTheApiAndReadsOnlyTheResult(@TempDir Path out) throws Exception {
        Run run = run(out, Map.of(ReconcileStatement.TOKEN_VARIABLE, core.token(PREFECTURE)), "reconcile", "monthly",
                "--core-url", core.uri().toString(), "--jurisdiction", "530600", "--period", "2020-06",
                "--format", "xlsx,html,json", "--out", out.resolve("statements").toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout().lines()).as("the statement and the files, no log line, no banner").hasSize(5)
                .allSatisfy(line -> assertThat(line).matches(STATEMENT + " 第1版 revision 1 · .+"
                        + "|摘要 digest [0-9a-f]{64} · 台账位置 ledger position \\d+"
                        + "|已写出 wrote .+/" + STATEMENT + "\\.(xlsx|html|json)"));
        assertThat(out.resolve("statements").resolve(STATEMENT + ".xlsx")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("statements").resolve(STATEMENT + ".html"))).contains(STATEMENT);
        assertThat(core.get("/api/audit/personal-data-access?limit=1000").successfully())
                .extracting(read -> read.path("userId").asText() + " " + read.path("resource").asText())
                .contains(PREFECTURE + " reconciliation/monthly/" + STATEMENT + "?format=XLSX");
    }

    @Test
    void aWrongTokenIsRefusedOnStandardErrorWithANonZeroExit(@TempDir Path out) throws Exception {
        Path tokenFile = Files.writeString(out.resolve("token"), "not-the-officers-token\n");

        Run run = run(out, Map.of(), "reconcile", "monthly", "--core-url", core.uri().toString(),
                "--token-file", tokenFile.toString(), "--jurisdiction", "530600", "--period", "2020-06",
                "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("the core did not accept the token (401)").contains("Authorization")
                .doesNotContain("not-the-officers-token");
    }

    @Test
    void anOfficerOutsideTheJurisdictionIsToldWhichField(@TempDir Path out) throws Exception {
        Run run = run(out, Map.of(ReconcileStatement.TOKEN_VARIABLE, core.token(CoreCredentials.officer("620000"))),
                "reconcile", "monthly", "--core-url", core.uri().toString(), "--jurisdiction", "530600",
                "--period", "2020-06", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("the core refused (403)").contains("jurisdiction");
    }

    @Test
    void anOperatorIssuesOnTheDatabaseWithOnlyTheResultOnStandardOutput(@TempDir Path out) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("reconcile", "monthly", "--direct", "--jurisdiction",
                "530602", "--period", "2020-06", "--officer", "operator-1", "--format", "csv",
                "--out", out.toString()));
        arguments.addAll(coreSettings());

        Run run = run(out, Map.of(), arguments.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout().lines()).as("the statement, its overview and the file: no log line, no banner")
                .hasSize(4).first().asString().startsWith("STATEMENT-530602-2020-06 第1版");
        assertThat(run.stderr()).as("the logs").contains("Started ClueExchangeCore");
    }

    /** The serving core fires the deadlines; a one-off command beside it must not take them. */
    @Test
    void aOneOffCommandStartsNoDeadlineScheduler() {
        OneOffCommand command = new OneOffCommand() {
            @Override
            public Integer call() {
                return 0;
            }
        };
        command.springArguments = coreSettings();

        try (ConfigurableApplicationContext oneOff = command.startCore()) {
            assertThat(oneOff.getBean(Scheduler.class).getSchedulerState().isStarted()).isFalse();
        }
    }

    private static List<String> coreSettings() {
        return List.of("--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--clue-exchange.kafka.bootstrap-servers=" + bootstrap,
                "--" + AgencyKeyring.CORE_AGENCY_KEYS + "=" + AgencyKeyring.forTests().file());
    }

    record Run(int exitCode, String stdout, String stderr) {
    }

    /** The core's jar in a process of its own, with none of this machine's Spring settings in its environment. */
    private static Run run(Path dir, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", CORE_JAR.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        Path stdout = Files.createTempFile(dir, "stdout", ".txt");
        Path stderr = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_")
                || name.equals(ReconcileStatement.TOKEN_VARIABLE));
        builder.environment().putAll(environment);
        int exitCode = builder.start().waitFor();
        return new Run(exitCode, Files.readString(stdout), Files.readString(stderr));
    }
}
