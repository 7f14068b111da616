package org.clueexchange.infrastructure;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka cluster in KRaft mode inside this JVM, listening on loopback only: the same broker code as a
 * real cluster, with one replica of everything.
 */
public final class EmbeddedKafkaBroker implements KafkaBroker {

    private static final String CONTROLLER = "CONTROLLER";

    private final Path logDir;
    private final int port;
    private final KafkaConfig config;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path logDir, int port, KafkaConfig config) {
        this.logDir = logDir;
        this.port = port;
        this.config = config;
    }

    /** Formats {@code logDir} if it is empty and starts the broker on {@code port} (0: any free port). */
    public static EmbeddedKafkaBroker start(Path logDir, int port) {
        int brokerPort = port == 0 ? FreePorts.pick() : port;
        int controllerPort = FreePorts.pick();
        KafkaConfig config = KafkaConfig.fromProps(properties(logDir, brokerPort, controllerPort));
        try {
            Files.createDirectories(logDir);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                new Formatter()
                        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                        .setNodeId(config.nodeId())
                        .setClusterId(Uuid.randomUuid().toString())
                        .setControllerListenerName(CONTROLLER)
                        .setMetadataLogDirectory(logDir.toString())
                        .addDirectory(logDir.toString())
                        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                        .setHasDynamicQuorum(false)
                        .run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + logDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka log directory " + logDir, e);
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(logDir, brokerPort, config);
        broker.resume();
        return broker;
    }

    private static Properties properties(Path logDir, int brokerPort, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners",
                "PLAINTEXT://localhost:" + brokerPort + "," + CONTROLLER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        props.put("controller.listener.names", CONTROLLER);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // One node: every internal topic has one replica, or consumer groups never form.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created on purpose, with the exchange's partitioning; a typo must not create one.
        props.put("auto.create.topics.enable", "false");
        return props;
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public String description() {
        return "embedded Kafka " + AppInfoParser.getVersion() + " (in-process KRaft, " + logDir + ")";
    }

    @Override
    public synchronized void pause() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    @Override
    public synchronized void resume() {
        if (server == null) {
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
        }
    }

    @Override
    public void close() {
        pause();
    }
}
