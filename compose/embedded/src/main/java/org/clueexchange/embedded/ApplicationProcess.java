package org.clueexchange.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One application of the exchange running from its own executable jar in a JVM of its own, as it would in a
 * deployment: the core and the adapters share nothing but the broker, the database server and HTTP.
 */
public final class ApplicationProcess implements AutoCloseable {

    /** On one machine the applications listen on loopback only: nothing outside it can reach them. */
    static final String LOOPBACK = "127.0.0.1";
    /** A heap and a collector that leave room for the other applications, the broker and the database. */
    public static final List<String> MEMORY_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");
    /** Compiles with C1 only, which starts an application faster on a small machine; C2 would compile more. */
    public static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    /**
     * What the embedded mode runs the core and both adapters with. C1 only, measured on two cores by the core ingest
     * benchmark (README): the core starts in less time and takes in 100,000 facts faster than with full tiered
     * compilation, whose compiler threads compete for the same two cores as the broker, the database and the three
     * applications. A deployment's JVMs, with cores of their own, compile fully.
     */
    public static final List<String> EMBEDDED_JVM_OPTIONS =
            Stream.concat(MEMORY_OPTIONS.stream(), Stream.of(C1_ONLY)).toList();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private Process process;

    /**
     * @param settings    Spring settings, passed as command-line arguments
     * @param environment extra environment, for settings that should not show in a process list
     * @param jvmOptions  the options of the application's JVM, e.g. {@link #EMBEDDED_JVM_OPTIONS}
     */
    public ApplicationProcess(String name, Path jar, int port, Map<String, String> settings,
                              Map<String, String> environment, Path logDirectory, List<String> jvmOptions) {
        this.name = name;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.log = logDirectory.resolve(name + ".log");
        this.command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.address=" + LOOPBACK, "--server.port=" + port));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
    }

    public String name() {
        return name;
    }

    public URI uri() {
        return URI.create("http://" + LOOPBACK + ":" + port);
    }

    public Path log() {
        return log;
    }

    /** The operating system's id of the running JVM, e.g. to read its memory from {@code /proc}. */
    public long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " has not been started");
        }
        return process.pid();
    }

    public ApplicationProcess start() {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until the application reports itself ready to serve, or fails if it died or took too long. */
    public void awaitReady(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        HttpRequest readiness = HttpRequest.newBuilder(uri().resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // starting up
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + patience + "; see " + log);
    }

    /** Stops the application the way a service manager would (SIGTERM), then forcibly if it does not stop. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Kills the application without warning (SIGKILL), as a power cut or the kernel's OOM killer would. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
