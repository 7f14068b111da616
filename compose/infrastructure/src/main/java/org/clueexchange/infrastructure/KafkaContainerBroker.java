package org.clueexchange.infrastructure;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** A Kafka broker in a container of the official {@code apache/kafka} image, or a compatible one. */
public final class KafkaContainerBroker implements KafkaBroker {

    private final KafkaContainer container;
    private final String image;

    private KafkaContainerBroker(KafkaContainer container, String image) {
        this.container = container;
        this.image = image;
    }

    public static KafkaContainerBroker start(String image) {
        KafkaContainer container = new KafkaContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("apache/kafka"))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        container.start();
        return new KafkaContainerBroker(container, image);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers().replaceFirst("^PLAINTEXT://", "");
    }

    @Override
    public String description() {
        return "Kafka container " + image + " (" + container.getContainerId().substring(0, 12) + ")";
    }

    /** Freezes the container: connections hang, as they do when a broker's host is cut off. */
    @Override
    public void pause() {
        DockerClientFactory.instance().client().pauseContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void resume() {
        DockerClientFactory.instance().client().unpauseContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void close() {
        container.stop();
    }
}
