package org.clueexchange.infrastructure;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** A running PostgreSQL server on which each component gets a database of its own. */
public interface PostgresServer extends AutoCloseable {

    /** Creates an empty database; the name must be a plain SQL identifier. */
    Database createDatabase(String name);

    String description();

    /** Creates database {@code name} through a connection with the right to. */
    static void createDatabase(DataSource admin, String name) {
        if (!Pattern.matches("[a-z_][a-z0-9_]{0,62}", name)) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    @Override
    void close();
}
