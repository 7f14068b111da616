package org.clueexchange.core.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.clueexchange.core.rebuild.ProjectionRebuild;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code rebuild}: what an operator runs to rebuild the transfer ledger, the gang case files and the statements'
 * tables from the event store, with every core instance stopped.
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = "重建 rebuild the ledger, the gang case files and the statements' tables from the event store. "
                + "Stop every core instance first: a processor another instance runs is refused.",
        footer = {"", "Spring settings go after the options, e.g. --spring.datasource.url=jdbc:postgresql://db/x"})
final class RebuildProjections implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--patience", defaultValue = "PT1H", paramLabel = "DURATION",
            description = "How long the replay may take before it is given up, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration patience;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter console = spec.commandLine().getOut();
        List<String> settings = new ArrayList<>(springArguments);
        settings.add(ProjectionRebuild.TRACKED_STATEMENTS);
        try (ConfigurableApplicationContext core = CoreCommandLine.oneOff(settings)) {
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
