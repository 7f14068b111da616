package org.clueexchange.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The Kafka broker and the PostgreSQL server the exchange runs on: containers of the official images when a Docker
 * engine answers, real ones embedded in and under this JVM otherwise.
 *
 * <p>{@code CLUE_EXCHANGE_INFRA} chooses: {@code containers}, {@code embedded} or {@code auto} (the default).
 * {@code KAFKA_IMAGE} and {@code PG_IMAGE} name the images, for machines that build compatible images locally.
 */
public final class ExchangeInfrastructure implements AutoCloseable {

    public static final String DEFAULT_KAFKA_IMAGE = "apache/kafka:4.3.1";
    public static final String DEFAULT_PG_IMAGE = "postgres:17";

    public enum Mode { CONTAINERS, EMBEDDED }

    private static final Logger log = LoggerFactory.getLogger(ExchangeInfrastructure.class);
    private static ExchangeInfrastructure shared;

    private final Mode mode;
    private final KafkaBroker kafka;
    private final PostgresServer postgres;

    private ExchangeInfrastructure(Mode mode, KafkaBroker kafka, PostgresServer postgres) {
        this.mode = mode;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /** Starts what the environment asks for; embedded data goes under {@code workDir}. */
    public static ExchangeInfrastructure start(Path workDir) {
        return start(modeFromEnvironment(), workDir);
    }

    /**
     * One infrastructure for every test of this JVM, started on first use and stopped when the JVM exits: a broker
     * and a database server take seconds to start, and each test class takes its own databases and clue ids.
     */
    public static synchronized ExchangeInfrastructure shared() {
        if (shared == null) {
            try {
                Path workDir = Files.createTempDirectory("clue-exchange-infrastructure");
                shared = start(workDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Printed, not only logged: the build log must show which infrastructure the tests really ran on.
            System.out.println("Integration infrastructure: " + shared.description());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "infrastructure-shutdown"));
        }
        return shared;
    }

    /** Starts the broker and the database server side by side: each takes seconds, the first time most. */
    public static ExchangeInfrastructure start(Mode mode, Path workDir) {
        CompletableFuture<KafkaBroker> kafka = CompletableFuture.supplyAsync(() -> mode == Mode.CONTAINERS
                ? KafkaContainerBroker.start(env("KAFKA_IMAGE", DEFAULT_KAFKA_IMAGE))
                : EmbeddedKafkaBroker.start(workDir.resolve("kafka"), 0));
        CompletableFuture<PostgresServer> postgres = CompletableFuture.supplyAsync(() -> mode == Mode.CONTAINERS
                ? PostgresContainerServer.start(env("PG_IMAGE", DEFAULT_PG_IMAGE))
                : EmbeddedPostgresServer.start(workDir.resolve("postgres"), 0));
        try {
            ExchangeInfrastructure infrastructure = new ExchangeInfrastructure(mode, kafka.join(), postgres.join());
            log.info("Infrastructure: {}", infrastructure.description());
            return infrastructure;
        } catch (CompletionException e) {
            kafka.thenAccept(KafkaBroker::close);
            postgres.thenAccept(PostgresServer::close);
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public static Mode modeFromEnvironment() {
        String wanted = env("CLUE_EXCHANGE_INFRA", "auto").toLowerCase(Locale.ROOT);
        return switch (wanted) {
            case "containers" -> Mode.CONTAINERS;
            case "embedded" -> Mode.EMBEDDED;
            case "auto" -> DockerClientFactory.instance().isDockerAvailable() ? Mode.CONTAINERS : Mode.EMBEDDED;
            default -> throw new IllegalArgumentException(
                    "CLUE_EXCHANGE_INFRA must be containers, embedded or auto, not " + wanted);
        };
    }

    public Mode mode() {
        return mode;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public String description() {
        return mode + ": " + kafka.description() + "; " + postgres.description();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
