package org.clueexchange.core.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.clueexchange.core.rebuild.ProjectionRebuild;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rebuild}: what an operator runs to rebuild the transfer ledger, the gang case files and the statements'
 * tables from the event store, with every core instance stopped.
 */
@Command(name = "rebuild",
        description = "重建 rebuild the ledger, the gang case files and the statements' tables from the event store. "
                + "Stop every core instance first: a processor another instance runs is refused.")
final class RebuildProjections extends OneOffCommand {

    @Option(names = "--patience", defaultValue = "PT1H", paramLabel = "DURATION",
            description = "How long the replay may take before it is given up, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration patience;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter console = spec.commandLine().getOut();
        try (ConfigurableApplicationContext core = startCore(ProjectionRebuild.TRACKED_STATEMENTS)) {
            core.getBean(ProjectionRebuild.class).rebuild(patience, step -> {
                console.println(step);
                console.flush();
            });
        } catch (ProjectionRebuild.RebuildRefusedException e) {
            spec.commandLine().getErr().println("未重建 not rebuilt: " + e.getMessage());
            return 1;
        }
        console.println("已重建 rebuilt " + String.join(", ", ProjectionRebuild.PROJECTIONS));
        console.flush();
        return 0;
    }
}
