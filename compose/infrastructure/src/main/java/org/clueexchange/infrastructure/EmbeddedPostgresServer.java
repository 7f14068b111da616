package org.clueexchange.infrastructure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A real PostgreSQL server run from the binaries on the classpath, as a child process on a loopback port. */
public final class EmbeddedPostgresServer implements PostgresServer {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts a server whose data lives in {@code dataDir} (created by initdb when empty); port 0: any free port. */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        try {
            return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port == 0 ? FreePorts.pick() : port)
                    .setServerConfig("listen_addresses", "localhost")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDir, e);
        }
    }

    @Override
    public Database createDatabase(String name) {
        PostgresServer.createDatabase(postgres.getPostgresDatabase(), name);
        return new Database("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name, "postgres", "");
    }

    @Override
    public String description() {
        return "embedded PostgreSQL (zonky binaries, port " + postgres.getPort() + ")";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
