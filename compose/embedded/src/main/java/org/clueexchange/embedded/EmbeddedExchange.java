package org.clueexchange.embedded;

import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole exchange on this machine with one command, no Docker and nothing installed: a Kafka broker in this JVM,
 * a PostgreSQL server under it, the core and both adapters as processes of their own jars, then a sample scenario
 * through the adapters' APIs. It serves until stopped (Ctrl-C).
 */
@Command(name = "clue-exchange-embedded", mixinStandardHelpOptions = true,
        description = "Runs the clue exchange (线索双向移送) on this machine: Kafka, PostgreSQL, the core and both "
                + "adapters, and feeds it a sample scenario.")
public final class EmbeddedExchange implements Callable<Integer> {

    @Option(names = "--work-dir", description = "Where the broker's and database's data and the logs go "
            + "(default: a new temporary directory).")
    Path workDir;

    @Option(names = "--apps", description = "Directory of the applications' jars (default: apps/ beside this jar).")
    Path applications;

    @Option(names = "--jurisdiction", defaultValue = "530600",
            description = "GB/T 2260 code of the sample agencies (default: ${DEFAULT-VALUE}, Zhaotong).")
    String jurisdiction;

    @Option(names = "--core-port", defaultValue = "8080") int corePort;
    @Option(names = "--police-port", defaultValue = "8081") int policePort;
    @Option(names = "--discipline-port", defaultValue = "8082") int disciplinePort;

    @Option(names = "--no-sample", description = "Start everything but do not feed the sample scenario.")
    boolean noSample;

    @Option(names = "--exit", description = "Stop once the sample ledger is printed, instead of serving.")
    boolean exit;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EmbeddedExchange()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path work = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("clue-exchange-");
        Path apps = applications != null ? applications : besideThisJar();
        out.println("线索双向移送 clue exchange, embedded. Data and logs: " + work);
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.start(ExchangeInfrastructure.Mode.EMBEDDED,
                work);
        ExchangeDeployment deployment;
        try {
            out.println("Kafka " + infrastructure.kafka().bootstrapServers() + " and PostgreSQL are up; starting "
                    + "the core and both adapters...");
            deployment = ExchangeDeployment.start(infrastructure, apps,
                    new ExchangeDeployment.Ports(corePort, policePort, disciplinePort), work.resolve("logs"),
                    jurisdiction, "");
        } catch (RuntimeException | InterruptedException e) {
            infrastructure.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            deployment.close();
            infrastructure.close();
            stopped.countDown();
        }, "embedded-shutdown"));
        Path credentials = deployment.credentials().writeTo(work.resolve("credentials.properties"));
        deployment.coreUsers().appendTo(credentials);
        if (!noSample) {
            SampleScenario.Outcome sample = new SampleScenario(deployment).run();
            LedgerReport.print(deployment.coreAsOfficer(), sample.clueIds(), out);
        }
        out.println();
        out.printf("Serving (ready in %d s):%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
        out.println("  core (ledger)       " + deployment.core() + "/api/ledger/clues?jurisdiction=" + jurisdiction);
        out.println("  police adapter      " + deployment.police() + "/api/v1/clue-transfers");
        out.println("  discipline adapter  " + deployment.discipline() + "/api/v1/inbox");
        out.println("  Kafka               " + infrastructure.kafka().bootstrapServers());
        out.println("  bearer tokens       " + credentials);
        out.println("  person keys         both adapters share a secret made for this run, so the keys of the "
                + "officials they name match only within it");
        out.println("  agency keys         " + deployment.agencyKeys() + " (each adapter signs with a key made for "
                + "this run)");
        out.println("  logs                " + work.resolve("logs"));
        if (exit) {
            return 0;
        }
        out.println("Press Ctrl-C to stop.");
        stopped.await();
        return 0;
    }

    /** Run as {@code java -jar .../clue-exchange-embedded.jar}, the applications are in {@code .../apps}. */
    public static Path besideThisJar() {
        String configured = System.getProperty("clue-exchange.apps");
        if (configured != null) {
            return Path.of(configured);
        }
        Path launcher = Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0]);
        return launcher.toAbsolutePath().getParent().resolve("apps");
    }
}
