package org.clueexchange.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.core.audit.ClueAudit;
import org.clueexchange.core.audit.ClueAuditDocuments;
import org.clueexchange.core.audit.ClueAudits;
import org.clueexchange.core.reconciliation.query.StatementFormat;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/**
 * {@code audit <clueId>}: what an auditor runs to trace one clue, from the topics, the event store and the
 * statements, as JSON or as a page to print.
 */
@Command(name = "audit",
        description = "线索审计 audit one clue: every record of it on both agencies' topics (offsets, schema "
                + "fingerprints, signing keys and whether they verified, refusals), what the core derived from each "
                + "fact, and the statements' breaks on it.",
        footer = {"", "Spring settings go after the options, e.g. --spring.datasource.url=jdbc:postgresql://db/x "
                + "--clue-exchange.kafka.bootstrap-servers=kafka:9092"})
final class AuditClue extends OneOffCommand {

    @Parameters(index = "0", paramLabel = "CLUE_ID", description = "The clue, e.g. POLICE-530600-0001")
    String clueId;

    @Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT",
            description = "json or html (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write it (default: the console)")
    Path out;

    @Override
    public Integer call() throws IOException {
        StatementFormat chosen;
        try {
            chosen = ClueAuditDocuments.format(format);
        } catch (RequestRefusedException e) {
            throw new ParameterException(spec.commandLine(), "--format: '" + format + "' is not one of json, html");
        }
        try (ConfigurableApplicationContext core = startCore()) {
            ClueAudit audit = core.getBean(ClueAudits.class).audit(clueId, jurisdiction -> true).orElseThrow();
            byte[] document = core.getBean(ClueAuditDocuments.class).write(audit, chosen);
            if (out == null) {
                PrintWriter console = spec.commandLine().getOut();
                console.println(new String(document, StandardCharsets.UTF_8));
                console.flush();
            } else {
                Files.write(out, document);
                spec.commandLine().getOut().printf("已写出 wrote %s%n", out.toAbsolutePath());
                spec.commandLine().getOut().flush();
            }
        }
        return 0;
    }
}
