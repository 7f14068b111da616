package org.clueexchange.infrastructure;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An agency adapter started in this JVM for a test, on the shared infrastructure and a database of its own, with
 * the agencies' topics at hand to publish the other side's facts and read what the adapter published.
 */
public final class AdapterUnderTest implements AutoCloseable {

    private final Class<?> adapter;
    private final Database database;
    private final RunningApplication application;
    private final AgencyTopics topics;

    private AdapterUnderTest(Class<?> adapter, Database database, RunningApplication application,
                             AgencyTopics topics) {
        this.adapter = adapter;
        this.database = database;
        this.application = application;
        this.topics = topics;
    }

    /**
     * @param settings the adapter's settings on the infrastructure; extra entries (webhooks, delivery) may be added
     *                 to {@link AdapterSettings#asMap()}
     */
    public static AdapterUnderTest start(Class<?> adapter, String database,
                                         Function<ExchangeInfrastructure, Map<String, String>> settings) {
        return start(adapter, ExchangeInfrastructure.shared().postgres().createDatabase(database), settings);
    }

    /** An adapter started on a database of its own, which may hold what an earlier run or version of it kept. */
    public static AdapterUnderTest start(Class<?> adapter, Database database,
                                         Function<ExchangeInfrastructure, Map<String, String>> settings) {
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        RunningApplication application = RunningApplication.start(adapter, database, settings.apply(infrastructure));
        return new AdapterUnderTest(adapter, database, application,
                new AgencyTopics(infrastructure.kafka().bootstrapServers()));
    }

    /**
     * Stops this adapter and starts it again on the same database with other settings, as a deployment with a
     * changed configuration would.
     */
    public AdapterUnderTest restart(Function<ExchangeInfrastructure, Map<String, String>> settings) {
        close();
        return start(adapter, database, settings);
    }

    /**
     * Every endpoint under {@code /api}, as {@code path [METHODS]}, with the package of the controller that serves it:
     * what an agency system can call, and which module answers.
     */
    public Map<String, String> apiEndpoints() {
        Map<String, String> api = new TreeMap<>();
        application.apiMappings().forEach((mapping, handler) -> mapping.getPatternValues()
                .forEach(path -> api.put(path + " " + mapping.getMethodsCondition().getMethods(),
                        handler.getBeanType().getPackageName())));
        return api;
    }

    /** The adapter's own database, for a test that looks at or prepares what the adapter stored. */
    public Database database() {
        return database;
    }

    /** Every operation the adapter serves under {@code /api}, as {@code METHOD /path/{variable}}. */
    public Set<String> apiOperations() {
        return application.apiOperations();
    }

    public AgencyTopics topics() {
        return topics;
    }

    public URI uri() {
        return application.uri();
    }

    public JsonHttp.Response get(String path, String bearerToken) {
        return application.get(path, bearerToken);
    }

    public JsonHttp.Response post(String path, String bearerToken, Object body) {
        return application.post(path, bearerToken, body);
    }

    @Override
    public void close() {
        topics.close();
        application.close();
    }
}
