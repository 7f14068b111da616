package org.clueexchange.infrastructure;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

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

    /**
     * Whether any row of any table of the public schema holds {@code text}, as text or as its UTF-8 bytes in a
     * {@code bytea} (which PostgreSQL writes in hex): to look for what no table may hold, a person's ID number, say.
     */
    public boolean holds(String text) throws SQLException {
        String hex = HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
        try (Connection connection = DriverManager.getConnection(jdbcUrl, username, password);
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT t::text FROM \"" + table + "\" t")) {
                    while (rows.next()) {
                        String row = rows.getString(1);
                        if (row.contains(text) || row.toLowerCase(Locale.ROOT).contains(hex)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
