package org.clueexchange.infrastructure;

/** A running Kafka broker. */
public interface KafkaBroker extends AutoCloseable {

    String bootstrapServers();

    /** What runs, for the log: image or version. */
    String description();

    @Override
    void close();
}
