package org.clueexchange.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreCommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream systemOut;
    private PrintStream systemErr;

    @BeforeEach
    void capture() {
        systemOut = System.out;
        systemErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void release() {
        System.setOut(systemOut);
        System.setErr(systemErr);
    }

    @Test
    void helpListsTheOperatorsCommands() {
        assertThat(CoreCommandLine.run("--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Usage: clue-exchange-core")
                .contains("线索双向移送")
                .contains("serve", "rebuild", "audit");
    }

    @Test
    void anUnknownCommandIsRefusedWithTheCommandMeant() {
        assertThat(CoreCommandLine.run("reconcilee")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unmatched argument")
                .contains("Did you mean: clue-exchange-core reconcile");
    }

    /** Refused before the core starts, naming the option. */
    @Test
    void aReplayNeedsACodeAndDaysOrInstants() {
        assertThat(CoreCommandLine.run("replay", "--jurisdiction", "5306\u0000")).isEqualTo(2);
        assertThat(CoreCommandLine.run("replay", "--from", "2020-13-01")).isEqualTo(2);
        assertThat(CoreCommandLine.run("replay", "--to", "+1000000000-01-01T00:00:00Z")).isEqualTo(2);
        assertThat(CoreCommandLine.run("replay", "--from", "2020-07-01", "--to", "2020-06-01")).isEqualTo(2);
        assertThat(CoreCommandLine.run("replay", "--writers", "1000")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--jurisdiction must be a six-digit GB/T 2260 code")
                .contains("--from must be a day (2020-06-01) or an instant")
                .contains("--to must lie between 2000-01-01T00:00:00Z and 9999-12-31T23:59:59Z")
                .contains("--from must lie before --to")
                .contains("--writers must lie between 1 and 64");
    }

    @Test
    void aMonthlyStatementNeedsItsJurisdictionAndPeriod() {
        assertThat(CoreCommandLine.run("reconcile", "monthly", "--period", "2020-06")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required option: '--jurisdiction=CODE'");
    }

    @Test
    void aStatementIsIssuedThroughARunningCoreOrDirectlyNeverBoth() {
        assertThat(CoreCommandLine.run("reconcile", "monthly", "--jurisdiction", "530600", "--period", "2020-06"))
                .isEqualTo(2);
        assertThat(CoreCommandLine.run("reconcile", "monthly", "--jurisdiction", "530600", "--period", "2020-06",
                "--direct", "--core-url", "http://localhost:1")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Missing required argument (specify one of these): (--core-url=URL | --direct)")
                .contains("--core-url=URL, --direct are mutually exclusive");
    }

    /** Database settings on the officer's machine are a mistake to point out, not to pass on. */
    @Test
    void throughTheApiTheCommandTakesNoSpringSettings(@TempDir Path dir) throws IOException {
        Path token = Files.writeString(dir.resolve("token"), "secret-token\n");
        assertThat(CoreCommandLine.run("reconcile", "monthly", "--jurisdiction", "530600", "--period", "2020-06",
                "--core-url", "http://localhost:1", "--token-file", token.toString(), "--out", dir.toString(),
                "--spring.datasource.password=x")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("through the API the command takes no settings");
    }

    @Test
    void theCoreIsAskedOverHttpOnly() {
        assertThat(CoreCommandLine.run("reconcile", "monthly", "--jurisdiction", "530600", "--period", "2020-06",
                "--core-url", "file:///etc/passwd")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--core-url must be an http or https URL");
    }

    @Test
    void aCoreThatDoesNotAnswerIsSaidOnStandardErrorAlone(@TempDir Path dir) throws IOException {
        Path token = Files.writeString(dir.resolve("token"), "secret-token\n");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThat(CoreCommandLine.run("reconcile", "monthly", "--jurisdiction", "530600", "--period", "2020-06",
                "--core-url", "http://localhost:" + closedPort, "--token-file", token.toString(),
                "--out", dir.toString())).isEqualTo(1);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot reach the core at http://localhost:"
                + closedPort + "/api/reconciliation/monthly").doesNotContain("secret-token");
    }

    @Test
    void reconcileOffersBothCadences() {
        assertThat(CoreCommandLine.run("reconcile", "--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("monthly").contains("quarterly");
    }

    @Test
    void helpListsTheTamperEvidenceCommands() {
        assertThat(CoreCommandLine.run("--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("export-archive").contains("verify");
    }

    /** Offline, nothing is started: the keys and the archive are judged by the command itself. */
    @Test
    void verifyRefusesKeysAndArchivesThatAreNone(@TempDir Path dir) throws IOException {
        assertThat(CoreCommandLine.run("verify", "--archive", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required option: '--agency-keys=FILE'");

        Path keys = Files.writeString(dir.resolve("keys.properties"), "police-1.agency=POLICE\n");
        assertThat(CoreCommandLine.run("verify", "--archive", dir.toString(), "--agency-keys", keys.toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--agency-keys: police-1.jurisdictions is missing");

        Files.writeString(keys, "");
        assertThat(CoreCommandLine.run("verify", "--archive", dir.toString(), "--agency-keys", keys.toString(),
                "--spring.datasource.url=jdbc:postgresql://db/x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("an archive is verified offline, without settings");

        assertThat(CoreCommandLine.run("verify", "--archive", dir.toString(), "--agency-keys", keys.toString()))
                .as("no archive in the directory").isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read the archive: "
                + "java.nio.file.NoSuchFileException");
        Files.writeString(dir.resolve("clue-exchange-archive.jsonl"), "{\"format\":\"clue-exchange-archive\","
                + "\"version\":1}\n{\"topic\":\"clue.police.events\u0000\",\"partition\":[1]}\n");
        assertThat(CoreCommandLine.run("verify", "--archive", dir.toString(), "--agency-keys", keys.toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("不是存档 not an archive: line 2 is not JSON");
    }

    /** Refused before the core starts: a month is no quarter. */
    @Test
    void aQuarterlyStatementNeedsAQuarter() {
        assertThat(CoreCommandLine.run("reconcile", "quarterly", "--direct", "--jurisdiction", "530000",
                "--period", "2020-07")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("must be a quarter like 2020-Q3");
    }
}
