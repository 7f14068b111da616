package org.clueexchange.infrastructure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/**
 * For tests: one of the exchange's topics with some of its settings changed, as an operator (or a careless script)
 * might have left it, until closed, when each setting is the topic's own again or the broker's default, as before.
 * The exchange's topics must exist: {@link AgencyTopics} creates them.
 */
public final class ChangedTopic implements AutoCloseable {

    private final Admin admin;
    private final ConfigResource topic;
    private final List<AlterConfigOp> restore;
    private final Map<String, String> original;

    private ChangedTopic(Admin admin, ConfigResource topic, List<AlterConfigOp> restore,
                         Map<String, String> original) {
        this.admin = admin;
        this.topic = topic;
        this.restore = restore;
        this.original = original;
    }

    public static ChangedTopic change(String bootstrapServers, String topic, Map<String, String> settings)
            throws ExecutionException, InterruptedException {
        Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        try {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config before = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            List<AlterConfigOp> restore = new ArrayList<>();
            List<AlterConfigOp> change = new ArrayList<>();
            Map<String, String> original = new HashMap<>();
            settings.forEach((name, value) -> {
                ConfigEntry was = before.get(name);
                original.put(name, was.value());
                restore.add(was.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG
                        ? new AlterConfigOp(was, AlterConfigOp.OpType.SET)
                        : new AlterConfigOp(new ConfigEntry(name, ""), AlterConfigOp.OpType.DELETE));
                change.add(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET));
            });
            admin.incrementalAlterConfigs(Map.of(resource, change)).all().get();
            ChangedTopic changed = new ChangedTopic(admin, resource, restore, original);
            changed.awaitSettings(settings);
            return changed;
        } catch (ExecutionException | InterruptedException | RuntimeException e) {
            admin.close();
            throw e;
        }
    }

    /**
     * Waits until the broker describes the topic with these settings: the controller takes a change at once, the
     * broker an application asks a moment later.
     */
    private void awaitSettings(Map<String, String> settings) throws ExecutionException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Config now = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            if (settings.entrySet().stream().allMatch(setting -> setting.getValue().equals(
                    now.get(setting.getKey()).value())) || attempt == 100) {
                return;
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws ExecutionException {
        try {
            admin.incrementalAlterConfigs(Map.of(topic, restore)).all().get();
            awaitSettings(original);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while putting " + topic.name() + " back as it was", e);
        } finally {
            admin.close();
        }
    }
}
