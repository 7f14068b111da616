package org.clueexchange.core.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clueexchange.core.reconciliation.Cadence;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.StatementStatus;
import org.clueexchange.core.reconciliation.query.StatementDocuments;
import org.clueexchange.core.reconciliation.query.StatementFormat;
import org.clueexchange.core.reconciliation.query.StatementView;
import org.clueexchange.core.reconciliation.query.Statements;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code reconcile monthly} and {@code reconcile quarterly}: what an officer runs at the start of a month or a
 * quarter. It issues the statement (or finds the confirmed one) and writes it out, by default as the workbook and the
 * page to print. An officer asks a running core's API with the officer's own token; an operator may instead issue it
 * on the core's database ({@code --direct}), unscoped and outside the access log. Standard output carries the
 * result alone, so that it can be kept or piped.
 */
@Command(footer = {"", "The token comes from the environment variable " + ReconcileStatement.TOKEN_VARIABLE
        + ", from --token-file, or is asked for; never from the command line, where ps would show it.",
        "With --direct, Spring settings go after the options, e.g. --spring.datasource.url=jdbc:postgresql://db/x"})
abstract class ReconcileStatement extends OneOffCommand {

    static final String TOKEN_VARIABLE = "CLUE_EXCHANGE_TOKEN";

    /** Where the statement is issued: a running core's API, or the core's database. */
    static final class Core {
        @Option(names = "--core-url", required = true, paramLabel = "URL",
                description = "The running core to ask, as the officer, e.g. https://core.example:8080")
        URI url;

        @Option(names = "--direct", required = true,
                description = "Operators: issue on the core's database, with its Spring settings, unscoped and "
                        + "outside the access log")
        boolean direct;
    }

    @ArgGroup(multiplicity = "1")
    Core core;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "A file holding the officer's bearer token (instead of " + TOKEN_VARIABLE + ")")
    Path tokenFile;

    @Option(names = "--jurisdiction", required = true, paramLabel = "CODE",
            description = "GB/T 2260 code: a county, a prefecture (with its counties) or a province, e.g. 530600")
    String jurisdiction;

    @Option(names = "--format", split = ",", defaultValue = "xlsx,html", paramLabel = "FORMAT",
            description = "Any of ${COMPLETION-CANDIDATES}, comma-separated (default: ${DEFAULT-VALUE})")
    List<StatementFormat> formats;

    @Option(names = "--out", defaultValue = ".", paramLabel = "DIR", description = "Where to write the files")
    Path out;

    @Option(names = "--officer", defaultValue = "${sys:user.name}", paramLabel = "ID",
            description = "With --direct, who issues the statement (default: the login name); through the API, the "
                    + "officer the token is")
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
    public Integer call() throws IOException, InterruptedException {
        StatementPeriod statementPeriod;
        try {
            statementPeriod = StatementPeriod.of(jurisdiction, cadence(), period());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Files.createDirectories(out);
        if (core.direct) {
            issueOnTheDatabase(statementPeriod);
            return 0;
        }
        if (!StatementsOverApi.reachable(core.url)) {
            throw new ParameterException(spec.commandLine(), "--core-url must be an http or https URL with a host, "
                    + "e.g. https://core.example:8080");
        }
        if (!springArguments.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "through the API the command takes no settings, "
                    + "only --direct does: " + String.join(" ", springArguments));
        }
        try {
            issueThroughTheApi(new StatementsOverApi(core.url, token()));
        } catch (StatementsOverApi.Refused e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        return 0;
    }

    private void issueThroughTheApi(StatementsOverApi api) throws StatementsOverApi.Refused, InterruptedException,
            IOException {
        JsonNode statement = api.issue(cadence(), jurisdiction, period());
        String statementId = statement.path("statementId").asText();
        heading(statementId, statement.path("revision").asInt(),
                StatementStatus.valueOf(statement.path("status").asText()), statement.path("digest").asText(),
                statement.path("ledgerPosition").asLong());
        for (StatementFormat format : formats) {
            write(statementId, format, api.document(cadence(), statementId, format));
        }
        spec.commandLine().getOut().flush();
    }

    private void issueOnTheDatabase(StatementPeriod statementPeriod) throws IOException {
        PrintWriter progress = spec.commandLine().getErr();
        try (ConfigurableApplicationContext context = startCore()) {
            Statements statements = context.getBean(Statements.class);
            if (!statements.draws(cadence())) {
                throw new ParameterException(spec.commandLine(), "this core draws up no " + cadence().pathName()
                        + " statements");
            }
            StatementView statement = statements.issue(statementPeriod, officer, (step, done, total) -> {
                progress.printf("%s: %d/%d%n", step, done, total);
                progress.flush();
            });
            StatementDocuments documents = context.getBean(StatementDocuments.class);
            heading(statement.statementId(), statement.revision(), statement.status(), statement.digest(),
                    statement.ledgerPosition());
            spec.commandLine().getOut().println(statement.content().overview());
            for (StatementFormat format : formats) {
                write(statement.statementId(), format, documents.write(statement, format));
            }
            spec.commandLine().getOut().flush();
        }
    }

    private void heading(String statementId, int revision, StatementStatus status, String digest,
                         long ledgerPosition) {
        PrintWriter console = spec.commandLine().getOut();
        console.printf("%s 第%d版 revision %d · %s%n", statementId, revision, revision, status.label());
        console.printf("摘要 digest %s · 台账位置 ledger position %d%n", digest, ledgerPosition);
    }

    private void write(String statementId, StatementFormat format, byte[] document) throws IOException {
        Path file = out.resolve(format.fileName(statementId));
        Files.write(file, document);
        spec.commandLine().getOut().printf("已写出 wrote %s%n", file.toAbsolutePath());
    }

    /** The officer's token: from the environment, a file, or asked for without echo. */
    private String token() throws IOException {
        String token = System.getenv(TOKEN_VARIABLE);
        if (tokenFile != null) {
            token = Files.readString(tokenFile, StandardCharsets.UTF_8);
        } else if (token == null || token.isBlank()) {
            Console console = System.console();
            if (console == null) {
                throw new ParameterException(spec.commandLine(), "no token: set " + TOKEN_VARIABLE
                        + " or give --token-file");
            }
            char[] typed = console.readPassword("令牌 token: ");
            token = typed == null ? "" : new String(typed);
        }
        token = token.strip();
        if (token.isEmpty() || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ParameterException(spec.commandLine(), "the token must be one word of printable ASCII");
        }
        return token;
    }
}
