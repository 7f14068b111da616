package org.clueexchange.infrastructure;

/** A running Kafka broker. */
public interface KafkaBroker extends AutoCloseable {

    String bootstrapServers();

    /** What runs, for the log: image or version. */
    String description();

    /** Makes the broker unreachable, as an outage would, keeping its data. */
    void pause();

    /** Ends {@link #pause()}: the broker serves again at the same address with the same data. */
    void resume();

    @Override
    void close();
}
