package org.clueexchange.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants in and out of PostgreSQL's TIMESTAMPTZ columns. Bound as UTC offset date-times, so that no session time
 * zone of the JDBC driver or the server moves them.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** {@code instant} as a parameter for a TIMESTAMPTZ column; null stays null. */
    public static OffsetDateTime of(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A nullable TIMESTAMPTZ column as an instant. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
