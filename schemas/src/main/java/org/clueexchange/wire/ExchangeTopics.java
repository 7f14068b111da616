package org.clueexchange.wire;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.clueexchange.events.AgencyType;

/**
 * The topics of the exchange. Each agency publishes only on its own topic; every topic is keyed by clue id, and
 * both agencies' topics have the same number of partitions, so that one consumer sees all facts of a clue.
 */
public final class ExchangeTopics {

    public static final String POLICE_EVENTS = "clue.police.events";
    public static final String DISCIPLINE_EVENTS = "clue.discipline.events";
    /** Records a consumer could not take, with the reason and where they came from in the headers. */
    public static final String DEAD_LETTER = "clue.deadletter";

    private ExchangeTopics() {
    }

    public static String of(AgencyType agency) {
        return switch (agency) {
            case POLICE -> POLICE_EVENTS;
            case DISCIPLINE -> DISCIPLINE_EVENTS;
            case UNKNOWN -> throw new IllegalArgumentException("an agency of unknown type has no topic");
        };
    }

    /**
     * Creates the exchange's topics that do not exist yet, and checks that the two agencies' topics are still
     * co-partitioned: if they are not, facts of one clue would reach different consumers.
     */
    public static void ensureExist(Admin admin, int partitions, short replicationFactor)
            throws InterruptedException, ExecutionException {
        for (String topic : List.of(POLICE_EVENTS, DISCIPLINE_EVENTS, DEAD_LETTER)) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, partitions, replicationFactor))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        Map<String, TopicDescription> topics = describe(admin, List.of(POLICE_EVENTS, DISCIPLINE_EVENTS));
        int police = topics.get(POLICE_EVENTS).partitions().size();
        int discipline = topics.get(DISCIPLINE_EVENTS).partitions().size();
        if (police != discipline) {
            throw new IllegalStateException(POLICE_EVENTS + " has " + police + " partitions and " + DISCIPLINE_EVENTS
                    + " has " + discipline + ": the agencies' topics must be co-partitioned");
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
