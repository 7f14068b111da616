package org.clueexchange.infrastructure;

/** How to reach one PostgreSQL database. */
public record Database(String jdbcUrl, String username, String password) {
}
