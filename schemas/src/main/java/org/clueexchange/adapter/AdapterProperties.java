package org.clueexchange.adapter;

import java.time.Duration;
import java.util.List;
import org.clueexchange.adapter.access.AgencyClient;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An adapter's settings ({@code adapter.*}). Which agency it speaks for is not a setting: each adapter is built for
 * one kind of agency.
 *
 * @param jurisdictions the jurisdictions whose agencies this adapter serves (each with everything inside it)
 * @param clients       the agency systems allowed to call it; configured outside the repository
 */
@ConfigurationProperties("adapter")
public record AdapterProperties(List<String> jurisdictions, @DefaultValue List<AgencyClient> clients,
                                @DefaultValue Kafka kafka) {

    public AdapterProperties {
        jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
        clients = List.copyOf(clients);
    }

    /**
     * @param groupId    the consumer group of this adapter's instances on the other agency's topic
     * @param retryPause how long to wait before retrying a fact that could not be stored
     */
    public record Kafka(@DefaultValue("localhost:9092") String bootstrapServers, String groupId,
                        @DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor,
                        @DefaultValue("5s") Duration retryPause) {
    }
}
