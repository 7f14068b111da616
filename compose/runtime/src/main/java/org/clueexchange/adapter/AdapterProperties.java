package org.clueexchange.adapter;

import java.time.Duration;
import java.util.List;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.wire.Jurisdictions;
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
                                @DefaultValue Kafka kafka, @DefaultValue Delivery delivery) {

    public AdapterProperties {
        jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
        clients = List.copyOf(clients);
        jurisdictions.forEach(code -> requireCode("adapter.jurisdictions", code));
        for (AgencyClient client : clients) {
            for (String jurisdiction : client.jurisdictions()) {
                requireCode("adapter.clients: " + client.id(), jurisdiction);
                if (!jurisdictions.isEmpty() && jurisdictions.stream()
                        .noneMatch(served -> Jurisdictions.liesWithin(jurisdiction, served))) {
                    throw new IllegalArgumentException("adapter.clients: " + client.id() + " would act for "
                            + jurisdiction + ", which this adapter does not serve (adapter.jurisdictions: "
                            + jurisdictions + ")");
                }
            }
        }
    }

    private static void requireCode(String setting, String code) {
        if (!Jurisdictions.isValid(code)) {
            throw new IllegalArgumentException(setting + ": '" + code + "' is not a six-digit GB/T 2260 code");
        }
    }

    /**
     * How facts are pushed to the clients' webhooks: a failed attempt is retried after {@code firstRetry},
     * doubling up to {@code longestRetry}; after {@code maxAttempts} the delivery is FAILED until an operator
     * retries it.
     */
    public record Delivery(@DefaultValue("12") int maxAttempts, @DefaultValue("1s") Duration firstRetry,
                           @DefaultValue("10m") Duration longestRetry, @DefaultValue("10s") Duration timeout) {
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
