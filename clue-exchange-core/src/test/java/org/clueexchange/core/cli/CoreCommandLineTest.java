package org.clueexchange.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

    @Test
    void aMonthlyStatementNeedsItsJurisdictionAndPeriod() {
        assertThat(CoreCommandLine.run("reconcile", "monthly", "--period", "2020-06")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required option: '--jurisdiction=CODE'");
    }

    @Test
    void reconcileOffersBothCadences() {
        assertThat(CoreCommandLine.run("reconcile", "--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("monthly").contains("quarterly");
    }

    /** Refused before the core starts: a month is no quarter. */
    @Test
    void aQuarterlyStatementNeedsAQuarter() {
        assertThat(CoreCommandLine.run("reconcile", "quarterly", "--jurisdiction", "530000", "--period", "2020-07"))
                .isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("must be a quarter like 2020-Q3");
    }
}
