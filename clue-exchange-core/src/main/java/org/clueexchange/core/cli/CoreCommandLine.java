package org.clueexchange.core.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.clueexchange.core.ClueExchangeCore;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * The core's executable is also the operators' tool: {@code serve} runs the core, further subcommands run
 * one-off operations against the same database and topics.
 */
@Command(name = "clue-exchange-core", mixinStandardHelpOptions = true, versionProvider = CoreCommandLine.Version.class,
        description = "线索双向移送 clue exchange core: consumes both agencies' topics into the transfer ledger.",
        subcommands = {CoreCommandLine.Serve.class, CoreCommandLine.Reconcile.class, ReplayLedger.class,
                RebuildProjections.class, AuditClue.class, ExportArchive.class, Verify.class},
        footer = {"", "Without a command, serve runs. Spring settings go after the command, e.g.",
                "  clue-exchange-core serve --spring.datasource.url=jdbc:postgresql://db/clue_exchange",
                "or alone: clue-exchange-core --server.port=8080"})
public final class CoreCommandLine implements Callable<Integer> {

    /**
     * Runs the command line; the returned exit code is 0 once a server has stopped normally. Without a command,
     * or with only Spring settings ({@code --server.port=8080}), it serves: what a container or service manager
     * starts.
     */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new CoreCommandLine()).setCaseInsensitiveEnumValuesAllowed(true);
        boolean serve = args.length == 0 || (args[0].startsWith("--") && args[0].contains("="));
        return commandLine.execute(serve ? prepend("serve", args) : args);
    }

    private static String[] prepend(String command, String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    @Override
    public Integer call() throws InterruptedException {
        return new Serve().call();
    }

    @Command(name = "serve", description = "Run the core: consume both topics, keep the ledger, serve its HTTP API.")
    static final class Serve implements Callable<Integer> {

        @Unmatched
        List<String> springArguments = new ArrayList<>();

        @Override
        public Integer call() throws InterruptedException {
            CountDownLatch closed = new CountDownLatch(1);
            SpringApplication core = new SpringApplication(ClueExchangeCore.class);
            core.addListeners((ApplicationListener<ContextClosedEvent>) event -> closed.countDown());
            core.run(springArguments.toArray(String[]::new));
            closed.await();
            return 0;
        }
    }

    @Command(name = "reconcile", description = "对账 reconciliation: draw up, issue and write out statements.",
            subcommands = {ReconcileStatement.Monthly.class, ReconcileStatement.Quarterly.class}, mixinStandardHelpOptions = true)
    static final class Reconcile {
    }

    /**
     * The core without its HTTP server, without consuming, without publishing and without firing deadlines: the
     * serving core keeps the ledger, tells the agencies and keeps the time limits. Without a banner and logging to
     * standard error, so that standard output holds the command's result alone. Public for what drives the
     * operators' services as their commands do, e.g. a benchmark.
     */
    public static ConfigurableApplicationContext oneOff(List<String> springArguments) {
        SpringApplication application = new SpringApplication(ClueExchangeCore.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setDefaultProperties(Map.of("clue-exchange.intake.enabled", "false",
                "clue-exchange.outcomes.enabled", "false",
                "clue-exchange.deadlines.enabled", "false",
                "logging.config", "classpath:org/clueexchange/core/cli/one-off-logback.xml"));
        return application.run(springArguments.toArray(String[]::new));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CoreCommandLine.class.getPackage().getImplementationVersion();
            return new String[] {"clue-exchange-core " + (version == null ? "(development build)" : version)};
        }
    }
}
