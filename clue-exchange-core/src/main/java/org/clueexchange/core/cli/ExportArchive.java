package org.clueexchange.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.clueexchange.core.CoreProperties;
import org.clueexchange.core.reconciliation.query.StatementProjection;
import org.clueexchange.core.reconciliation.roots.Archive;
import org.clueexchange.core.reconciliation.roots.ChainLink;
import org.clueexchange.core.reconciliation.roots.Cut;
import org.clueexchange.core.reconciliation.roots.TopicRecords;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code export-archive}: every record of both agency topics, with the statements' chains of roots, into one file
 * that {@code verify --archive} checks on any machine with a JDK.
 */
@Command(name = "export-archive",
        description = "存档 Export both agency topics and the statements' roots to an archive (JSON lines) that "
                + "verify --archive checks offline.",
        footer = {"", "Spring settings go after the target, e.g. --spring.datasource.url=jdbc:postgresql://db/x"})
final class ExportArchive extends OneOffCommand {

    @Parameters(index = "0", paramLabel = "DIR|FILE",
            description = "The archive file, or a directory to write " + Archive.FILE_NAME + " into")
    Path target;

    @Override
    public Integer call() throws IOException {
        Path file = Archive.file(target);
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        PrintWriter console = spec.commandLine().getOut();
        try (ConfigurableApplicationContext core = startCore()) {
            // The links first: each was cut before it was stored, so the topics' end read after them covers them.
            List<ChainLink> links = core.getBean(StatementProjection.class).chainLinks();
            AtomicLong records = new AtomicLong();
            try (TopicRecords topics = new TopicRecords(core.getBean(CoreProperties.class).kafka()
                    .bootstrapServers(), "clue-exchange-core-archive")) {
                Cut cut = topics.cut();
                try (Archive.Writer archive = new Archive.Writer(file, cut, Instant.now())) {
                    for (ChainLink link : links) {
                        archive.link(link);
                    }
                    topics.read(Cut.START, cut, record -> {
                        archive.record(record);
                        records.incrementAndGet();
                    });
                }
                console.printf("已写出 wrote %s: %d records up to %s, %d links%n", file.toAbsolutePath(),
                        records.get(), cut, links.size());
            }
        }
        console.flush();
        return 0;
    }
}
