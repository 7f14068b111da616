package org.clueexchange.subscription;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.clueexchange.wire.ExchangeTopics;

/**
 * Makes sure the exchange's topics exist before anyone consumes or publishes, that they can work together, and that
 * none of them could lose what is written to it.
 *
 * <p>Every topic of the exchange is held to the same {@link TopicDurability}, each for its own reason. The agencies'
 * topics are the record: replay and audit read them from the beginning, and nothing else holds what an agency
 * asserted as it asserted it. The dead letters are evidence: a forged or broken record's reason and the reader that
 * refused it are nowhere else, and compaction by clue id would keep only a clue's latest letter. The core's topic
 * is keyed by statement id, so compaction would keep one agency's answer to a confirmation and drop the other's,
 * and an adapter started with a new consumer group reads it from the beginning to learn what became of its
 * agency's confirmations.
 */
public final class TopicProvisioning {

    private static final List<String> TOPICS = List.of(ExchangeTopics.POLICE_EVENTS,
            ExchangeTopics.DISCIPLINE_EVENTS, ExchangeTopics.CORE_EVENTS, ExchangeTopics.DEAD_LETTER);

    private TopicProvisioning() {
    }

    /**
     * Creates the exchange's topics that do not exist yet, then refuses, naming each topic and setting, topics that
     * could lose facts (created by hand, or before the exchange kept its topics for ever), and agencies' topics no
     * longer co-partitioned, on which facts of one clue would reach different consumers.
     *
     * @throws IllegalStateException saying what is wrong with the topics and what each setting must be
     */
    public static void prepare(Admin admin, int partitions, short replicationFactor)
            throws InterruptedException, ExecutionException {
        Map<String, String> durable = TopicDurability.settings(replicationFactor);
        for (String topic : TOPICS) {
            Map<String, String> settings = new HashMap<>(durable);
            if (topic.equals(ExchangeTopics.DEAD_LETTER)) {
                settings.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(DeadLetters.MAX_LETTER_BYTES));
            }
            try {
                admin.createTopics(List.of(new NewTopic(topic, partitions, replicationFactor).configs(settings)))
                        .all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        Map<String, TopicDescription> descriptions =
                onceKnown(() -> admin.describeTopics(TOPICS).allTopicNames().get());
        Map<ConfigResource, Config> configs = onceKnown(() -> admin.describeConfigs(TOPICS.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList()).all().get());
        List<String> problems = new ArrayList<>();
        for (String topic : TOPICS) {
            Map<String, String> config = new HashMap<>();
            configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic)).entries()
                    .forEach(entry -> config.put(entry.name(), entry.value()));
            List<Integer> replicas = descriptions.get(topic).partitions().stream()
                    .sorted(Comparator.comparingInt(TopicPartitionInfo::partition))
                    .map(TopicPartitionInfo::replicas).map(List::size).toList();
            problems.addAll(TopicDurability.problems(topic, config, replicas, replicationFactor));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the exchange's topics could lose facts, so this application does not "
                    + "run on them (README, Operators: the topics):\n  " + String.join("\n  ", problems));
        }
        int police = descriptions.get(ExchangeTopics.POLICE_EVENTS).partitions().size();
        int discipline = descriptions.get(ExchangeTopics.DISCIPLINE_EVENTS).partitions().size();
        if (police != discipline) {
            throw new IllegalStateException(ExchangeTopics.POLICE_EVENTS + " has " + police + " partitions and "
                    + ExchangeTopics.DISCIPLINE_EVENTS + " has " + discipline
                    + ": the agencies' topics must be co-partitioned");
        }
    }

    /** A request the broker answers, about topics whose metadata may not have reached every broker yet. */
    private interface TopicRequest<T> {
        T send() throws InterruptedException, ExecutionException;
    }

    /** Asks about topics just created, waiting the moment it takes their metadata to reach every broker. */
    private static <T> T onceKnown(TopicRequest<T> request) throws InterruptedException, ExecutionException {
        for (int attempt = 1; ; attempt++) {
            try {
                return request.send();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || attempt == 50) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }
}
