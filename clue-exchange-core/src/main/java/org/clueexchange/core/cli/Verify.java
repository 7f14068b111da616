package org.clueexchange.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.clueexchange.core.CoreProperties;
import org.clueexchange.core.origin.OriginConfiguration;
import org.clueexchange.core.reconciliation.query.StatementProjection;
import org.clueexchange.core.reconciliation.roots.Archive;
import org.clueexchange.core.reconciliation.roots.Cut;
import org.clueexchange.core.reconciliation.roots.RootVerification;
import org.clueexchange.core.reconciliation.roots.TopicRecords;
import org.clueexchange.wire.TimeBounds;
import org.clueexchange.wire.origin.AgencyKeys;
import org.clueexchange.wire.origin.OriginVerifier;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code verify}: recomputes every statement's period root from the topics, or from an archive with no database, no
 * broker and no Spring context, and checks the chain and both agencies' signed confirmations. Exit code 0 when
 * everything verifies, 1 when something does not, 2 when the archive cannot be read as one.
 */
@Command(name = "verify",
        description = "核验 Recompute every statement's period root from the topics (or offline from an archive), "
                + "check the chain of roots and both agencies' signed confirmations, and prove a clue's facts.",
        footer = {"", "Without --archive, Spring settings go after the options, e.g. "
                + "--spring.datasource.url=jdbc:postgresql://db/x"})
final class Verify extends OneOffCommand {

    @Option(names = "--archive", paramLabel = "DIR|FILE",
            description = "Verify this archive (export-archive's) offline instead of the topics")
    Path archive;

    @Option(names = "--agency-keys", required = true, paramLabel = "FILE",
            description = "The agencies' trusted public keys (a properties file, as every reader of the exchange "
                    + "is given), never taken from the archive")
    Path agencyKeys;

    @Option(names = "--clue", paramLabel = "ID", description = "Give an inclusion proof for each fact of this clue")
    String clueId;

    @Override
    public Integer call() {
        AgencyKeys keys;
        try {
            keys = AgencyKeys.load(agencyKeys);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--agency-keys: " + e.getMessage(), e);
        }
        PrintWriter console = spec.commandLine().getOut();
        RootVerification.Report report;
        if (archive != null) {
            if (!springArguments.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "an archive is verified offline, without settings: "
                        + String.join(" ", springArguments));
            }
            RootVerification verification = new RootVerification(keys,
                    OriginConfiguration.admission(Clock.systemUTC(), TimeBounds.DEFAULT_CLOCK_SKEW,
                            new OriginVerifier(keys)), clueId);
            try {
                Archive.read(Archive.file(archive), verification);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("不是存档 not an archive: " + e.getMessage());
                return 2;
            } catch (IOException e) {
                spec.commandLine().getErr().println("读不出存档 cannot read the archive: " + e);
                return 2;
            }
            report = verification.finish();
        } else {
            report = fromTopics(keys);
        }
        report.lines().forEach(console::println);
        console.flush();
        return report.verified() ? 0 : 1;
    }

    private RootVerification.Report fromTopics(AgencyKeys keys) {
        try (ConfigurableApplicationContext core = startCore()) {
            CoreProperties properties = core.getBean(CoreProperties.class);
            RootVerification verification = new RootVerification(keys, OriginConfiguration.admission(
                    Clock.systemUTC(), properties.intake().clockSkew(), new OriginVerifier(keys)), clueId);
            verification.links(core.getBean(StatementProjection.class).chainLinks());
            try (TopicRecords topics = new TopicRecords(properties.kafka().bootstrapServers(),
                    "clue-exchange-core-verify")) {
                topics.read(Cut.START, topics.cut(), verification::record);
            }
            return verification.finish();
        }
    }
}
