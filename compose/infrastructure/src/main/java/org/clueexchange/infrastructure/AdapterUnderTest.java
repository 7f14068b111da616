package org.clueexchange.infrastructure;

import java.net.URI;
import java.util.Map;
import java.util.function.Function;

/**
 * An agency adapter started in this JVM for a test, on the shared infrastructure and a database of its own, with
 * the agencies' topics at hand to publish the other side's facts and read what the adapter published.
 */
public final class AdapterUnderTest implements AutoCloseable {

    private final RunningApplication application;
    private final AgencyTopics topics;

    private AdapterUnderTest(RunningApplication application, AgencyTopics topics) {
        this.application = application;
        this.topics = topics;
    }

    /**
     * @param settings the adapter's settings on the infrastructure; extra entries (webhooks, delivery) may be added
     *                 to {@link AdapterSettings#asMap()}
     */
    public static AdapterUnderTest start(Class<?> adapter, String database,
                                         Function<ExchangeInfrastructure, Map<String, String>> settings) {
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        RunningApplication application = RunningApplication.start(adapter,
                infrastructure.postgres().createDatabase(database), settings.apply(infrastructure));
        return new AdapterUnderTest(application, new AgencyTopics(infrastructure.kafka().bootstrapServers()));
    }

    /** One of the adapter's beans, by name, for tests that look at how it is put together. */
    public <T> T bean(String name, Class<T> type) {
        return application.bean(name, type);
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
