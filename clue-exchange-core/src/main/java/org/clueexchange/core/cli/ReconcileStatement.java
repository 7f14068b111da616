package org.clueexchange.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clueexchange.core.reconciliation.Cadence;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.query.StatementDocuments;
import org.clueexchange.core.reconciliation.query.StatementFormat;
import org.clueexchange.core.reconciliation.query.StatementView;
import org.clueexchange.core.reconciliation.query.Statements;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code reconcile monthly} and {@code reconcile quarterly}: what an officer runs at the start of a month or a
 * quarter. It issues the statement against the core's database (or finds the confirmed one) and writes it out, by
 * default as the workbook and the page to print.
 */
abstract class ReconcileStatement extends OneOffCommand {

    @Option(names = "--jurisdiction", required = true, paramLabel = "CODE",
            description = "GB/T 2260 code: a county, a prefecture (with its counties) or a province, e.g. 530600")
    String jurisdiction;

    @Option(names = "--format", split = ",", defaultValue = "xlsx,html", paramLabel = "FORMAT",
            description = "Any of ${COMPLETION-CANDIDATES}, comma-separated (default: ${DEFAULT-VALUE})")
    List<StatementFormat> formats;

    @Option(names = "--out", defaultValue = ".", paramLabel = "DIR", description = "Where to write the files")
    Path out;

    @Option(names = "--officer", defaultValue = "${sys:user.name}", paramLabel = "ID",
            description = "Who issues the statement (default: the login name)")
    String officer;

    abstract Cadence cadence();

    /** The period as given on the command line. */
    abstract String period();

    @Command(name = "monthly",
            description = "问题线索一月一对账: issue a jurisdiction's monthly statement and write it out.")
    static final class Monthly extends ReconcileStatement {

        @Option(names = "--period", required = true, paramLabel = "YYYY-MM",
                description = "The month, cut in China Standard Time (UTC+8), e.g. 2020-06")
        String period;

        @Override
        Cadence cadence() {
            return Cadence.MONTHLY;
        }

        @Override
        String period() {
            return period;
        }
    }

    @Command(name = "quarterly",
            description = "涉黑涉恶案件一季度一对账: issue a jurisdiction's quarterly statement of the officials involved "
                    + "in gang cases and write it out.")
    static final class Quarterly extends ReconcileStatement {

        @Option(names = "--period", required = true, paramLabel = "YYYY-Qn",
                description = "The calendar quarter, cut in China Standard Time (UTC+8), e.g. 2020-Q3")
        String period;

        @Override
        Cadence cadence() {
            return Cadence.QUARTERLY;
        }

        @Override
        String period() {
            return period;
        }
    }

    @Override
    public Integer call() throws IOException {
        StatementPeriod statementPeriod;
        try {
            statementPeriod = StatementPeriod.of(jurisdiction, cadence(), period());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter progress = spec.commandLine().getErr();
        Files.createDirectories(out);
        try (ConfigurableApplicationContext core = startCore()) {
            Statements statements = core.getBean(Statements.class);
            if (!statements.draws(cadence())) {
                throw new ParameterException(spec.commandLine(), "this core draws up no " + cadence().pathName()
                        + " statements");
            }
            StatementView statement = statements.issue(statementPeriod, officer, (step, done, total) -> {
                progress.printf("%s: %d/%d%n", step, done, total);
                progress.flush();
            });
            StatementDocuments documents = core.getBean(StatementDocuments.class);
            console.printf("%s 第%d版 revision %d · %s%n", statement.statementId(), statement.revision(),
                    statement.revision(), statement.status().label());
            console.printf("摘要 digest %s · 台账位置 ledger position %d%n", statement.digest(),
                    statement.ledgerPosition());
            console.println(statement.content().overview());
            for (StatementFormat format : formats) {
                Path file = out.resolve(format.fileName(statement.statementId()));
                Files.write(file, documents.write(statement, format));
                console.printf("已写出 wrote %s%n", file.toAbsolutePath());
            }
            console.flush();
        }
        return 0;
    }
}
