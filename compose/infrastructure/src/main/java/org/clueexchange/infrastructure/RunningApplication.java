package org.clueexchange.infrastructure;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One of the exchange's Spring Boot applications started in this JVM on a free port, for tests that drive it
 * through its HTTP API. Settings are passed as command-line arguments, which override application.yml.
 */
public final class RunningApplication implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final URI base;

    private RunningApplication(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }

    /** @param extraSources configuration classes a test adds, e.g. to replace the application's clock */
    public static RunningApplication start(Class<?> application, Database database, Map<String, String> settings,
                                           Class<?>... extraSources) {
        Map<String, String> arguments = new LinkedHashMap<>(settings);
        arguments.put("spring.datasource.url", database.jdbcUrl());
        arguments.put("spring.datasource.username", database.username());
        arguments.put("spring.datasource.password", database.password());
        arguments.putIfAbsent("server.port", "0");
        return new RunningApplication(new SpringApplicationBuilder(application).sources(extraSources)
                .run(arguments.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new)));
    }

    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    public URI uri() {
        return base;
    }

    public JsonHttp.Response get(String path, String bearerToken) {
        return new JsonHttp(base, bearerToken).get(path);
    }

    public JsonHttp.Response post(String path, String bearerToken, Object body) {
        return new JsonHttp(base, bearerToken).post(path, body);
    }

    @Override
    public void close() {
        context.close();
    }
}
