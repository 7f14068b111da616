package org.clueexchange.infrastructure;

import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** PostgreSQL in a container of the official {@code postgres} image, or a compatible one. */
public final class PostgresContainerServer implements PostgresServer {

    private final PostgreSQLContainer container;
    private final String image;

    private PostgresContainerServer(PostgreSQLContainer container, String image) {
        this.container = container;
        this.image = image;
    }

    public static PostgresContainerServer start(String image) {
        PostgreSQLContainer container =
                new PostgreSQLContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"));
        container.start();
        return new PostgresContainerServer(container, image);
    }

    @Override
    public Database createDatabase(String name) {
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setUrl(container.getJdbcUrl());
        admin.setUser(container.getUsername());
        admin.setPassword(container.getPassword());
        PostgresServer.createDatabase(admin, name);
        return new Database("jdbc:postgresql://" + container.getHost() + ":"
                + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + name,
                container.getUsername(), container.getPassword());
    }

    @Override
    public String description() {
        return "PostgreSQL container " + image + " (" + container.getContainerId().substring(0, 12) + ")";
    }

    @Override
    public void close() {
        container.stop();
    }
}
