package org.clueexchange.infrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** How to reach one PostgreSQL database. */
public record Database(String jdbcUrl, String username, String password) {

    /** Runs each statement in turn, as the database's owner, e.g. to make the database misbehave for a test. */
    public void execute(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, username, password);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
