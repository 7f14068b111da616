package org.clueexchange.core;

import java.nio.file.Path;
import java.time.Duration;
import org.clueexchange.wire.TimeBounds;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The core's settings ({@code clue-exchange.*}).
 *
 * @param agencyKeys the file of the agencies' public keys every reader of the exchange trusts; needed wherever the
 *                   core reads facts ({@code origin.OriginConfiguration})
 */
@ConfigurationProperties("clue-exchange")
public record CoreProperties(@DefaultValue Kafka kafka, @DefaultValue Intake intake, Path agencyKeys) {

    /**
     * @param partitions        of each agency topic when the core creates them; both must have the same number
     * @param replicationFactor 3 in any real cluster (with min.insync.replicas=2)
     */
    public record Kafka(@DefaultValue("localhost:9092") String bootstrapServers, @DefaultValue("6") int partitions,
                        @DefaultValue("1") short replicationFactor) {
    }

    /**
     * @param groupId       the consumer group all core instances share; a new group reads both topics from the start
     * @param consumers     threads consuming both agency topics, at most one per partition is ever busy; 0, the
     *                      default, is one per partition, which a single node needs to keep up with the topics
     * @param retryPause    how long to wait before retrying a fact that could not be recorded (database away)
     * @param cachedEntries how many ledger entries stay in memory between facts, so that none is read back from the
     *                      event store while its clue is in flight
     * @param clockSkew     how far ahead of the core's clock a fact's time may lie before the fact is dead-lettered
     *                      ({@link TimeBounds#DEFAULT_CLOCK_SKEW} unless set); at least the adapters'
     */
    public record Intake(@DefaultValue("clue-exchange-core") String groupId, @DefaultValue("0") int consumers,
                         @DefaultValue("5s") Duration retryPause, @DefaultValue("20000") int cachedEntries,
                         Duration clockSkew) {

        public Intake {
            clockSkew = clockSkew == null ? TimeBounds.DEFAULT_CLOCK_SKEW : clockSkew;
        }
    }
}
