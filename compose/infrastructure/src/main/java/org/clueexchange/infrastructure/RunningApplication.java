package org.clueexchange.infrastructure;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One of the exchange's Spring Boot applications started in this JVM on a free port, for tests that drive it
 * through its HTTP API. Settings are passed as command-line arguments, which override application.yml.
 */
public final class RunningApplication implements AutoCloseable {

    private static final String API = "/api/";

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

    /** The application's mappings of paths under {@code /api}, each with the handler that serves it. */
    public Map<RequestMappingInfo, HandlerMethod> apiMappings() {
        Map<RequestMappingInfo, HandlerMethod> api = new LinkedHashMap<>();
        bean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods()
                .forEach((mapping, handler) -> {
                    if (mapping.getPatternValues().stream().anyMatch(path -> path.startsWith(API))) {
                        api.put(mapping, handler);
                    }
                });
        return api;
    }

    /** Every operation the application serves under {@code /api}, as {@code METHOD /path/{variable}}. */
    public Set<String> apiOperations() {
        Set<String> operations = new TreeSet<>();
        apiMappings().keySet().forEach(mapping -> mapping.getPatternValues().stream()
                .filter(path -> path.startsWith(API))
                .forEach(path -> mapping.getMethodsCondition().getMethods()
                        .forEach(method -> operations.add(method + " " + path))));
        return operations;
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
