package org.clueexchange.subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.clueexchange.wire.ExchangeTopics;

/** Makes sure the exchange's topics exist before anyone consumes or publishes, and that they can work together. */
public final class TopicProvisioning {

    private TopicProvisioning() {
    }

    /**
     * Creates the exchange's topics that do not exist yet (the agencies', the core's, the dead letters'), and checks
     * that the two agencies' topics are still co-partitioned: if they are not, facts of one clue would reach
     * different consumers.
     */
    public static void ensureExist(Admin admin, int partitions, short replicationFactor)
            throws InterruptedException, ExecutionException {
        List<NewTopic> topics = new ArrayList<>();
        ExchangeTopics.AGENCY_TOPICS.forEach(topic -> topics.add(new NewTopic(topic, partitions, replicationFactor)));
        topics.add(new NewTopic(ExchangeTopics.CORE_EVENTS, partitions, replicationFactor));
        topics.add(new NewTopic(ExchangeTopics.DEAD_LETTER, partitions, replicationFactor).configs(Map.of(
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(DeadLetters.MAX_LETTER_BYTES))));
        for (NewTopic topic : topics) {
            try {
                admin.createTopics(List.of(topic)).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        Map<String, TopicDescription> agencyTopics = describe(admin, ExchangeTopics.AGENCY_TOPICS);
        int police = agencyTopics.get(ExchangeTopics.POLICE_EVENTS).partitions().size();
        int discipline = agencyTopics.get(ExchangeTopics.DISCIPLINE_EVENTS).partitions().size();
        if (police != discipline) {
            throw new IllegalStateException(ExchangeTopics.POLICE_EVENTS + " has " + police + " partitions and "
                    + ExchangeTopics.DISCIPLINE_EVENTS + " has " + discipline
                    + ": the agencies' topics must be co-partitioned");
        }
    }

    /** Describes topics just created, waiting the moment it takes their metadata to reach every broker. */
    private static Map<String, TopicDescription> describe(Admin admin, List<String> names)
            throws InterruptedException, ExecutionException {
        for (int attempt = 1; ; attempt++) {
            try {
                return admin.describeTopics(names).allTopicNames().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || attempt == 50) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }
}
