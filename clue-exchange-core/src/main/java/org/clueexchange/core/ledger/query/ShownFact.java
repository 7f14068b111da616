package org.clueexchange.core.ledger.query;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/**
 * Where a clue's row shows a kind of fact (the columns of the shown fact's event id and of when it occurred), and
 * which fact of the kind it shows: the earliest by occurrence, then event id, or the latest for kinds that come as
 * a series (progress reports, supervision). The live ledger lets the database decide against the committed row
 * ({@link #update}); a ledger built in memory decides the same way ({@link #precedes}).
 */
record ShownFact(String eventIdColumn, String atColumn, boolean latest) {

    /**
     * The update that shows a fact, with its {@code columns}, unless the row shows one that precedes it. Parameters:
     * {@code clue_id}, {@code event_id}, {@code at} and each column by its name.
     */
    String update(Collection<String> columns) {
        StringBuilder assignments = new StringBuilder(eventIdColumn + " = :event_id, " + atColumn + " = :at");
        columns.forEach(column -> assignments.append(", ").append(column).append(" = :").append(column));
        return "UPDATE transfer_ledger SET " + assignments + " WHERE clue_id = :clue_id AND (" + eventIdColumn
                + " IS NULL OR (CAST(:at AS TIMESTAMPTZ), CAST(:event_id AS UUID)) " + (latest ? ">" : "<") + " ("
                + atColumn + ", " + eventIdColumn + "))";
    }

    /**
     * Whether the fact takes the place of the one shown ({@code shownEventId} null: none), as {@link #update}
     * decides. PostgreSQL orders UUIDs by their bytes, unsigned, which {@link UUID#compareTo} does not.
     */
    boolean precedes(Instant at, UUID eventId, Instant shownAt, UUID shownEventId) {
        if (shownEventId == null) {
            return true;
        }
        int order = at.compareTo(shownAt);
        if (order == 0) {
            order = Long.compareUnsigned(eventId.getMostSignificantBits(), shownEventId.getMostSignificantBits());
        }
        if (order == 0) {
            order = Long.compareUnsigned(eventId.getLeastSignificantBits(), shownEventId.getLeastSignificantBits());
        }
        return latest ? order > 0 : order < 0;
    }
}
